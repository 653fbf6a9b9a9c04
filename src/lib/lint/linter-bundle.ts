// The linter (the rules, the parser and every module they import: about 480) as one module,
// built with esbuild the first time a lint runs on this code and reused until opskb's code or
// packages change. Each thread that lints loads the linter: from the sources, resolving and
// reading 480 modules and stripping the types of ours took about half a second a thread; the
// bundle loads in a fraction of that. The drop-ins the module hooks give the sources
// (traversal/install.ts) are resolved when the bundle is built instead. When it cannot be built
// or written, or when OPSKB_LINT_FROM_SOURCE=1 (stack traces that point into the sources), the
// sources serve, with the same results.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_DIR } from './cache.ts';
import { DROP_INS } from './traversal/install.ts';

export const LINTER_SOURCE_URL = new URL('./linter.ts', import.meta.url).href;
export const DEFAULT_BUNDLE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'opskb', 'linter');

export type LinterModule = typeof import('./linter.ts');

/**
 * The URL of the linter module to import: the bundle for `fingerprint` (opskb's code and
 * packages, see cache.ts), built now when it is missing, else the sources.
 */
export async function linterModuleUrl(fingerprint: string, dir: string = DEFAULT_BUNDLE_DIR): Promise<string> {
  if (process.env['OPSKB_LINT_FROM_SOURCE'] === '1') return LINTER_SOURCE_URL;
  const name = `linter-${createHash('sha256').update(`${fingerprint}\n${process.version}`).digest('hex').slice(0, 16)}.mjs`;
  const path = join(dir, name);
  if (existsSync(path)) return pathToFileURL(path).href;
  try {
    mkdirSync(dir, { recursive: true });
    // Written under a name of its own, then renamed: a concurrent run sees the whole file or none.
    const partial = `${path}.${process.pid}.partial`;
    await buildLinterBundle(partial);
    renameSync(partial, path);
    removeOthers(dir, name);
    return pathToFileURL(path).href;
  } catch {
    return LINTER_SOURCE_URL;
  }
}

/**
 * Bundles of other code, and partial files a run left behind over an hour ago; not the partial
 * file another run may be writing now (a run whose bundle goes missing loads the sources).
 */
function removeOthers(dir: string, keep: string): void {
  const anHourAgo = Date.now() - 3_600_000;
  for (const other of readdirSync(dir)) {
    if (other === keep) continue;
    const path = join(dir, other);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (other.endsWith('.mjs') || (stat !== undefined && stat.mtimeMs < anHourAgo)) rmSync(path, { force: true });
  }
}

/** Imports the linter from `url`; from the sources when that fails (a bundle that will not load must not stop a lint). */
export function importLinter(url: string): Promise<LinterModule> {
  const fromSource = () => import(LINTER_SOURCE_URL) as Promise<LinterModule>;
  return url === LINTER_SOURCE_URL ? fromSource() : (import(url) as Promise<LinterModule>).catch(fromSource);
}

/** Bundles the linter into `outfile`; returns the modules it holds (paths relative to the project) and who imports each. */
export async function buildLinterBundle(outfile: string): Promise<Record<string, { readonly importers: readonly string[] }>> {
  const { build } = await import('esbuild');
  const dropInPaths = new Map([...DROP_INS].map(([specifier, url]) => [specifier, fileURLToPath(url)]));
  const result = await build({
    absWorkingDir: PROJECT_DIR,
    entryPoints: [fileURLToPath(LINTER_SOURCE_URL)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    // Some packages are CommonJS and require Node's own modules (yaml requires `process`).
    banner: { js: "import { createRequire as __opskbCreateRequire } from 'node:module'; const require = __opskbCreateRequire(import.meta.url);" },
    logLevel: 'silent',
    metafile: true,
    plugins: [
      {
        name: 'opskb-drop-ins',
        setup(bundler) {
          bundler.onResolve({ filter: new RegExp(`^(?:${[...dropInPaths.keys()].join('|')})$`) }, (args) => {
            const dropIn = dropInPaths.get(args.path);
            // A drop-in that wraps its package imports the original.
            return dropIn && args.importer !== dropIn ? { path: dropIn } : undefined;
          });
        },
      },
    ],
  });
  const importers: Record<string, string[]> = {};
  for (const [input, { imports }] of Object.entries(result.metafile.inputs)) {
    importers[input] ??= [];
    for (const { path } of imports) (importers[path] ??= []).push(input);
  }
  return Object.fromEntries(Object.entries(importers).map(([input, list]) => [input, { importers: list }]));
}
