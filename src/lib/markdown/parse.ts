// Parses a doc into mdast the way the site will: MDX for `.mdx`, GitHub-flavoured Markdown for `.md`,
// YAML frontmatter in both. Shared by the lint preset and the knowledge-base index.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';

export type SyntaxFlavour = 'mdx' | 'markdown';

export function flavourOfPath(path: string): SyntaxFlavour {
  return /\.mdx$/i.test(path) ? 'mdx' : 'markdown';
}

const markdownExtensions = [frontmatter(['yaml']), gfm()];
const mdxExtensions = [...markdownExtensions, mdxjs()];
const markdownMdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()];
const mdxMdastExtensions = [...markdownMdastExtensions, mdxFromMarkdown()];

/** Parses; throws the parser's error (with `line` and `column`) when the text is not valid in its flavour. */
export function parseDocument(text: string, flavour: SyntaxFlavour): Root {
  return flavour === 'mdx'
    ? fromMarkdown(text, { extensions: mdxExtensions, mdastExtensions: mdxMdastExtensions })
    : fromMarkdown(text, { extensions: markdownExtensions, mdastExtensions: markdownMdastExtensions });
}

export type SyntaxError = { readonly line: number; readonly column: number; readonly reason: string };

/** The location and reason of a parse failure, whatever the parser threw. */
export function describeSyntaxError(error: unknown): SyntaxError {
  if (error && typeof error === 'object') {
    const { line, column, reason, message } = error as { line?: unknown; column?: unknown; reason?: unknown; message?: unknown };
    return {
      line: typeof line === 'number' ? line : 1,
      column: typeof column === 'number' ? column : 1,
      reason: String(reason ?? message ?? error),
    };
  }
  return { line: 1, column: 1, reason: String(error) };
}
