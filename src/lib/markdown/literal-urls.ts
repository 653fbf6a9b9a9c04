// GFM autolink literals (`https://…`, `www.…`, `ops@example.com` becoming links) found by GFM's
// own mdast transform, run on the text nodes that can hold one, with positions. The micromark
// syntax extension that finds them while tokenizing tries an autolink at nearly every letter and
// cost about 40% of the lint's parse; the transform gives the same links without the positions,
// which opskb:links and remark-lint-no-literal-urls need, so they are restored here.
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Point, Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { locator } from '../text/locator.ts';

const [transform] = gfmAutolinkLiteralFromMarkdown().transforms ?? [];
/** Text the transform's patterns need: a scheme, `www.`, or an `@` (emails, mailto:, xmpp:). */
const MAY_HOLD_LITERAL = /:\/\/|www\.|@/i;

/** Turns the autolink literals of `tree`'s text into links, each at its place in `source`. */
export function linkLiteralUrls(tree: Root, source: string): void {
  if (!transform) return;
  let pointAt: ((offset: number) => Point) | undefined;
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || !parent || index === undefined || !MAY_HOLD_LITERAL.test(node.value)) return undefined;
    const wrapper: Parent = { type: 'paragraph', children: [node] };
    transform(wrapper as Root);
    const pieces = wrapper.children as PhrasingContent[];
    if (pieces.length === 1 && pieces[0] === node) return undefined;
    place(pieces, node, source, (pointAt ??= locator(source)));
    parent.children.splice(index, 1, ...(pieces as never[]));
    return index + pieces.length;
  });
}

/**
 * Positions for the pieces a text node was split into: each link where its text is in the
 * source, each text piece between them. A link whose text is not found as written (a character
 * reference inside it) gets the whole text node's position.
 */
function place(pieces: PhrasingContent[], original: Text, source: string, pointAt: (offset: number) => Point): void {
  const whole = original.position;
  const start = whole?.start.offset;
  const end = whole?.end.offset;
  if (!whole || start === undefined || end === undefined) return;
  const spans: ({ start: number; end: number } | undefined)[] = [];
  let cursor = start;
  for (const piece of pieces) {
    if (piece.type !== 'link') {
      spans.push(undefined);
      continue;
    }
    const text = (piece.children[0] as Text | undefined)?.value ?? '';
    const found = text === '' ? -1 : source.indexOf(text, cursor);
    if (found === -1 || found + text.length > end) {
      spans.push({ start, end });
    } else {
      spans.push({ start: found, end: found + text.length });
      cursor = found + text.length;
    }
  }
  const positionOf = (from: number, to: number): Position => ({ start: pointAt(from), end: pointAt(to) });
  pieces.forEach((piece, index) => {
    const span = spans[index];
    if (piece.type === 'link' && span) {
      const position = positionOf(span.start, span.end);
      (piece as Link).position = position;
      for (const child of piece.children) child.position = position;
      return;
    }
    // A text piece runs from the end of the link before it to the start of the link after it.
    const from = index === 0 ? start : (spans[index - 1]?.end ?? start);
    const to = spans.slice(index + 1).find((next) => next !== undefined)?.start ?? end;
    piece.position = positionOf(Math.min(from, to), to);
  });
}
