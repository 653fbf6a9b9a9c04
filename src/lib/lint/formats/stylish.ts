// Default output: `path:line:column  severity  message  rule`, one line per finding, then a summary.
// Colour only on a terminal (and never with NO_COLOR).
import { relative } from 'node:path';
import { styleText } from 'node:util';
import type { Finding } from '../../model/finding.ts';
import { countBySeverity, type Formatter, type Report } from './report.ts';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatLine(finding: Finding, cwd: string, color = false): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const path = relative(cwd, finding.path) || finding.path;
  const severity = paint(finding.severity === 'error' ? 'red' : 'yellow', finding.severity);
  return `${path}:${finding.line}:${finding.column}  ${severity}  ${finding.message}  ${paint('dim', finding.ruleId)}`;
}

export function formatSummary(report: Pick<Report, 'findings' | 'filesChecked' | 'baselined'>): string {
  const { findings, filesChecked, baselined } = report;
  const hidden = baselined > 0 ? `; ${plural(baselined, 'known finding')} hidden by the baseline` : '';
  if (findings.length === 0) return `✔ ${plural(filesChecked, 'file')} checked, no problems${hidden}`;
  const { errors, warnings } = countBySeverity(findings);
  const files = new Set(findings.map((finding) => finding.path)).size;
  return `✖ ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}; ${plural(filesChecked, 'file')} checked${hidden}`;
}

export const stylish: Formatter = (report, { color }) =>
  [...report.findings.map((finding) => formatLine(finding, report.cwd, color)), formatSummary(report)].join('\n');
