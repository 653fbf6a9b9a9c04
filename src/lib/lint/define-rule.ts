// `defineRule('required-sections', check)`: an opskb remark-lint rule with origin `opskb:<id>`, its
// reference page as `url`, the run's settings, and its own options (a zod schema, with defaults)
// read from `rules.<id>` in opskb.yaml.
import type { Root } from 'mdast';
import type { Plugin, Transformer } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { z } from 'zod';
import { ruleOptions } from '../kb/config.ts';
import { ruleDocsPath } from '../model/index.ts';
import { resolveSettings, type LintSettings, type PresetOptions } from './settings.ts';

export type RuleCheck<Options> = (tree: Root, file: VFile, settings: LintSettings, options: Options) => void;

/** What the preset and the docs need to know about a rule besides its plugin. */
export type RuleMeta = { readonly id: string; readonly optionsSchema: z.ZodType };

export type OpskbRule = Plugin<[(PresetOptions | LintSettings)?] | [[number | string, (PresetOptions | LintSettings)?]], Root> & {
  readonly meta: RuleMeta;
};

const WARNING = Symbol('opskb warning');

/**
 * Marks a message as a warning whatever the rule's severity: rules that grade their findings
 * (due soon vs overdue) use it. A rule configured as `warning` makes all its messages warnings.
 */
export function asWarning(message: VFileMessage): VFileMessage {
  (message as VFileMessage & { [WARNING]?: true })[WARNING] = true;
  return message;
}

const noOptions = z.strictObject({});

export function defineRule<S extends z.ZodType = typeof noOptions>(id: string, check: RuleCheck<z.output<S>>, optionsSchema?: S): OpskbRule {
  const schema = (optionsSchema ?? noOptions) as S;
  const optionsCache = new WeakMap<LintSettings, z.output<S>>();
  const inner = lintRule<Root, PresetOptions | LintSettings>({ origin: `opskb:${id}`, url: ruleDocsPath(id) }, (tree, file, config) => {
    const settings = resolveSettings(config);
    let options = optionsCache.get(settings);
    if (options === undefined) {
      options = ruleOptions(id, schema, settings.kb.config.config);
      optionsCache.set(settings, options);
    }
    check(tree, file, settings, options);
  });
  const plugin = function (this: unknown, config?: unknown) {
    const transformer = (inner as (config: unknown) => Transformer<Root> | undefined).call(this, config);
    if (!transformer) return undefined;
    return (tree: Root, file: VFile, next: (error?: Error) => void) => {
      const start = file.messages.length;
      (transformer as (tree: Root, file: VFile, next: (error?: Error) => void) => void)(tree, file, (error) => {
        for (const message of file.messages.slice(start)) {
          if ((message as VFileMessage & { [WARNING]?: true })[WARNING]) message.fatal = false;
        }
        next(error);
      });
    };
  };
  Object.defineProperty(plugin, 'name', { value: `opskb:${id}` });
  return Object.assign(plugin, { meta: { id, optionsSchema: schema } }) as unknown as OpskbRule;
}
