// `--format json`: a stable, documented shape (see README, "JSON output"). Paths are relative to
// the working directory; `version` changes only when the shape does.
import { relative } from 'node:path';
import { countBySeverity, helpUrl, type Formatter } from './report.ts';

export const JSON_FORMAT_VERSION = 1;

export const json: Formatter = (report) => {
  const path = (absolute: string) => relative(report.cwd, absolute) || absolute;
  return JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      tool: { name: 'opskb', version: report.version },
      summary: { filesChecked: report.filesChecked, ...countBySeverity(report.findings), baselined: report.baselined },
      findings: report.findings.map((finding) => ({
        path: path(finding.path),
        line: finding.line,
        column: finding.column,
        severity: finding.severity,
        rule: finding.ruleId,
        message: finding.message,
        ...(finding.url ? { help: helpUrl(finding, report.siteUrl) } : {}),
        ...(finding.related ? { related: finding.related.map((location) => ({ ...location, path: path(location.path) })) } : {}),
      })),
    },
    null,
    2,
  );
};
