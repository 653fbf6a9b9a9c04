// Lint directives in comments: `{/* lint disable-next-line opskb:no-secrets -- reason */}` in MDX,
// `<!-- lint disable opskb:links -- reason -->` in Markdown. Parsing and suppression, pure.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export const DIRECTIVE_KEYWORDS = ['disable', 'enable', 'disable-next-line'] as const;
export type DirectiveKeyword = (typeof DIRECTIVE_KEYWORDS)[number];

export type Directive = {
  readonly keyword: string;
  /** Rule ids as written; empty means every rule. */
  readonly rules: readonly string[];
  readonly reason: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
};

const MDX_COMMENT = /^\s*\/\*\s*lint\s+([\s\S]*?)\s*\*\/\s*$/;
const HTML_COMMENT = /^\s*<!--\s*lint\s+([\s\S]*?)\s*-->\s*$/;

export function parseDirective(body: string): Pick<Directive, 'keyword' | 'rules' | 'reason'> {
  const [command = '', ...reasonParts] = body.split(/\s--(?:\s|$)/);
  const [keyword = '', ...rules] = command.trim().split(/\s+/);
  const reason = reasonParts.join(' -- ').trim();
  return { keyword, rules, reason: reason === '' ? undefined : reason };
}

export function findDirectives(tree: Root): Directive[] {
  const directives: Directive[] = [];
  visit(tree, (node) => {
    let body: string | undefined;
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') body = MDX_COMMENT.exec((node as { value: string }).value)?.[1];
    else if (node.type === 'html') body = HTML_COMMENT.exec((node as { value: string }).value)?.[1];
    if (body === undefined || !node.position) return;
    directives.push({ ...parseDirective(body), line: node.position.start.line, column: node.position.start.column, endLine: node.position.end.line });
  });
  return directives;
}

/** The first line after `line` that is not blank (1-based), or `line + 1`. */
export function nextContentLine(lines: readonly string[], line: number): number {
  for (let index = line; index < lines.length; index += 1) {
    if ((lines[index] ?? '').trim() !== '') return index + 1;
  }
  return line + 1;
}
