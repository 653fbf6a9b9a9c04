// Frontmatter schemas per document type. Astro's collections, the lint rules and the CLI all read these.
import { z } from 'zod';
import { dateField, durationField, enumField, idField, nonEmptyText, stringList } from './fields.ts';
import { ALERT_NAME_PATTERN } from './alert-name.ts';

export const SUMMARY_MAX_LENGTH = 200;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const DR_STRATEGIES = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;
export const GAMEDAY_OUTCOMES = ['pass', 'partial', 'fail'] as const;
/** Alert names as Prometheus accepts them (the metric-name alphabet). */
/** A doc id: a path under the content root, without extension. */
export const DOC_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)+$/i;

const summary = nonEmptyText('a one-sentence summary')
  .max(SUMMARY_MAX_LENGTH, { error: `expected a summary of at most ${SUMMARY_MAX_LENGTH} characters (one sentence)` })
  .refine((text) => !/\n/.test(text), { error: 'expected the summary on one line (one sentence)' });

const serviceList = z.array(idField, { error: 'expected a list of service ids from services.yaml' });

const baseShape = {
  title: nonEmptyText('a title'),
  summary,
  owner: idField,
  services: serviceList.optional(),
  last_reviewed: dateField,
  review_every: durationField.optional(),
  tags: stringList('tag').optional(),
};

const requiredServices = serviceList.min(1, { error: 'expected at least one service id from services.yaml' });

export const knowledgeFrontmatter = z.strictObject(baseShape);

export const runbookFrontmatter = z.strictObject({
  ...baseShape,
  services: requiredServices,
  alerts: z
    .array(
      z.string({ error: 'expected an alert name' }).regex(ALERT_NAME_PATTERN, {
        error: 'expected an alert name as Prometheus spells it, e.g. `KubePodCrashLooping` (letters, digits, `_`, `:`)',
      }),
      { error: 'expected a list of alert names' },
    )
    .optional(),
  severity: enumField('severity', SEVERITIES).optional(),
});

export const gamedaySchema = z.strictObject({
  date: dateField,
  scenario: nonEmptyText('the scenario exercised'),
  measured_rto: durationField.optional(),
  measured_rpo: durationField.optional(),
  outcome: enumField('outcome', GAMEDAY_OUTCOMES),
  notes: z.string({ error: 'expected notes as text' }).optional(),
});

export const drPlanFrontmatter = z.strictObject({
  ...baseShape,
  services: requiredServices,
  rto: durationField,
  rpo: durationField,
  strategy: enumField('strategy', DR_STRATEGIES),
  test_every: durationField.optional(),
  gamedays: z.array(gamedaySchema, { error: 'expected a list of gameday records' }).default([]),
});

export const onboardingStepSchema = z.strictObject({
  doc: z
    .string({ error: 'expected a doc id such as `knowledge/ledger-close`' })
    .regex(DOC_ID_PATTERN, { error: 'expected a doc id such as `knowledge/ledger-close` (its path under the content root, no extension)' }),
  why: nonEmptyText('why this step matters'),
});

export const onboardingFrontmatter = z.strictObject({
  ...baseShape,
  audience: nonEmptyText('the audience, e.g. "SREs joining the on-call rotation"'),
  steps: z.array(onboardingStepSchema, { error: 'expected an ordered list of steps `{doc, why}`' }).min(1, {
    error: 'expected at least one step `{doc, why}`',
  }),
});

/** The frontmatter schema of each doc type. */
export const FRONTMATTER_SCHEMAS = {
  runbook: runbookFrontmatter,
  'dr-plan': drPlanFrontmatter,
  knowledge: knowledgeFrontmatter,
  onboarding: onboardingFrontmatter,
} as const;

export type KnowledgeFrontmatter = z.output<typeof knowledgeFrontmatter>;
export type RunbookFrontmatter = z.output<typeof runbookFrontmatter>;
export type DrPlanFrontmatter = z.output<typeof drPlanFrontmatter>;
export type OnboardingFrontmatter = z.output<typeof onboardingFrontmatter>;
export type Gameday = z.output<typeof gamedaySchema>;
export type AnyFrontmatter = KnowledgeFrontmatter | RunbookFrontmatter | DrPlanFrontmatter | OnboardingFrontmatter;
