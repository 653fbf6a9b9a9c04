import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, test } from 'vitest';
import { linkLiteralUrls } from '../../../src/lib/markdown/literal-urls.ts';
import { parseDocument, type SyntaxFlavour } from '../../../src/lib/markdown/parse.ts';

/** Every GFM construct tried everywhere: what parseDocument must give, however it gets there. */
function parseWithEveryConstruct(text: string, flavour: SyntaxFlavour) {
  const extensions = [frontmatter(['yaml']), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
  const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];
  const tree = flavour === 'mdx'
    ? fromMarkdown(text, { extensions: [...extensions, mdxjs()], mdastExtensions: [...mdastExtensions, mdxFromMarkdown()] })
    : fromMarkdown(text, { extensions, mdastExtensions });
  linkLiteralUrls(tree, text);
  return tree;
}

const DOCS: [string, string, string][] = [
  ['a table', '| Alert | Severity |\n| --- | :-: |\n| DiskFull | page |', 'table'],
  ['a table without outer pipes', 'Alert | Severity\n---|---\nDiskFull | page', 'table'],
  ['a one-column table aligned with a colon', '| Alert\n:--\n| DiskFull', 'table'],
  ['a table in a blockquote', '> | a | b |\n> |---|---|\n> | 1 | 2 |', 'table'],
  ['a table in a list item', '- Check:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |', 'table'],
  ['pipes but no table (a setext heading)', 'Run `kubectl get pods | grep Crash` and\n---', 'heading'],
  ['strikethrough', 'Use ~~the old~~ the new dashboard.', 'delete'],
  ['a footnote', 'Failover takes 4 minutes.[^1]\n\n[^1]: Measured in the 2026-05 gameday.', 'footnoteDefinition'],
  ['a task list', '- [x] Page the owner\n- [ ] Open the incident channel', 'listItem'],
  ['none of them', '## Mitigation\n\nRoll back with `helm rollback`.', 'heading'],
];

describe.each<SyntaxFlavour>(['markdown', 'mdx'])('parseDocument (%s)', (flavour) => {
  test.each(DOCS)('gives the tree of a parse that tries every GFM construct: %s', (_name, text, type) => {
    const tree = parseDocument(text, flavour);
    expect(tree).toEqual(parseWithEveryConstruct(text, flavour));
    expect(JSON.stringify(tree)).toContain(`"type":"${type}"`);
  });
});
