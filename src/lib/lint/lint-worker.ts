// A worker thread of the lint engine: builds the same knowledge-base index from the facts the main
// thread read, lints its share of the files and posts the findings back.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { DocFacts } from '../kb/doc-facts.ts';
import { loadKnowledgeBase, readFacts } from '../kb/knowledge-base.ts';
import type { DocType } from '../model/index.ts';
import { internalFinding, type Finding } from './finding.ts';
import { installFastTraversal } from './traversal/install.ts';

export type WorkerInput = {
  readonly contentDir: string;
  readonly today: string;
  readonly type: DocType | undefined;
  readonly facts: Record<string, DocFacts>;
  readonly files: readonly string[];
};
export type WorkerOutput = { readonly results: { path: string; findings: Finding[] }[]; readonly internalFailure: boolean };

// Started early by the engine: the rules load while the main thread indexes the knowledge base,
// and the work arrives as one message.
installFastTraversal();
const loading = import('./linter.ts');

parentPort?.once('message', async (input: WorkerInput) => {
  const { createLinter } = await loading;
  const kb = loadKnowledgeBase(input.contentDir, (path) => input.facts[path] ?? readFacts(path));
  const linter = createLinter({ contentDir: input.contentDir, today: input.today, type: input.type, kb });
  const results: WorkerOutput['results'] = [];
  let internalFailure = false;
  for (const path of input.files) {
    let value: string;
    try {
      value = readFileSync(path, 'utf8');
    } catch (error) {
      internalFailure = true;
      results.push({ path, findings: [internalFinding(path, `Cannot read the file: ${(error as Error).message}`)] });
      continue;
    }
    const result = await linter.lintText(path, value);
    internalFailure ||= result.internalFailure;
    results.push({ path, findings: result.findings });
  }
  parentPort?.postMessage({ results, internalFailure } satisfies WorkerOutput);
});
