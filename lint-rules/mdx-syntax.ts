/**
 * # opskb:mdx-syntax
 *
 * A file must parse: `.mdx` as MDX, `.md` as GitHub-flavoured Markdown, both with YAML frontmatter,
 * and be UTF-8: the first byte that is not (a file saved as Latin-1, say) is reported at its place.
 *
 * ## Why
 * In MDX, `{` starts a JavaScript expression and `<` starts a JSX tag, so prose that reads fine in
 * Markdown (`latency {p99 > 5s}`, `recovers in <5 min`, `<!-- note -->`) breaks the whole site
 * build. This rule turns the parser's crash into one finding at the exact line and column, with a
 * hint on escaping, and every other file is still checked.
 *
 * The rule also installs opskb's parser, which picks MDX or Markdown by file extension and is the
 * one the site's build uses (Sätteri), so a file it refuses would fail the build too. When an
 * `.mdx` file does not parse, the other rules see it parsed as plain Markdown, so its frontmatter
 * and sections are still checked in the same run. Bytes that are not UTF-8 reach the site as `�`
 * (the build warns about them too); the text around them is still checked.
 *
 * ## Options
 * None.
 *
 * ## Examples
 * ok (`.mdx`):
 * ```mdx
 * Page when latency `{p99 > 5s}` lasts more than 5 minutes.
 * ```
 * not ok (`.mdx`):
 * ```mdx
 * Page when latency {p99 > 5s} lasts less than <5 min.
 * ```
 * → `1:27 MDX syntax error: Could not parse expression with oxc: Invalid characters after number. …`
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { encodingMessage } from '../src/lib/kb/doc-source.ts';
import { defineRule, type OpskbRule } from '../src/lib/lint/define-rule.ts';
import { describeSyntaxError, flavourOfPath, parseDocument, type SyntaxProblem } from '../src/lib/markdown/parse.ts';

const rule = defineRule('mdx-syntax', (_tree, file) => {
  const encoding = file.data.opskbEncoding;
  if (encoding) file.message(encodingMessage(encoding), { place: { line: encoding.line, column: encoding.column } });
  const error = file.data.opskbSyntaxError;
  if (error)
    file.message(`${flavourOfPath(file.path ?? '') === 'mdx' ? 'MDX' : 'Markdown'} syntax error: ${error.reason}. ${hintFor(error)}`, {
      place: { line: error.line, column: error.column },
    });
});

export function hintFor(error: SyntaxProblem): string {
  const reason = error.reason.toLowerCase();
  const unclosed = /expected a closing tag for `<([\w.:-]+)/i.exec(error.reason)?.[1];
  if (unclosed) return `Close it with \`</${unclosed}>\` after its content (on a line of its own, after a blank line).`;
  if (reason.includes('`!`') || reason.includes('html comment')) {
    return 'HTML comments `<!-- … -->` are not allowed in MDX: write `{/* … */}` instead.';
  }
  if (reason.includes('brackets are open here')) {
    return 'Close them sooner, or put the text in a fenced code block, where brackets are plain text.';
  }
  if (reason.startsWith('could not parse import/exports')) {
    return 'In MDX a paragraph that starts with `import` or `export` is JavaScript: fix the statement, or reword the sentence so that it starts with another word.';
  }
  if (reason.includes('expression') || reason.includes('`{`') || reason.includes('`}`')) {
    return 'In MDX `{` starts a JavaScript expression: escape it as `\\{`, or put the text in backticks (`` `{p99 > 5s}` ``).';
  }
  if (/\b(tag|jsx|name|attribute|closing)\b|`<`/.test(reason)) {
    return 'In MDX `<` starts a JSX tag: write `\\<` or `&lt;` (or "under 5 min"), or put the text in backticks.';
  }
  return 'Fix the syntax at this position; if the file is plain Markdown, rename it to `.md`.';
}

/** Parses by extension; on failure records the error and falls back to plain Markdown. */
function parseWithFallback(document: string, file: VFile): Root {
  const flavour = flavourOfPath(file.path ?? '');
  try {
    return parseDocument(document, flavour);
  } catch (error) {
    file.data.opskbSyntaxError = describeSyntaxError(error);
    try {
      return flavour === 'mdx' ? parseDocument(document, 'markdown') : { type: 'root', children: [] };
    } catch {
      return { type: 'root', children: [] };
    }
  }
}

function mdxSyntax(this: Processor, ...parameters: Parameters<typeof rule>) {
  (this as unknown as { parser: (document: string, file: VFile) => Root }).parser = parseWithFallback;
  return rule.call(this, ...parameters);
}

export default Object.assign(mdxSyntax, { meta: rule.meta }) as unknown as OpskbRule;
