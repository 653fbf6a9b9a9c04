// `--format sarif`: SARIF 2.1.0 for code scanning, with rule metadata and help URIs.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRuleDoc } from '../../markdown/rule-docs.ts';
import { helpUrl, type Formatter } from './report.ts';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function describe(ruleId: string): string | undefined {
  if (!ruleId.startsWith('opskb:')) return undefined;
  try {
    return readRuleDoc(ruleId.slice('opskb:'.length)).summary;
  } catch {
    return undefined;
  }
}

export const sarif: Formatter = (report) => {
  // A URI reference: each path segment percent-encoded (`disk full.md` → `disk%20full.md`).
  const uri = (absolute: string) => (relative(report.cwd, absolute) || absolute).replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const sample = report.findings.find((finding) => finding.ruleId === id);
    const help = sample ? helpUrl(sample, report.siteUrl) : undefined;
    const summary = describe(id);
    return {
      id,
      name: id.replace(/^[a-z-]+:/, ''),
      ...(summary ? { shortDescription: { text: summary } } : {}),
      ...(help ? { helpUri: help } : {}),
    };
  });
  const location = (path: string, line: number, column: number) => ({
    physicalLocation: { artifactLocation: { uri: uri(path), uriBaseId: '%SRCROOT%' }, region: { startLine: line, startColumn: column } },
  });
  return JSON.stringify(
    {
      $schema: SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'opskb', version: report.version, informationUri: new URL('/rules/', report.siteUrl).href, rules } },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd.replace(/[\\/]?$/, '/')).href } },
          results: report.findings.map((finding) => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIds.indexOf(finding.ruleId),
            level: finding.severity === 'error' ? 'error' : 'warning',
            message: { text: finding.message },
            locations: [location(finding.path, finding.line, finding.column)],
            ...(finding.related
              ? {
                  relatedLocations: finding.related.map((related, index) => ({
                    id: index,
                    ...location(related.path, related.line, related.column),
                    message: { text: related.message },
                  })),
                }
              : {}),
          })),
        },
      ],
    },
    null,
    2,
  );
};
