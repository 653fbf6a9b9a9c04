// `npm run bench:site`: builds one synthetic knowledge base with opskb and with Starlight (the same
// docs, measured the same way), then searches both in Chromium with Pagefind's JS API, and prints
// build time, memory, output size and search transfers against opskb's targets. The pure parts
// (the Starlight project, size and transfer accounting, targets, the report) are exported for tests.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { startStaticServer } from '../site/static-server.ts';
import { detectRssProbe, formatTable, measureCommand, median, summarise, type CommandSpec, type Measurement, type RssProbe, type Summary } from './measure.ts';
import {
  measureSearch,
  measureSearchUi,
  OPSKB_SEARCH_UI,
  STARLIGHT_SEARCH_UI,
  type SearchRun,
  type SearchStep,
  type SearchUi,
  type Transfer,
  type UiQuery,
} from './query-bench.ts';
import { docMix, generateSyntheticKb, writeSyntheticKb, type SyntheticKb } from './synthetic-kb.ts';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** opskb's targets. Build time is relative to Starlight on the same docs; the rest is absolute. */
export const SITE_TARGETS = {
  buildWallRatio: 0.5,
  peakRssBytes: 1.5 * GB,
  firstQueryBytes: 250 * KB,
  laterQueryBytes: 60 * KB,
  laterQueryMs: 50,
} as const;

export class SiteBenchError extends Error {}

// ---------------------------------------------------------------------------------------------
// Our docs in Starlight's layout.

/** opskb's MDX callouts and the Starlight aside each becomes (`:::caution[Title]` … `:::`). */
export const CALLOUT_ASIDES = { Warning: 'caution', Danger: 'danger', Note: 'note' } as const;
type Callout = keyof typeof CALLOUT_ASIDES;
const isCallout = (name: string): name is Callout => Object.hasOwn(CALLOUT_ASIDES, name);

export type StarlightDoc =
  | { readonly kind: 'copied'; readonly content: string }
  | { readonly kind: 'converted'; readonly content: string; readonly asides: number }
  | { readonly kind: 'skipped'; readonly reason: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const OPSKB_IMPORT = /^import\s+\{[^}]*\}\s+from\s+['"]@opskb\/mdx['"];?\s*$/;
const OPENING = /^(\s*)<([A-Z][A-Za-z0-9]*)((?:\s+[A-Za-z-]+=(?:"[^"]*"|'[^']*'))*)\s*>(.*)$/;
const ATTRIBUTE = /([A-Za-z-]+)=(?:"([^"]*)"|'([^']*)')/g;
const COMPONENT = /<\/?([A-Z][A-Za-z0-9.]*)(?=[\s/>])/;

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

function renderAside(name: Callout, title: string | undefined, body: readonly string[], indent: string): string[] {
  let lines = [...body];
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines = lines.slice(1);
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines = lines.slice(0, -1);
  const common = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
  const dedented = lines.map((line) => (line.trim() === '' ? '' : `${indent}${line.slice(Number.isFinite(common) ? common : 0)}`));
  const label = title === undefined ? '' : `[${title.replace(/[[\]\\]/g, (character) => `\\${character}`)}]`;
  return [`${indent}:::${CALLOUT_ASIDES[name]}${label}`, ...dedented, `${indent}:::`];
}

/** The line with inline code spans blanked, so `` `<Warning>` `` in text is not a component. */
function withoutCode(line: string): string {
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

export type StarlightRelease = { readonly version: string; readonly astroRange: string };

/** `npm view @astrojs/starlight@latest version peerDependencies --json`, read. */
export function parseStarlightRelease(json: string): StarlightRelease {
  const parsed = JSON.parse(json) as { version?: unknown; peerDependencies?: { astro?: unknown } };
  if (typeof parsed.version !== 'string') throw new SiteBenchError(`npm view printed no version: ${json.slice(0, 200)}`);
  const astroRange = parsed.peerDependencies?.astro;
  if (typeof astroRange !== 'string') throw new SiteBenchError(`@astrojs/starlight@${parsed.version} declares no astro peer dependency`);
  return { version: parsed.version, astroRange };
}

/**
 * A minimal Starlight site, set up as its manual-setup guide says, with the two settings opskb's own
 * config has so both builds do the same work: no Shiki grammar for PromQL & co (plain text, no
 * warning per code block) and @astrojs/mdx's known-harmless per-file warning filtered.
 */
export function starlightProjectFiles(release: StarlightRelease, site: string): { readonly path: string; readonly content: string }[] {
  const packageJson = {
    name: 'opskb-bench-starlight',
    private: true,
    type: 'module',
    dependencies: { '@astrojs/starlight': release.version, astro: release.astroRange },
  };
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
    { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n` },
    { path: 'astro.config.mjs', content: config },
    { path: 'src/content.config.ts', content: contentConfig },
  ];
}

// ---------------------------------------------------------------------------------------------
// Sizes of a built site.

export type FileSize = { readonly path: string; readonly bytes: number };
export type SiteSize = {
  readonly bytes: number;
  readonly files: number;
  readonly htmlFiles: number;
  readonly pagefindBytes: number;
  readonly pagefindFiles: number;
};

/** Paths relative to the output folder, `/`-separated; Pagefind's index is everything under `pagefind/`. */
export function summariseSizes(files: readonly FileSize[]): SiteSize {
  const pagefind = files.filter((file) => file.path.startsWith('pagefind/'));
  const sum = (list: readonly FileSize[]) => list.reduce((total, file) => total + file.bytes, 0);
  return {
    bytes: sum(files),
    files: files.length,
    htmlFiles: files.filter((file) => file.path.endsWith('.html')).length,
    pagefindBytes: sum(pagefind),
    pagefindFiles: pagefind.length,
  };
}

export function listFileSizes(dir: string): FileSize[] {
  const files: FileSize[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push({ path: relative(dir, path).split(sep).join('/'), bytes: statSync(path).size });
    }
  };
  walk(dir);
  return files;
}

// ---------------------------------------------------------------------------------------------
// Search transfers.

export const PAGEFIND_ASSETS = ['pagefind.js', 'worker', 'entry', 'wasm', 'meta', 'index', 'filter', 'fragment', 'other pagefind', 'not pagefind'] as const;
export type PagefindAsset = (typeof PAGEFIND_ASSETS)[number];

export function classifyPagefindPath(path: string): PagefindAsset {
  const pathname = path.split('?')[0] ?? path;
  if (!pathname.includes('/pagefind/')) return 'not pagefind';
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (name === 'pagefind.js') return 'pagefind.js';
  if (name === 'pagefind-worker.js') return 'worker';
  if (name === 'pagefind-entry.json') return 'entry';
  if (/^wasm\..+\.pagefind$/.test(name)) return 'wasm';
  if (name.endsWith('.pf_meta')) return 'meta';
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_filter')) return 'filter';
  if (name.endsWith('.pf_fragment')) return 'fragment';
  return 'other pagefind';
}

const isFailed = (transfer: Transfer) => transfer.failure !== undefined || transfer.status >= 400;

export type TransferSummary = {
  readonly bytes: number;
  readonly requests: number;
  readonly failed: number;
  /** Only the assets that were requested. */
  readonly byAsset: Partial<Record<PagefindAsset, { readonly bytes: number; readonly requests: number }>>;
};

export function summariseTransfers(transfers: readonly Transfer[]): TransferSummary {
  const byAsset: Partial<Record<PagefindAsset, { bytes: number; requests: number }>> = {};
  for (const transfer of transfers) {
    const asset = classifyPagefindPath(transfer.path);
    const entry = (byAsset[asset] ??= { bytes: 0, requests: 0 });
    entry.bytes += transfer.bytes;
    entry.requests += 1;
  }
  return {
    bytes: transfers.reduce((sum, transfer) => sum + transfer.bytes, 0),
    requests: transfers.length,
    failed: transfers.filter(isFailed).length,
    byAsset,
  };
}

export type QueryFigures = {
  readonly query: string;
  readonly kind: QueryKind;
  readonly bytes: number;
  readonly requests: number;
  readonly ms: number;
  /** The same query again, its chunks loaded: search work alone. */
  readonly cachedMs: number;
  readonly results: number;
};

export type SearchFigures = {
  readonly pageUrl: string;
  readonly pageBytes: number;
  /** Pagefind requests the page made on its own while loading and idling (should be none). */
  readonly pageLoadPagefindRequests: number;
  readonly pagefindJsBytes: number;
  readonly initBytes: number;
  readonly initMs: number;
  /** init + the first query's search and data(): what the first search costs once pagefind.js is in. */
  readonly firstQuery: { readonly bytes: number; readonly ms: number; readonly results: number; readonly summary: TransferSummary };
  readonly repeatMs: number;
  readonly later: readonly QueryFigures[];
  readonly laterBytes: { readonly median: number; readonly max: number };
  readonly laterMs: { readonly median: number; readonly max: number };
  /** `path (status or error)` of every request that failed or answered ≥ 400, page load included. */
  readonly failed: readonly string[];
  readonly strayRequests: number;
  /** Search passes combined (each in a fresh browser context); latencies are medians over them. */
  readonly passes: number;
  /** Measures whose bytes differed between passes (they should not: same site, cold cache), with the values. */
  readonly bytesDiffer: readonly string[];
  /** What requests alone cost in this browser (query-bench.ts); medians over the passes. */
  readonly requestFloor?: { readonly oneMs: number; readonly fiveMs: number } | undefined;
};

export function summariseSearch(run: SearchRun, queries: QueryPlan): SearchFigures {
  const firstTransfers = [...run.init.transfers, ...run.first.transfers];
  const later = run.later.map((step, index): QueryFigures => {
    const summary = summariseTransfers(step.transfers);
    const cachedMs = run.laterCached[index]?.ms ?? Number.NaN;
    return {
      query: step.query ?? '',
      kind: queries.later[index]?.kind ?? 'alert',
      bytes: summary.bytes,
      requests: summary.requests,
      ms: step.ms,
      cachedMs,
      results: step.results ?? 0,
    };
  });
  const steps: SearchStep[] = [run.pageLoad, run.importScript, run.init, run.first, run.repeat, ...run.later, ...run.laterCached];
  return {
    pageUrl: run.pageUrl,
    pageBytes: summariseTransfers(run.pageLoad.transfers).bytes,
    pageLoadPagefindRequests: run.pageLoad.transfers.filter((transfer) => classifyPagefindPath(transfer.path) !== 'not pagefind').length,
    pagefindJsBytes: summariseTransfers(run.importScript.transfers).bytes,
    initBytes: summariseTransfers(run.init.transfers).bytes,
    initMs: run.init.ms,
    firstQuery: {
      bytes: summariseTransfers(firstTransfers).bytes,
      ms: run.first.ms,
      results: run.first.results ?? 0,
      summary: summariseTransfers(firstTransfers),
    },
    repeatMs: run.repeat.ms,
    later,
    laterBytes: { median: median(later.map((query) => query.bytes)), max: Math.max(...later.map((query) => query.bytes)) },
    laterMs: { median: median(later.map((query) => query.ms)), max: Math.max(...later.map((query) => query.ms)) },
    failed: steps.flatMap((step) => step.transfers.filter(isFailed).map((transfer) => `${transfer.path} (${transfer.failure ?? transfer.status})`)),
    strayRequests: run.stray.length,
    passes: 1,
    bytesDiffer: [],
    requestFloor: run.requestFloor,
  };
}

/**
 * Several cold passes of the same searches as one: bytes from the first pass (all passes should
 * agree, else `bytesDiffer`), every latency the median over the passes, so one disturbed pass (a
 * busy machine) does not decide a target.
 */
export function combineSearchPasses(passes: readonly SearchFigures[]): SearchFigures {
  const [first] = passes;
  if (!first) throw new SiteBenchError('no search pass to combine');
  const medianOf = (pick: (figures: SearchFigures) => number) => median(passes.map(pick));
  const later = first.later.map((query, index) => ({
    ...query,
    ms: medianOf((figures) => figures.later[index]?.ms ?? Number.NaN),
    cachedMs: medianOf((figures) => figures.later[index]?.cachedMs ?? Number.NaN),
  }));
  const measures: [string, (figures: SearchFigures) => number][] = [
    ['doc page load', (figures) => figures.pageBytes],
    ['pagefind.js', (figures) => figures.pagefindJsBytes],
    ['first query', (figures) => figures.firstQuery.bytes],
    ...first.later.map((query, index): [string, (figures: SearchFigures) => number] => [
      `\`${query.query}\``,
      (figures) => figures.later[index]?.bytes ?? Number.NaN,
    ]),
  ];
  const bytesDiffer = measures.flatMap(([name, pick]) => {
    const values = passes.map(pick);
    return new Set(values).size > 1 ? [`${name}: ${values.map(kib).join(' / ')}`] : [];
  });
  return {
    ...first,
    initMs: medianOf((figures) => figures.initMs),
    firstQuery: { ...first.firstQuery, ms: medianOf((figures) => figures.firstQuery.ms) },
    repeatMs: medianOf((figures) => figures.repeatMs),
    later,
    laterMs: { median: median(later.map((query) => query.ms)), max: Math.max(...later.map((query) => query.ms)) },
    failed: unique(passes.flatMap((figures) => figures.failed)),
    strayRequests: Math.max(...passes.map((figures) => figures.strayRequests)),
    passes: passes.length,
    bytesDiffer,
    requestFloor: passes.every((figures) => figures.requestFloor)
      ? { oneMs: medianOf((figures) => figures.requestFloor?.oneMs ?? Number.NaN), fiveMs: medianOf((figures) => figures.requestFloor?.fiveMs ?? Number.NaN) }
      : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Queries: what an on-call engineer types, taken from the synthetic knowledge base itself.

export type QueryKind = 'alert' | 'symptom' | 'service' | 'error';
export type Query = { readonly text: string; readonly kind: QueryKind };
export type QueryPlan = { readonly first: Query; readonly later: readonly Query[] };

/** Error strings the synthetic runbooks quote; those present in the knowledge base are used. */
export const ERROR_STRINGS = ['OOMKilled', 'SERVFAIL', 'pg_cancel_backend', 'OutOfSync', 'exit code 137'] as const;

type Frontmatter = { title?: unknown; alerts?: unknown };

/**
 * The first query is an alert name (pasted from the page); then 3 more alert names, 2 symptoms,
 * 2 service names and 3 error strings, spread over the knowledge base, all different.
 */
export function pickQueries(kb: Pick<SyntheticKb, 'files'>): QueryPlan {
  const alerts: string[] = [];
  const titles: string[] = [];
  let services: string[] = [];
  for (const file of kb.files) {
    if (file.path === 'services.yaml') {
      const entries = parseYaml(file.content) as { name?: unknown }[] | null;
      services = (entries ?? []).map((entry) => entry.name).filter((name): name is string => typeof name === 'string');
      continue;
    }
    if (!file.path.startsWith('runbooks/')) continue;
    const match = /^---\n([\s\S]*?)\n---\n/.exec(file.content);
    const data = (match ? parseYaml(match[1] ?? '') : null) as Frontmatter | null;
    if (Array.isArray(data?.alerts)) alerts.push(...data.alerts.filter((alert): alert is string => typeof alert === 'string'));
    if (typeof data?.title === 'string') titles.push(data.title);
  }
  // A runbook title is "<service name> <symptom>[ (n)]": the symptom is what is left.
  const byLength = [...services].sort((a, b) => b.length - a.length);
  const symptoms = unique(
    titles.map((title) => {
      const service = byLength.find((name) => title.startsWith(`${name} `));
      return (service ? title.slice(service.length + 1) : title).replace(/\s*\(\d+\)$/, '');
    }),
  );
  const text = kb.files.map((file) => file.content).join('\n');
  const errors = ERROR_STRINGS.filter((error) => text.includes(error));
  const spread = (items: readonly string[], count: number) =>
    items.length <= count ? [...items] : Array.from({ length: count }, (_, index) => items[Math.floor(((index + 0.5) * items.length) / count)] as string);

  const alertPicks = spread(unique(alerts), 4);
  const first = alertPicks[0];
  if (first === undefined) throw new SiteBenchError('the knowledge base has no runbook with alerts to search for');
  const later: Query[] = [
    ...alertPicks.slice(1).map((alert) => ({ text: alert, kind: 'alert' as const })),
    ...spread(symptoms, 2).map((symptom) => ({ text: symptom, kind: 'symptom' as const })),
    ...spread(services, 2).map((service) => ({ text: service, kind: 'service' as const })),
    ...errors.slice(0, 3).map((error) => ({ text: error, kind: 'error' as const })),
  ];
  const seen = new Set([first]);
  return { first: { text: first, kind: 'alert' }, later: later.filter((query) => !seen.has(query.text) && seen.add(query.text)) };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------------------------
// Where a build's time goes, from Astro's own log.

export type BuildPhases = {
  /** `[types] Generated`: content sync and type generation (inside `collect`). */
  readonly syncSeconds?: number | undefined;
  /** `Collecting build info… ✓ Completed in`: config, integrations' setup and the sync. */
  readonly collectSeconds?: number | undefined;
  /** Every `[vite] ✓ built in`: bundling, which compiles every MDX/Markdown module. */
  readonly bundleSeconds?: number | undefined;
  /** `generating static routes … ✓ Completed in`: rendering every page to HTML. */
  readonly renderSeconds?: number | undefined;
  /** `Building static entrypoints… [build] ✓ Completed in`: bundle + render + moving assets. */
  readonly staticSeconds?: number | undefined;
  /** Pagefind's indexing, from opskb's build script or Starlight's integration (an `astro:build:done` hook) log line. */
  readonly pagefindSeconds?: number | undefined;
  /** Pagefind ran after `astro build` had finished (opskb's scripts/build.ts), not inside Astro's clock. */
  readonly pagefindAfterAstro?: boolean | undefined;
  /** `N page(s) built in`: Astro's clock, which starts after the config is loaded. */
  readonly totalSeconds?: number | undefined;
  readonly pages?: number | undefined;
};

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
/** Astro's durations: `64ms`, `27.96s`, `1m 12s`. */
const DURATION = String.raw`(\d+m(?: [\d.]+s)?|[\d.]+ ?(?:ms|s))\b`;
const durationAfter = (prefix: string) => new RegExp(`${prefix}${DURATION}`);
const TIMERS = {
  sync: durationAfter(String.raw`\[types\] Generated `),
  bundle: durationAfter(String.raw`\[vite\] ✓ built in `),
  opskbPagefind: durationAfter(String.raw`Pagefind indexed \d+ pages in `),
  starlightPagefind: durationAfter('Finished building search index in '),
  completed: durationAfter('✓ Completed in '),
  total: new RegExp(String.raw`(\d+) page\(s\) built in ${DURATION}`),
};

export function parseAstroDuration(text: string): number {
  const match = /^(?:(\d+)m)? ?(?:([\d.]+) ?(ms|s))?$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return Number.NaN;
  const minutes = Number(match[1] ?? 0);
  const rest = match[2] === undefined ? 0 : match[3] === 'ms' ? Number(match[2]) / 1000 : Number(match[2]);
  return minutes * 60 + rest;
}

export function parseBuildPhases(log: string): BuildPhases {
  const lines = log.replace(ANSI, '').split('\n');
  const phases: { -readonly [K in keyof BuildPhases]: BuildPhases[K] } = {};
  let awaiting: 'collectSeconds' | 'renderSeconds' | undefined;
  let staticBuild = false;
  const read = (match: RegExpExecArray, group = 1) => parseAstroDuration(match[group] ?? '');
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = TIMERS.sync.exec(line))) phases.syncSeconds = read(match);
    else if (line.includes('Collecting build info')) awaiting = 'collectSeconds';
    else if (line.includes('Building static entrypoints')) staticBuild = true;
    else if (line.includes('generating static routes')) awaiting = 'renderSeconds';
    else if ((match = TIMERS.bundle.exec(line))) phases.bundleSeconds = (phases.bundleSeconds ?? 0) + read(match);
    else if ((match = TIMERS.opskbPagefind.exec(line) ?? TIMERS.starlightPagefind.exec(line))) {
      phases.pagefindSeconds = read(match);
      if (phases.totalSeconds !== undefined) phases.pagefindAfterAstro = true;
    } else if ((match = TIMERS.total.exec(line))) {
      phases.pages = Number(match[1]);
      phases.totalSeconds = read(match, 2);
    } else if ((match = TIMERS.completed.exec(line))) {
      if (awaiting) {
        phases[awaiting] = read(match);
        awaiting = undefined;
      } else if (staticBuild && line.includes('[build]')) {
        phases.staticSeconds = read(match);
        staticBuild = false;
      }
    }
  }
  return phases;
}

/**
 * "sync 2.3 s · setup 0.1 s · bundle 2.1 s · render 0.9 s · assets 0.1 s · after-build hooks 0.3 s
 * (Pagefind 0.3 s) · Astro total 5.9 s · before Astro's clock 1.2 s": Astro's nested timers, un-nested.
 */
export function formatPhases(phases: BuildPhases, wallSeconds?: number | undefined): string {
  const parts: string[] = [];
  const add = (name: string, value: number | undefined, extra = '') => {
    if (value !== undefined && Number.isFinite(value)) parts.push(`${name} ${value.toFixed(1)} s${extra}`);
  };
  const minus = (total: number | undefined, ...parts: (number | undefined)[]) =>
    total === undefined || parts.some((part) => part === undefined) ? undefined : parts.reduce<number>((rest, part) => rest - (part ?? 0), total);
  add('sync', phases.syncSeconds);
  add('setup', minus(phases.collectSeconds, phases.syncSeconds));
  add('bundle', phases.bundleSeconds);
  add('render', phases.renderSeconds);
  add('assets', minus(phases.staticSeconds, phases.bundleSeconds, phases.renderSeconds));
  const hooks = minus(phases.totalSeconds, phases.collectSeconds, phases.staticSeconds);
  if (phases.pagefindAfterAstro) {
    add('after-build hooks', hooks);
    add('Astro total', phases.totalSeconds);
    add('then Pagefind', phases.pagefindSeconds);
    if (wallSeconds !== undefined) add("outside Astro's clock and Pagefind", minus(wallSeconds, phases.totalSeconds, phases.pagefindSeconds));
    return parts.join(' · ');
  }
  if (hooks !== undefined) add('after-build hooks', hooks, phases.pagefindSeconds === undefined ? '' : ` (Pagefind ${phases.pagefindSeconds.toFixed(1)} s)`);
  else add('Pagefind', phases.pagefindSeconds);
  add('Astro total', phases.totalSeconds);
  if (wallSeconds !== undefined) add("before Astro's clock", minus(wallSeconds, phases.totalSeconds));
  return parts.length === 0 ? 'no phases found in the build log' : parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Targets and the report.

export type BuildFigures = {
  readonly summary: Summary;
  readonly size: SiteSize;
  readonly phases: BuildPhases;
};

export type SiteFigures = {
  readonly name: string;
  readonly version: string;
  readonly build: BuildFigures;
  readonly search: SearchFigures;
  /** The site's own search box, pasted into (query-bench.ts measureSearchUi); undefined when it could not be driven. */
  readonly searchBox?: SearchBoxFigures | undefined;
};

export type SearchBoxFigures = {
  readonly passes: number;
  /** Per query, in plan order (first query first), each time the median over the passes. */
  readonly queries: readonly UiQuery[];
  /** Over the later queries: paste to the first result shown, and to the first five shown. */
  readonly laterFirstMs: { readonly median: number; readonly max: number };
  readonly laterAllMs: { readonly median: number; readonly max: number };
};

/** Several passes of pasting the same queries as one: per query, the median over the passes. */
export function combineSearchBoxPasses(passes: readonly (readonly UiQuery[])[], firstQuery: string): SearchBoxFigures {
  const [first] = passes;
  if (!first) throw new SiteBenchError('no search box pass to combine');
  const queries = first.map((query, index): UiQuery => {
    const same = passes.map((pass) => pass[index]);
    if (same.some((other) => other?.query !== query.query)) throw new SiteBenchError(`search box passes disagree on query ${index + 1} (\`${query.query}\`)`);
    return {
      query: query.query,
      shown: query.shown,
      firstMs: median(same.map((other) => other?.firstMs ?? Number.NaN)),
      allMs: median(same.map((other) => other?.allMs ?? Number.NaN)),
    };
  });
  const later = queries.filter((query, index) => index > 0 || query.query !== firstQuery);
  const spread = (values: readonly number[]) => ({ median: median(values), max: Math.max(...values) });
  return { passes: passes.length, queries, laterFirstMs: spread(later.map((query) => query.firstMs)), laterAllMs: spread(later.map((query) => query.allMs)) };
}

export type Target = { readonly name: string; readonly value: string; readonly target: string; readonly pass: boolean | undefined };

export function evaluateTargets(opskb: SiteFigures, starlight: SiteFigures | undefined): Target[] {
  const wall = opskb.build.summary.medianWallSeconds;
  const search = opskb.search;
  const firstWithScript = search.firstQuery.bytes + search.pagefindJsBytes;
  const ratio = starlight ? wall / starlight.build.summary.medianWallSeconds : undefined;
  return [
    {
      name: 'opskb build wall ÷ Starlight build wall',
      value:
        ratio === undefined
          ? 'not measured (--skip-starlight)'
          : `${ratio.toFixed(2)}× (${wall.toFixed(1)} s vs ${starlight?.build.summary.medianWallSeconds.toFixed(1)} s)`,
      target: `≤ ${SITE_TARGETS.buildWallRatio}×`,
      pass: ratio === undefined ? undefined : ratio <= SITE_TARGETS.buildWallRatio,
    },
    {
      name: 'opskb build peak RSS (process tree, summed)',
      value: `${(opskb.build.summary.maxPeakRssBytes / MB).toFixed(0)} MB`,
      target: `≤ ${(SITE_TARGETS.peakRssBytes / MB).toFixed(0)} MB`,
      pass: opskb.build.summary.maxPeakRssBytes <= SITE_TARGETS.peakRssBytes,
    },
    {
      name: 'first query transfer, without pagefind.js',
      value: kib(search.firstQuery.bytes),
      target: `≤ ${kib(SITE_TARGETS.firstQueryBytes)}`,
      pass: search.firstQuery.bytes <= SITE_TARGETS.firstQueryBytes,
    },
    {
      name: 'first query transfer, with pagefind.js',
      value: kib(firstWithScript),
      target: `≤ ${kib(SITE_TARGETS.firstQueryBytes)}`,
      pass: firstWithScript <= SITE_TARGETS.firstQueryBytes,
    },
    {
      name: `later queries transfer (${search.later.length}), median / max`,
      value: `${kib(search.laterBytes.median)} / ${kib(search.laterBytes.max)}`,
      target: `each ≤ ${kib(SITE_TARGETS.laterQueryBytes)}`,
      pass: search.laterBytes.max <= SITE_TARGETS.laterQueryBytes,
    },
    {
      name: `later queries latency (${search.later.length}), median / max`,
      value: `${search.laterMs.median.toFixed(0)} / ${search.laterMs.max.toFixed(0)} ms`,
      target: `each ≤ ${SITE_TARGETS.laterQueryMs} ms`,
      pass: search.laterMs.max <= SITE_TARGETS.laterQueryMs,
    },
  ];
}

export const kib = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const mib = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export type SiteBenchReport = {
  readonly docs: number;
  readonly sites: readonly SiteFigures[];
  readonly queries: QueryPlan;
  readonly targets: readonly Target[];
  readonly notes: readonly string[];
};

export function formatReport(report: SiteBenchReport): string {
  const { sites } = report;
  const row = (label: string, cell: (site: SiteFigures) => string) => [label, ...sites.map(cell)];
  const build = formatTable(
    ['', ...sites.map((site) => `${site.name} ${site.version}`)],
    [
      row('build wall, s', (site) => site.build.summary.medianWallSeconds.toFixed(1)),
      row('build CPU, s', (site) => site.build.summary.medianCpuSeconds?.toFixed(1) ?? '-'),
      row('build peak RSS, MB', (site) => (site.build.summary.maxPeakRssBytes / MB).toFixed(0)),
      row('  largest process alone, MB', (site) => (site.build.summary.maxPeakProcessRssBytes / MB).toFixed(0)),
      row('HTML pages', (site) => String(site.build.size.htmlFiles)),
      row('dist size (files)', (site) => `${mib(site.build.size.bytes)} (${site.build.size.files})`),
      row('Pagefind index (files)', (site) => `${mib(site.build.size.pagefindBytes)} (${site.build.size.pagefindFiles})`),
      row('doc page load', (site) => kib(site.search.pageBytes)),
      row('pagefind.js', (site) => kib(site.search.pagefindJsBytes)),
      row('init: worker, entry, meta, wasm', (site) => `${kib(site.search.initBytes)}, ${site.search.initMs.toFixed(0)} ms`),
      row('first query incl. init', (site) => `${kib(site.search.firstQuery.bytes)}, ${site.search.firstQuery.ms.toFixed(0)} ms`),
      row('first query + pagefind.js', (site) => kib(site.search.firstQuery.bytes + site.search.pagefindJsBytes)),
      row('first query again (cached)', (site) => `${site.search.repeatMs.toFixed(0)} ms`),
      row('later queries, median / max', (site) => `${kib(site.search.laterBytes.median)} / ${kib(site.search.laterBytes.max)}`),
      row('later queries, median / max ms', (site) => `${site.search.laterMs.median.toFixed(0)} / ${site.search.laterMs.max.toFixed(0)}`),
      ...(sites.some((site) => site.searchBox)
        ? [
            row('search box: paste → 1st result, later median / max ms', (site) =>
              site.searchBox ? `${site.searchBox.laterFirstMs.median.toFixed(0)} / ${site.searchBox.laterFirstMs.max.toFixed(0)}` : '-',
            ),
            row('search box: paste → up to 5 results, later median / max ms', (site) =>
              site.searchBox ? `${site.searchBox.laterAllMs.median.toFixed(0)} / ${site.searchBox.laterAllMs.max.toFixed(0)}` : '-',
            ),
          ]
        : []),
      ...(sites.some((site) => site.search.requestFloor)
        ? [
            row('one request / five at once, ms', (site) =>
              site.search.requestFloor ? `${site.search.requestFloor.oneMs.toFixed(1)} / ${site.search.requestFloor.fiveMs.toFixed(1)}` : '-',
            ),
          ]
        : []),
    ],
  );
  const phases = sites.map((site) => `  ${site.name}: ${formatPhases(site.build.phases, site.build.summary.medianWallSeconds)}`);
  const breakdown = sites.map((site) => {
    const parts = PAGEFIND_ASSETS.flatMap((asset) => {
      const entry = site.search.firstQuery.summary.byAsset[asset];
      return entry ? [`${asset} ${kib(entry.bytes)}${entry.requests > 1 ? ` (${entry.requests})` : ''}`] : [];
    });
    return `  ${site.name}: ${parts.join(' · ')}`;
  });
  const boxMs = (site: SiteFigures, text: string) => {
    const figures = site.searchBox?.queries.find((query) => query.query === text);
    return figures ? figures.allMs.toFixed(0) : '-';
  };
  const queryRows = [report.queries.first, ...report.queries.later].map((query, index) => [
    `${index === 0 ? 'first' : 'later'} ${query.kind}: ${query.text}`,
    ...sites.flatMap((site) => {
      if (index === 0)
        return [
          String(site.search.firstQuery.results),
          kib(site.search.firstQuery.bytes),
          site.search.firstQuery.ms.toFixed(0),
          site.search.repeatMs.toFixed(0),
          boxMs(site, query.text),
        ];
      const figures = site.search.later[index - 1];
      return figures
        ? [String(figures.results), kib(figures.bytes), figures.ms.toFixed(0), figures.cachedMs.toFixed(0), boxMs(site, query.text)]
        : ['-', '-', '-', '-', '-'];
    }),
  ]);
  const queries = formatTable(['query', ...sites.flatMap((site) => [`${site.name} results`, 'KB', 'ms', 'again ms', 'box ms'])], queryRows);
  const targets = formatTable(
    ['target (opskb)', 'value', 'target', 'result'],
    report.targets.map((target) => [target.name, target.value, target.target, target.pass === undefined ? 'n/a' : target.pass ? 'PASS' : 'FAIL']),
  );
  return [
    build,
    '',
    "Build phases, from Astro's timers in the build logs (the last run of each):",
    ...phases,
    '',
    'First query incl. init, by Pagefind file:',
    ...breakdown,
    '',
    queries,
    '("again ms": the same query repeated once its chunks are loaded, i.e. Pagefind\'s search work without loading. "box ms": pasted into the site\'s own search box, until up to 5 results show.)',
    '',
    'Targets',
    targets,
    ...(report.notes.length > 0 ? ['', 'Notes', ...report.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The run.

export type SiteBenchOptions = {
  readonly projectDir: string;
  readonly docs: number;
  readonly runs: number;
  readonly keep: boolean;
  readonly json?: string | undefined;
  readonly skipStarlight: boolean;
  readonly launchBrowser: () => Promise<Browser>;
};

const SITE_URL = 'http://localhost:4321';
/** Cold search passes per site; latencies are the median over them. */
const SEARCH_PASSES = 3;

/** What `npm run build` (scripts/build.ts, then `astro build`) reads from the project besides node_modules and the content root. */
export const SITE_SOURCES = ['src', 'lint-rules', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'] as const;

/**
 * A private copy of the site to build: Astro writes `<root>/.astro/content-modules.mjs` and reads it
 * back while bundling, and puts its prerender bundle in `<cwd>/.astro/.prerender/` when the output is
 * outside the cwd, so two builds of different knowledge bases from one project folder (this bench and
 * a test run's fixture build) can take each other's files. node_modules is a real folder of
 * per-package symlinks, so Astro's cache (node_modules/.astro) lands here too.
 */
function snapshotProject(projectDir: string, target: string): void {
  for (const name of SITE_SOURCES) cpSync(join(projectDir, name), join(target, name), { recursive: true });
  const modules = join(projectDir, 'node_modules');
  mkdirSync(join(target, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(modules, name), join(target, 'node_modules', name));
  }
}

export async function runSiteBench(options: SiteBenchOptions): Promise<number> {
  const node = join(options.projectDir, 'node_modules', '.bin', 'node');
  const astro = join(options.projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  for (const [name, path] of [
    ['the pinned Node', node],
    ['astro', astro],
  ] as const) {
    if (!existsSync(path)) throw new SiteBenchError(`${name} is not installed: ${path} is missing. Run npm install.`);
  }
  const probe = detectRssProbe();
  const root = mkdtempSync(join(tmpdir(), 'opskb-bench-site-'));
  const kbDir = join(root, 'kb');
  try {
    const started = performance.now();
    const kb = generateSyntheticKb({ docs: options.docs, brokenShare: 0 });
    writeSyntheticKb(kb, kbDir);
    printEnvironment(kb, probe, options, node, (performance.now() - started) / 1000, root);
    const queries = pickQueries(kb);
    const notes: string[] = [];

    // opskb, from a snapshot of the site's sources.
    const opskbProject = join(root, 'opskb');
    snapshotProject(options.projectDir, opskbProject);
    const opskbDist = join(opskbProject, 'dist');
    const opskbVersion = `(astro ${packageVersion(options.projectDir, 'astro')})`;
    // What `npm run build` runs, nothing more: scripts/build.ts spawns astro build, then indexes.
    const opskbBuild = await measureBuild('opskb', options.runs, probe, join(root, 'opskb-build.log'), {
      spec: {
        command: node,
        args: [join(opskbProject, 'scripts', 'build.ts'), '--outDir', opskbDist],
        cwd: opskbProject,
        env: { ...process.env, OPSKB_CONTENT_DIR: kbDir, FORCE_COLOR: '0', NO_COLOR: '1' },
      },
      before: () => {
        rmSync(join(opskbProject, 'node_modules', '.astro'), { recursive: true, force: true });
        rmSync(join(opskbProject, '.astro'), { recursive: true, force: true });
        rmSync(opskbDist, { recursive: true, force: true });
      },
      dist: opskbDist,
    });

    // Starlight
    let starlight: { dist: string; version: string; build: BuildFigures } | undefined;
    if (!options.skipStarlight) {
      const project = join(root, 'starlight');
      const setup = installStarlight(project, kb, root);
      notes.push(...setup.notes);
      const dist = join(project, 'dist');
      const build = await measureBuild('Starlight', options.runs, probe, join(root, 'starlight-build.log'), {
        spec: {
          command: node,
          args: [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
          cwd: project,
          env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        },
        before: () => {
          rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
          rmSync(join(project, '.astro'), { recursive: true, force: true });
          rmSync(dist, { recursive: true, force: true });
        },
        dist,
      });
      starlight = { dist, version: setup.version, build };
    }

    // Search, in the browser.
    const pagePath = `/${kb.docs.find((doc) => doc.type === 'runbook')?.id ?? kb.docs[0]?.id}/`;
    console.error(
      `  searching in Chromium from ${pagePath}: first query \`${queries.first.text}\`, then ${queries.later.length} more; ${SEARCH_PASSES} cold passes per site`,
    );
    const searchLoad = loadavg()[0] ?? 0;
    const browser = await options.launchBrowser();
    const sites: SiteFigures[] = [];
    try {
      for (const site of [
        // opskb's search UI fetches its filter chips' values and counts when the search box opens.
        { name: 'opskb', version: opskbVersion, dist: opskbDist, build: opskbBuild, fetchedAtInit: ['/search-filters.json'], ui: OPSKB_SEARCH_UI },
        ...(starlight
          ? [{ name: 'Starlight', version: starlight.version, dist: starlight.dist, build: starlight.build, fetchedAtInit: [], ui: STARLIGHT_SEARCH_UI }]
          : []),
      ]) {
        const server = await startStaticServer({ root: site.dist });
        try {
          const passes: SearchFigures[] = [];
          for (let pass = 1; pass <= SEARCH_PASSES; pass += 1) {
            const run = await measureSearch(browser, {
              baseUrl: server.url,
              pagePath,
              first: queries.first.text,
              later: queries.later.map((query) => query.text),
              fetchedAtInit: site.fetchedAtInit,
            });
            passes.push(summariseSearch(run, queries));
          }
          const search = combineSearchPasses(passes);
          console.error(
            `  ${site.name} search: first query ${kib(search.firstQuery.bytes)}, later median ${kib(search.laterBytes.median)}, ${search.laterMs.median.toFixed(0)} ms`,
          );
          const searchBox = await measureSearchBox(
            browser,
            site.name,
            site.ui,
            { baseUrl: server.url, pagePath, search, firstQuery: queries.first.text },
            notes,
          );
          sites.push({ name: site.name, version: site.version, build: site.build, search, searchBox });
        } finally {
          await server.close();
        }
      }
    } finally {
      await browser.close();
    }

    const [opskb] = sites;
    if (!opskb) throw new SiteBenchError('no search figures for opskb');
    notes.push(...searchNotes(sites, queries, opskbDist, searchLoad));
    const report: SiteBenchReport = { docs: kb.docs.length, sites, queries, targets: evaluateTargets(opskb, sites[1]), notes };
    console.log(`\n${formatReport(report)}`);
    if (options.json) {
      writeFileSync(resolve(options.json), `${JSON.stringify(jsonReport(kb, probe, options, report), null, 2)}\n`);
      console.log(`\nRaw numbers written to ${resolve(options.json)}`);
    }
    return 0;
  } finally {
    if (options.keep) console.error(`\nKept the knowledge base, both projects, builds and logs in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Pastes the same queries into the site's own search box, in SEARCH_PASSES fresh contexts. A UI
 * that cannot be driven (Starlight changed its markup) costs its rows, not the run: a note says why.
 */
async function measureSearchBox(
  browser: Browser,
  name: string,
  ui: SearchUi,
  plan: { baseUrl: string; pagePath: string; search: SearchFigures; firstQuery: string },
  notes: string[],
): Promise<SearchBoxFigures | undefined> {
  const queries = [
    { text: plan.firstQuery, results: plan.search.firstQuery.results },
    ...plan.search.later.map((query) => ({ text: query.query, results: query.results })),
  ];
  try {
    const passes: UiQuery[][] = [];
    for (let pass = 1; pass <= SEARCH_PASSES; pass += 1)
      passes.push(await measureSearchUi(browser, { baseUrl: plan.baseUrl, pagePath: plan.pagePath, ui, queries }));
    const figures = combineSearchBoxPasses(passes, plan.firstQuery);
    console.error(
      `  ${name} search box: paste → up to 5 results, later median ${figures.laterAllMs.median.toFixed(0)} ms, max ${figures.laterAllMs.max.toFixed(0)} ms`,
    );
    return figures;
  } catch (error) {
    // Whatever went wrong driving the UI (a selector Starlight renamed, a Playwright timeout).
    notes.push(`${name}'s search box could not be measured: ${(error as Error).message.split('\n')[0]}.`);
    return undefined;
  }
}

type BuildPlan = { readonly spec: CommandSpec; readonly before: () => void; readonly dist: string };

/** Cold builds (no cache, no output): median wall and maximum RSS over the runs. Fails on a non-zero exit. */
async function measureBuild(name: string, runs: number, probe: RssProbe, logPath: string, plan: BuildPlan): Promise<BuildFigures> {
  const measurements: Measurement[] = [];
  for (let run = 1; run <= runs; run += 1) {
    plan.before();
    const measurement = await measureCommand(plan.spec, probe);
    const log = `${measurement.stdout}\n${measurement.stderr}`;
    writeFileSync(logPath, log);
    if (measurement.exitCode !== 0) {
      const tail = log.replace(ANSI, '').trim().split('\n').slice(-25).join('\n');
      throw new SiteBenchError(
        `${name} build failed (exit ${measurement.exitCode ?? `signal ${measurement.signal}`}, ${measurement.wallSeconds.toFixed(1)} s). Last lines of its log:\n${tail}`,
      );
    }
    if (!existsSync(join(plan.dist, 'pagefind', 'pagefind.js')))
      throw new SiteBenchError(`${name} build exited 0 but wrote no Pagefind index (${join(plan.dist, 'pagefind')} is missing)`);
    measurements.push(measurement);
    console.error(`  ${name} build, run ${run}/${runs}: ${measurement.wallSeconds.toFixed(1)} s, ${(measurement.peakRssBytes / MB).toFixed(0)} MB`);
  }
  const lastLog = readFileSync(logPath, 'utf8');
  return { summary: summarise(measurements), size: summariseSizes(listFileSizes(plan.dist)), phases: parseBuildPhases(lastLog) };
}

/** Resolves Starlight's latest release, writes the project and the converted docs, runs npm install. */
function installStarlight(project: string, kb: SyntheticKb, root: string): { version: string; notes: string[] } {
  const view = spawnSync('npm', ['view', '@astrojs/starlight@latest', 'version', 'peerDependencies', '--json'], { encoding: 'utf8' });
  if (view.error || view.status !== 0)
    throw new SiteBenchError(`npm view @astrojs/starlight failed: ${view.error?.message ?? view.stderr.trim().split('\n').slice(-5).join('\n')}`);
  const release = parseStarlightRelease(view.stdout);
  for (const file of starlightProjectFiles(release, SITE_URL)) writeText(join(project, file.path), file.content);
  const conversion = convertKbForStarlight(kb.files);
  for (const doc of conversion.docs) writeText(join(project, 'src', 'content', 'docs', doc.path), doc.content);

  const logPath = join(root, 'starlight-npm-install.log');
  console.error(`  installing @astrojs/starlight@${release.version} with astro@${release.astroRange} (npm install, log: ${logPath})…`);
  const log = openSync(logPath, 'w');
  const started = performance.now();
  let install: ReturnType<typeof spawnSync>;
  try {
    install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: project, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const seconds = (performance.now() - started) / 1000;
  if (install.error || install.status !== 0) {
    const tail = readFileSync(logPath, 'utf8').trim().split('\n').slice(-20).join('\n');
    throw new SiteBenchError(
      `npm install of @astrojs/starlight@${release.version} failed (${install.error?.message ?? `exit ${install.status}`}). Last lines of ${logPath} (--keep keeps it):\n${tail}`,
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
      `Starlight: @astrojs/starlight ${installed.starlight} (latest; peer astro ${release.astroRange}, installed ${installed.astro}), npm install ${seconds.toFixed(0)} s (not in the build time). Same ${conversion.docs.length} doc files under src/content/docs/ (same paths, so the same URLs); ${conversion.converted} MDX docs had their <Warning>/<Danger>/<Note> callouts turned into Starlight asides (${conversion.asides} asides); ${skipped}. docsSchema strips opskb's extra frontmatter keys, so no extend was needed. Registries are not copied (Starlight has no use for them).`,
    ],
  };
}

function searchNotes(sites: readonly SiteFigures[], queries: QueryPlan, opskbDist: string, load: number): string[] {
  const busy =
    load > availableParallelism()
      ? ` The machine was busy when the searches started (load average ${load.toFixed(2)} on ${availableParallelism()} cores): latencies are inflated.`
      : ` Load average when the searches started: ${load.toFixed(2)}.`;
  const notes = [
    "Bytes are response bodies plus response headers as Chromium saw them, from Playwright request events; the bench server (startStaticServer, sirv) sends no compression. Pagefind's index files are gzip inside, so they travel the same from any host; HTML and JS would be gzipped by a real host.",
    `Pagefind 1.6 searches in a Web Worker: pagefind.init() loads pagefind-worker.js too, counted in "first query incl. init". A query's latency is search + data() of the first 5 results, timed in the page; each is the median of ${sites[0]?.search.passes ?? 1} cold passes (a fresh browser context each), and the max is the slowest query's median.${busy}`,
  ];
  if (sites.some((site) => site.searchBox)) {
    notes.push(
      `"search box" rows: each site's own search UI, as an on-call engineer uses it. Ctrl+K opens it on the same doc page; each query is pasted (Ctrl+V, from the clipboard) into the emptied box, and the page times from the paste event to the first result shown and to the first 5 shown (all, when fewer; queries without results are left out). Each site's UI adds what it adds: a typing debounce, the requests for each shown result, rendering. Medians of ${SEARCH_PASSES} passes (a fresh browser context each); the 50 ms target is judged on the Pagefind API figures above, not on these.`,
    );
  }
  const floor = sites[0]?.search.requestFloor;
  if (floor) {
    notes.push(
      `Requests alone, in this browser on this machine ("one request / five at once"): fetching pagefind-entry.json (under 1 KB) from the page took ${floor.oneMs.toFixed(1)} ms, five at once ${floor.fiveMs.toFixed(1)} ms (medians). A later query makes two rounds of requests: its index chunks, then the fragments of up to 5 results at once. So here a query with 5 results or more cannot take less than about ${(floor.oneMs + floor.fiveMs).toFixed(0)} ms before any search work, whatever the site does (one with a single result, about ${(2 * floor.oneMs).toFixed(0)} ms).`,
    );
  }
  const script = join(opskbDist, 'pagefind', 'pagefind.js');
  if (existsSync(script)) {
    const raw = readFileSync(script);
    const worker = join(opskbDist, 'pagefind', 'pagefind-worker.js');
    const workerNote = existsSync(worker)
      ? `; pagefind-worker.js ${kib(statSync(worker).size)} raw, ${kib(gzipSync(readFileSync(worker)).length)} gzipped`
      : '';
    notes.push(`pagefind.js is ${kib(raw.length)} raw, ${kib(gzipSync(raw).length)} gzipped (gzip -6)${workerNote}.`);
  }
  for (const site of sites) {
    if (site.search.pageLoadPagefindRequests > 0)
      notes.push(
        `Warning: ${site.name}'s doc page loaded ${site.search.pageLoadPagefindRequests} Pagefind files by itself before the measurement; its figures may be low.`,
      );
    if (site.search.failed.length > 0)
      notes.push(
        `${site.name}: ${site.search.failed.join(', ')} failed${site.search.failed.every((failure) => failure.startsWith('/favicon')) ? ' (the minimal project has no public/ folder; not a search request)' : ''}.`,
      );
    if (site.search.bytesDiffer.length > 0)
      notes.push(
        `${site.name}: the ${site.search.passes} passes transferred different bytes for ${site.search.bytesDiffer.join('; ')}; the table shows the first pass.`,
      );
    if (site.search.strayRequests > 0)
      notes.push(`Warning: ${site.search.strayRequests} requests on ${site.name} started between measured steps and are not counted.`);
    const empty = site.search.later.filter((query) => query.results === 0).map((query) => `\`${query.query}\``);
    if (site.search.firstQuery.results === 0) empty.unshift(`\`${queries.first.text}\``);
    if (empty.length > 0) notes.push(`${site.name}: no results for ${empty.join(', ')} (a query without results transfers less).`);
  }
  return notes;
}

function writeText(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function packageVersion(projectDir: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(projectDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function printEnvironment(kb: SyntheticKb, probe: RssProbe, options: SiteBenchOptions, node: string, generatedSeconds: number, root: string): void {
  const mix = docMix(kb.docs.length);
  const mdx = kb.docs.filter((doc) => doc.flavour === 'mdx').length;
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log('opskb site benchmark');
  console.log(`  node ${version} (${node}) for every build, ${process.platform}-${process.arch}`);
  console.log(`  ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / GB).toFixed(1)} GB RAM, load average ${load}`);
  if ((loadavg()[0] ?? 0) > availableParallelism()) console.log('  warning: the machine is busy (load above the core count): wall times are inflated');
  console.log(
    `  knowledge base: ${kb.docs.length} docs (${mix.runbook} runbooks, ${mix['dr-plan']} DR plans, ${mix.knowledge} knowledge, ${mix.onboarding} onboarding), ${mdx} .mdx / ${kb.docs.length - mdx} .md, ${(kb.totalBytes / MB).toFixed(2)} MB, none broken; seed ${kb.seed}; generated in ${generatedSeconds.toFixed(1)} s under ${root}`,
  );
  console.log(
    `  builds: cold (no cache), ${options.runs} run${options.runs === 1 ? '' : 's'} each: median wall, maximum peak RSS of the whole process tree (every process the build spawns, summed, polled from /proc every 25 ms; never below the largest single process via ${probe === 'gnu-time' ? 'GNU time %M' : '/proc/<pid>/status VmHWM of the main process'})`,
  );
  console.log('');
}

function jsonReport(kb: SyntheticKb, probe: RssProbe, options: SiteBenchOptions, report: SiteBenchReport) {
  return {
    version: 1,
    date: new Date().toISOString(),
    environment: {
      platform: `${process.platform}-${process.arch}`,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      totalMemoryBytes: totalmem(),
      loadAverage: loadavg(),
      rssProbe: probe,
    },
    knowledgeBase: {
      docs: kb.docs.length,
      mix: docMix(kb.docs.length),
      mdx: kb.docs.filter((doc) => doc.flavour === 'mdx').length,
      bytes: kb.totalBytes,
      seed: kb.seed,
    },
    runs: options.runs,
    queries: report.queries,
    sites: report.sites,
    targets: report.targets,
    notes: report.notes,
  };
}
