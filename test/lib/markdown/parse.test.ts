// parseDocument is Sätteri, the parser Astro's build renders docs with, plus what MDX tooling
// expects of a tree. The remark-lint rules were written against micromark's trees (remark-parse
// with remark-gfm, remark-frontmatter and remark-mdx), so the trees must be those, positions
// included, apart from the one difference of the build's parser that is pinned down below.
import type { Program } from 'estree';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, test } from 'vitest';
import { listDocFiles } from '../../../src/lib/kb/knowledge-base.ts';
import { DocumentSyntaxError, describeSyntaxError, flavourOfPath, MAX_NESTING, parseDocument, type SyntaxFlavour } from '../../../src/lib/markdown/parse.ts';
import { PROJECT_DIR } from '../../../src/lib/lint/cache.ts';

function micromarkTree(text: string, flavour: SyntaxFlavour): Root {
  const extensions = [frontmatter(['yaml']), gfm()];
  const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()];
  return flavour === 'mdx'
    ? fromMarkdown(text, { extensions: [...extensions, mdxjs()], mdastExtensions: [...mdastExtensions, mdxFromMarkdown()] })
    : fromMarkdown(text, { extensions, mdastExtensions });
}

/** The tree without `data` (parser notes, syntax trees: compared on their own below). */
function comparable(tree: Root): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'data' ? undefined : value)));
}

const DOCS: [string, string][] = [
  ['frontmatter and sections', '---\nid: disk-full\nowner: storage\n---\n\n# Disk full\n\n## Mitigation\n\nRoll back with `helm rollback`.\n'],
  ['a table', '| Alert | Severity |\n| --- | :-: |\n| DiskFull | page |'],
  ['a table in a list item', '- Check:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |'],
  ['strikethrough, a footnote and a task list', 'Use ~~the old~~ the new one.[^1]\n\n- [x] Page the owner\n- [ ] Open a channel\n\n[^1]: Measured in May.'],
  ['autolink literals', 'Open https://grafana.kestrel.internal/d/payments, then www.kestrel.example, or mail ops@kestrel.example.'],
  [
    'code, html and references',
    '```sh\nkubectl get pods\n```\n\n<details>\n  <summary>\n    More\n  </summary>\n</details>\n\nSee [the guide][guide].\n\n[guide]: https://kestrel.example/guide',
  ],
];

const MDX_DOCS: [string, string][] = [
  [
    'an import block, a heading and a comment',
    "---\nid: x\n---\n\nimport { Warning, Note } from '@opskb/mdx'\nexport const meta = { a: `b` }\n\n# Title\n\n{/* lint disable-next-line opskb:links -- moved */}\n",
  ],
  [
    'JSX elements with every kind of attribute',
    '<Warning title="Data loss" open data-x={`a ${b}`} {...props} note=\'it"s\'>\n  Drop the table only after the backup.\n</Warning>\n\nText <Note kind="a">inline</Note> and {1 + 1}.\n',
  ],
  ['an attribute value with braces in strings and comments', '<Note title={"}"} detail={/* } */ x}>\n  ok\n</Note>\n'],
  ['a CRLF import block', "import { Note } from '@opskb/mdx'\r\n\r\n# T\r\n"],
  ['JSX in an export', 'export const callout = <Note title="x" />\n\n# T\n'],
  ['a regular expression holding `}` in an attribute', '<Note a={/}/.test(x)} b="1">\n  ok\n</Note>\n'],
  ['a tag name with space around its dot', '<a . b c={1} d>\n  ok\n</a . b>\n'],
  ['a tag over several lines in nested blockquotes', '> > <Note\n> >   title="x"\n> >   {...rest}\n> > >\n> >   ok\n> > </Note>\n'],
  ['a tag closed at the start of a line', '<Note\n  title="x"\n>\n  ok\n</Note>\n'],
];

describe.each<SyntaxFlavour>(['markdown', 'mdx'])('parseDocument (%s)', (flavour) => {
  test.each(DOCS)("gives micromark's tree: %s", (_name, text) => {
    expect(comparable(parseDocument(text, flavour))).toEqual(comparable(micromarkTree(text, flavour)));
  });
});

describe('parseDocument (mdx)', () => {
  test.each(MDX_DOCS)("gives micromark's tree: %s", (_name, text) => {
    expect(comparable(parseDocument(text, 'mdx'))).toEqual(comparable(micromarkTree(text, 'mdx')));
  });

  test("an import/export block carries its JavaScript syntax tree, at the document's places", () => {
    const text = MDX_DOCS[0]?.[1] ?? '';
    const ours = parseDocument(text, 'mdx').children.find((node) => node.type === 'mdxjsEsm');
    const theirs = micromarkTree(text, 'mdx').children.find((node) => node.type === 'mdxjsEsm');
    const places = (program: Program | null | undefined) =>
      program?.body.map((statement) => ({
        type: statement.type,
        loc: statement.loc && { start: statement.loc.start, end: statement.loc.end },
        range: statement.range,
      }));
    const program = ours?.type === 'mdxjsEsm' ? ours.data?.estree : undefined;
    expect(program?.body.map((statement) => statement.type)).toEqual(['ImportDeclaration', 'ExportNamedDeclaration']);
    expect(places(program)).toEqual(places(theirs?.type === 'mdxjsEsm' ? theirs.data?.estree : undefined));
    expect(program?.body[0]?.loc?.start).toEqual({ line: 5, column: 0, offset: 15 });
  });

  test('JavaScript line breaks (U+2028) in an import block do not move the places of what follows', () => {
    const program = esmProgram(parseDocument("# T\n\nexport const a = '\u2028'; export const b = 1\n", 'mdx'));
    expect(program?.body.map((statement) => statement.loc?.start)).toEqual([
      { line: 3, column: 0, offset: 5 },
      { line: 3, column: 22, offset: 27 },
    ]);
  });

  test('JSX in an import block is part of its syntax tree', () => {
    expect(JSON.stringify(esmProgram(parseDocument('export const callout = <Note title="x" />\n', 'mdx')))).toContain('"type":"JSXElement"');
  });

  test(`brackets nested more than ${MAX_NESTING} deep are refused at the first one too many, before the parser overflows its stack`, () => {
    const text = `# T\n\nPage {${'('.repeat(20_000)}1${')'.repeat(20_000)}}\n`;
    expect(() => parseDocument(text, 'mdx')).toThrow(DocumentSyntaxError);
    try {
      parseDocument(text, 'mdx');
    } catch (error) {
      expect(describeSyntaxError(error)).toEqual({
        line: 3,
        column: 6 + MAX_NESTING,
        reason: `more than ${MAX_NESTING} brackets are open here, more than the MDX parser can nest`,
      });
    }
    // As many as allowed still parse (here into an expression, which is valid JavaScript).
    const deepest = `{${'('.repeat(MAX_NESTING - 1)}1${')'.repeat(MAX_NESTING - 1)}}\n`;
    expect(parseDocument(deepest, 'mdx').children[0]?.type).toBe('mdxFlowExpression');
  });

  test('a one-line JSX element is a flow element, as the site renders it (micromark wraps it in a paragraph)', () => {
    const text = '<Warning>Run this only on a replica.</Warning>\n';
    expect(parseDocument(text, 'mdx').children.map((node) => node.type)).toEqual(['mdxJsxFlowElement']);
    expect(micromarkTree(text, 'mdx').children.map((node) => node.type)).toEqual(['paragraph']);
  });

  test('a doc that does not parse throws its line, column and reason', () => {
    const error = (() => {
      try {
        parseDocument('# Latency\n\nPage when {p99 > 5s} lasts.\n', 'mdx');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DocumentSyntaxError);
    // At the character JavaScript cannot read: the `s` of `5s`.
    expect(describeSyntaxError(error)).toEqual({
      line: 3,
      column: 19,
      reason: expect.stringMatching(/^Could not parse expression with oxc: Invalid characters after number$/),
    });
  });

  test('an import block that is not JavaScript is a syntax error at its place', () => {
    expect(() => parseDocument('# T\n\nimport { Note from "@opskb/mdx"\n', 'mdx')).toThrow(DocumentSyntaxError);
    try {
      parseDocument('# T\n\nimport { Note from "@opskb/mdx"\n', 'mdx');
    } catch (error) {
      expect(describeSyntaxError(error)).toMatchObject({ line: 3, reason: expect.stringMatching(/^Could not parse import\/exports: /) });
    }
  });
});

function esmProgram(tree: Root): Program | null | undefined {
  const node = tree.children.find((child) => child.type === 'mdxjsEsm');
  return node?.type === 'mdxjsEsm' ? node.data?.estree : undefined;
}

test("every demo doc parses to micromark's tree", () => {
  const files = listDocFiles(join(PROJECT_DIR, 'content'));
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const flavour = flavourOfPath(file);
    expect(comparable(parseDocument(text, flavour)), file).toEqual(comparable(micromarkTree(text, flavour)));
  }
});
