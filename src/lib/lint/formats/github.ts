// `--format github`: GitHub Actions workflow commands, so findings appear on the pull request diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { relative } from 'node:path';
import { formatSummary } from './stylish.ts';
import type { Formatter } from './report.ts';

const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

export const github: Formatter = (report) => {
  const lines = report.findings.map((finding) => {
    const file = (relative(report.cwd, finding.path) || finding.path).replaceAll('\\', '/');
    const properties = `file=${escapeProperty(file)},line=${finding.line},col=${finding.column},title=${escapeProperty(finding.ruleId)}`;
    return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(finding.message)}`;
  });
  return [...lines, formatSummary(report)].join('\n');
};
