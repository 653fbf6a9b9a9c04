// The opskb preset: every opskb rule, at error level, sharing one set of settings and one
// knowledge-base index per run. Used by the CLI and by .remarkrc.mjs (remark-cli, vscode-remark).
import remarkLint from 'remark-lint';
import recommended from 'remark-preset-lint-recommended';
import consistent from 'remark-preset-lint-consistent';
import type { Root } from 'mdast';
import type { PluggableList, Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { flavourOfPath } from '../src/lib/markdown/parse.ts';
import { ruleSetting } from '../src/lib/kb/config.ts';
import type { OpskbRule } from '../src/lib/lint/define-rule.ts';
import { CONFIG_FILE, describeIssue, REGISTRIES_RULE_ID, ruleDocsPath, type Finding } from '../src/lib/model/index.ts';
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
import directives from './directives.ts';

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

/**
 * Markdown hygiene: the rules of remark-preset-lint-recommended and -consistent, reused as they
 * are. Their `remark-lint` core plugin is left out: opskb:directives handles lint comments for
 * every rule, MDX comments included. Findings keep their `remark-lint:<rule>` ids.
 */
export const HYGIENE_ID = 'markdown-hygiene';
const HYGIENE_RULES: { id: string; plugin: Plugin<[unknown?]>; option: unknown }[] = [];
for (const entry of [...(recommended.plugins as PluggableList), ...(consistent.plugins as PluggableList)]) {
  const [plugin, option] = Array.isArray(entry) ? entry : [entry, undefined];
  if (plugin === remarkLint || typeof plugin !== 'function') continue;
  const id = plugin.name;
  if (!HYGIENE_RULES.some((rule) => rule.id === id)) HYGIENE_RULES.push({ id, plugin: plugin as Plugin<[unknown?]>, option });
}
export const HYGIENE_RULE_IDS: readonly string[] = HYGIENE_RULES.map((rule) => rule.id);

/**
 * Hygiene rules whose advice is wrong in MDX, skipped for `.mdx` files: no-literal-urls asks for
 * `<https://…>` autolinks, which MDX does not have (`<` starts JSX there).
 */
const NOT_FOR_MDX = new Set(['remark-lint:no-literal-urls']);

function markdownOnly(plugin: Plugin<[unknown?]>): Plugin<[unknown?]> {
  return function (this: Processor, ...parameters: unknown[]) {
    const transformer = (plugin as (...args: unknown[]) => unknown).apply(this, parameters) as
      ((tree: Root, file: VFile, next: (error?: Error) => void) => void) | undefined;
    if (!transformer) return undefined;
    return (tree: Root, file: VFile, next: (error?: Error) => void) => {
      if (flavourOfPath(file.path ?? '') === 'mdx') next();
      else transformer(tree, file, next);
    };
  } as Plugin<[unknown?]>;
}

/** Every rule id a finding in a doc can carry, as findings and directives spell them. */
export const RULE_IDS: readonly string[] = [...Object.keys(RULES).map((id) => `opskb:${id}`), ...HYGIENE_RULE_IDS, 'opskb:directives'];

type SeverityName = 'off' | 'warning' | 'error';

function configuredSeverity(key: string, settings: LintSettings): SeverityName | undefined {
  const setting = ruleSetting(key, settings.kb.config.config);
  return typeof setting === 'string' ? setting : setting?.severity;
}

/** The severity a rule runs at: from opskb.yaml `rules.<id>`, else its default (error; hygiene: warning). */
export function ruleSeverity(id: string, settings: LintSettings): SeverityName {
  if (id.startsWith('remark-lint:')) {
    return configuredSeverity(id, settings) ?? configuredSeverity(HYGIENE_ID, settings) ?? 'warning';
  }
  return configuredSeverity(id, settings) ?? 'error';
}

const LEVEL = { off: 0, warning: 1, error: 2 } as const;

export default function opskbPreset(this: Processor, options?: PresetOptions | LintSettings): undefined {
  const settings = resolveSettings(options);
  for (const [id, rule] of Object.entries(RULES)) {
    // mdx-syntax also installs the parser: it stays attached (reporting nothing) when turned off.
    this.use(rule, [LEVEL[ruleSeverity(id, settings)], settings]);
  }
  for (const { id, plugin, option } of HYGIENE_RULES) {
    const level = LEVEL[ruleSeverity(id, settings)];
    if (level > 0) this.use(NOT_FOR_MDX.has(id) ? markdownOnly(plugin) : plugin, [level, option]);
  }
  // Last: it filters what every rule above reported.
  this.use(directives, { knownRules: RULE_IDS });
}

/** Problems in opskb.yaml's `rules`: unknown rule ids and invalid rule options, at their lines. */
export function ruleConfigProblems(settings: LintSettings): Finding[] {
  const { config, yaml, path } = settings.kb.config;
  if (!yaml) return [];
  const problems: Finding[] = [];
  const finding = (at: readonly PropertyKey[], message: string): Finding => ({
    path,
    ...yaml.positionOf(at),
    severity: 'error',
    message,
    ruleId: REGISTRIES_RULE_ID,
    url: ruleDocsPath(REGISTRIES_RULE_ID),
  });
  const rules: Record<string, OpskbRule> = RULES;
  for (const [id, setting] of Object.entries(config.rules)) {
    if (id === HYGIENE_ID || HYGIENE_RULE_IDS.includes(id)) continue;
    const rule = rules[id.replace(/^opskb:/, '')];
    if (!rule) {
      problems.push(
        finding(
          ['rules', id],
          `Unknown rule \`${id}\` in ${CONFIG_FILE}: known rules are ${Object.keys(RULES).join(', ')}, ${HYGIENE_ID} and the remark-lint ids (${HYGIENE_RULE_IDS[0]}, …).${didYouMean(id, [...Object.keys(RULES), HYGIENE_ID, ...HYGIENE_RULE_IDS])}`,
        ),
      );
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
