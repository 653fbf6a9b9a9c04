import { describe, expect, test } from 'vitest';
import { UnsafeDocError } from '../../../src/integrations/mdx-safety.ts';
import { mdxSafetyOptions, refusedMdxConstructs } from '../../../src/lib/markdown/mdx-safety.ts';

const frontmatter = '---\ntitle: X\n---\n';
/** An AWS-format access key id, made up here so that no real-looking key sits in the repository. */
const fakeKeyId = () => `AKIA${Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Math.floor(Math.random() * 32)]).join('')}`;

describe('refusedMdxConstructs (the build gate)', () => {
  test('places each refused construct at its line and column in the file, frontmatter included', () => {
    const source = `${frontmatter}\nexport const a = 1\n\nText {process.env.HOME} and <Chart data={x} />.\n`;
    expect(refusedMdxConstructs(source).map(({ line, column, message }) => `${line}:${column} ${message.split(' is not allowed')[0]}`)).toEqual([
      '5:1 Export `export const a = 1`',
      '7:6 JavaScript expression `{process.env.HOME}`',
      '7:29 JSX component `<Chart>`',
      '7:36 Attribute `data={x}` on `<Chart>`',
    ]);
  });

  test('allowed MDX gives nothing: callouts, @opskb/mdx imports, comments, allowlisted HTML', () => {
    const source = `${frontmatter}import { Warning } from '@opskb/mdx'\n\n{/* note */}\n\n<Warning title="Careful">Text</Warning>\n\n<details><summary>Why</summary>Because.</details>\n`;
    expect(refusedMdxConstructs(source)).toEqual([]);
  });

  test("follows the rule's options: a component added to the allowlist passes", () => {
    const source = `${frontmatter}\n<Chart title="Latency" />\n`;
    expect(refusedMdxConstructs(source)).toHaveLength(1);
    expect(refusedMdxConstructs(source, mdxSafetyOptions.parse({ components: ['Chart'] }))).toEqual([]);
  });

  test('masks a secret quoted in the code it reports', () => {
    const key = fakeKeyId();
    const [refused] = refusedMdxConstructs(`${frontmatter}\nexport const k = "${key}"\n`);
    expect(refused?.message).toMatch(/^Export `export const k = "AKI…\w{3}"` is not allowed/);
    expect(refused?.message).not.toContain(key);
  });

  test('leaves a doc that does not parse to the MDX compiler, which stops on the syntax error itself', () => {
    expect(refusedMdxConstructs(`${frontmatter}\nlatency {p99 > \n`)).toEqual([]);
  });
});

describe('UnsafeDocError', () => {
  test('lists every refused construct at the doc path, line and column, with the rule id; no stack trace', () => {
    const error = new UnsafeDocError(
      '/kb/knowledge/a.mdx',
      [
        { line: 5, column: 1, message: 'Export `x` is not allowed.' },
        { line: 7, column: 6, message: 'JavaScript expression `{y}` is not allowed.' },
      ],
      '/kb',
    );
    expect(error.message.split('\n')).toEqual([
      'knowledge/a.mdx holds MDX that would run as code in the build, so it is not built (opskb:mdx-safety):',
      '  knowledge/a.mdx:5:1  Export `x` is not allowed.',
      '  knowledge/a.mdx:7:6  JavaScript expression `{y}` is not allowed.',
      'Docs are text: remove the code (`npm run lint` lists every finding in every doc), then build again.',
    ]);
    expect(error.loc).toEqual({ file: '/kb/knowledge/a.mdx', line: 5, column: 1 });
    expect(error.stack).toBe('');
  });
});
