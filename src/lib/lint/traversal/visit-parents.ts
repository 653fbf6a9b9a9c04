// A drop-in for unist-util-visit-parents 6 (same exports, same walk, same errors for bad
// visitors) without its per-node costs: the original creates a closure for every node and names
// it with Object.defineProperty for nicer stack traces, which made tree walks about a quarter of
// a cold lint (about 30 rules walk each tree). The lint process resolves the package to this
// module (see install.ts); Astro's build and other tools keep the original.
import type { Node, Parent } from 'unist';
import { convert, type Test } from 'unist-util-is';

export const CONTINUE = true;
export const EXIT = false;
export const SKIP = 'skip';

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP;
type ActionTuple = readonly [(Action | undefined)?, (number | undefined)?];
type VisitorResult = Action | number | ActionTuple | null | undefined | void;
type Visitor = (node: Node, ancestors: Parent[], index: number | undefined) => VisitorResult;
type Visitors = { readonly enter?: Visitor | null | undefined; readonly exit: Visitor };

const EMPTY: ActionTuple = [];

function toResult(value: VisitorResult): ActionTuple {
  if (Array.isArray(value)) return value as ActionTuple;
  if (typeof value === 'number') return [CONTINUE, value];
  return value === null || value === undefined ? EMPTY : [value as Action];
}

function visitorsOf(visitors: unknown): { enter: Visitor | undefined; exit: Visitor | undefined } {
  if (typeof visitors === 'function') return { enter: visitors as Visitor, exit: undefined };
  if (visitors && typeof visitors === 'object') {
    const { enter, exit } = visitors as Partial<Visitors>;
    if (enter !== null && enter !== undefined && typeof enter !== 'function') {
      throw new Error('Unexpected value `' + String(enter) + '` for `visitors.enter`, expected optional visitor');
    }
    if (typeof exit !== 'function') {
      throw new Error('Unexpected value `' + String(exit) + '` for `visitors.exit`, expected visitor (pass a visitor directly if you only want an enter visitor)');
    }
    return { enter: enter ?? undefined, exit };
  }
  throw new Error('Unexpected value `' + String(visitors) + '` for `enter` or `visitors`, expected visitor or object with visitors');
}

type Matcher = (node: Node, index: number | undefined, parent: Parent | undefined) => boolean;

function matcher(test: unknown): Matcher {
  if (!test) return () => true;
  // A type name, the common case, is compared here; anything else goes through unist-util-is.
  if (typeof test === 'string') return (node) => node.type === test;
  const check = convert(test as Test);
  return (node, index, parent) => check(node, index, parent);
}

export function visitParents(tree: Node, testOrVisitors: unknown, visitorsOrReverse?: unknown, reverse?: boolean | null): undefined {
  if (!tree || typeof tree !== 'object') {
    throw new Error('Unexpected value `' + String(tree) + '` for `tree`, expected node');
  }
  let test: unknown;
  let visitors: unknown;
  let preorder = true;
  if (typeof visitorsOrReverse === 'function' || (visitorsOrReverse && typeof visitorsOrReverse === 'object')) {
    test = testOrVisitors;
    visitors = visitorsOrReverse;
    if (reverse) preorder = false;
  } else {
    visitors = testOrVisitors;
    if (visitorsOrReverse) preorder = false;
  }
  const { enter, exit } = visitorsOf(visitors);
  const matches = matcher(test);
  const step = preorder ? 1 : -1;

  function walk(node: Node, index: number | undefined, parents: Parent[]): ActionTuple {
    const matched = matches(node, index, parents[parents.length - 1]);
    let result = EMPTY;
    if (enter && matched) {
      result = toResult(enter(node, parents, index));
      if (result[0] === EXIT) return result;
    }
    const children = (node as Partial<Parent>).children;
    if (children && result[0] !== SKIP) {
      let offset = (preorder ? -1 : children.length) + step;
      const grandparents = [...parents, node as Parent];
      while (offset > -1 && offset < children.length) {
        const subresult = walk(children[offset] as Node, offset, grandparents);
        if (subresult[0] === EXIT) return subresult;
        offset = typeof subresult[1] === 'number' ? subresult[1] : offset + step;
      }
    }
    if (exit && matched) {
      const exitResult = toResult(exit(node, parents, index));
      if (exitResult[0] === SKIP) {
        throw new Error('Unexpected value `' + String(exitResult[0]) + '` for `exit`, expected `CONTINUE`, `EXIT`, index, or nothing');
      }
      if (exitResult[0] === EXIT || typeof exitResult[1] === 'number') return exitResult;
    }
    return result;
  }

  walk(tree, undefined, []);
  return undefined;
}
