// What every opskb rule is given: the content root, "today", an optional type override and the
// knowledge-base index. Built once per run; rules never read the clock, the network or git.
import { z } from 'zod';
import { resolveContentDir } from '../kb/content-dir.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.ts';
import { DOC_TYPES, ISO_DATE_PATTERN, localToday, type DocType } from '../model/index.ts';

export type LintSettings = {
  readonly contentDir: string;
  /** `YYYY-MM-DD`: the day review dates are measured against. */
  readonly today: string;
  /** Treat every file as this type, wherever it is (`opskb lint --type`). */
  readonly type?: DocType | undefined;
  readonly kb: KnowledgeBase;
};

export const presetOptionsSchema = z
  .strictObject({
    contentDir: z.string().optional(),
    today: z.string().regex(ISO_DATE_PATTERN, { error: 'expected `today` as YYYY-MM-DD' }).optional(),
    type: z.enum(DOC_TYPES).optional(),
    kb: z.custom<KnowledgeBase>((value) => typeof value === 'object' && value !== null && 'docs' in value).optional(),
  })
  .optional();

export type PresetOptions = z.input<typeof presetOptionsSchema>;

const resolved = new WeakMap<object, LintSettings>();
let defaults: LintSettings | undefined;

/**
 * Settings from preset options; loads the knowledge base when none is passed. Without `today` the
 * real date is used: that is how editor integrations and remark-cli run. The CLI and tests pass it.
 */
export function resolveSettings(options: PresetOptions | LintSettings): LintSettings {
  if (options === undefined) return (defaults ??= build(undefined));
  const cached = resolved.get(options);
  if (cached) return cached;
  const settings = build(options);
  resolved.set(options, settings);
  return settings;
}

function build(options: PresetOptions): LintSettings {
  const parsed = presetOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid opskb lint options: \`${issue?.path.join('.') || 'options'}\`: ${issue?.message ?? 'invalid'}`);
  }
  const contentDir = parsed.data?.contentDir ?? parsed.data?.kb?.contentDir ?? resolveContentDir();
  return {
    contentDir,
    today: parsed.data?.today ?? localToday(),
    type: parsed.data?.type,
    kb: parsed.data?.kb ?? loadKnowledgeBase(contentDir),
  };
}
