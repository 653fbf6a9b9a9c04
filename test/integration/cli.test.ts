// `opskb lint` as users run it: a child process on the pinned Node, real files, real exit codes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_KB, PROJECT_DIR, TODAY } from '../support/fixtures.ts';

function opskb(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/opskb.ts'), ...args], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
    env: { ...process.env, OPSKB_CONTENT_DIR: FIXTURE_KB, FORCE_COLOR: '0', ...env },
  });
  return { code: result.status, stdout: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
}

describe('opskb lint', () => {
  test('a clean knowledge base: exit 0 and a summary line', () => {
    const { code, stdout } = opskb(['lint', '--now', TODAY]);
    expect(stdout).toEqual(['✔ 6 files checked, no problems']);
    expect(code).toBe(0);
  });

  test('the content root comes from OPSKB_CONTENT_DIR (registries are read there)', () => {
    const { code, stdout } = opskb(['lint', '--now', TODAY], { OPSKB_CONTENT_DIR: 'test/fixtures/registries-crossref' });
    expect(stdout[0]).toBe(
      'test/fixtures/registries-crossref/glossary.yaml:4:14  error  Glossary term `OOM` refers to unknown term `Postgres SQL` in see_also. Did you mean `PostgreSQL`?  opskb:registries',
    );
    expect(stdout.at(-1)).toBe('✖ 5 problems (5 errors, 0 warnings) in 2 files; 0 files checked');
    expect(code).toBe(1);
  });

  test('findings: one line each, path:line:column severity message rule, then a summary; exit 1', () => {
    const { code, stdout } = opskb(['lint', '--now', TODAY, '--type', 'runbook', 'test/fixtures/rules/owner-exists/invalid.mdx']);
    expect(stdout).toEqual([
      'test/fixtures/rules/owner-exists/invalid.mdx:4:1  error  Unknown owner team `storefrnt`: not in teams.yaml. Add the team there or use one of its ids. Did you mean `storefront`?  opskb:owner-exists',
      'test/fixtures/rules/owner-exists/invalid.mdx:5:26  error  Unknown service `checkout-apl`: not in services.yaml. Add the service there or use one of its ids. Did you mean `checkout-api`?  opskb:owner-exists',
      'test/fixtures/rules/owner-exists/invalid.mdx:5:40  error  Unknown service `payments`: not in services.yaml. Add the service there or use one of its ids.  opskb:owner-exists',
      '✖ 3 problems (3 errors, 0 warnings) in 1 file; 1 file checked',
    ]);
    expect(code).toBe(1);
  });

  test('a file that does not parse never stops the others from being checked', () => {
    const { code, stdout } = opskb(['lint', '--now', TODAY, '--type', 'runbook', 'test/fixtures/rules/mdx-syntax']);
    expect(stdout.filter((line) => line.endsWith('opskb:mdx-syntax')).map((line) => line.split('  ')[0])).toEqual([
      'test/fixtures/rules/mdx-syntax/invalid-comment.mdx:9:1',
      'test/fixtures/rules/mdx-syntax/invalid-expression.mdx:11:27',
      'test/fixtures/rules/mdx-syntax/invalid-import.mdx:13:8',
      'test/fixtures/rules/mdx-syntax/invalid-jsx.mdx:11:29',
    ]);
    expect(stdout.at(-1)).toBe('✖ 4 problems (4 errors, 0 warnings) in 4 files; 7 files checked');
    expect(code).toBe(1);
  });

  test('--now fixes "today"', () => {
    const args = ['lint', '--type', 'dr-plan', 'test/fixtures/rules/frontmatter-schema/future.mdx'];
    expect(opskb([...args, '--now', TODAY]).stdout.filter((line) => line.includes('is in the future'))).toHaveLength(2);
    expect(opskb([...args, '--now', '2027-06-01']).stdout.filter((line) => line.includes('is in the future'))).toHaveLength(0);
  });

  test.each([
    [['lint', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['lint', '--now', '26/11/2026'], '--now expects a calendar date written as YYYY-MM-DD, got `26/11/2026`.'],
    [['lint', '--now', '2026-02-30'], '--now expects a calendar date written as YYYY-MM-DD, got `2026-02-30`.'],
    [['lint', '--max-warnings', '0x10'], '--max-warnings expects a whole number, got `0x10`.'],
    [['lint', '--max-warnings', ''], '--max-warnings expects a whole number, got ``.'],
    [['lint', '--type', 'playbook'], '--type expects one of runbook, dr-plan, knowledge, onboarding, got `playbook`.'],
    [['lint', 'no/such/folder'], 'No such file or folder:'],
    [['lint', 'package.json'], 'Not a Markdown or MDX file (.md, .mdx):'],
    [['publish'], 'Unknown command `publish`.'],
  ])('bad usage %j: exit 2 with a message and the usage', (args, message) => {
    const { code, stderr } = opskb(args);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: opskb <command> [options]');
    expect(code).toBe(2);
  });

  test('--help and --version', () => {
    expect(opskb(['--help']).stdout[0]).toBe('Usage: opskb <command> [options]');
    expect(opskb(['--version']).stdout).toEqual(['0.1.0']);
  });
});

describe('the demo knowledge base', () => {
  test('is lint-clean', () => {
    const { code, stdout } = opskb(['lint', '--now', TODAY], { OPSKB_CONTENT_DIR: join(PROJECT_DIR, 'content') });
    expect(stdout.at(-1)).toMatch(/^✔ \d+ files checked, no problems$/);
    expect(code).toBe(0);
  });
});

describe('.remarkrc.mjs', () => {
  test('remark-cli reports the same findings as opskb lint', () => {
    const file = 'test/fixtures/rules/owner-exists/invalid.mdx';
    const remark = spawnSync(
      process.execPath,
      [join(PROJECT_DIR, 'node_modules/remark-cli/cli.js'), '--ext', 'md,mdx', '--no-color', '--report', 'json', '--quiet', file],
      {
        cwd: PROJECT_DIR,
        encoding: 'utf8',
        env: { ...process.env, OPSKB_CONTENT_DIR: FIXTURE_KB },
      },
    );
    const [report] = JSON.parse(remark.stderr) as { messages: { line: number; column: number; source: string; ruleId: string; fatal: boolean }[] }[];
    const fromRemark = report!.messages.map((message) => `${message.line}:${message.column} ${message.source}:${message.ruleId}`);
    const fromOpskb = opskb(['lint', '--now', TODAY, file])
      .stdout.slice(0, -1)
      .map((line) => {
        const [location] = line.split('  ');
        return `${location!.split(':').slice(1).join(':')} ${line.split('  ').at(-1)}`;
      });
    expect(fromRemark).toEqual(fromOpskb);
    expect(fromRemark).toContain('4:1 opskb:owner-exists');
    expect(remark.status).toBe(1);
  });
});
