// A lint worker thread's module, started as the engine starts it and sent one batch: what it posts back.
import { Worker } from 'node:worker_threads';
import type { WorkerOutput } from '../../src/lib/lint/worker.ts';
import { TODAY } from './fixtures.ts';

export async function lintInWorker(
  code: { readonly worker: string; readonly linter: string },
  contentDir: string,
  files: readonly string[],
): Promise<WorkerOutput> {
  const worker = new Worker(new URL(code.worker), { workerData: { linterUrl: code.linter } });
  try {
    return await new Promise<WorkerOutput>((resolve, reject) => {
      worker.on('message', (message: WorkerOutput | 'ready') => {
        if (message === 'ready') worker.postMessage({ files });
        else resolve(message);
      });
      worker.once('error', reject);
      worker.postMessage({ contentDir, today: TODAY, type: undefined, facts: {} });
    });
  } finally {
    await worker.terminate();
  }
}
