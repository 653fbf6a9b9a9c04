// A worker thread of the lint engine: builds the same knowledge-base index from the facts the main
// thread read, then lints the batches of files it is sent, one at a time, posting each batch's
// findings back (the engine sends the next batch to whichever worker is free). It reads files with
// the main thread's reader (source.ts), so a file gives the same findings wherever it is linted.
import { parentPort, workerData } from 'node:worker_threads';
import type { DocFacts } from '../kb/doc-facts.ts';
import { loadKnowledgeBase, readFacts } from '../kb/knowledge-base.ts';
import { internalFinding, type DocType, type Finding } from '../model/index.ts';
import type { FileResult, LinterModule } from './linter.ts';
import { readSource } from '../kb/doc-source.ts';
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
// from the build of the linter the engine was given (the sources when it will not load).
installFastTraversal();
const SOURCE_LINTER = new URL('./linter.ts', import.meta.url).href;
const { linterUrl = SOURCE_LINTER } = (workerData ?? {}) as { linterUrl?: string };
const fromSource = () => import(SOURCE_LINTER) as Promise<LinterModule>;
const loading = linterUrl === SOURCE_LINTER ? fromSource() : (import(linterUrl) as Promise<LinterModule>).catch(fromSource);

parentPort?.once('message', async (setup: WorkerSetup) => {
  const { createLinter } = await loading;
  const kb = loadKnowledgeBase(setup.contentDir, (path) => setup.facts[path] ?? readFacts(path));
  const linter = createLinter({ contentDir: setup.contentDir, today: setup.today, type: setup.type, kb });
  const lint = async (path: string): Promise<FileResult> => {
    const { text, problem, encoding } = readSource(path);
    if (text === undefined) return { findings: [internalFinding(path, problem ?? 'Cannot read the file.')], internalFailure: true };
    return linter.lintText(path, text, encoding);
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
