// Real-world input: ~1,000 runbooks written by other teams (Hugo shortcodes, raw HTML, no
// frontmatter, odd headings), read from ../shared/corpus when it is there. opskb lint must finish
// without crashing, report per file, and say true things about them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { opskb } from '../support/cli.ts';
import { PROJECT_DIR, TODAY } from '../support/fixtures.ts';

const CORPUS = join(PROJECT_DIR, '..', 'shared', 'corpus');
const folders = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => listDocFiles(join(CORPUS, name)).length > 0) : [];

type JsonReport = { summary: { filesChecked: number; errors: number }; findings: { path: string; rule: string; message: string }[] };

function lintCorpus(folder: string): { code: number | null; report: JsonReport } {
  const run = opskb(['lint', '--type', 'runbook', '--now', TODAY, '--no-cache', '--format', 'json', join(CORPUS, folder)]);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

describe.skipIf(folders.length === 0)('opskb lint --type runbook on real runbooks (../shared/corpus)', () => {
  test.each(folders)('%s: finishes without crashing and reports per file', { timeout: 120_000 }, (folder) => {
    const { code, report } = lintCorpus(folder);
    expect(code).toBe(1);
    expect(report.summary.filesChecked).toBe(listDocFiles(join(CORPUS, folder)).length);
    expect(report.findings.some((finding) => finding.rule === 'opskb:internal')).toBe(false);
    expect(new Set(report.findings.map((finding) => finding.path)).size).toBeGreaterThan(report.summary.filesChecked / 2);
  });

  test.runIf(folders.includes('prometheus-operator-runbooks'))(
    'prometheus-operator runbooks: no owner or review frontmatter, no Verification or Escalation, Meaning accepted for Overview',
    { timeout: 120_000 },
    () => {
      const { report } = lintCorpus('prometheus-operator-runbooks');
      const runbooks = listDocFiles(join(CORPUS, 'prometheus-operator-runbooks')).filter(
        (path) => path.includes('/content/runbooks/') && !path.endsWith('_index.md'),
      );
      const about = (path: string, rule: string, start: string) =>
        report.findings.some((finding) => join(PROJECT_DIR, finding.path) === path && finding.rule === rule && finding.message.startsWith(start));
      for (const path of runbooks) {
        // Either no frontmatter at all (one finding naming the keys) or frontmatter without them.
        const noFrontmatter = report.findings.some(
          (finding) =>
            join(PROJECT_DIR, finding.path) === path &&
            finding.message.startsWith('Missing frontmatter') &&
            finding.message.includes('`owner`') &&
            finding.message.includes('`last_reviewed`'),
        );
        expect(
          noFrontmatter ||
            (about(path, 'opskb:frontmatter-schema', '`owner` is missing') && about(path, 'opskb:frontmatter-schema', '`last_reviewed` is missing')),
          path,
        ).toBe(true);
        expect(about(path, 'opskb:required-sections', 'Missing required section `## Verification`'), path).toBe(true);
        expect(about(path, 'opskb:required-sections', 'Missing required section `## Escalation`'), path).toBe(true);
        const usesMeaning = /^## Meaning\s*$/m.test(readFileSync(path, 'utf8'));
        if (usesMeaning) expect(about(path, 'opskb:required-sections', 'Missing required section `## Overview`'), path).toBe(false);
      }
      expect(runbooks.filter((path) => /^## Meaning\s*$/m.test(readFileSync(path, 'utf8'))).length).toBeGreaterThan(100);
    },
  );
});
