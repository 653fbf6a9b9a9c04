// What an audit of `opskb lint` against hostile and unusual input found, each fixed and held here:
// secrets quoted by other rules, directives, malformed links and images, unreadable files, the
// cache location, baselines, byte order marks, --changed-since after deletions. Real CLI runs on
// throwaway copies of the fixture knowledge base.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { lintFiles, SOURCE_LINT_CODE } from '../../src/lib/lint/engine.ts';
import { redactSecrets } from '../../src/lib/text/secrets.ts';
import { opskb } from '../support/cli.ts';
import { lintInWorker } from '../support/lint-worker.ts';
import { TODAY } from '../support/fixtures.ts';
import { copyFixtureKb } from '../support/temp-kb.ts';
import { commitAll, committedFixtureKb, git } from '../support/git-kb.ts';

/** A lint-clean runbook of the fixture knowledge base, without alerts (so copies do not collide). */
const FRONTMATTER = `---
title: Orders database disk full
summary: What to do when the orders database volume runs out of space.
owner: data-platform
services: [orders-db]
last_reviewed: 2026-10-20
review_every: 60d
---
`;
const SECTIONS = `
## Meaning

The volume is full.

## Impact

Writes fail.

## Investigation

Check the volume.

## Remediation

Grow the volume.

## Validation

Writes succeed.

## Contacts

The data platform on-call.
`;
const runbook = (body: string, frontmatter = FRONTMATTER) => `${frontmatter}\n${body}\n${SECTIONS}`;

const lintIn = (kb: string, ...args: string[]) => opskb(['lint', '--now', TODAY, ...args], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } });

// Not a real token: the shape of one, so that the scanners see it as a GitHub token.
const TOKEN = ['ghp', 'Zq8Xw3Lr9Tk2Vb7Nm4Pc6Hd1Jf5Gs0Ay2QeK'].join('_');

describe('secrets never appear in any rule’s message', () => {
  test('a token quoted by links, owner-exists, directives and remark-lint is masked in every format', () => {
    const kb = copyFixtureKb('kb');
    const body = [
      `[x](/runbooks/nope/?token=${TOKEN}) and [z](#${TOKEN}) and [${TOKEN}] here.`,
      '',
      `<!-- lint disable-next-line opskb:${TOKEN} -- why -->`,
      'text',
    ].join('\n');
    writeFileSync(join(kb, 'runbooks/orders-db/leak.md'), runbook(body, FRONTMATTER.replace('owner: data-platform', `owner: ${TOKEN}`)));
    for (const format of ['stylish', 'json', 'github', 'sarif']) {
      const run = lintIn(kb, '--no-cache', '--format', format, 'runbooks/orders-db/leak.md');
      expect(run.code).toBe(1);
      expect(run.stdout, format).not.toContain(TOKEN.slice(4, 30));
      expect(run.stdout, format).toContain('ghp_…2QeK');
    }
    const rules = (
      JSON.parse(lintIn(kb, '--no-cache', '--format', 'json', 'runbooks/orders-db/leak.md').stdout) as { findings: { rule: string }[] }
    ).findings.map((finding) => finding.rule);
    // The other rules still report: their messages are masked, not dropped.
    expect(new Set(rules)).toEqual(
      new Set(['opskb:owner-exists', 'opskb:frontmatter-schema', 'opskb:links', 'opskb:no-secrets', 'opskb:directives', 'remark-lint:no-undefined-references']),
    );
  });

  test('redactSecrets masks known values quoted in part or lowercased, and self-evident tokens, nothing else', () => {
    expect(redactSecrets(`Unknown component <${TOKEN.slice(0, 30)}`, [TOKEN])).toBe('Unknown component <ghp_…2QeK');
    expect(redactSecrets(`expected a definition (\`${TOKEN.toLowerCase()}\`)`, [TOKEN])).toBe('expected a definition (`ghp_…2QeK`)');
    expect(redactSecrets(`Broken link \`/x/?t=${TOKEN}\``, [])).toBe('Broken link `/x/?t=ghp_…2QeK`');
    // A webhook URL found in the file does not mask every other `https://` of its messages.
    const webhook = 'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnop';
    expect(redactSecrets('in a `https://` URL in a link', [webhook])).toBe('in a `https://` URL in a link');
    expect(redactSecrets('Review overdue by 3 days', [TOKEN])).toBe('Review overdue by 3 days');
  });
});

describe('lint directives', () => {
  test('`enable <rule>` after `disable` (every rule) turns that rule back on', () => {
    const kb = copyFixtureKb('kb');
    const body = [
      '<!-- lint disable -- generated links -->',
      '',
      '[a](/runbooks/nope1/)',
      '',
      '<!-- lint enable opskb:links -->',
      '',
      '[b](/runbooks/nope2/)',
    ].join('\n');
    writeFileSync(join(kb, 'runbooks/orders-db/ranges.md'), runbook(body));
    const run = lintIn(kb, '--no-cache', 'runbooks/orders-db/ranges.md');
    expect(run.lines.filter((line) => line.includes('opskb:links'))).toEqual([
      'runbooks/orders-db/ranges.md:16:1  error  Broken link `/runbooks/nope2/`: no doc `runbooks/nope2` in the knowledge base.  opskb:links',
    ]);
  });
});

describe('links and images', () => {
  test('a malformed `%` is reported at its link, and the other links are still checked; images must exist', () => {
    const kb = copyFixtureKb('kb');
    mkdirSync(join(kb, 'runbooks/orders-db/img'));
    writeFileSync(join(kb, 'runbooks/orders-db/img/ok.png'), 'png');
    const body = 'See [a](/runbooks/orders-db/100%.pdf) and ![i](./missing.png) ![j](./img/ok.png) ![k](/nothere.png)\n\n[b](/runbooks/does-not-exist/)';
    writeFileSync(join(kb, 'runbooks/orders-db/assets.md'), runbook(body));
    expect(lintIn(kb, '--no-cache', 'runbooks/orders-db/assets.md').lines.filter((line) => line.includes('opskb:links'))).toEqual([
      'runbooks/orders-db/assets.md:10:5  error  Malformed link `/runbooks/orders-db/100%.pdf`: a `%` must start an escape such as `%20`; write a literal percent sign as `%25`.  opskb:links',
      'runbooks/orders-db/assets.md:10:43  error  Broken image `./missing.png`: no file runbooks/orders-db/missing.png in the content root.  opskb:links',
      'runbooks/orders-db/assets.md:10:82  error  Broken image `/nothere.png`: no file nothere.png in the content root.  opskb:links',
      'runbooks/orders-db/assets.md:12:1  error  Broken link `/runbooks/does-not-exist/`: no doc `runbooks/does-not-exist` in the knowledge base.  opskb:links',
    ]);
  });

  test('the cache never hides a link to an attachment deleted since', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/checklist.pdf'), 'pdf');
    writeFileSync(join(kb, 'runbooks/orders-db/attached.md'), runbook('The [checklist](/runbooks/orders-db/checklist.pdf).'));
    const cache = ['--cache-location', join(kb, 'cache.json')];
    expect(lintIn(kb, ...cache).code).toBe(0);
    unlinkSync(join(kb, 'runbooks/orders-db/checklist.pdf'));
    const after = lintIn(kb, ...cache);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('Broken link `/runbooks/orders-db/checklist.pdf`');
  });
});

describe('files opskb cannot read or that start oddly', () => {
  test('a symbolic link loop is reported at its file, and every other doc is still checked', () => {
    const kb = copyFixtureKb('kb');
    symlinkSync('loop.md', join(kb, 'runbooks/orders-db/loop.md'));
    const run = lintIn(kb, '--no-cache');
    expect(run.code).toBe(2);
    expect(run.lines).toContain(
      'runbooks/orders-db/loop.md:1:1  error  Cannot read the file: it is a symbolic link that leads back to itself. Point it at a real file or remove it.  opskb:internal',
    );
    expect(run.lines.at(-1)).toContain(`; ${listDocFiles(kb).length} files checked`);
  });

  test('a byte order mark changes no finding and no position', () => {
    const kb = copyFixtureKb('kb');
    const text = runbook('```bash\nrm -rf /var/lib/postgresql/data\n```');
    writeFileSync(join(kb, 'runbooks/orders-db/plain.md'), text);
    writeFileSync(join(kb, 'runbooks/orders-db/bom.md'), `\uFEFF${text}`);
    const plain = lintIn(kb, '--no-cache', 'runbooks/orders-db/plain.md').lines.slice(0, -1);
    const bom = lintIn(kb, '--no-cache', 'runbooks/orders-db/bom.md').lines.slice(0, -1);
    expect(plain).toEqual([expect.stringMatching(/^runbooks\/orders-db\/plain\.md:11:1 .*Destructive command.*opskb:code-blocks$/)]);
    expect(bom).toEqual(plain.map((line) => line.replace('plain.md', 'bom.md')));
  });

  test('old Mac line endings (a lone CR) give the findings, lines and directives of LF ones', () => {
    const kb = copyFixtureKb('kb');
    const text = runbook('<!-- lint disable-next-line opskb:links -- generated at deploy time -->\n[a](/runbooks/nope-a/)\n\n[b](/runbooks/nope-b/)');
    writeFileSync(join(kb, 'runbooks/orders-db/lf.md'), text.replace('owner: data-platform', 'owner: nobody'));
    writeFileSync(join(kb, 'runbooks/orders-db/cr.md'), text.replace('owner: data-platform', 'owner: nobody').replaceAll('\n', '\r'));
    const lf = lintIn(kb, '--no-cache', 'runbooks/orders-db/lf.md').lines.slice(0, -1);
    const cr = lintIn(kb, '--no-cache', 'runbooks/orders-db/cr.md').lines.slice(0, -1);
    expect(lf.map((line) => line.replace(/ .*opskb:/, ' opskb:'))).toEqual([
      'runbooks/orders-db/lf.md:4:1 opskb:owner-exists',
      'runbooks/orders-db/lf.md:13:1 opskb:links',
    ]);
    expect(cr).toEqual(lf.map((line) => line.replace('lf.md', 'cr.md')));
  });

  test('in a run of 1,200 files (worker threads), docs with a byte order mark or old Mac line endings give what they give alone', () => {
    const kb = copyFixtureKb('kb');
    const text = runbook(
      '<!-- lint disable-next-line opskb:links -- generated at deploy time -->\n[a](/runbooks/nope-a/)\n\n[b](/runbooks/nope-b/)\n\n```bash\nrm -rf /var/lib/postgresql/data\n```',
    );
    const odd = {
      'runbooks/orders-db/a-bom.md': `\uFEFF${text}`,
      'runbooks/orders-db/a-cr.md': text.replaceAll('\n', '\r'),
      'runbooks/orders-db/a-bom-cr.md': `\uFEFF${text.replaceAll('\n', '\r')}`,
    };
    for (const [path, content] of Object.entries(odd)) writeFileSync(join(kb, path), content);
    mkdirSync(join(kb, 'runbooks/filler'));
    for (let index = 0; index < 1_200; index += 1)
      writeFileSync(join(kb, `runbooks/filler/doc-${String(index).padStart(4, '0')}.md`), runbook('Nothing odd here.'));
    const findingsOf = (run: ReturnType<typeof lintIn>) =>
      (JSON.parse(run.stdout) as { findings: { path: string; line: number; column: number; rule: string; message: string }[] }).findings.filter((finding) =>
        Object.keys(odd).includes(finding.path),
      );
    const all = lintIn(kb, '--no-cache', '--format', 'json');
    const alone = lintIn(kb, '--no-cache', '--format', 'json', ...Object.keys(odd));
    expect(JSON.parse(all.stdout).summary.filesChecked).toBeGreaterThanOrEqual(1_200);
    expect(findingsOf(all).length).toBe(6);
    expect(findingsOf(all)).toEqual(findingsOf(alone));
  }, 120_000);

  test('a worker thread reads a doc as the main thread does (byte order mark, lone CR)', async () => {
    const kb = copyFixtureKb('kb');
    const text = runbook('<!-- lint disable-next-line opskb:links -- generated at deploy time -->\n[a](/runbooks/nope-a/)\n\n[b](/runbooks/nope-b/)');
    const paths = [join(kb, 'runbooks/orders-db/bom.md'), join(kb, 'runbooks/orders-db/cr.md')];
    writeFileSync(paths[0]!, `\uFEFF${text}`);
    writeFileSync(paths[1]!, text.replaceAll('\n', '\r'));
    const here = await lintFiles(paths, { contentDir: kb, today: TODAY, workers: 0 });
    expect(here.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(['13:1 opskb:links', '13:1 opskb:links']);
    // The worker thread's module as the engine starts it, sent the two docs as one batch.
    const output = await lintInWorker(SOURCE_LINT_CODE, kb, paths);
    expect(output.results.flatMap((result) => result.findings)).toEqual(here.findings);
  }, 60_000);

  test('brackets nested thousands deep (which crash the MDX parser) are a finding at their place, and the other docs are still checked', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/nested.mdx'), runbook(`Page when {${'('.repeat(10_000)}1${')'.repeat(10_000)}}.`));
    writeFileSync(join(kb, 'runbooks/orders-db/other.md'), runbook('See [the missing runbook](/runbooks/nope/).'));
    const run = lintIn(kb, '--no-cache', 'runbooks/orders-db/nested.mdx', 'runbooks/orders-db/other.md');
    expect(
      run.lines
        .filter((line) => line.includes('opskb:mdx-syntax') || line.includes('opskb:links'))
        .map((line) => line.replace(/  error  .*  (opskb:\S+)$/, ' $1')),
    ).toEqual(['runbooks/orders-db/nested.mdx:10:1011 opskb:mdx-syntax', 'runbooks/orders-db/other.md:10:5 opskb:links']);
    expect(run.lines.join('\n')).toContain(
      'MDX syntax error: more than 1000 brackets are open here, more than the MDX parser can nest. Close them sooner, or put the text in a fenced code block',
    );
    expect(run.code).toBe(1);
  });

  test('a JSX tag left open at the end of an MDX file is reported at the tag, with how to close it', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/open.mdx'), `${FRONTMATTER}\nHello\n\n<Warning>\n\ntext\n`);
    expect(lintIn(kb, '--no-cache', 'runbooks/orders-db/open.mdx').lines).toContain(
      'runbooks/orders-db/open.mdx:12:1  error  MDX syntax error: Expected a closing tag for `<Warning>` (12:1). Close it with `</Warning>` after its content (on a line of its own, after a blank line).  opskb:mdx-syntax',
    );
  });
});

describe('configuration and output', () => {
  test('`opskb:links: off` in opskb.yaml turns the rule off, as `links: off` does', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/broken.md'), runbook('[b](/runbooks/does-not-exist/)'));
    expect(lintIn(kb, '--no-cache').stdout).toContain('opskb:links');
    writeFileSync(join(kb, 'opskb.yaml'), 'rules:\n  opskb:links: off\n');
    const run = lintIn(kb, '--no-cache');
    expect(run.stdout).not.toContain('opskb:links');
    expect(run.code).toBe(0);
  });

  test('SARIF locations are URI references: a space in a path is percent-encoded', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/disk full.md'), runbook('[b](/runbooks/does-not-exist/)'));
    const log = JSON.parse(lintIn(kb, '--no-cache', '--format', 'sarif').stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['runbooks/orders-db/disk%20full.md']);
  });

  test('--cache-location never overwrites a file that is not an opskb cache; a folder gets lint-cache.json', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'notes.txt'), 'my notes');
    const refused = lintIn(kb, '--cache-location', 'notes.txt');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notes.txt exists and is not an opskb lint cache: opskb will not overwrite it.');
    expect(readFileSync(join(kb, 'notes.txt'), 'utf8')).toBe('my notes');

    mkdirSync(join(kb, 'cache'));
    expect(lintIn(kb, '--cache-location', 'cache').code).toBe(0);
    expect(readdirSync(join(kb, 'cache'))).toEqual(['lint-cache.json']);
    expect(lintIn(kb, '--cache-location', 'cache/lint-cache.json').code).toBe(0);
    expect(readdirSync(kb).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('baselines', () => {
  test('a finding whose day count moves stays known from one day to the next', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/stale.md'), runbook('Old.', FRONTMATTER.replace('last_reviewed: 2026-10-20', 'last_reviewed: 2026-01-20')));
    const baseline = join(kb, 'baseline.json');
    expect(
      opskb(['lint', '--no-cache', '--now', '2026-11-26', '--baseline', baseline, '--update-baseline'], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } }).code,
    ).toBe(0);
    const stored = JSON.parse(readFileSync(baseline, 'utf8')) as { findings: { message: string; key?: string }[] };
    expect(stored.findings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Review overdue by 250 days') as string,
        key: expect.stringContaining('Review overdue …') as string,
      }),
    ]);
    const nextDay = opskb(['lint', '--no-cache', '--now', '2026-11-27', '--baseline', baseline], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } });
    expect(nextDay.lines.at(-1)).toBe(`✔ ${listDocFiles(kb).length} files checked, no problems; 1 known finding hidden by the baseline`);
    expect(nextDay.code).toBe(0);
  });

  test("a duplicate alert stays known when the other runbook's alert moves to another line", () => {
    const kb = copyFixtureKb('kb');
    const withAlert = (extra: string) => runbook('Full.', FRONTMATTER.replace('review_every: 60d', `review_every: 60d\n${extra}alerts: [OrdersDiskFull]`));
    writeFileSync(join(kb, 'runbooks/orders-db/disk-a.md'), withAlert(''));
    writeFileSync(join(kb, 'runbooks/orders-db/disk-b.md'), withAlert(''));
    const baseline = join(kb, 'baseline.json');
    expect(lintIn(kb, '--no-cache', '--baseline', baseline, '--update-baseline').lines).toEqual(['Baseline baseline.json now records 2 findings in 2 files.']);
    writeFileSync(join(kb, 'runbooks/orders-db/disk-b.md'), withAlert('tags: [storage]\n'));
    const moved = lintIn(kb, '--no-cache', '--baseline', baseline);
    expect(moved.lines.at(-1)).toContain('2 known findings hidden by the baseline');
    expect(moved.code).toBe(0);
  });

  test('a baseline written before entries kept their key still hides the finding the next day', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/stale.md'), runbook('Old.', FRONTMATTER.replace('last_reviewed: 2026-10-20', 'last_reviewed: 2026-01-20')));
    const baseline = join(kb, 'baseline.json');
    const today = ['lint', '--no-cache', '--now', '2026-11-26', '--baseline', baseline];
    expect(opskb([...today, '--update-baseline'], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } }).code).toBe(0);
    const stored = JSON.parse(readFileSync(baseline, 'utf8')) as { findings: { key?: string }[] };
    for (const entry of stored.findings) delete entry.key;
    writeFileSync(baseline, JSON.stringify(stored));
    const nextDay = opskb(['lint', '--no-cache', '--now', '2026-11-27', '--baseline', baseline], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } });
    expect(nextDay.lines.at(-1)).toBe(`✔ ${listDocFiles(kb).length} files checked, no problems; 1 known finding hidden by the baseline`);
    expect(nextDay.code).toBe(0);
  });

  test('updating the baseline after linting some paths keeps the entries of the other files', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/one.md'), runbook('[b](/runbooks/nope-one/)'));
    writeFileSync(join(kb, 'runbooks/orders-db/two.md'), runbook('[b](/runbooks/nope-two/)'));
    const baseline = join(kb, 'baseline.json');
    expect(lintIn(kb, '--no-cache', '--baseline', baseline, '--update-baseline').lines).toEqual(['Baseline baseline.json now records 2 findings in 2 files.']);
    // two.md's finding is fixed; only two.md is linted while updating.
    writeFileSync(join(kb, 'runbooks/orders-db/two.md'), runbook('Fixed.'));
    expect(lintIn(kb, '--no-cache', '--baseline', baseline, '--update-baseline', 'runbooks/orders-db/two.md').lines).toEqual([
      'Baseline baseline.json now records 1 finding in 1 file.',
    ]);
    const full = lintIn(kb, '--no-cache', '--baseline', baseline);
    expect(full.code).toBe(0);
    expect(full.lines.at(-1)).toContain('1 known finding hidden by the baseline');
  });

  test('--update-baseline never overwrites a file that is not a baseline', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'notes.json'), '{"mine": true}');
    const run = lintIn(kb, '--no-cache', '--baseline', 'notes.json', '--update-baseline');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not an opskb baseline, so opskb will not overwrite it');
    expect(readFileSync(join(kb, 'notes.json'), 'utf8')).toBe('{"mine": true}');
  });
});

describe('--changed-since after deletions and renames', () => {
  const setup = () => committedFixtureKb('kb');

  test('a deleted doc re-checks the docs that point to it, and only those', () => {
    const kb = setup();
    git(kb, 'rm', '-q', 'knowledge/why-batch-window.mdx');
    const run = lintIn(kb, '--no-cache', '--changed-since', 'HEAD');
    expect(run.code).toBe(1);
    expect(run.lines[0]).toMatch(/^onboarding\/first-week\.mdx:\d+:\d+ +error +.*knowledge\/why-batch-window/);
    expect(run.lines.at(-1)).toMatch(/; 1 file checked$/);
  });

  test('a deleted attachment re-checks the docs that link to it', () => {
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'runbooks/orders-db/checklist.pdf'), 'pdf');
    writeFileSync(join(kb, 'runbooks/orders-db/attached.md'), runbook('The [checklist](/runbooks/orders-db/checklist.pdf).'));
    commitAll(kb);
    git(kb, 'rm', '-q', 'runbooks/orders-db/checklist.pdf');
    const run = lintIn(kb, '--no-cache', '--changed-since', 'HEAD');
    expect(run.lines).toEqual([
      'runbooks/orders-db/attached.md:10:5  error  Broken link `/runbooks/orders-db/checklist.pdf`: no file runbooks/orders-db/checklist.pdf in the content root.  opskb:links',
      '✖ 1 problem (1 error, 0 warnings) in 1 file; 1 file checked',
    ]);
  });

  test('a renamed heading re-checks the docs that name the changed doc', () => {
    const kb = copyFixtureKb('kb');
    const target = join(kb, 'runbooks/checkout/checkout-5xx.mdx');
    writeFileSync(target, `${readFileSync(target, 'utf8')}\n### Rollback steps\n\nRoll back the last deploy.\n`);
    writeFileSync(join(kb, 'runbooks/orders-db/linker.md'), runbook('See [rolling back](/runbooks/checkout/checkout-5xx/#rollback-steps).'));
    commitAll(kb);
    expect(lintIn(kb, '--no-cache').code).toBe(0);
    writeFileSync(target, readFileSync(target, 'utf8').replace('### Rollback steps', '### Rolling back'));
    const run = lintIn(kb, '--no-cache', '--changed-since', 'HEAD');
    expect(run.lines[0]).toMatch(/^runbooks\/orders-db\/linker\.md:10:5 +error +Broken anchor `#rollback-steps`/);
    expect(run.code).toBe(1);
  });

  test('a content root reached through a symbolic link still sees git’s changes', () => {
    const kb = setup();
    const link = join(tmpdir(), `opskb-kb-link-${process.pid}-${Date.now()}`);
    symlinkSync(kb, link);
    try {
      writeFileSync(join(kb, 'knowledge/new-note.md'), readFileSync(join(kb, 'knowledge/why-batch-window.mdx'), 'utf8'));
      const run = opskb(['lint', '--now', TODAY, '--no-cache', '--changed-since', 'HEAD'], { cwd: link, env: { OPSKB_CONTENT_DIR: link } });
      expect(run.lines.at(-1)).toBe('✔ 1 file checked, no problems');
    } finally {
      rmSync(link);
    }
  });
});
