// Paths to the test fixtures and a helper that lints one fixture with the real engine.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFiles } from '../../src/lib/lint/engine.ts';
import type { Finding } from '../../src/lib/model/finding.ts';
import type { DocType } from '../../src/lib/model/index.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** A small, valid knowledge base with every doc type. */
export const FIXTURE_KB = join(FIXTURES_DIR, 'kb');
export const RULE_FIXTURES = join(FIXTURES_DIR, 'rules');
export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** "Today" in every test: results never depend on the clock. */
export const TODAY = '2026-11-26';

export async function lintFixture(path: string, options: { type?: DocType; today?: string; contentDir?: string } = {}): Promise<Finding[]> {
  const result = await lintFiles([join(RULE_FIXTURES, path)], {
    contentDir: options.contentDir ?? FIXTURE_KB,
    today: options.today ?? TODAY,
    type: options.type ?? 'runbook',
  });
  return [...result.findings];
}

/** `line:column message` for the findings of one rule, in order. */
export function linesOf(findings: readonly Finding[], ruleId: string): string[] {
  return findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
}
