// A worker thread of the lint engine: builds the same knowledge-base index from the facts the main
// thread read, then lints the batches of files it is sent, one at a time, posting each batch's
// findings back (the engine sends the next batch to whichever worker is free).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { DocFacts } from '../kb/doc-facts.ts';
import { loadKnowledgeBase, readFacts } from '../kb/knowledge-base.ts';
import type { DocType } from '../model/index.ts';
import { internalFinding, type Finding } from './finding.ts';
import type { FileResult } from './linter.ts';
import { importLinter, SOURCE_URLS } from '../code-bundle.ts';
import { installFastTraversal } from './traversal/install.ts';

export type WorkerSetup = {
  readonly contentDir: string;
  readonly today: string;
  readonly type: DocType | undefined;
  readonly facts: Record<string, DocFacts>;
};
export type WorkerBatch = { readonly files: readonly string[] };
export type WorkerOutput = { readonly results: { path: string; findings: Finding[] }[]; readonly internalFailure: boolean };

// Started early by the engine: the rules load while the main thread indexes the knowledge base,
// from the build of the linter the engine chose (code-bundle.ts).
installFastTraversal();
const { linterUrl } = (workerData ?? {}) as { linterUrl?: string };
const loading = importLinter(linterUrl ?? SOURCE_URLS.linter);

parentPort?.once('message', async (setup: WorkerSetup) => {
  const { createLinter } = await loading;
  const kb = loadKnowledgeBase(setup.contentDir, (path) => setup.facts[path] ?? readFacts(path));
  const linter = createLinter({ contentDir: setup.contentDir, today: setup.today, type: setup.type, kb });
  const lint = async (path: string): Promise<FileResult> => {
    let value: string;
    try {
      value = readFileSync(path, 'utf8');
    } catch (error) {
      return { findings: [internalFinding(path, `Cannot read the file: ${(error as Error).message}`)], internalFailure: true };
    }
    return linter.lintText(path, value);
  };
  parentPort?.on('message', async ({ files }: WorkerBatch) => {
    const results: WorkerOutput['results'] = [];
    let internalFailure = false;
    for (const path of files) {
      const result = await lint(path);
      internalFailure ||= result.internalFailure;
      results.push({ path, findings: result.findings });
    }
    parentPort?.postMessage({ results, internalFailure } satisfies WorkerOutput);
  });
  parentPort?.postMessage('ready');
});
