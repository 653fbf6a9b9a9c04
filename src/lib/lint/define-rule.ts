// `defineRule('required-sections', check)`: an opskb remark-lint rule with origin `opskb:<id>`,
// its reference page as `url`, and the resolved lint settings as its options.
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { resolveSettings, type LintSettings, type PresetOptions } from './settings.ts';

/** Site path of the rule reference; every finding links to it. */
export function ruleDocsPath(id: string): string {
  return `/rules/${id}/`;
}

export type RuleCheck = (tree: Root, file: VFile, settings: LintSettings) => void;

export function defineRule(id: string, check: RuleCheck) {
  return lintRule<Root, PresetOptions | LintSettings>(
    { origin: `opskb:${id}`, url: ruleDocsPath(id) },
    (tree, file, options) => {
      check(tree, file, resolveSettings(options));
    },
  );
}
