// opskb loads its code (the command line, the linter, a lint worker's module) from a bundle
// (src/lib/code-bundle.ts). The bundle must do exactly what the sources do, with the drop-ins in
// place of their packages; it is rebuilt when opskb's code changes, and when it cannot be built
// the sources serve.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { listDocFiles, loadKnowledgeBase } from '../../src/lib/kb/knowledge-base.ts';
import { buildBundle, codeUrls, importCli, importLinter, SOURCE_URLS, type LinterModule } from '../../src/lib/code-bundle.ts';
import type { WorkerOutput } from '../../src/lib/lint/lint-worker.ts';
import { DROP_INS } from '../../src/lib/lint/traversal/install.ts';
import type { Io } from '../../src/lib/cli/main.ts';
import { FIXTURE_KB, PROJECT_DIR, RULE_FIXTURES, TODAY } from '../support/fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'opskb-code-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lintAll(linter: LinterModule, paths: readonly string[]) {
  const kb = loadKnowledgeBase(FIXTURE_KB);
  const lint = linter.createLinter({ contentDir: FIXTURE_KB, today: TODAY, type: undefined, kb });
  const results = [];
  for (const path of paths) results.push(await lint.lintText(path, readFileSync(path, 'utf8')));
  return results;
}

/** Runs `main` of a command-line module as the `opskb` command would, and what it printed. */
async function run(url: string, argv: string[]) {
  const { main } = await importCli(url);
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    cwd: PROJECT_DIR,
    env: { OPSKB_CONTENT_DIR: FIXTURE_KB },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: () => new Date(`${TODAY}T12:00:00Z`),
    color: false,
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FIXTURE_DOCS = () => [...listDocFiles(FIXTURE_KB), ...listDocFiles(RULE_FIXTURES), ...listDocFiles(join(PROJECT_DIR, 'content'))];

describe('code bundle', () => {
  test('its linter lints every fixture exactly as the sources do', async () => {
    const urls = await codeUrls('fixture-equivalence', join(scratch, 'equivalence'));
    expect(urls.linter).not.toBe(SOURCE_URLS.linter);
    // The demo's docs too: against the fixture knowledge base, their links and owners give findings.
    const paths = FIXTURE_DOCS();
    const bundled = await lintAll((await import(urls.linter)) as LinterModule, paths);
    const fromSource = await lintAll((await import(SOURCE_URLS.linter)) as LinterModule, paths);
    expect(paths.length).toBeGreaterThan(60);
    expect(bundled.flatMap((result) => result.findings).length).toBeGreaterThan(100);
    expect(bundled).toEqual(fromSource);
    // What the engine loads from that URL is the bundle itself, not the sources.
    expect(await importLinter(urls.linter)).toBe(await import(urls.linter));
    expect(await importLinter(urls.linter)).not.toBe(await import(SOURCE_URLS.linter));
  }, 60_000);

  test('its worker thread lints as the sources do', async () => {
    const urls = await codeUrls('fixture-equivalence', join(scratch, 'equivalence'));
    const paths = listDocFiles(FIXTURE_KB);
    const worker = new Worker(new URL(urls.worker), { workerData: { linterUrl: urls.linter } });
    try {
      const output = await new Promise<WorkerOutput>((resolve, reject) => {
        worker.on('message', (message: WorkerOutput | 'ready') => {
          if (message === 'ready') worker.postMessage({ files: paths });
          else resolve(message);
        });
        worker.once('error', reject);
        worker.postMessage({ contentDir: FIXTURE_KB, today: TODAY, type: undefined, facts: {} });
      });
      const fromSource = await lintAll((await import(SOURCE_URLS.linter)) as LinterModule, paths);
      expect(output.internalFailure).toBe(false);
      expect(output.results.map((result) => result.path)).toEqual(paths);
      expect(output.results.map((result) => result.findings)).toEqual(fromSource.map((result) => result.findings));
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  test('its command line prints what the sources print, and finds package.json from where its module came from', async () => {
    const urls = await codeUrls('fixture-equivalence', join(scratch, 'equivalence'));
    expect(await importCli(urls.cli)).not.toBe(await import(SOURCE_URLS.cli));
    const argv = ['lint', '--now', TODAY, '--format', 'json', '--no-cache', FIXTURE_KB, RULE_FIXTURES];
    const bundled = await run(urls.cli, argv);
    const fromSource = await run(SOURCE_URLS.cli, argv);
    expect(bundled.code).toBe(1);
    expect(JSON.parse(bundled.out).findings.length).toBeGreaterThan(100);
    expect(bundled).toEqual(fromSource);
    const version = (JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string }).version;
    expect(await run(urls.cli, ['--version'])).toEqual({ code: 0, out: version, err: '' });
  }, 60_000);

  test("bundles the drop-ins in place of their packages, and keeps our modules' own locations", async () => {
    const outdir = join(scratch, 'drop-ins');
    const inputs = await buildBundle(outdir);
    for (const [specifier, url] of DROP_INS) {
      const dropIn = relative(PROJECT_DIR, fileURLToPath(url));
      expect(inputs[dropIn], dropIn).toBeDefined();
      // From outside its package, only the drop-in imports the original (when it wraps it).
      const packageFiles = Object.keys(inputs).filter((input) => input.startsWith(`node_modules/${specifier}/`));
      const outsiders = packageFiles.flatMap((file) => inputs[file]?.importers ?? []).filter((importer) => !importer.startsWith(`node_modules/${specifier}/`));
      expect([...new Set(outsiders)], specifier).toEqual(packageFiles.length > 0 ? [dropIn] : []);
      // And modules that import the package by its name get the drop-in.
      expect(
        inputs[dropIn]?.importers.some((importer) => importer.startsWith('node_modules/')),
        dropIn,
      ).toBe(true);
    }
    // The bundle's location is left only in the banner of each output file: our modules' own are written in.
    const files = readdirSync(outdir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.mjs'));
    expect(files).toEqual(expect.arrayContaining(['cli.mjs', 'linter.mjs', 'worker.mjs']));
    for (const file of files)
      expect(readFileSync(join(outdir, file), 'utf8').match(/import\.meta\.(?:url|dirname|filename)/g), file).toEqual(['import.meta.url']);
    expect(readFileSync(join(outdir, 'cli.mjs'), 'utf8')).toContain(JSON.stringify(SOURCE_URLS.cli));
  }, 60_000);

  test("one bundle per fingerprint of the code: reused while it holds, replaced when it changes, another run's partial build left alone", async () => {
    const dir = join(scratch, 'fingerprints');
    const first = await codeUrls('code-a', dir);
    const builtAt = statSync(fileURLToPath(first.cli)).mtimeMs;
    expect(await codeUrls('code-a', dir)).toEqual(first);
    expect(statSync(fileURLToPath(first.cli)).mtimeMs).toBe(builtAt);
    // Another run writing its bundle now, and one that died writing an hour and more ago.
    mkdirSync(join(dir, '0000000000000000.4242.partial'));
    mkdirSync(join(dir, '1111111111111111.4343.partial'));
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(join(dir, '1111111111111111.4343.partial'), twoHoursAgo, twoHoursAgo);
    const second = await codeUrls('code-b', dir);
    expect(second.cli).not.toBe(first.cli);
    expect(readdirSync(dir).sort()).toEqual(
      ['0000000000000000.4242.partial', relative(dir, fileURLToPath(new URL('.', second.cli))).replace(/\/$/, '')].sort(),
    );
  }, 60_000);

  test('the sources serve when the bundle cannot be written, or when asked for', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const urls = await codeUrls('code-c', join(file, 'bundle'));
    expect(urls).toEqual(SOURCE_URLS);
    const [result] = await lintAll(await importLinter(urls.linter), [join(FIXTURE_KB, 'runbooks', 'checkout', 'checkout-5xx.mdx')]);
    expect(result?.internalFailure).toBe(false);

    process.env['OPSKB_FROM_SOURCE'] = '1';
    try {
      expect(await codeUrls('code-d', join(scratch, 'asked'))).toEqual(SOURCE_URLS);
    } finally {
      delete process.env['OPSKB_FROM_SOURCE'];
    }
  });

  test('a bundle that will not load gives way to the sources', async () => {
    const broken = join(scratch, 'broken.mjs');
    writeFileSync(broken, 'export const createLinter = ;\n');
    const url = new URL(`file://${broken}`).href;
    expect(await importLinter(url)).toBe(await import(SOURCE_URLS.linter));
    expect(await importCli(url)).toBe(await import(SOURCE_URLS.cli));
  });
});
