// Lints files with the opskb preset: one knowledge-base index and one processor per run, each file
// on its own, so a file that breaks anything never stops the others from being checked.
import { readFile } from 'node:fs/promises';
import { unified } from 'unified';
import { VFile } from 'vfile';
import opskbPreset, { ruleConfigProblems } from '../../../lint-rules/index.ts';
import { loadKnowledgeBase } from '../kb/knowledge-base.ts';
import type { DocType } from '../model/index.ts';
import { VFileMessage } from 'vfile-message';
import { compareFindings, type Finding, type RelatedLocation } from './finding.ts';
import type { LintSettings } from './settings.ts';

export type LintOptions = {
  readonly contentDir: string;
  readonly today: string;
  readonly type?: DocType | undefined;
};

export type LintResult = {
  readonly findings: readonly Finding[];
  readonly filesChecked: number;
  /** opskb itself failed somewhere (a bug, or an unreadable file): exit code 2. */
  readonly internalFailure: boolean;
};

export const INTERNAL_RULE_ID = 'opskb:internal';

export async function lintFiles(paths: readonly string[], options: LintOptions): Promise<LintResult> {
  const kb = loadKnowledgeBase(options.contentDir);
  const settings: LintSettings = { contentDir: options.contentDir, today: options.today, type: options.type, kb };
  const processor = unified().use(opskbPreset, settings).freeze();
  const findings: Finding[] = [...kb.registries.problems, ...kb.config.problems, ...ruleConfigProblems(settings)];
  let internalFailure = false;

  for (const path of paths) {
    let value: string;
    try {
      value = await readFile(path, 'utf8');
    } catch (error) {
      internalFailure = true;
      findings.push(internal(path, `Cannot read the file: ${(error as Error).message}`));
      continue;
    }
    const file = new VFile({ path, value });
    try {
      await processor.run(processor.parse(file), file);
    } catch (error) {
      internalFailure = true;
      findings.push(internal(path, `opskb failed on this file (a bug: please report it with the file): ${(error as Error).message}`));
    }
    for (const message of file.messages) {
      findings.push({
        path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity: message.fatal ? 'error' : 'warning',
        message: message.reason,
        ruleId: message.source && message.ruleId ? `${message.source}:${message.ruleId}` : (message.ruleId ?? message.source ?? 'unknown'),
        url: message.url,
        related: relatedOf(message, path),
      });
    }
  }
  return { findings: findings.sort(compareFindings), filesChecked: paths.length, internalFailure };
}

function relatedOf(message: VFileMessage, path: string): RelatedLocation[] | undefined {
  const cause = message.cause;
  if (!(cause instanceof VFileMessage)) return undefined;
  return [{ path: cause.file || path, line: cause.line ?? 1, column: cause.column ?? 1, message: cause.reason }];
}

function internal(path: string, message: string): Finding {
  return { path, line: 1, column: 1, severity: 'error', message, ruleId: INTERNAL_RULE_ID };
}
