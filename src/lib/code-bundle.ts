// opskb's code as a bundle: the command line, the linter (the rules and every module they import
// but Sätteri, the parser, which loads a native binding) and a lint worker thread's module, built
// with esbuild the first time opskb runs on this code and reused until its code or packages
// change. From the sources, each thread resolved, read and stripped the types of hundreds of
// modules: about 0.3 s before the command line could parse its arguments, half a second a thread
// before the linter could lint. The bundle loads in a fraction of that. The three entry points
// share their common modules (the knowledge-base index, the document model, zod, yaml) as
// chunks, loaded once per thread.
// The drop-ins the module hooks give the sources (lint/traversal/install.ts) are resolved when
// the bundle is built instead. When it cannot be built or written, or when OPSKB_FROM_SOURCE=1
// (stack traces that point into the sources), the sources serve, with the same results.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_DIR } from './lint/cache.ts';
import { DROP_INS } from './lint/traversal/install.ts';

/** The modules opskb loads by URL: the command line, the linter, and a lint worker thread's. */
export const SOURCE_URLS = {
  cli: new URL('./cli/main.ts', import.meta.url).href,
  linter: new URL('./lint/linter.ts', import.meta.url).href,
  worker: new URL('./lint/lint-worker.ts', import.meta.url).href,
} as const;
export type CodeUrls = { readonly [entry in keyof typeof SOURCE_URLS]: string };
export const DEFAULT_BUNDLE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'opskb', 'bundle');

export type LinterModule = typeof import('./lint/linter.ts');
export type CliModule = typeof import('./cli/main.ts');

/**
 * The URLs of opskb's modules: those of the bundle for `fingerprint` (opskb's code and packages,
 * see lint/cache.ts), built now when it is missing, else the sources'.
 */
export async function codeUrls(fingerprint: string, dir: string = DEFAULT_BUNDLE_DIR): Promise<CodeUrls> {
  if (process.env['OPSKB_FROM_SOURCE'] === '1') return SOURCE_URLS;
  const name = createHash('sha256').update(`${fingerprint}\n${process.version}`).digest('hex').slice(0, 16);
  const path = join(dir, name);
  if (!existsSync(join(path, 'cli.mjs'))) {
    try {
      mkdirSync(dir, { recursive: true });
      // Written under a name of its own, then renamed: a concurrent run sees the whole bundle or none.
      const partial = `${path}.${process.pid}.partial`;
      await buildBundle(partial);
      try {
        renameSync(partial, path);
      } catch (error) {
        // Another run renamed its build of the same code first: use that one.
        rmSync(partial, { recursive: true, force: true });
        if (!existsSync(join(path, 'cli.mjs'))) throw error;
      }
      removeOthers(dir, name);
    } catch {
      return SOURCE_URLS;
    }
  }
  const url = (file: string) => pathToFileURL(join(path, file)).href;
  return { cli: url('cli.mjs'), linter: url('linter.mjs'), worker: url('worker.mjs') };
}

/**
 * Bundles of other code, and partial builds a run left behind over an hour ago; not the partial
 * build another run may be writing now (a run whose bundle goes missing loads the sources).
 */
function removeOthers(dir: string, keep: string): void {
  const anHourAgo = Date.now() - 3_600_000;
  for (const other of readdirSync(dir)) {
    if (other === keep) continue;
    const path = join(dir, other);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!other.endsWith('.partial') || (stat !== undefined && stat.mtimeMs < anHourAgo)) rmSync(path, { recursive: true, force: true });
  }
}

function importOrSource<T>(url: string, source: string): Promise<T> {
  const fromSource = () => import(source) as Promise<T>;
  // A bundle that will not load (deleted meanwhile by a run of other code, damaged) must not stop opskb.
  return url === source ? fromSource() : (import(url) as Promise<T>).catch(fromSource);
}

/** Imports the linter from `url`; from the sources when that fails. */
export function importLinter(url: string): Promise<LinterModule> {
  return importOrSource(url, SOURCE_URLS.linter);
}

/** Imports the command line from `url`; from the sources when that fails. */
export function importCli(url: string): Promise<CliModule> {
  return importOrSource(url, SOURCE_URLS.cli);
}

/** Packages with a native binding, left out of the bundle. */
const NATIVE_PACKAGES = /^satteri$/;

/** Where `import.meta` appears in opskb's own modules. */
const IMPORT_META = /\bimport\.meta\.(url|dirname|filename)\b/g;

/**
 * Bundles opskb's code into the folder `outdir` (cli.mjs, linter.mjs, worker.mjs and their shared
 * chunks); returns the modules it holds (paths relative to the project) and who imports each.
 */
export async function buildBundle(outdir: string): Promise<Record<string, { readonly importers: readonly string[] }>> {
  const { build } = await import('esbuild');
  const dropInPaths = new Map([...DROP_INS].map(([specifier, url]) => [specifier, fileURLToPath(url)]));
  const ownCode = new RegExp(`^${escapeRegExp(PROJECT_DIR)}(?:src|lint-rules)${escapeRegExp(sep)}.*\\.ts$`);
  const result = await build({
    absWorkingDir: PROJECT_DIR,
    entryPoints: { cli: fileURLToPath(SOURCE_URLS.cli), linter: fileURLToPath(SOURCE_URLS.linter), worker: fileURLToPath(SOURCE_URLS.worker) },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    // Loaded when a bundle is built, from opskb's own node_modules.
    external: ['esbuild'],
    // Some packages are CommonJS and require Node's own modules (yaml requires `process`). The
    // bundle's own location, so `import.meta` is spelt in two parts that the rewriting of our
    // modules' `import.meta` (below) leaves alone when this module is bundled.
    banner: { js: `import { createRequire as __opskbCreateRequire } from 'node:module'; const require = __opskbCreateRequire(${'import.'}meta.url);` },
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
      {
        // Sätteri, the parser, loads a native binding next to its own files: it is imported from
        // where it is installed, by URL, so that a bundle written anywhere finds it.
        name: 'opskb-native-packages',
        setup(bundler) {
          const fromProject = createRequire(join(PROJECT_DIR, 'package.json'));
          bundler.onResolve({ filter: NATIVE_PACKAGES }, (args) => ({ path: pathToFileURL(fromProject.resolve(args.path)).href, external: true }));
        },
      },
      {
        // Our modules find files next to them (package.json, lint-rules/, the drop-ins) through
        // import.meta: each keeps its own source location, not the bundle's.
        name: 'opskb-source-locations',
        setup(bundler) {
          bundler.onLoad({ filter: ownCode }, (args) => {
            const url = pathToFileURL(args.path);
            const contents = readFileSync(args.path, 'utf8').replace(IMPORT_META, (_, property: string) =>
              JSON.stringify(property === 'url' ? url.href : property === 'dirname' ? fileURLToPath(new URL('.', url)).replace(/[\\/]$/, '') : args.path),
            );
            return { contents, loader: 'ts' };
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
