// A finding as every output format sees it: where, how bad, what, and which rule said so.
import { INTERNAL_RULE_ID } from './rules.ts';
export type Severity = 'error' | 'warning';

/** Another place a finding is about: the other runbook of a duplicate alert, say. */
export type RelatedLocation = { readonly path: string; readonly line: number; readonly column: number; readonly message: string };

export type Finding = {
  /** Absolute path of the file the finding is in. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly message: string;
  /** `opskb:<rule>` */
  readonly ruleId: string;
  /** The rule's reference page (a site path such as `/rules/links/`), when it has one. */
  readonly url?: string | undefined;
  readonly related?: readonly RelatedLocation[] | undefined;
  /** What a baseline matches, when the message holds parts that change day by day (see steady-keys.ts). */
  readonly key?: string | undefined;
};

export function compareFindings(a: Finding, b: Finding): number {
  return a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

export function internalFinding(path: string, message: string): Finding {
  return { path, line: 1, column: 1, severity: 'error', message, ruleId: INTERNAL_RULE_ID };
}
