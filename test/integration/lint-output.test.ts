// Output for pull requests and machines: formats, --max-warnings, baselines. Real CLI runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { opskb } from '../support/cli.ts';
import { FIXTURES_DIR, PROJECT_DIR, TODAY } from '../support/fixtures.ts';

const KB = join(FIXTURES_DIR, 'kb-broken');
const env = { OPSKB_CONTENT_DIR: KB };
const lint = (...args: string[]) => opskb(['lint', '--now', TODAY, '--no-cache', ...args], { env });

describe('--format json', () => {
  test('a stable shape: version, tool, summary, findings with path, position, severity, rule, message, help, related', () => {
    const run = lint('--format', 'json', 'test/fixtures/kb-broken/runbooks/checkout/errors.mdx');
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toEqual({
      version: 1,
      tool: { name: 'opskb', version: '0.1.0' },
      summary: { filesChecked: 1, errors: 1, warnings: 0, baselined: 0 },
      findings: [
        {
          path: 'test/fixtures/kb-broken/runbooks/checkout/errors.mdx',
          line: 7,
          column: 33,
          severity: 'error',
          rule: 'opskb:alerts-unique',
          message:
            'Alert `CheckoutLatencyHigh` already has a runbook: runbooks/checkout/errors-again (runbooks/checkout/errors-again.mdx:8). One alert, one runbook: merge the two, or remove the alert from one of them.',
          help: 'http://localhost:4321/rules/alerts-unique/',
          related: [
            {
              path: 'test/fixtures/kb-broken/runbooks/checkout/errors-again.mdx',
              line: 8,
              column: 5,
              message: '`CheckoutLatencyHigh` is also the alert of this runbook',
            },
          ],
        },
      ],
    });
    expect(run.code).toBe(1);
  });
});

describe('--format github', () => {
  test('workflow commands with file, line, col and the rule as title; special characters escaped', () => {
    const run = lint('--format', 'github', 'test/fixtures/kb-broken/knowledge/due-soon.md', 'test/fixtures/kb-broken/runbooks/checkout/errors.mdx');
    expect(run.lines).toEqual([
      '::warning file=test/fixtures/kb-broken/knowledge/due-soon.md,line=5,col=1,title=opskb%3Areview-freshness::Review due in 9 days (2026-12-05): last reviewed 2025-12-05, due every 365d. Review the doc against reality and set `last_reviewed` to the day you did.',
      '::error file=test/fixtures/kb-broken/runbooks/checkout/errors.mdx,line=7,col=33,title=opskb%3Aalerts-unique::Alert `CheckoutLatencyHigh` already has a runbook: runbooks/checkout/errors-again (runbooks/checkout/errors-again.mdx:8). One alert, one runbook: merge the two, or remove the alert from one of them.',
      '✖ 2 problems (1 error, 1 warning) in 2 files; 2 files checked',
    ]);
  });
});

describe('--format sarif', () => {
  test('valid SARIF 2.1.0 (the official schema) with rule metadata, help URIs and related locations', () => {
    const run = lint('--format', 'sarif', 'test/fixtures/kb-broken');
    const log = JSON.parse(run.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
        results: { ruleId: string; relatedLocations?: unknown[] }[];
      }[];
    };
    const schema = JSON.parse(readFileSync(join(PROJECT_DIR, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.rules.find((rule) => rule.id === 'opskb:links')).toEqual({
      id: 'opskb:links',
      name: 'links',
      shortDescription: { text: "Internal links resolve, and links into the organisation's own systems come from approved tools." },
      helpUri: 'http://localhost:4321/rules/links/',
    });
    expect(sarifRun!.results.filter((result) => result.relatedLocations)).toHaveLength(2);
    expect(sarifRun!.results).toHaveLength(16);
  });
});

describe('--max-warnings', () => {
  test('fails on more warnings than allowed, passes at the limit', () => {
    const file = 'test/fixtures/kb-broken/knowledge/due-soon.md';
    expect(lint('--max-warnings', '1', file).code).toBe(0);
    const over = lint('--max-warnings', '0', file);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warnings, more than --max-warnings 0.');
    expect(lint('--max-warnings', 'many', file).code).toBe(2);
  });
});

describe('--baseline', () => {
  test('records findings once, then fails only on new ones; an entry never hides a different finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opskb-baseline-'));
    const baseline = join(dir, 'opskb-baseline.json');
    const recorded = lint('--baseline', baseline, '--update-baseline', 'test/fixtures/kb-broken');
    expect(recorded.lines).toEqual([`Baseline ${relative(PROJECT_DIR, baseline)} now records 16 findings in 6 files.`]);
    expect(recorded.code).toBe(0);
    const stored = JSON.parse(readFileSync(baseline, 'utf8')) as { version: number; findings: { path: string; rule: string; count: number }[] };
    expect(stored.version).toBe(1);
    expect(stored.findings.find((entry) => entry.rule === 'opskb:alerts-unique' && entry.path.endsWith('errors-again.mdx'))).toBeDefined();

    const again = lint('--baseline', baseline, 'test/fixtures/kb-broken');
    expect(again.lines).toEqual(['✔ 6 files checked, no problems; 16 known findings hidden by the baseline']);
    expect(again.code).toBe(0);

    // Same file, same rule, different finding: the baseline entry does not hide it.
    const entries = stored.findings.filter((entry) => !(entry.rule === 'opskb:links' && entry.path.endsWith('links.md')));
    entries.push({ ...stored.findings.find((entry) => entry.rule === 'opskb:links')!, count: 7 });
    writeFileSync(baseline, JSON.stringify({ ...stored, findings: entries }));
    const changed = lint('--baseline', baseline, 'test/fixtures/kb-broken');
    // links.md has 9 links findings; the one entry (count 7) matches only its own message, once.
    expect(changed.lines.filter((line) => line.includes('opskb:links'))).toHaveLength(8);
    expect(changed.code).toBe(1);
  });

  test('an unreadable baseline is a usage error that says how to create one', () => {
    const run = lint('--baseline', '/nonexistent/baseline.json', 'test/fixtures/kb-broken');
    expect(run.stderr).toContain('Cannot read the baseline /nonexistent/baseline.json');
    expect(run.stderr).toContain('--update-baseline');
    expect(run.code).toBe(2);
    expect(lint('--update-baseline').code).toBe(2);
  });
});
