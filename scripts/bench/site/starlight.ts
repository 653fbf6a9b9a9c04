// Starlight, the anchor of the site benchmark: the same docs in its layout, its project files, and
// its install at the exact versions of the lock file beside this module.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { type SyntheticKb } from '../synthetic-kb/index.ts';
import { BenchError } from '../errors.ts';
import { packageVersion, writeText } from '../files.ts';

// ---------------------------------------------------------------------------------------------
// Our docs in Starlight's layout.

/** opskb's MDX callouts and the Starlight aside each becomes (`:::caution[Title]` … `:::`). */
export const CALLOUT_ASIDES = { Warning: 'caution', Danger: 'danger', Note: 'note' } as const;
export type Callout = keyof typeof CALLOUT_ASIDES;
export const isCallout = (name: string): name is Callout => Object.hasOwn(CALLOUT_ASIDES, name);

export type StarlightDoc =
  | { readonly kind: 'copied'; readonly content: string }
  | { readonly kind: 'converted'; readonly content: string; readonly asides: number }
  | { readonly kind: 'skipped'; readonly reason: string };

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const OPSKB_IMPORT = /^import\s+\{[^}]*\}\s+from\s+['"]@opskb\/mdx['"];?\s*$/;
export const OPENING = /^(\s*)<([A-Z][A-Za-z0-9]*)((?:\s+[A-Za-z-]+=(?:"[^"]*"|'[^']*'))*)\s*>(.*)$/;
export const ATTRIBUTE = /([A-Za-z-]+)=(?:"([^"]*)"|'([^']*)')/g;
export const COMPONENT = /<\/?([A-Z][A-Za-z0-9.]*)(?=[\s/>])/;

/**
 * A doc as Starlight can build it. `.md` files are copied unchanged. In `.mdx`, opskb's callouts
 * (`<Warning title="…">` on their own lines) become Starlight asides, and `import … from '@opskb/mdx'`
 * goes; a doc that uses anything else Starlight does not have (another component, an import, a
 * callout inline in a paragraph) is skipped with the reason, so the comparison never fails on it.
 */
export function toStarlightDoc(path: string, content: string): StarlightDoc {
  if (!path.endsWith('.mdx')) return { kind: 'copied', content };
  const lines = content.split('\n');
  const out: string[] = [];
  let asides = 0;
  let fence: string | undefined;
  let frontmatter = lines[0] === '---';
  let open: { name: Callout; indent: string; title: string | undefined; body: string[]; line: number } | undefined;
  const skip = (line: number, reason: string): StarlightDoc => ({ kind: 'skipped', reason: `line ${line + 1}: ${reason}` });
  const closeAside = (callout: NonNullable<typeof open>) => {
    out.push(...renderAside(callout.name, callout.title, callout.body, callout.indent));
    asides += 1;
  };

  for (const [index, line] of lines.entries()) {
    const target = open ? open.body : out;
    if (frontmatter) {
      out.push(line);
      if (index > 0 && line === '---') frontmatter = false;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      target.push(line);
      if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) fence = undefined;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      target.push(line);
      continue;
    }
    if (open) {
      const closing = new RegExp(`^(.*?)</${open.name}>\\s*$`).exec(line);
      if (closing) {
        if ((closing[1] ?? '').trim() !== '') open.body.push(closing[1] ?? '');
        closeAside(open);
        open = undefined;
        continue;
      }
      const component = COMPONENT.exec(withoutCode(line));
      if (component) return skip(index, `<${component[1]}> inside <${open.name}> (line ${open.line + 1}): nested components are not converted`);
      open.body.push(line);
      continue;
    }
    if (OPSKB_IMPORT.test(line)) continue;
    if (/^(import|export)\s/.test(line)) return skip(index, `\`${line.trim()}\`: only imports from @opskb/mdx are converted`);
    const opening = OPENING.exec(line);
    if (opening && isCallout(opening[2] ?? '')) {
      const name = opening[2] as Callout;
      const attributes = [...(opening[3] ?? '').matchAll(ATTRIBUTE)];
      const unknown = attributes.find((attribute) => attribute[1] !== 'title');
      if (unknown) return skip(index, `<${name} ${unknown[1]}=…>: only \`title\` is converted`);
      const title = attributes[0] ? (attributes[0][2] ?? attributes[0][3]) : undefined;
      const rest = opening[4] ?? '';
      const callout = { name, indent: opening[1] ?? '', title, body: [] as string[], line: index };
      const sameLine = new RegExp(`^(.*?)</${name}>\\s*$`).exec(rest);
      if (sameLine) {
        callout.body.push(sameLine[1] ?? '');
        closeAside(callout);
      } else {
        if (COMPONENT.exec(withoutCode(rest))) return skip(index, `a component after <${name}> on the same line`);
        if (rest.trim() !== '') callout.body.push(rest);
        open = callout;
      }
      continue;
    }
    const component = COMPONENT.exec(withoutCode(line));
    if (component) {
      const name = component[1] ?? '';
      return skip(
        index,
        isCallout(name) ? `<${name}> inside a paragraph: only callouts on their own lines are converted` : `<${name}> is an opskb-only component`,
      );
    }
    out.push(line);
  }
  if (open) return skip(open.line, `<${open.name}> is never closed`);
  return asides === 0 ? { kind: 'copied', content } : { kind: 'converted', content: out.join('\n'), asides };
}

export function renderAside(name: Callout, title: string | undefined, body: readonly string[], indent: string): string[] {
  let lines = [...body];
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines = lines.slice(1);
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines = lines.slice(0, -1);
  const common = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
  const dedented = lines.map((line) => (line.trim() === '' ? '' : `${indent}${line.slice(Number.isFinite(common) ? common : 0)}`));
  const label = title === undefined ? '' : `[${title.replace(/[[\]\\]/g, (character) => `\\${character}`)}]`;
  return [`${indent}:::${CALLOUT_ASIDES[name]}${label}`, ...dedented, `${indent}:::`];
}

/** The line with inline code spans blanked, so `` `<Warning>` `` in text is not a component. */
export function withoutCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, '');
}

export type StarlightConversion = {
  /** Paths relative to `src/content/docs/`, the same as under opskb's content root. */
  readonly docs: readonly { readonly path: string; readonly content: string }[];
  readonly converted: number;
  readonly asides: number;
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
};

export function convertKbForStarlight(files: readonly { readonly path: string; readonly content: string }[]): StarlightConversion {
  const docs: { path: string; content: string }[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let converted = 0;
  let asides = 0;
  for (const file of files) {
    if (!/\.mdx?$/.test(file.path)) continue;
    const doc = toStarlightDoc(file.path, file.content);
    if (doc.kind === 'skipped') {
      skipped.push({ path: file.path, reason: doc.reason });
      continue;
    }
    if (doc.kind === 'converted') {
      converted += 1;
      asides += doc.asides;
    }
    docs.push({ path: file.path, content: doc.content });
  }
  return { docs, converted, asides, skipped };
}

/** The Starlight project's package.json and package-lock.json: exact versions, installed with `npm ci`. */
export const STARLIGHT_LOCK_DIR = fileURLToPath(new URL('./starlight-lock/', import.meta.url));

/** The versions the lock file pins, read from its package.json; throws a BenchError when one is a range. */
export function pinnedStarlight(lockDir: string = STARLIGHT_LOCK_DIR): { readonly starlight: string; readonly astro: string } {
  const manifest = JSON.parse(readFileSync(join(lockDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const pinned = (name: string) => {
    const version = manifest.dependencies?.[name] ?? '';
    if (!/^\d+\.\d+\.\d+$/.test(version)) throw new BenchError(`${join(lockDir, 'package.json')} must pin ${name} to an exact version, not \`${version}\``);
    return version;
  };
  return { starlight: pinned('@astrojs/starlight'), astro: pinned('astro') };
}

/** The Starlight project's own files besides package.json and its lock: the config and the content collection. */
export function starlightProjectFiles(site: string): { readonly path: string; readonly content: string }[] {
  const config = `// Written by opskb's site benchmark.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: ${JSON.stringify(site)},
  integrations: [
    starlight({
      title: 'opskb benchmark',
      expressiveCode: { shiki: { langAlias: { promql: 'txt', logql: 'txt', traceql: 'txt' } } },
    }),
  ],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && (warning.message ?? '').includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
`;
  // docsSchema is a z.object that strips unknown keys, so opskb's extra frontmatter (owner,
  // services, alerts, last_reviewed…) passes without an \`extend\`.
  const contentConfig = `// Written by opskb's site benchmark.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
`;
  return [
    { path: 'astro.config.mjs', content: config },
    { path: 'src/content.config.ts', content: contentConfig },
  ];
}

export function installStarlight(project: string, kb: SyntheticKb, root: string, site: string): { version: string; notes: string[] } {
  const pinned = pinnedStarlight();
  mkdirSync(project, { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) copyFileSync(join(STARLIGHT_LOCK_DIR, name), join(project, name));
  for (const file of starlightProjectFiles(site)) writeText(join(project, file.path), file.content);
  const conversion = convertKbForStarlight(kb.files);
  for (const doc of conversion.docs) writeText(join(project, 'src', 'content', 'docs', doc.path), doc.content);

  const logPath = join(root, 'starlight-npm-install.log');
  console.error(`  installing @astrojs/starlight@${pinned.starlight} with astro@${pinned.astro} from the lock file (npm ci, log: ${logPath})…`);
  const log = openSync(logPath, 'w');
  const started = performance.now();
  let install: ReturnType<typeof spawnSync>;
  try {
    install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: project, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const seconds = (performance.now() - started) / 1000;
  if (install.error || install.status !== 0) {
    const tail = readFileSync(logPath, 'utf8').trim().split('\n').slice(-20).join('\n');
    throw new BenchError(
      `npm ci of @astrojs/starlight@${pinned.starlight} failed (${install.error?.message ?? `exit ${install.status}`}). Last lines of ${logPath} (--keep keeps it):\n${tail}`,
    );
  }
  const installed = { starlight: packageVersion(project, '@astrojs/starlight'), astro: packageVersion(project, 'astro') };
  console.error(`  installed in ${seconds.toFixed(0)} s: @astrojs/starlight ${installed.starlight}, astro ${installed.astro}`);
  const skipped =
    conversion.skipped.length === 0
      ? 'none skipped'
      : `${conversion.skipped.length} skipped (${conversion.skipped
          .slice(0, 3)
          .map((doc) => `${doc.path}: ${doc.reason}`)
          .join('; ')}${conversion.skipped.length > 3 ? '; …' : ''})`;
  return {
    version: `${installed.starlight} (astro ${installed.astro})`,
    notes: [
      `Starlight: @astrojs/starlight ${installed.starlight} and astro ${installed.astro}, exact versions from scripts/bench/site/starlight-lock/ (npm ci ${seconds.toFixed(0)} s (not in the build time). Same ${conversion.docs.length} doc files under src/content/docs/ (same paths, so the same URLs); ${conversion.converted} MDX docs had their <Warning>/<Danger>/<Note> callouts turned into Starlight asides (${conversion.asides} asides); ${skipped}. docsSchema strips opskb's extra frontmatter keys, so no extend was needed. Registries are not copied (Starlight has no use for them).`,
    ],
  };
}
