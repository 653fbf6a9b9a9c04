// The synthetic knowledge base's shapes: what a generated doc is, the options, the doc mix, and the
// plans every id, owner, alert and heading is decided in before any text is written.
import type { DocType } from '../../../src/lib/model/index.ts';
import type { Component, Symptom } from './vocabulary.ts';

export type Flavour = 'mdx' | 'md';

/** The problems planted in broken docs, one per doc, each meant to produce exactly one finding. */
export const PLANTED_PROBLEMS = {
  'missing-section': { ruleId: 'opskb:required-sections', message: 'Missing required section' },
  'unknown-owner': { ruleId: 'opskb:owner-exists', message: 'Unknown owner team' },
  'broken-link': { ruleId: 'opskb:links', message: 'Broken link' },
  'overdue-review': { ruleId: 'opskb:review-freshness', message: 'Review overdue' },
  'mdx-parse-error': { ruleId: 'opskb:mdx-syntax', message: 'MDX syntax error' },
} as const;
export type PlantedProblem = keyof typeof PLANTED_PROBLEMS;

/** Broken docs take their problems in this order, round and round: parse errors are the rarest. */
export const PROBLEM_CYCLE: readonly PlantedProblem[] = [
  'missing-section',
  'unknown-owner',
  'broken-link',
  'overdue-review',
  'mdx-parse-error',
  'missing-section',
  'unknown-owner',
  'broken-link',
  'overdue-review',
];

export type SyntheticDoc = {
  readonly id: string;
  readonly type: DocType;
  readonly flavour: Flavour;
  /** Relative to the content root, with its extension. */
  readonly path: string;
  readonly problem?: PlantedProblem | undefined;
};

export type SyntheticFile = { readonly path: string; readonly content: string };

export type SyntheticKb = {
  /** The day the docs' review dates are relative to: lint with `--now <today>`. */
  readonly today: string;
  readonly seed: number;
  /** In path order. */
  readonly docs: readonly SyntheticDoc[];
  /** Registries, opskb.yaml and docs, paths relative to the content root, in path order. */
  readonly files: readonly SyntheticFile[];
  /** UTF-8 bytes of all files. */
  readonly totalBytes: number;
};

export type SyntheticKbOptions = {
  readonly docs: number;
  readonly seed?: number | undefined;
  readonly today?: string | undefined;
  /** Share of docs with a planted problem (default 0.05). */
  readonly brokenShare?: number | undefined;
  /** Share of `.mdx` docs; the others are `.md` (default 0.7). */
  readonly mdxShare?: number | undefined;
};

export const SYNTHETIC_DEFAULTS = { seed: 20261126, today: '2026-11-26', brokenShare: 0.05, mdxShare: 0.7 } as const;
export const MIN_SYNTHETIC_DOCS = 10;

/** How many docs of each type N docs hold: a few onboarding paths, ~5% DR plans, ~18% knowledge, the rest runbooks. */
export function docMix(total: number): Record<DocType, number> {
  const onboarding = Math.max(1, Math.round(total * 0.005));
  const drPlans = Math.max(1, Math.round(total * 0.05));
  const knowledge = Math.max(1, Math.round(total * 0.18));
  return { runbook: total - onboarding - drPlans - knowledge, 'dr-plan': drPlans, knowledge, onboarding };
}

// ---------------------------------------------------------------------------------------------
// Planning: every id, owner, alert and heading is decided before any text is written, so links
// and onboarding steps point at what exists.

export type TeamPlan = { readonly id: string; readonly name: string };
export type ServicePlan = {
  readonly id: string;
  readonly name: string;
  readonly component: Component;
  readonly namespace: string;
  readonly owner: TeamPlan;
  readonly tier: number;
  readonly dependsOn: readonly string[];
};

export type DocDraft = Omit<DocPlan, 'flavour' | 'path' | 'problem'>;

export type DocPlan = SyntheticDoc & {
  readonly title: string;
  readonly owner: TeamPlan;
  readonly service: ServicePlan;
  /** Anchor slugs other docs may link to. */
  readonly anchors: readonly string[];
  readonly symptom?: Symptom | undefined;
  readonly alerts: readonly string[];
  /** Runbook section titles, in order (aliases included). */
  readonly sections: readonly string[];
};

export const RUNBOOK_SECTIONS = [
  ['Overview', 'Overview', 'Overview', 'Summary', 'Meaning'],
  ['Impact'],
  ['Diagnosis', 'Diagnosis', 'Diagnosis', 'Investigation', 'Troubleshooting'],
  ['Mitigation', 'Mitigation', 'Mitigation', 'Remediation', 'Resolution'],
  ['Verification', 'Verification', 'Validation'],
  ['Escalation', 'Escalation', 'Escalation', 'Contacts'],
] as const;
export const DR_SECTIONS = ['Scope', 'Dependencies', 'Backups', 'Recovery procedure', 'Verification', 'Communication'] as const;

export const pascal = (id: string) =>
  id
    .split('-')
    .map((part) => (part[0] ?? '').toUpperCase() + part.slice(1))
    .join('');
export const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
export const capitalise = (text: string) => (text[0] ?? '').toUpperCase() + text.slice(1);

/** `YYYY-MM-DD`, `days` before `today`. */
export function daysBefore(today: string, days: number): string {
  const time = Date.parse(`${today}T00:00:00Z`) - days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** A YAML scalar: plain when that is safe, double-quoted (JSON is valid YAML) otherwise. */
export function yamlString(text: string): string {
  return /^[A-Za-z0-9][^:#[\]{},&*!|>'"%@`]*$/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}
