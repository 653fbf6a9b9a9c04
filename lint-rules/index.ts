// The opskb preset: every opskb rule, at error level, sharing one set of settings and one
// knowledge-base index per run. Used by the CLI and by .remarkrc.mjs (remark-cli, vscode-remark).
import type { Processor } from 'unified';
import { CONFIG_RULE_ID } from '../src/lib/kb/config.ts';
import { ruleDocsPath, type OpskbRule } from '../src/lib/lint/define-rule.ts';
import type { Finding } from '../src/lib/lint/finding.ts';
import { describeIssue } from '../src/lib/lint/zod-issues.ts';
import { CONFIG_FILE } from '../src/lib/model/index.ts';
import { didYouMean } from '../src/lib/text/suggest.ts';
import { resolveSettings, type LintSettings, type PresetOptions } from '../src/lib/lint/settings.ts';
import frontmatterSchema from './frontmatter-schema.ts';
import mdxSyntax from './mdx-syntax.ts';
import ownerExists from './owner-exists.ts';
import requiredSections from './required-sections.ts';
import noSecrets from './no-secrets.ts';
import mdxSafety from './mdx-safety.ts';
import codeBlocks from './code-blocks.ts';
import reviewFreshness from './review-freshness.ts';
import alertsUnique from './alerts-unique.ts';
import links from './links.ts';

/** Rule ids and plugins, in the order they run. `mdx-syntax` comes first: it installs the parser. */
export const RULES = {
  'mdx-syntax': mdxSyntax,
  'frontmatter-schema': frontmatterSchema,
  'required-sections': requiredSections,
  'owner-exists': ownerExists,
  'review-freshness': reviewFreshness,
  'alerts-unique': alertsUnique,
  links,
  'no-secrets': noSecrets,
  'mdx-safety': mdxSafety,
  'code-blocks': codeBlocks,
} as const;

export type RuleId = keyof typeof RULES;

/** Rules that report warnings unless configured otherwise; every other rule reports errors. */
const WARNING_BY_DEFAULT = new Set<string>([]);

/** The severity a rule runs at: from opskb.yaml `rules.<id>`, else its default. */
export function ruleSeverity(id: string, settings: LintSettings): 'off' | 'warning' | 'error' {
  const setting = settings.kb.config.config.rules[id];
  const configured = typeof setting === 'string' ? setting : setting?.severity;
  return configured ?? (WARNING_BY_DEFAULT.has(id) ? 'warning' : 'error');
}

const LEVEL = { off: 0, warning: 1, error: 2 } as const;

export default function opskbPreset(this: Processor, options?: PresetOptions | LintSettings): undefined {
  const settings = resolveSettings(options);
  for (const [id, rule] of Object.entries(RULES)) {
    // mdx-syntax also installs the parser: it stays attached (reporting nothing) when turned off.
    this.use(rule, [LEVEL[ruleSeverity(id, settings)], settings]);
  }
}

/** Problems in opskb.yaml's `rules`: unknown rule ids and invalid rule options, at their lines. */
export function ruleConfigProblems(settings: LintSettings): Finding[] {
  const { config, yaml, path } = settings.kb.config;
  if (!yaml) return [];
  const problems: Finding[] = [];
  const finding = (at: readonly PropertyKey[], message: string): Finding => ({
    path, ...yaml.positionOf(at), severity: 'error', message, ruleId: CONFIG_RULE_ID, url: ruleDocsPath('registries'),
  });
  const rules: Record<string, OpskbRule> = RULES;
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = rules[id.replace(/^opskb:/, '')];
    if (!rule) {
      problems.push(finding(['rules', id], `Unknown rule \`${id}\` in ${CONFIG_FILE}: known rules are ${Object.keys(RULES).join(', ')}.${didYouMean(id, Object.keys(RULES))}`));
      continue;
    }
    if (typeof setting !== 'object') continue;
    const options = Object.fromEntries(Object.entries(setting).filter(([key]) => key !== 'severity'));
    const result = rule.meta.optionsSchema.safeParse(options);
    for (const issue of result.success ? [] : result.error.issues) {
      problems.push(finding(['rules', id, ...issue.path], describeIssue(issue, `in the options of rule \`${id}\``, options)));
    }
  }
  return problems;
}
