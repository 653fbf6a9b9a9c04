// Lints one file's text with the opskb preset: the unit of work of the engine and of its workers.
import { unified } from 'unified';
import type { EncodingProblem } from '../kb/doc-source.ts';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import opskbPreset from '../../../lint-rules/index.ts';

import { ruleConfigProblems } from '../../../lint-rules/index.ts';

export { ruleConfigProblems };
import { internalFinding, type Finding, type RelatedLocation } from '../model/finding.ts';
import type { LintSettings } from './settings.ts';
import { declareReadOnly } from './traversal/visit-parents.ts';
import { recordedSecrets, redactSecrets } from '../text/secrets.ts';
import { steadyKey } from './steady-keys.ts';

export type FileResult = { readonly findings: Finding[]; readonly internalFailure: boolean };

/** What the engine and its workers load from a build of the linter (the sources, or the command line's bundle). */
export type LinterModule = { readonly createLinter: typeof createLinter; readonly ruleConfigProblems: typeof ruleConfigProblems };

export function createLinter(settings: LintSettings) {
  const processor = unified().use(opskbPreset, settings).freeze();
  return {
    /** Lints `value`, the text of the file at `path`; `encoding` says where its bytes stopped being UTF-8. */
    async lintText(path: string, value: string, encoding?: EncodingProblem): Promise<FileResult> {
      const file = new VFile({ path, value });
      if (encoding) file.data.opskbEncoding = encoding;
      const findings: Finding[] = [];
      let internalFailure = false;
      // remark-lint's rules create messages (Errors) they may never report, as causes: without
      // a stack to capture, each costs a fraction. Findings carry positions, never stacks.
      const stackTraceLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        const tree = processor.parse(file);
        // The rules only read the tree: their walks can share one flat list of its nodes.
        declareReadOnly(tree);
        await processor.run(tree, file);
      } catch (error) {
        internalFailure = true;
        findings.push(internalFinding(path, `opskb failed on this file (a bug: please report it with the file): ${(error as Error).message}`));
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
      }
      // Other rules quote what they find wrong (a link, an owner, a key): never a secret.
      const secrets = recordedSecrets(file);
      for (const message of file.messages) {
        const ruleId = message.source && message.ruleId ? `${message.source}:${message.ruleId}` : (message.ruleId ?? message.source ?? 'unknown');
        const reason = redactSecrets(message.reason, secrets);
        const key = steadyKey(ruleId, reason);
        findings.push({
          path,
          line: message.line ?? 1,
          column: message.column ?? 1,
          severity: message.fatal ? 'error' : 'warning',
          message: reason,
          ruleId,
          url: message.url,
          related: relatedOf(message, path, secrets),
          ...(key === reason ? {} : { key }),
        });
      }
      return { findings, internalFailure };
    },
  };
}

function relatedOf(message: VFileMessage, path: string, secrets: readonly string[]): RelatedLocation[] | undefined {
  const cause = message.cause;
  if (!(cause instanceof VFileMessage)) return undefined;
  return [{ path: cause.file || path, line: cause.line ?? 1, column: cause.column ?? 1, message: redactSecrets(cause.reason, secrets) }];
}
