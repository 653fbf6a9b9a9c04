// opskb loads its code (the command line, the linter, a lint worker's module) from a bundle
// (src/lib/cli/code-bundle.ts). The bundle must do exactly what the sources do, with the drop-ins in
// place of their packages; it is rebuilt when opskb's code changes, and when it cannot be built
// the sources serve.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { listDocFiles, loadKnowledgeBase } from '../../../src/lib/kb/knowledge-base.ts';
import { buildBundle, codeFingerprint, codeUrls, importCli, SOURCE_URLS } from '../../../src/lib/cli/code-bundle.ts';
import { lintFiles } from '../../../src/lib/lint/engine.ts';
import type { LinterModule } from '../../../src/lib/lint/linter.ts';
import { DROP_INS } from '../../../src/lib/lint/traversal/install.ts';
import type { Io } from '../../../src/lib/cli/main.ts';
import { FIXTURE_KB, PROJECT_DIR, RULE_FIXTURES, TODAY } from '../../support/fixtures.ts';
import { lintInWorker } from '../../support/lint-worker.ts';

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
    const urls = await codeUrls(join(scratch, 'equivalence'));
    expect(urls.linter).not.toBe(SOURCE_URLS.linter);
    // The demo's docs too: against the fixture knowledge base, their links and owners give findings.
    const paths = FIXTURE_DOCS();
    const bundled = await lintAll((await import(urls.linter)) as LinterModule, paths);
    const fromSource = await lintAll((await import(SOURCE_URLS.linter)) as LinterModule, paths);
    expect(paths.length).toBeGreaterThan(60);
    expect(bundled.flatMap((result) => result.findings).length).toBeGreaterThan(100);
    expect(bundled).toEqual(fromSource);
    // The engine, given the bundle, lints as it does from the sources.
    const kbDocs = listDocFiles(FIXTURE_KB);
    const options = { contentDir: FIXTURE_KB, today: TODAY, workers: 0 };
    expect((await lintFiles(kbDocs, { ...options, code: urls })).findings).toEqual((await lintFiles(kbDocs, options)).findings);
  }, 60_000);

  test('its worker thread lints as the sources do', async () => {
    const urls = await codeUrls(join(scratch, 'equivalence'));
    const paths = listDocFiles(FIXTURE_KB);
    const output = await lintInWorker(urls, FIXTURE_KB, paths);
    const fromSource = await lintAll((await import(SOURCE_URLS.linter)) as LinterModule, paths);
    expect(output.internalFailure).toBe(false);
    expect(output.results.map((result) => result.path)).toEqual(paths);
    expect(output.results.map((result) => result.findings)).toEqual(fromSource.map((result) => result.findings));
  }, 60_000);

  test('its command line prints what the sources print, and finds package.json from where its module came from', async () => {
    const urls = await codeUrls(join(scratch, 'equivalence'));
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

  test("one bundle for the code as it is: reused while its inputs hold; other code's bundles and old partial builds removed, another run's partial build left alone", async () => {
    const dir = join(scratch, 'fingerprints');
    // A bundle of other code, another run writing its bundle now, and one that died writing hours ago.
    mkdirSync(join(dir, 'aaaaaaaaaaaaaaaa'), { recursive: true });
    writeFileSync(join(dir, 'aaaaaaaaaaaaaaaa', 'cli.mjs'), '');
    mkdirSync(join(dir, '0000000000000000.4242.partial'));
    mkdirSync(join(dir, '1111111111111111.4343.partial'));
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(join(dir, '1111111111111111.4343.partial'), twoHoursAgo, twoHoursAgo);
    const first = await codeUrls(dir);
    expect(first.cli).not.toBe(SOURCE_URLS.cli);
    const builtAt = statSync(fileURLToPath(first.cli)).mtimeMs;
    expect(await codeUrls(dir)).toEqual(first);
    expect(statSync(fileURLToPath(first.cli)).mtimeMs).toBe(builtAt);
    expect(readdirSync(dir).sort()).toEqual(['0000000000000000.4242.partial', first.fingerprint.slice(0, 16), 'inputs.json'].sort());
  }, 60_000);

  test("its fingerprint covers exactly the bundle's inputs: opskb's linter and command line, not the site, the benchmarks or the tests", async () => {
    const dir = join(scratch, 'inputs');
    const urls = await codeUrls(dir);
    const { inputs } = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    expect(urls.fingerprint).toBe(codeFingerprint(inputs));
    expect(inputs).toEqual(
      expect.arrayContaining(['src/lib/cli/main.ts', 'src/lib/lint/engine.ts', 'src/lib/lint/worker.ts', 'lint-rules/index.ts', 'lint-rules/links.ts']),
    );
    expect(inputs.filter((input) => /^(scripts|test)\/|^src\/(pages|components|client|integrations|lib\/site)\//.test(input))).toEqual([]);
  }, 60_000);

  test('codeFingerprint changes with an input, not with any other file', () => {
    const project = join(scratch, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    mkdirSync(join(project, 'scripts'), { recursive: true });
    writeFileSync(join(project, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(project, 'scripts', 'bench.ts'), 'export const b = 1;\n');
    writeFileSync(join(project, 'package-lock.json'), '{}');
    const before = codeFingerprint(['src/a.ts'], project);
    writeFileSync(join(project, 'scripts', 'bench.ts'), 'export const b = 2;\n');
    expect(codeFingerprint(['src/a.ts'], project)).toBe(before);
    writeFileSync(join(project, 'src', 'a.ts'), 'export const a = 22;\n');
    const afterEdit = codeFingerprint(['src/a.ts'], project);
    expect(afterEdit).not.toBe(before);
    // Another package installed.
    writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion": 3}');
    expect(codeFingerprint(['src/a.ts'], project)).not.toBe(afterEdit);
  });

  test('a bundle that will not load gives way to the sources', async () => {
    const broken = join(scratch, 'broken.mjs');
    writeFileSync(broken, 'export const createLinter = ;\n');
    const url = new URL(`file://${broken}`).href;
    expect(await importCli(url)).toBe(await import(SOURCE_URLS.cli));
    // The engine, given a linter that will not load, lints with the sources.
    const doc = join(FIXTURE_KB, 'runbooks', 'checkout', 'checkout-5xx.mdx');
    const options = { contentDir: FIXTURE_KB, today: TODAY, workers: 0 };
    expect(await lintFiles([doc], { ...options, code: { linter: url, worker: SOURCE_URLS.worker } })).toEqual(await lintFiles([doc], options));
  });
});
