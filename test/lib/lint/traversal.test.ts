import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, Parent } from 'unist';
import { describe, expect, test } from 'vitest';
// The originals by file path: the lint engine's module hooks redirect only the package names.
import { convert as originalConvert } from '../../../node_modules/unist-util-is/lib/index.js';
import {
  visitParents as originalVisitParents,
  SKIP as ORIGINAL_SKIP,
  EXIT as ORIGINAL_EXIT,
} from '../../../node_modules/unist-util-visit-parents/lib/index.js';
import { parseDocument } from '../../../src/lib/markdown/parse.ts';
import { convert } from '../../../src/lib/lint/traversal/is.ts';
import { declareReadOnly, EXIT, SKIP, visitParents } from '../../../src/lib/lint/traversal/visit-parents.ts';
import { FIXTURE_KB } from '../../support/fixtures.ts';

type Visit = typeof visitParents;

/** The same trees parsed again and declared read-only: forward enter-only walks take the flat path. */
const READ_ONLY_TREES = [
  parseDocument(readFileSync(join(FIXTURE_KB, 'runbooks/checkout/checkout-5xx.mdx'), 'utf8'), 'mdx'),
  parseDocument(
    [
      '# Title',
      '',
      '- a *b* `c`',
      '  - [x] d',
      '',
      '> Warning: e',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '[ref]: https://x.example',
      '',
      '```sh',
      'ls',
      '```',
    ].join('\n'),
    'markdown',
  ),
];
for (const tree of READ_ONLY_TREES) declareReadOnly(tree);

const TREES = [
  parseDocument(readFileSync(join(FIXTURE_KB, 'runbooks/checkout/checkout-5xx.mdx'), 'utf8'), 'mdx'),
  parseDocument(
    [
      '# Title',
      '',
      '- a *b* `c`',
      '  - [x] d',
      '',
      '> Warning: e',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '[ref]: https://x.example',
      '',
      '```sh',
      'ls',
      '```',
    ].join('\n'),
    'markdown',
  ),
];

/** What a walk saw: each visited node's type, index and depth, in order. */
function walk(visit: Visit, skip: unknown, exit: unknown, tree: Node, test: unknown, reverse: boolean, stopAfter = Infinity, skipType = 'list'): string[] {
  const seen: string[] = [];
  const visitor = (node: Node, parents: Parent[], index: number | undefined) => {
    seen.push(`${node.type}@${index ?? '-'}/${parents.length}`);
    if (seen.length >= stopAfter) return exit;
    return node.type === skipType ? skip : undefined;
  };
  (visit as (...parameters: unknown[]) => void)(tree, test, visitor, reverse);
  return seen;
}

const TESTS: [string, unknown][] = [
  ['no test', undefined],
  ['a type name', 'text'],
  ['a list of type names', ['heading', 'inlineCode', 'listItem']],
  ['a function', (node: Node, index?: number) => node.type === 'paragraph' || index === 0],
  ['properties', { type: 'code', lang: 'sh' }],
  ['a mixed list', ['text', { type: 'heading', depth: 1 }]],
];

describe('visitParents drop-in', () => {
  test.each(TESTS)('walks like unist-util-visit-parents with %s, forwards and in reverse, with SKIP and EXIT', (_name, check) => {
    let visited = 0;
    for (const tree of [...TREES, ...READ_ONLY_TREES, ...READ_ONLY_TREES]) {
      for (const reverse of [false, true]) {
        const expected = walk(originalVisitParents as unknown as Visit, ORIGINAL_SKIP, ORIGINAL_EXIT, tree, check, reverse, 25);
        expect(walk(visitParents, SKIP, EXIT, tree, check, reverse, 25)).toEqual(expected);
        expect(walk(visitParents, SKIP, EXIT, tree, check, reverse)).toEqual(
          walk(originalVisitParents as unknown as Visit, ORIGINAL_SKIP, ORIGINAL_EXIT, tree, check, reverse),
        );
        visited += expected.length;
      }
    }
    expect(visited).toBeGreaterThan(0);
  });

  test('calls enter and exit visitors, and moves to the index a visitor returns', () => {
    const run = (visit: Visit) => {
      const seen: string[] = [];
      let jumped = false;
      (visit as (...parameters: unknown[]) => void)(TREES[1], {
        enter: (node: Node, _parents: Parent[], index?: number) => {
          seen.push(`enter ${node.type}`);
          // Jump back once from the list to the first block: visits those nodes twice.
          if (node.type === 'list' && !jumped && index !== undefined) {
            jumped = true;
            return 0;
          }
          return undefined;
        },
        exit: (node: Node) => {
          seen.push(`exit ${node.type}`);
        },
      });
      return seen;
    };
    const expected = run(originalVisitParents as unknown as Visit);
    expect(run(visitParents)).toEqual(expected);
    expect(expected.filter((entry) => entry === 'enter heading')).toHaveLength(2);
  });

  test('on a read-only tree, index jumps, SKIP and EXIT from an enter visitor walk as the original does', () => {
    const [fresh, readOnlyTree] = [TREES[1] as Node, READ_ONLY_TREES[1] as Node];
    // Each scenario: what the visitor returns for the n-th node it sees of a type.
    const scenarios: [string, number, unknown][] = [
      ['list', 1, 0], // back to the first block: the heading and the list are visited twice
      ['listItem', 1, 5], // forward past the end of the inner list
      ['paragraph', 2, 1],
      ['root', 1, 3], // an index from the root: its children, nothing else
      ['list', 1, 'skip'],
      ['blockquote', 1, false],
      ['listItem', 2, [true, 0]],
      ['text', 3, ['skip', 2]],
    ];
    for (const [type, nth, answer] of scenarios) {
      const run = (visit: Visit, tree: Node, skip: unknown, exit: unknown) => {
        const seen: string[] = [];
        let count = 0;
        const translated =
          answer === 'skip' ? skip : answer === false ? exit : Array.isArray(answer) ? [answer[0] === 'skip' ? skip : answer[0], answer[1]] : answer;
        (visit as (...parameters: unknown[]) => void)(tree, (node: Node, parents: Parent[], index?: number) => {
          seen.push(`${node.type}@${index ?? '-'}/${parents.length}`);
          if (node.type === type && (count += 1) === nth) return translated;
          return undefined;
        });
        return seen;
      };
      const expected = run(originalVisitParents as unknown as Visit, fresh, ORIGINAL_SKIP, ORIGINAL_EXIT);
      expect(run(visitParents, readOnlyTree, SKIP, EXIT), `${type} #${nth} returns ${JSON.stringify(answer)}`).toEqual(expected);
    }
  });

  test('walks over a read-only tree share one list of ancestors per parent', () => {
    const tree = READ_ONLY_TREES[0] as Node;
    const first: Parent[][] = [];
    const second: Parent[][] = [];
    visitParents(tree, 'text', (_node: Node, parents: Parent[]) => void first.push(parents));
    visitParents(tree, 'text', (_node: Node, parents: Parent[]) => void second.push(parents));
    expect(first.length).toBeGreaterThan(0);
    second.forEach((parents, index) => expect(parents).toBe(first[index]));
  });

  test('rejects what the original rejects, with the same message', () => {
    for (const parameters of [
      [null, () => undefined],
      [TREES[0], 'text', 'not a visitor'],
      [TREES[0], { enter: 1, exit: () => undefined }],
      [TREES[0], { enter: () => undefined }],
    ]) {
      const ours = () => (visitParents as (...p: unknown[]) => void)(...parameters);
      const theirs = () => (originalVisitParents as (...p: unknown[]) => void)(...parameters);
      expect(theirs).toThrow();
      expect(ours).toThrow(new RegExp(captureMessage(theirs).replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')));
    }
  });
});

function captureMessage(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('convert drop-in', () => {
  test.each(TESTS.filter(([, check]) => check !== undefined))('answers like unist-util-is for %s on every node', (_name, check) => {
    const ours = convert(check as never);
    const theirs = originalConvert(check as never);
    let matched = 0;
    for (const tree of TREES) {
      originalVisitParents(tree, (node: Node, parents: Parent[]) => {
        const parent = parents[parents.length - 1];
        const index = parent ? parent.children.indexOf(node as never) : undefined;
        expect(ours(node, index, parent)).toBe(theirs(node, index, parent));
        if (ours(node, index, parent)) matched += 1;
      });
    }
    expect(matched).toBeGreaterThan(0);
    expect(ours({} as Node)).toBe(false);
    expect(ours(null as unknown as Node)).toBe(false);
  });
});
