import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parseDocument, type SyntaxFlavour } from '../../../src/lib/markdown/parse.ts';

/** `url line:column-line:column text` of every link, its position and its text's. */
function linksOf(tree: Root): string[] {
  const links: string[] = [];
  visit(tree, 'link', (link: Link) => {
    const at = (node: { position?: Link['position'] }) =>
      `${node.position?.start.line}:${node.position?.start.column}-${node.position?.end.line}:${node.position?.end.column}`;
    const text = link.children.map((child) => ('value' in child ? child.value : '')).join('');
    links.push(`${link.url} ${at(link)} ${text} ${at(link.children[0] ?? {})}`);
  });
  return links;
}

describe.each<SyntaxFlavour>(['markdown', 'mdx'])('autolink literals in %s', (flavour) => {
  test('become links at the place of their text, without trailing punctuation', () => {
    const tree = parseDocument(
      [
        'Open https://grafana.kestrel.internal/d/payments, then www.kestrel.example.',
        '',
        '- Mail ops@kestrel.example or',
        '  see https://status.kestrel.example/incidents?id=4).',
      ].join('\n'),
      flavour,
    );
    expect(linksOf(tree)).toEqual([
      'https://grafana.kestrel.internal/d/payments 1:6-1:49 https://grafana.kestrel.internal/d/payments 1:6-1:49',
      'http://www.kestrel.example 1:56-1:75 www.kestrel.example 1:56-1:75',
      'mailto:ops@kestrel.example 3:8-3:27 ops@kestrel.example 3:8-3:27',
      'https://status.kestrel.example/incidents?id=4 4:7-4:52 https://status.kestrel.example/incidents?id=4 4:7-4:52',
    ]);
  });

  test('keep the text around them, with its positions', () => {
    const tree = parseDocument('Before https://a.example/x after.', flavour);
    const paragraph = tree.children[0];
    expect(paragraph?.type).toBe('paragraph');
    const pieces = paragraph && 'children' in paragraph ? paragraph.children : [];
    expect(pieces.map((piece) => `${piece.type} ${piece.position?.start.column}-${piece.position?.end.column}`)).toEqual([
      'text 1-8',
      'link 8-27',
      'text 27-34',
    ]);
  });

  test('are left alone in links, inline code and code blocks', () => {
    const tree = parseDocument(
      [
        '[the dashboard](https://grafana.kestrel.example/d/x)',
        '',
        '`curl https://api.kestrel.example/health`',
        '',
        '```sh',
        'curl https://api.kestrel.example/health',
        '```',
      ].join('\n'),
      flavour,
    );
    expect(linksOf(tree)).toEqual(['https://grafana.kestrel.example/d/x 1:1-1:53 the dashboard 1:2-1:15']);
  });
});
