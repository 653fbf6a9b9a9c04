import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../../lint-rules/index.ts';
import { parseRuleHeader, readRuleDoc } from '../../../src/lib/markdown/rule-docs.ts';
import { DOCUMENTED_RULES } from '../../../src/lib/site/rule-reference.ts';

describe('rule documentation', () => {
  test("the documented rules are the preset's rules, the directives and the registry check, each in its own file", () => {
    expect(DOCUMENTED_RULES).toEqual([...Object.keys(RULES), 'directives', 'registries'].sort());
    for (const id of Object.keys(RULES)) expect(RULES[id as keyof typeof RULES].meta.id).toBe(id);
  });

  test.each(DOCUMENTED_RULES)('%s: its header starts with `# opskb:<id>`, says why, and documents options and examples', (id) => {
    const doc = readRuleDoc(id);
    expect(doc.summary.length).toBeGreaterThan(30);
    expect(doc.markdown).toMatch(/^## Why$/m);
    expect(doc.markdown).toMatch(/^## Options$/m);
    expect(doc.markdown).toMatch(/^## Examples?$/m);
  });

  test('`*\\/` written inside a header is shown as `*/`', () => {
    expect(parseRuleHeader('/**\n * # opskb:x\n *\n * Write `{/* note *\\/}`.\n */\n')).toEqual({ title: 'opskb:x', markdown: 'Write `{/* note */}`.' });
  });

  test('a rule without a header is an error naming the file', () => {
    const dir = `${mkdtempSync(join(tmpdir(), 'opskb-rule-'))}/`;
    writeFileSync(`${dir}bare.ts`, 'export default 1;\n');
    expect(() => readRuleDoc('bare', dir)).toThrow('lint-rules/bare.ts has no header documentation starting with `# opskb:bare`');
  });
});
