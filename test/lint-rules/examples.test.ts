// Every rule's documented examples, run: each `ok` example gives no finding of its rule and each
// `not ok` example gives the messages its header shows, linted in a copy of the demo knowledge
// base (the company the examples speak of). The header is the rule's reference page and SARIF
// help, so documentation and code cannot drift apart.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lintFiles } from '../../src/lib/lint/engine.ts';
import { readRuleDoc } from '../../src/lib/markdown/rule-docs.ts';
import { DOCUMENTED_RULES } from '../../src/lib/site/rule-reference.ts';
import { PROJECT_DIR } from '../support/fixtures.ts';
import { EXAMPLE_DEFAULT_TODAY, parseRuleExamples, type RuleExample } from '../support/rule-examples.ts';

let kb: string;
beforeAll(() => {
  kb = mkdtempSync(join(tmpdir(), 'opskb-rule-examples-'));
  cpSync(join(PROJECT_DIR, 'content'), kb, { recursive: true });
});
afterAll(() => rmSync(kb, { recursive: true, force: true }));

/** The example's findings of rule `id`, as `line:column message`, the file restored afterwards. */
async function findingsOf(id: string, example: RuleExample): Promise<{ place: string; message: string }[]> {
  const path = join(kb, example.path);
  let previous: string | undefined;
  try {
    previous = readFileSync(path, 'utf8');
  } catch {
    previous = undefined;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, example.content);
  try {
    // A registry's findings come with every run; a doc is linted on its own.
    const targets = /\.ya?ml$/.test(example.path) ? [join(kb, 'knowledge/oncall-handover.md')] : [path];
    const { findings } = await lintFiles(targets, { contentDir: kb, today: example.today ?? EXAMPLE_DEFAULT_TODAY });
    return findings
      .filter((finding) => finding.ruleId === `opskb:${id}` && finding.path === path)
      .map((finding) => ({ place: `${finding.line - example.lineOffset}:${finding.column}`, message: finding.message }));
  } finally {
    if (previous === undefined) rmSync(path);
    else writeFileSync(path, previous);
  }
}

describe.each(DOCUMENTED_RULES)('opskb:%s, its documented examples', (id) => {
  const examples = parseRuleExamples(readRuleDoc(id).markdown);

  test('has an ok and a not-ok example', () => {
    expect(examples.some((example) => example.ok)).toBe(true);
    expect(examples.some((example) => !example.ok)).toBe(true);
  });

  test.each(examples.map((example, index) => [`${example.ok ? 'ok' : 'not ok'} #${index + 1} (${example.path})`, example] as const))(
    '%s',
    async (_, example) => {
      const found = await findingsOf(id, example);
      if (example.ok) {
        expect(found).toEqual([]);
        return;
      }
      expect(example.expected.length, 'a not-ok example names the messages it gives').toBeGreaterThan(0);
      if (!example.more) expect(found.map((finding) => finding.message)).toHaveLength(example.expected.length);
      // Each expected message, in order, matches a finding of its own.
      let from = 0;
      for (const expected of example.expected) {
        const index = found.findIndex(
          (finding, at) => at >= from && expected.pattern.test(finding.message) && (!expected.place || finding.place === expected.place),
        );
        expect(
          index,
          `expected ${expected.place ?? ''} ${expected.text}\namong\n${found.map((finding) => `${finding.place} ${finding.message}`).join('\n')}`,
        ).toBeGreaterThanOrEqual(0);
        from = index + 1;
      }
    },
  );
});
