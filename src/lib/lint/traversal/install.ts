// Makes the modules loaded after this call in the current thread (the lint rules, remark-lint's
// hygiene rules, unist-util-visit, mdast-util-phrasing) resolve two tree utilities to opskb's
// faster drop-ins. Each worker thread calls it too: module hooks belong to the thread that
// registers them.
import * as nodeModule from 'node:module';

export const DROP_INS = new Map([
  ['unist-util-visit-parents', new URL('./visit-parents.ts', import.meta.url).href],
  ['unist-util-is', new URL('./is.ts', import.meta.url).href],
]);
let installed = false;

export function installFastTraversal(): void {
  // Node before 22.15 has no synchronous module hooks (opskb supports 22.12 and later): the
  // original packages then serve, with the same results, slower. Read as a property, not
  // imported by name, so that such a Node can still load this module.
  const { registerHooks } = nodeModule as Partial<typeof nodeModule>;
  if (installed || typeof registerHooks !== 'function') return;
  installed = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const dropIn = DROP_INS.get(specifier);
      // A drop-in that wraps its package imports the original.
      return dropIn && context.parentURL !== dropIn ? { url: dropIn, shortCircuit: true } : nextResolve(specifier, context);
    },
  });
}
