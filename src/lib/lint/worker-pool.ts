// The lint engine's worker threads: how many a run gets, the batches they take from one queue, and
// a worker that starts loading its modules before its work is known.
import { Worker } from 'node:worker_threads';
import type { WorkerBatch, WorkerOutput, WorkerSetup } from './worker.ts';

/**
 * Files per worker thread; workers start from twice this many files. A worker costs about as
 * much to start as linting this many files: with `opskb lint` on the synthetic docs, one worker
 * made 600 files slower (2.0 s against 1.4–1.7 s alone), 1,000 files as fast, 2,000 faster.
 */
const FILES_PER_WORKER = 600;
/**
 * Files sent to a thread at a time, at most: few messages. Batches shrink towards the end of the
 * queue, so that the threads finish together: a worker holds two batches, and the last of 25
 * files each kept the other thread waiting for up to a few tenths of a second.
 */
const BATCH_SIZE = 25;
/** The last batches hold about this share of what is left per thread, and at least two files. */
const TAIL_SHARE = 4;
const SMALLEST_BATCH = 2;
/**
 * A worker's heap. The young generation is fixed: on 2,000 docs, 16 MB was the slowest, and 32,
 * 64 and 128 MB were within this machine's noise of each other while peak RSS grew with them.
 * The old generation holds the rules, the knowledge-base index and one file's tree at a time
 * (about 25 MB for 2,000 docs); capping it well above that makes V8 collect before the heap grows
 * to several times what is live (peak RSS went from about 540 MB to 340 MB). A worker that runs
 * out anyway hands its batches back and the main thread lints them.
 */
const YOUNG_GENERATION_MB = 32;
/**
 * A worker's stack, where the parser's native code also runs: Node's default of 4 MB is half the
 * main thread's, and 4,000-odd nested brackets overflowed it (the parser refuses more than 1,000).
 */
const WORKER_STACK_MB = 16;
export function oldGenerationMb(docs: number): number {
  return 128 + Math.ceil(docs / 1000) * 16;
}

/**
 * Worker threads for a cold run of `files` files, besides the main thread, which lints too: none
 * below two threads' worth, else up to one per core but the main thread's.
 */
export function workersFor(files: number, cores: number): number {
  const useful = Math.floor(files / FILES_PER_WORKER);
  return cores > 1 && useful >= 2 ? Math.min(cores, useful) - 1 : 0;
}

/** A worker that starts loading its modules now and receives its work later (or is dismissed). */
export class PendingWorker {
  private readonly worker: Worker;

  constructor(heapMb: number, code: { readonly linter: string; readonly worker: string }) {
    this.worker = new Worker(new URL(code.worker), {
      workerData: { linterUrl: code.linter },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb, stackSizeMb: WORKER_STACK_MB },
    });
  }

  /**
   * Lints batches taken from `queue` until it is empty, with two batches in flight, so that the
   * worker never waits for the main thread (busy linting its own batches) to send the next one.
   * A worker that fails (out of memory, a crash) puts its batches back and stops: the files are
   * linted elsewhere, never lost.
   */
  run(setup: WorkerSetup, queue: string[][]): Promise<WorkerOutput> {
    const results: WorkerOutput['results'] = [];
    let internalFailure = false;
    const inFlight: string[][] = [];
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        queue.unshift(...inFlight.splice(0));
        resolve({ results, internalFailure });
        void this.worker.terminate();
      };
      const send = () => {
        const batch = queue.shift();
        if (!batch) return;
        inFlight.push(batch);
        this.worker.postMessage({ files: batch } satisfies WorkerBatch);
      };
      this.worker.on('message', (message: WorkerOutput | 'ready') => {
        if (message === 'ready') {
          send();
        } else {
          inFlight.shift();
          results.push(...message.results);
          internalFailure ||= message.internalFailure;
        }
        send();
        if (inFlight.length === 0) finish();
      });
      this.worker.once('error', finish);
      this.worker.once('exit', finish);
      this.worker.postMessage(setup);
    });
  }

  dismiss(): void {
    void this.worker.terminate();
  }
}

/** The batches of `files` for `threads` threads, in order: full ones, then ever smaller ones. */
export function batchesOf(files: readonly string[], threads: number): string[][] {
  const queue: string[][] = [];
  for (let start = 0; start < files.length;) {
    const left = files.length - start;
    const size = Math.min(BATCH_SIZE, Math.max(SMALLEST_BATCH, Math.ceil(left / (threads * TAIL_SHARE))));
    queue.push(files.slice(start, start + size));
    start += size;
  }
  return queue;
}
