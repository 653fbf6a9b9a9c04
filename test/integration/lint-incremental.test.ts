// Incremental linting: the content-hash cache never hides a finding, workers change nothing but
// speed, and --changed-since lints what git says changed, with the whole knowledge base's index.
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { CACHE_VERSION } from '../../src/lib/lint/cache.ts';
import { lintFiles, type LintOptions } from '../../src/lib/lint/engine.ts';
import { batchesOf } from '../../src/lib/lint/worker-pool.ts';
import { opskb } from '../support/cli.ts';
import { TODAY } from '../support/fixtures.ts';
import { copyFixtureKb } from '../support/temp-kb.ts';
import { committedFixtureKb } from '../support/git-kb.ts';

const summarise = (findings: readonly { path: string; line: number; ruleId: string; message: string }[], root: string) =>
  findings.map((finding) => `${finding.path.slice(root.length + 1)}:${finding.line} ${finding.ruleId} ${finding.message}`);

describe('the lint cache', () => {
  test('a warm run reuses every file and reports exactly the same findings', async () => {
    const kb = copyFixtureKb('kb-broken');
    const options: LintOptions = { contentDir: kb, today: TODAY, cacheFile: join(kb, '.cache.json'), workers: 0 };
    const cold = await lintFiles(listDocFiles(kb), options);
    const warm = await lintFiles(listDocFiles(kb), options);
    expect(cold.fromCache).toBe(0);
    expect(warm.fromCache).toBe(6);
    expect(summarise(warm.findings, kb)).toEqual(summarise(cold.findings, kb));
  });

  test('an edited doc is linted again, the others come from the cache', async () => {
    const kb = copyFixtureKb('kb-broken');
    const options: LintOptions = { contentDir: kb, today: TODAY, cacheFile: join(kb, '.cache.json'), workers: 0 };
    await lintFiles(listDocFiles(kb), options);
    appendFileSync(join(kb, 'knowledge/due-soon.md'), '\nSee [the runbook](/runbooks/checkout/nope/).\n');
    const after = await lintFiles(listDocFiles(kb), options);
    expect(after.fromCache).toBe(5);
    expect(summarise(after.findings, kb)).toContain(
      'knowledge/due-soon.md:12 opskb:links Broken link `/runbooks/checkout/nope/`: no doc `runbooks/checkout/nope` in the knowledge base.',
    );
  });

  test('a stale entry never hides a finding: a registry change or a renamed heading in a linked doc invalidates', async () => {
    const kb = copyFixtureKb('kb-broken');
    const options: LintOptions = { contentDir: kb, today: TODAY, cacheFile: join(kb, '.cache.json'), workers: 0 };
    await lintFiles(listDocFiles(kb), options);

    const teams = join(kb, 'teams.yaml');
    writeFileSync(teams, readFileSync(teams, 'utf8').replace('id: data-platform', 'id: data-platfrm'));
    const afterRegistry = await lintFiles(listDocFiles(kb), options);
    expect(afterRegistry.fromCache).toBe(0);
    expect(summarise(afterRegistry.findings, kb).filter((line) => line.includes('opskb:owner-exists'))).toHaveLength(3);

    const target = join(kb, 'runbooks/checkout/errors.mdx');
    writeFileSync(target, readFileSync(target, 'utf8').replace('## Diagnosis', '## Diagnostics'));
    const afterHeading = await lintFiles(listDocFiles(kb), options);
    expect(afterHeading.fromCache).toBe(0);
    expect(summarise(afterHeading.findings, kb).some((line) => line.startsWith('runbooks/orders-db/links.md:11 opskb:links Broken anchor `#diagnosis`'))).toBe(
      true,
    );
  });

  test('an unchanged warm run does not rewrite the cache file', async () => {
    const kb = copyFixtureKb('kb-broken');
    const cacheFile = join(kb, '.cache.json');
    const options: LintOptions = { contentDir: kb, today: TODAY, cacheFile, workers: 0 };
    await lintFiles(listDocFiles(kb), options);
    const written = statSync(cacheFile).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await lintFiles(listDocFiles(kb), options)).fromCache).toBe(6);
    expect(statSync(cacheFile).mtimeMs).toBe(written);
  });

  test('a corrupt cache file is ignored and rewritten', async () => {
    const kb = copyFixtureKb('kb-broken');
    const cacheFile = join(kb, '.cache.json');
    writeFileSync(cacheFile, '{"version": 1, "runKey": ');
    const result = await lintFiles(listDocFiles(kb), { contentDir: kb, today: TODAY, cacheFile, workers: 0 });
    expect(result.fromCache).toBe(0);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ version: CACHE_VERSION });
  });
});

describe('worker threads', () => {
  test('linting on two workers gives exactly what one thread gives', async () => {
    const kb = copyFixtureKb('kb-broken');
    const files = listDocFiles(kb);
    const single = await lintFiles(files, { contentDir: kb, today: TODAY, workers: 0 });
    const parallel = await lintFiles(files, { contentDir: kb, today: TODAY, workers: 2 });
    expect(parallel.findings).toEqual(single.findings);
    expect(single.findings.length).toBeGreaterThan(10);
  });

  test('files of a worker that runs out of memory are linted by the main thread, none lost', async () => {
    const kb = copyFixtureKb('kb-broken');
    const files = listDocFiles(kb);
    const single = await lintFiles(files, { contentDir: kb, today: TODAY, workers: 0 });
    // 4 MB of heap: not enough to load the rules, so both workers fail before linting anything.
    const starved = await lintFiles(files, { contentDir: kb, today: TODAY, workers: 2, workerHeapMb: 4 });
    expect(starved.findings).toEqual(single.findings);
    expect(starved.internalFailure).toBe(false);
  });

  test('batches hand out every file once, in order, and shrink towards the end so the threads finish together', () => {
    const files = Array.from({ length: 2000 }, (_, index) => `doc-${index}.md`);
    const batches = batchesOf(files, 2);
    expect(batches.flat()).toEqual(files);
    const sizes = batches.map((batch) => batch.length);
    expect(sizes[0]).toBe(25);
    expect(Math.max(...sizes)).toBe(25);
    expect(sizes.every((size, index) => index === 0 || size <= (sizes[index - 1] ?? 0))).toBe(true);
    // What is left once the queue is empty: a worker's two batches in flight hold a few files.
    expect(sizes.slice(-6).every((size) => size <= 2)).toBe(true);
    expect(batchesOf(['one.md'], 3)).toEqual([['one.md']]);
    expect(batchesOf([], 2)).toEqual([]);
  });
});

describe('--changed-since', () => {
  const setup = () => committedFixtureKb('kb');
  const lintIn = (kb: string, ...args: string[]) => opskb(['lint', '--now', TODAY, '--no-cache', ...args], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } });

  test('lints the changed docs and those that name them, checking links against the whole knowledge base', () => {
    const kb = setup();
    appendFileSync(join(kb, 'knowledge/why-batch-window.mdx'), '\nSee [checkout](/runbooks/checkout/checkout-5xx/#impact) and [gone](/runbooks/gone/).\n');
    const run = lintIn(kb, '--changed-since', 'HEAD');
    expect(run.lines).toEqual([
      'knowledge/why-batch-window.mdx:18:61  error  Broken link `/runbooks/gone/`: no doc `runbooks/gone` in the knowledge base.  opskb:links',
      // onboarding/first-week.mdx names the changed doc: a renamed heading could break its links.
      '✖ 1 problem (1 error, 0 warnings) in 1 file; 2 files checked',
    ]);
  });

  test('untracked docs count as changed; a changed registry means every doc', () => {
    const kb = setup();
    writeFileSync(join(kb, 'knowledge/new-note.md'), readFileSync(join(kb, 'knowledge/why-batch-window.mdx'), 'utf8'));
    expect(lintIn(kb, '--changed-since', 'HEAD').lines.at(-1)).toBe('✔ 1 file checked, no problems');
    appendFileSync(join(kb, 'teams.yaml'), '\n');
    expect(lintIn(kb, '--changed-since', 'HEAD').lines.at(-1)).toBe('✔ 7 files checked, no problems');
  });

  test('an unknown ref is a usage error naming it', () => {
    const kb = setup();
    const run = lintIn(kb, '--changed-since', 'no-such-branch');
    expect(run.stderr).toContain('--changed-since no-such-branch:');
    expect(run.code).toBe(2);
  });
});
