// What every output format receives: the findings to show and the counts around them.
import type { Finding } from '../../model/finding.ts';

export type Report = {
  readonly findings: readonly Finding[];
  readonly filesChecked: number;
  /** Findings hidden because the baseline already knows them. */
  readonly baselined: number;
  /** Working directory: paths are shown relative to it. */
  readonly cwd: string;
  readonly version: string;
  /** Absolute URL of the knowledge-base site, for rule help links. */
  readonly siteUrl: string;
};

export type Formatter = (report: Report, options: { readonly color: boolean }) => string;

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** A rule's help URL: our reference page on the site, or the URL the rule carries (remark-lint's). */
export function helpUrl(finding: Pick<{ url?: string | undefined }, 'url'>, siteUrl: string): string | undefined {
  if (!finding.url) return undefined;
  return finding.url.startsWith('/') ? new URL(finding.url, siteUrl).href : finding.url;
}
