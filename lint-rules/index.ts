// The opskb preset: every opskb rule, at error level, sharing one set of settings and one
// knowledge-base index per run. Used by the CLI and by .remarkrc.mjs (remark-cli, vscode-remark).
import type { Processor } from 'unified';
import { resolveSettings, type LintSettings, type PresetOptions } from '../src/lib/lint/settings.ts';
import frontmatterSchema from './frontmatter-schema.ts';
import mdxSyntax from './mdx-syntax.ts';
import ownerExists from './owner-exists.ts';
import requiredSections from './required-sections.ts';

/** Rule ids and plugins, in the order they run. `mdx-syntax` comes first: it installs the parser. */
export const RULES = {
  'mdx-syntax': mdxSyntax,
  'frontmatter-schema': frontmatterSchema,
  'required-sections': requiredSections,
  'owner-exists': ownerExists,
} as const;

export type RuleId = keyof typeof RULES;

export default function opskbPreset(this: Processor, options?: PresetOptions | LintSettings): undefined {
  const settings = resolveSettings(options);
  for (const rule of Object.values(RULES)) this.use(rule, [2, settings]);
}
