// A drop-in for unist-util-visit-parents 6 (same exports, same walk, same errors for bad
// visitors) without its per-node costs: the original creates a closure for every node and names
// it with Object.defineProperty for nicer stack traces, which made tree walks about a quarter of
// a cold lint (about 30 rules walk each tree). The lint process resolves the package to this
// module (see install.ts); Astro's build and other tools keep the original.
//
// The lint engine also declares each tree read-only once it is parsed (`declareReadOnly`): about
// twenty rules then walk it, most of them every node. For such a tree, a forward walk with only
// an enter visitor runs over one flat list in document order (node, ancestors, index, end of its
// subtree), built on the first walk and shared by the next ones, instead of recursing and
// copying the ancestors again on every walk. What visitors see and what they can return are the
// same; reverse walks, exit visitors and walks from a node other than the root recurse as before.
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
      throw new Error(
        'Unexpected value `' + String(exit) + '` for `visitors.exit`, expected visitor (pass a visitor directly if you only want an enter visitor)',
      );
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

/** A read-only tree in document order: entry `i` is a node, its ancestors, its index and the entry after its subtree. */
type Flat = { readonly nodes: Node[]; readonly ancestors: Parent[][]; readonly indexes: (number | undefined)[]; readonly ends: number[] };

const readOnly = new WeakMap<Node, Flat | null>();

/**
 * Declares that nothing will change `tree` any more (the lint rules only read it), so that walks
 * over it can share one flat list of its nodes. The ancestor lists a visitor gets are then shared
 * too: a visitor must not change them (none of the lint rules does).
 */
export function declareReadOnly(tree: Node): void {
  readOnly.set(tree, null);
}

function flatten(tree: Node): Flat {
  const flat: Flat = { nodes: [], ancestors: [], indexes: [], ends: [] };
  const add = (node: Node, index: number | undefined, ancestors: Parent[]) => {
    const entry = flat.nodes.length;
    flat.nodes.push(node);
    flat.ancestors.push(ancestors);
    flat.indexes.push(index);
    flat.ends.push(entry + 1);
    const children = (node as Partial<Parent>).children;
    if (children) {
      const inside = [...ancestors, node as Parent];
      children.forEach((child, childIndex) => add(child as Node, childIndex, inside));
    }
    flat.ends[entry] = flat.nodes.length;
  };
  add(tree, undefined, []);
  return flat;
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

  if (preorder && !exit && enter && readOnly.has(tree)) {
    let flat = readOnly.get(tree);
    if (!flat) {
      flat = flatten(tree);
      readOnly.set(tree, flat);
    }
    walkFlat(flat, matches, enter, walk);
    return undefined;
  }
  walk(tree, undefined, []);
  return undefined;
}

/**
 * The recursive walk's preorder, enter-only case over a flat list: SKIP goes to the entry after
 * the node's subtree. A visitor that returns an index (move to that sibling next) gets exactly
 * what the recursive walk does: the node's children, then the siblings from that index, walked
 * recursively; the flat walk resumes after the parent's subtree.
 */
function walkFlat(flat: Flat, matches: Matcher, enter: Visitor, walk: Walk): void {
  const { nodes, ancestors, indexes, ends } = flat;
  let entry = 0;
  while (entry < nodes.length) {
    const node = nodes[entry] as Node;
    const parents = ancestors[entry] as Parent[];
    const index = indexes[entry];
    if (!matches(node, index, parents[parents.length - 1])) {
      entry += 1;
      continue;
    }
    const result = toResult(enter(node, parents, index));
    if (result[0] === EXIT) return;
    const jump = result[1];
    if (typeof jump === 'number') {
      if (resumeAt(node, parents, result, jump, walk) === EXIT) return;
      const parentEntry = nodes.lastIndexOf(parents[parents.length - 1] as Node, entry);
      entry = parentEntry === -1 ? nodes.length : (ends[parentEntry] as number);
      continue;
    }
    entry = result[0] === SKIP ? (ends[entry] as number) : entry + 1;
  }
}

type Walk = (node: Node, index: number | undefined, parents: Parent[]) => ActionTuple;

/** After an index jump from `node`: its children (unless skipped), then its parent's children from `jump` on. */
function resumeAt(node: Node, parents: Parent[], result: ActionTuple, jump: number, walk: Walk): Action | undefined {
  const children = (node as Partial<Parent>).children;
  if (children && result[0] !== SKIP && walkChildren(node as Parent, 0, [...parents, node as Parent], walk) === EXIT) return EXIT;
  const parent = parents[parents.length - 1];
  return parent ? walkChildren(parent, jump, parents, walk) : undefined;
}

/** Walks `parent`'s children from `from` on, following index jumps, as the recursive walk does. */
function walkChildren(parent: Parent, from: number, ancestors: Parent[], walk: Walk): Action | undefined {
  for (let offset = from; offset > -1 && offset < parent.children.length;) {
    const subresult = walk(parent.children[offset] as Node, offset, ancestors);
    if (subresult[0] === EXIT) return EXIT;
    offset = typeof subresult[1] === 'number' ? subresult[1] : offset + 1;
  }
  return undefined;
}
