// The rule reference: one page per rule, rendered from the header comment of its file, so the
// documentation every finding links to cannot drift from the code.
import type { Loader } from 'astro/loaders';
import { documentedRules, readRuleDoc, type RuleDoc } from '../markdown/rule-docs.ts';

/** Every opskb rule with a reference page (one per file in lint-rules/). */
export const DOCUMENTED_RULES: readonly string[] = documentedRules();

export function ruleDocs(): RuleDoc[] {
  return DOCUMENTED_RULES.map((id) => readRuleDoc(id));
}

export function ruleReferenceLoader(): Loader {
  return {
    name: 'opskb-rule-reference',
    load: async ({ store, renderMarkdown, generateDigest }) => {
      store.clear();
      for (const doc of ruleDocs()) {
        const data = { summary: doc.summary };
        store.set({ id: doc.id, data, body: doc.markdown, rendered: await renderMarkdown(doc.markdown), digest: generateDigest(doc.markdown) });
      }
    },
  };
}
