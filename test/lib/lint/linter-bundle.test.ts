// The lint engine loads the linter from one bundled module (src/lib/lint/linter-bundle.ts). The
// bundle must lint exactly as the sources do, with the drop-ins in place of their packages; it is
// rebuilt when opskb's code changes, and when it cannot be built the sources serve.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { listDocFiles, loadKnowledgeBase } from '../../../src/lib/kb/knowledge-base.ts';
import { buildLinterBundle, importLinter, LINTER_SOURCE_URL, linterModuleUrl, type LinterModule } from '../../../src/lib/lint/linter-bundle.ts';
import { DROP_INS } from '../../../src/lib/lint/traversal/install.ts';
import { FIXTURE_KB, PROJECT_DIR, RULE_FIXTURES, TODAY } from '../../support/fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'opskb-linter-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lintAll(linter: LinterModule, paths: readonly string[]) {
  const kb = loadKnowledgeBase(FIXTURE_KB);
  const lint = linter.createLinter({ contentDir: FIXTURE_KB, today: TODAY, type: undefined, kb });
  const results = [];
  for (const path of paths) results.push(await lint.lintText(path, readFileSync(path, 'utf8')));
  return results;
}

describe('linter bundle', () => {
  test('lints every fixture exactly as the sources do', async () => {
    const url = await linterModuleUrl('fixture-equivalence', join(scratch, 'equivalence'));
    expect(url).not.toBe(LINTER_SOURCE_URL);
    // The demo's docs too: against the fixture knowledge base, their links and owners give findings.
    const paths = [...listDocFiles(FIXTURE_KB), ...listDocFiles(RULE_FIXTURES), ...listDocFiles(join(PROJECT_DIR, 'content'))];
    const bundled = await lintAll((await import(url)) as LinterModule, paths);
    const fromSource = await lintAll((await import(LINTER_SOURCE_URL)) as LinterModule, paths);
    expect(paths.length).toBeGreaterThan(60);
    expect(bundled.flatMap((result) => result.findings).length).toBeGreaterThan(100);
    expect(bundled).toEqual(fromSource);
    // What the engine loads from that URL is the bundle itself, not the sources.
    expect(await importLinter(url)).toBe(await import(url));
    expect(await importLinter(url)).not.toBe(await import(LINTER_SOURCE_URL));
  }, 60_000);

  test('bundles the drop-ins in place of their packages', async () => {
    const inputs = await buildLinterBundle(join(scratch, 'drop-ins.mjs'));
    for (const [specifier, url] of DROP_INS) {
      const dropIn = relative(PROJECT_DIR, fileURLToPath(url));
      expect(inputs[dropIn], dropIn).toBeDefined();
      // From outside its package, only the drop-in imports the original (when it wraps it).
      const packageFiles = Object.keys(inputs).filter((input) => input.startsWith(`node_modules/${specifier}/`));
      const outsiders = packageFiles.flatMap((file) => inputs[file]?.importers ?? []).filter((importer) => !importer.startsWith(`node_modules/${specifier}/`));
      expect([...new Set(outsiders)], specifier).toEqual(packageFiles.length > 0 ? [dropIn] : []);
      // And modules that import the package by its name get the drop-in.
      expect(inputs[dropIn]?.importers.some((importer) => importer.startsWith('node_modules/')), dropIn).toBe(true);
    }
  }, 60_000);

  test('one bundle per fingerprint of the code: reused while it holds, replaced when it changes, another run\'s partial file left alone', async () => {
    const dir = join(scratch, 'fingerprints');
    const first = await linterModuleUrl('code-a', dir);
    const builtAt = statSync(fileURLToPath(first)).mtimeMs;
    expect(await linterModuleUrl('code-a', dir)).toBe(first);
    expect(statSync(fileURLToPath(first)).mtimeMs).toBe(builtAt);
    // Another run writing its bundle now, and one that died writing an hour and more ago.
    writeFileSync(join(dir, 'linter-0000000000000000.mjs.4242.partial'), '');
    writeFileSync(join(dir, 'linter-1111111111111111.mjs.4343.partial'), '');
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(join(dir, 'linter-1111111111111111.mjs.4343.partial'), twoHoursAgo, twoHoursAgo);
    const second = await linterModuleUrl('code-b', dir);
    expect(second).not.toBe(first);
    expect(readdirSync(dir).sort()).toEqual(['linter-0000000000000000.mjs.4242.partial', fileURLToPath(second).split('/').at(-1)].sort());
  }, 60_000);

  test('the sources serve when the bundle cannot be written, or when asked for', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, '');
    const url = await linterModuleUrl('code-c', join(file, 'linter'));
    expect(url).toBe(LINTER_SOURCE_URL);
    const [result] = await lintAll(await importLinter(url), [join(FIXTURE_KB, 'runbooks', 'checkout', 'checkout-5xx.mdx')]);
    expect(result?.internalFailure).toBe(false);

    process.env['OPSKB_LINT_FROM_SOURCE'] = '1';
    try {
      expect(await linterModuleUrl('code-d', join(scratch, 'asked'))).toBe(LINTER_SOURCE_URL);
    } finally {
      delete process.env['OPSKB_LINT_FROM_SOURCE'];
    }
  });

  test('a bundle that will not load gives way to the sources', async () => {
    const broken = join(scratch, 'broken.mjs');
    writeFileSync(broken, 'export const createLinter = ;\n');
    const linter = await importLinter(new URL(`file://${broken}`).href);
    expect(linter).toBe(await import(LINTER_SOURCE_URL));
  });
});
