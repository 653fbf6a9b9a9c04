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
// Only the command-line entry point (scripts/opskb.ts) loads code this way; it hands the linter's
// and the worker's URLs, with the bundle's fingerprint, to the lint engine. Library callers (the
// build's failure report, tests) run the sources.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_DIR, sourceFingerprint } from '../lint/cache.ts';
import { DROP_INS } from '../lint/traversal/install.ts';

/** The modules opskb loads by URL: the command line, the linter, and a lint worker thread's. */
export const SOURCE_URLS = {
  cli: new URL('./main.ts', import.meta.url).href,
  linter: new URL('../lint/linter.ts', import.meta.url).href,
  worker: new URL('../lint/worker.ts', import.meta.url).href,
} as const;
/** Where each module loads from, and the fingerprint of that code (the lint cache's run key holds it). */
export type CodeUrls = { readonly [entry in keyof typeof SOURCE_URLS]: string } & { readonly fingerprint: string };
export const DEFAULT_BUNDLE_DIR = join(PROJECT_DIR, 'node_modules', '.cache', 'opskb', 'bundle');
/** In the bundle folder: the inputs of the newest bundle, whose state is its fingerprint. */
const MANIFEST = 'inputs.json';

export type CliModule = typeof import('./main.ts');

/**
 * The fingerprint of opskb's code as a bundle holds it: each of `inputs` (opskb's own modules, paths
 * relative to `projectDir`) by size and mtime, the installed packages (package.json and its lock)
 * and the Node version. A file the bundle does not hold (a benchmark, a site page) is not in it, so
 * editing one keeps the bundle, and the lint cache, warm. A module that starts importing a new file
 * has changed itself, so the new file is never missed.
 */
export function codeFingerprint(inputs: readonly string[], projectDir: string = PROJECT_DIR): string {
  const hash = createHash('sha256').update(`${process.version}\n`);
  for (const input of [...inputs].sort()) {
    const stat = statSync(join(projectDir, input), { throwIfNoEntry: false });
    hash.update(`${input}:${stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'}\n`);
  }
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(projectDir, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

const sources = (): CodeUrls => ({ ...SOURCE_URLS, fingerprint: sourceFingerprint() });

function readManifest(dir: string): readonly string[] | undefined {
  try {
    const inputs = (JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { inputs?: unknown }).inputs;
    return Array.isArray(inputs) && inputs.every((input) => typeof input === 'string') ? inputs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The URLs of opskb's modules: those of the bundle of the code as it is now, built first when the
 * newest bundle's inputs have changed (or there is none), else the sources'.
 */
export async function codeUrls(dir: string = DEFAULT_BUNDLE_DIR): Promise<CodeUrls> {
  if (process.env['OPSKB_FROM_SOURCE'] === '1') return sources();
  const known = readManifest(dir);
  if (known) {
    const fingerprint = codeFingerprint(known);
    const path = join(dir, bundleName(fingerprint));
    if (existsSync(join(path, 'cli.mjs'))) return urlsOf(path, fingerprint);
  }
  try {
    mkdirSync(dir, { recursive: true });
    // Written under a name of its own, then renamed: a concurrent run sees the whole bundle or none.
    const partial = join(dir, `${createHash('sha256').update(`${process.pid}:${Date.now()}`).digest('hex').slice(0, 16)}.${process.pid}.partial`);
    const inputs = ownInputs(await buildBundle(partial));
    const fingerprint = codeFingerprint(inputs);
    const name = bundleName(fingerprint);
    const path = join(dir, name);
    try {
      renameSync(partial, path);
    } catch (error) {
      // Another run renamed its build of the same code first: use that one.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(path, 'cli.mjs'))) throw error;
    }
    const manifest = join(dir, `${MANIFEST}.${process.pid}.tmp`);
    writeFileSync(manifest, JSON.stringify({ inputs }));
    renameSync(manifest, join(dir, MANIFEST));
    removeOthers(dir, name);
    return urlsOf(path, fingerprint);
  } catch {
    return sources();
  }
}

function bundleName(fingerprint: string): string {
  return fingerprint.slice(0, 16);
}

function urlsOf(path: string, fingerprint: string): CodeUrls {
  const url = (file: string) => pathToFileURL(join(path, file)).href;
  return { cli: url('cli.mjs'), linter: url('linter.mjs'), worker: url('worker.mjs'), fingerprint };
}

/** The bundle's inputs that are opskb's own files (packages are covered by the lock file). */
function ownInputs(inputs: Record<string, unknown>): string[] {
  return Object.keys(inputs)
    .filter((input) => !input.startsWith('node_modules/') && !input.includes(':'))
    .sort();
}

/**
 * Bundles of other code, and partial builds a run left behind over an hour ago; not the partial
 * build another run may be writing now (a run whose bundle goes missing loads the sources).
 */
function removeOthers(dir: string, keep: string): void {
  const anHourAgo = Date.now() - 3_600_000;
  for (const other of readdirSync(dir)) {
    if (other === keep || other === MANIFEST) continue;
    const path = join(dir, other);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!other.endsWith('.partial') || (stat !== undefined && stat.mtimeMs < anHourAgo)) rmSync(path, { recursive: true, force: true });
  }
}

/** Imports the command line from `url`; from the sources when that fails. */
export function importCli(url: string): Promise<CliModule> {
  // A bundle that will not load (deleted meanwhile by a run of other code, damaged) must not stop opskb.
  const fromSource = () => import(SOURCE_URLS.cli) as Promise<CliModule>;
  return url === SOURCE_URLS.cli ? fromSource() : (import(url) as Promise<CliModule>).catch(fromSource);
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
