// A drop-in for unist-util-is whose `convert` answers type names and lists of type names with
// one comparison or one Set lookup. The original checks each type of a list in turn, through
// two calls per type: mdast-util-phrasing's 16-type test then cost about a tenth of a cold lint,
// as a dozen hygiene rules ask it of every node. Anything else goes to the original.
import type { Node } from 'unist';
import { convert as originalConvert, is, type Check, type Test } from 'unist-util-is';

export { is };

function looksLikeANode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && 'type' in value;
}

export function convert(test: Test): Check {
  if (typeof test === 'string') return (node: unknown) => looksLikeANode(node) && node.type === test;
  if (Array.isArray(test) && test.every((item) => typeof item === 'string')) {
    const types = new Set<string>(test);
    return (node: unknown) => looksLikeANode(node) && types.has(node.type);
  }
  return originalConvert(test);
}
