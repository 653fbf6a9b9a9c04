// Human-readable lint output: one line per finding, then a summary.
import { relative } from 'node:path';
import type { Finding } from './finding.ts';

export function formatFinding(finding: Finding, cwd: string): string {
  const path = relative(cwd, finding.path) || finding.path;
  return `${path}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${finding.ruleId}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatSummary(findings: readonly Finding[], filesChecked: number): string {
  if (findings.length === 0) return `✔ ${plural(filesChecked, 'file')} checked, no problems`;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = new Set(findings.map((finding) => finding.path)).size;
  return `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}; ${plural(filesChecked, 'file')} checked`;
}
