// Why a build failed, at the line: Astro's own error names the doc but not where in it the
// problem is. After a failed build, the build scripts list the docs' syntax and frontmatter
// errors (what stops an Astro build), each at its line and column, as `npm run lint` reports them.
import { listDocFiles } from '../kb/knowledge-base.ts';
import { lintFiles } from './engine.ts';
import type { Finding } from '../model/finding.ts';
import { formatLine } from './formats/stylish.ts';

/**
 * Rules whose errors make `astro build` fail: MDX that does not compile, frontmatter the collections
 * refuse, and MDX that would run code (the build's own gate, src/integrations/mdx-safety.ts; in a
 * `.md` doc the rule reports raw HTML, which the build leaves to the CSP).
 */
const BUILD_BREAKING_RULES = new Set(['opskb:mdx-syntax', 'opskb:frontmatter-schema', 'opskb:mdx-safety']);
const breaksBuild = (finding: Finding) =>
  finding.severity === 'error' && BUILD_BREAKING_RULES.has(finding.ruleId) && (finding.ruleId !== 'opskb:mdx-safety' || finding.path.endsWith('.mdx'));

export async function buildBreakingFindings(contentDir: string, today: string): Promise<Finding[]> {
  const { findings } = await lintFiles(listDocFiles(contentDir), { contentDir, today });
  return findings.filter(breaksBuild);
}

/** The lines to print after a failed build. */
export async function explainBuildFailure(options: { contentDir: string; cwd: string; today: string }): Promise<string[]> {
  let findings: Finding[];
  try {
    findings = await buildBreakingFindings(options.contentDir, options.today);
  } catch {
    findings = [];
  }
  if (findings.length === 0) return ['The build failed (see above). Run `npm run lint` to find the doc at fault.'];
  return [
    'The build failed. These errors in the docs stop it:',
    ...findings.map((finding) => `  ${formatLine(finding, options.cwd)}`),
    'Fix them (`npm run lint` lists every finding) and build again.',
  ];
}
