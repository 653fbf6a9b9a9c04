// A drop-in for micromark-util-combine-extensions that remembers what it combined. micromark
// combines its own constructs with the parse's extensions again at the start of every parse; the
// lint parses thousands of docs with a handful of different extension lists (the GFM constructs a
// doc can hold, MDX or not), so each list is combined once. The combination is the original's,
// and neither micromark nor its extensions change it once made. Lists are told apart by the
// identity of their extensions, remembered weakly: extensions made afresh for every parse are
// combined every time, as before, and do not pile up.
import { combineExtensions as combineOnce, combineHtmlExtensions } from 'micromark-util-combine-extensions';
import type { Extension, NormalizedExtension } from 'micromark-util-types';

export { combineHtmlExtensions };

type Trie = { readonly next: WeakMap<object, Trie>; combined?: NormalizedExtension };

const root: Trie = { next: new WeakMap() };

export function combineExtensions(extensions: readonly Extension[]): NormalizedExtension {
  let node = root;
  for (const extension of extensions) {
    let child = node.next.get(extension);
    if (!child) {
      child = { next: new WeakMap() };
      node.next.set(extension, child);
    }
    node = child;
  }
  node.combined ??= combineOnce(extensions);
  return node.combined;
}
