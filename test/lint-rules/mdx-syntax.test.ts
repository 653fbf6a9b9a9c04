import { describe, expect, test } from 'vitest';
import { linesOf, lintFixture } from '../support/fixtures.ts';

const RULE = 'opskb:mdx-syntax';

describe('opskb:mdx-syntax', () => {
  test.each(['mdx-syntax/valid.mdx', 'mdx-syntax/valid-escaped.mdx', 'mdx-syntax/valid-markdown.md'])('%s has no findings at all', async (path) => {
    expect(await lintFixture(path)).toEqual([]);
  });

  test('a `{…}` in prose is an error at the failing character, with the escaping hint', async () => {
    expect(linesOf(await lintFixture('mdx-syntax/invalid-expression.mdx'), RULE)).toEqual([
      '11:27 MDX syntax error: Could not parse expression with oxc: Invalid characters after number. In MDX `{` starts a JavaScript expression: escape it as `\\{`, or put the text in backticks (`` `{p99 > 5s}` ``).',
    ]);
  });

  test('`<5 min` is an error at the `<`, with the JSX hint', async () => {
    const [line] = linesOf(await lintFixture('mdx-syntax/invalid-jsx.mdx'), RULE);
    expect(line).toMatch(/^11:29 MDX syntax error: Unexpected character after `<`, expected a valid JSX tag/);
    expect(line).toContain('In MDX `<` starts a JSX tag: write `\\<` or `&lt;`');
  });

  test('an HTML comment in MDX points to `{/* */}`', async () => {
    const [line] = linesOf(await lintFixture('mdx-syntax/invalid-comment.mdx'), RULE);
    expect(line).toMatch(/^9:1 MDX syntax error: Unexpected character `!`/);
    expect(line).toContain('HTML comments `<!-- … -->` are not allowed in MDX: write `{/* … */}` instead.');
  });

  test('a sentence that starts with `export` is JavaScript in MDX: an error at its line, with how to reword it', async () => {
    const [line] = linesOf(await lintFixture('mdx-syntax/invalid-import.mdx'), RULE);
    expect(line).toMatch(/^13:8 MDX syntax error: Could not parse import\/exports: Unexpected token\. /);
    expect(line).toContain('reword the sentence so that it starts with another word');
  });

  test('the file is still checked by the other rules, parsed as Markdown', async () => {
    const findings = await lintFixture('mdx-syntax/invalid-expression.mdx');
    expect(findings.map((finding) => finding.ruleId)).toEqual([RULE]);
    const broken = await lintFixture('mdx-syntax/invalid-expression.mdx', { type: 'dr-plan' });
    // As a DR plan its sections are wrong: proof the headings were read despite the MDX error.
    expect(broken.filter((finding) => finding.ruleId === 'opskb:required-sections').map((finding) => finding.message.split('`')[1])).toEqual([
      '## Scope',
      '## Dependencies',
      '## Backups',
      '## Recovery procedure',
      '## Communication',
    ]);
  });

  test('findings are errors and carry the rule id', async () => {
    const [finding] = await lintFixture('mdx-syntax/invalid-expression.mdx');
    expect(finding).toMatchObject({ severity: 'error', ruleId: RULE, url: '/rules/mdx-syntax/' });
  });
});
