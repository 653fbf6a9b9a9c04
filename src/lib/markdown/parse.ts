// Parses a doc into mdast the way the site will: MDX for `.mdx`, GitHub-flavoured Markdown for `.md`,
// YAML frontmatter in both. Shared by the lint preset and the knowledge-base index.
import type { Root } from 'mdast';
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
import { linkLiteralUrls } from './literal-urls.ts';

export type SyntaxFlavour = 'mdx' | 'markdown';

export function flavourOfPath(path: string): SyntaxFlavour {
  return /\.mdx$/i.test(path) ? 'mdx' : 'markdown';
}

// GFM as micromark-extension-gfm and mdast-util-gfm put it together, except autolink literals:
// linkLiteralUrls finds those after the parse, for a fraction of the cost (see literal-urls.ts).
// A GFM construct is only tried when the text holds what it needs: micromark tries a table at
// every line, so skipping the constructs a doc cannot contain gives the same tree, faster.
const GFM = [
  { syntax: gfmTable(), needs: (text: string) => text.includes('|') && DELIMITER_ROW.test(text) },
  { syntax: gfmStrikethrough(), needs: (text: string) => text.includes('~') },
  { syntax: gfmFootnote(), needs: (text: string) => text.includes('[^') },
  { syntax: gfmTaskListItem(), needs: (text: string) => TASK.test(text) },
];
/** A line that can be a table's delimiter row (`| --- | :-: |`), after any blockquote or indent. */
const DELIMITER_ROW = /^[ \t>]*(?=[ \t:|-]*-)(?=[ \t-]*[:|])[ \t:|-]+\r?$/m;
const TASK = /\[[\s xX]\]/;
const FRONTMATTER = frontmatter(['yaml']);
const MDX = mdxjs();
const markdownMdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];
const mdxMdastExtensions = [...markdownMdastExtensions, mdxFromMarkdown()];

/** Parses; throws the parser's error (with `line` and `column`) when the text is not valid in its flavour. */
export function parseDocument(text: string, flavour: SyntaxFlavour): Root {
  const extensions = [FRONTMATTER, ...GFM.filter((construct) => construct.needs(text)).map((construct) => construct.syntax)];
  const tree = flavour === 'mdx'
    ? fromMarkdown(text, { extensions: [...extensions, MDX], mdastExtensions: mdxMdastExtensions })
    : fromMarkdown(text, { extensions, mdastExtensions: markdownMdastExtensions });
  linkLiteralUrls(tree, text);
  return tree;
}

export type SyntaxError = { readonly line: number; readonly column: number; readonly reason: string };

/** The location and reason of a parse failure, whatever the parser threw. */
export function describeSyntaxError(error: unknown): SyntaxError {
  if (error && typeof error === 'object') {
    const { line, column, reason, message } = error as { line?: unknown; column?: unknown; reason?: unknown; message?: unknown };
    const text = String(reason ?? message ?? error);
    // A tag left open at the end of the file has no place of its own: its reason names the tag's.
    const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(text);
    return {
      line: typeof line === 'number' ? line : Number(named?.[1] ?? 1),
      column: typeof column === 'number' ? column : Number(named?.[2] ?? 1),
      reason: text,
    };
  }
  return { line: 1, column: 1, reason: String(error) };
}
