// The lint engine: one knowledge-base index per run, each file on its own (a file that breaks
// anything never stops the others), a content-hash cache, and worker threads for large runs.
// The rules, the parser and the registries are loaded only when something has to be linted.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { DocFacts } from '../kb/doc-facts.ts';
import { extractDocFacts } from '../kb/doc-facts.ts';
import { listDocFiles, listOtherFiles, loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.ts';
import { SHARED_FILES, type DocType } from '../model/index.ts';
import { codeFingerprint, hashText, readCache, writeCache, CACHE_VERSION, type CacheData, type CacheEntry } from './cache.ts';
import { compareFindings, internalFinding, INTERNAL_RULE_ID, type Finding } from './finding.ts';
import type { WorkerBatch, WorkerOutput, WorkerSetup } from './lint-worker.ts';
import { codeUrls, importLinter, type CodeUrls, type LinterModule } from '../code-bundle.ts';
import type { LintSettings } from './settings.ts';
import { installFastTraversal } from './traversal/install.ts';

export { INTERNAL_RULE_ID } from './finding.ts';

export type LintOptions = {
  readonly contentDir: string;
  readonly today: string;
  readonly type?: DocType | undefined;
  /** Cache file; no cache when absent. */
  readonly cacheFile?: string | undefined;
  /** Worker threads that lint beside the main thread (0: it lints alone); default: one per core but one for large runs. */
  readonly workers?: number | undefined;
  /** Old-generation limit of each worker's heap, in MB; default: scaled to the number of docs. */
  readonly workerHeapMb?: number | undefined;
};

export type LintResult = {
  readonly findings: readonly Finding[];
  readonly filesChecked: number;
  /** Files whose findings came from the cache. */
  readonly fromCache: number;
  /** opskb itself failed somewhere (a bug, or an unreadable file): exit code 2. */
  readonly internalFailure: boolean;
};

/**
 * No pretenuring in the lint process (V8 flags are process-wide, so the workers get it too). V8
 * moves objects from allocation sites whose objects tend to survive (a tree lives as long as its
 * file's lint) straight to the old generation; they die there soon after, and until a full
 * collection they keep what they point to alive through every young collection. With micromark
 * as the parser, `npm run bench:lint`'s cold run peaked at 418 MB with it and 324 MB without;
 * with Sätteri, peak RSS was 240–300 MB without it and 260–325 MB with it, at the same speed.
 * Skipped with `OPSKB_KEEP_PRETENURING=1`.
 */
if (!process.env['OPSKB_KEEP_PRETENURING']) setFlagsFromString('--no-allocation-site-pretenuring');

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
function oldGenerationMb(docs: number): number {
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

type Source = { path: string; text: string | undefined; hash: string | undefined; problem?: string | undefined };

/** Why a file cannot be read, and what to do about it. */
function readProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ELOOP':
      return 'Cannot read the file: it is a symbolic link that leads back to itself. Point it at a real file or remove it.';
    case 'EACCES':
    case 'EPERM':
      return 'Cannot read the file: permission denied. Make it readable (chmod a+r).';
    case 'EISDIR':
      return 'Cannot read the file: it is a folder.';
    default:
      return `Cannot read the file (${error.code ?? error.message}).`;
  }
}

function readSource(path: string): Source {
  try {
    const read = readFileSync(path, 'utf8');
    // A byte order mark is invisible in editors: columns and offsets count from the first character after it.
    const unmarked = read.charCodeAt(0) === 0xfeff ? read.slice(1) : read;
    // Old Mac line endings (a lone CR) become LF: the same length, so offsets hold, and every
    // reader of the text (directives, frontmatter, facts) then sees the lines the parser sees.
    const text = unmarked.includes('\r') ? unmarked.replace(/\r(?!\n)/g, '\n') : unmarked;
    return { path, text, hash: hashText(read) };
  } catch (error) {
    return { path, text: undefined, hash: undefined, problem: readProblem(error as NodeJS.ErrnoException) };
  }
}

function runKey(kb: KnowledgeBase, options: LintOptions, fingerprint: string): string {
  const sharedTexts = SHARED_FILES.map((file) => {
    try {
      return readFileSync(join(kb.contentDir, file), 'utf8');
    } catch {
      return '';
    }
  });
  const index = [...kb.docs.values()].map((doc) => [doc.id, doc.type, doc.alerts, doc.headings.map((heading) => heading.slug)]);
  // Links to images and attachments are checked: adding or removing one changes findings.
  const others = listOtherFiles(kb.contentDir).map((path) => relative(kb.contentDir, path));
  return hashText(JSON.stringify([CACHE_VERSION, fingerprint, options.contentDir, options.today, options.type ?? null, sharedTexts, index, others]));
}

/** A worker that starts loading its modules now and receives its work later (or is dismissed). */
class PendingWorker {
  private readonly worker: Worker;

  constructor(heapMb: number, code: CodeUrls) {
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

function loadLinter(url: string): Promise<LinterModule> {
  installFastTraversal();
  return importLinter(url);
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

/** Lets the workers' messages in between two files the main thread lints. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function lintFiles(paths: readonly string[], options: LintOptions): Promise<LintResult> {
  const cache = options.cacheFile ? readCache(options.cacheFile) : undefined;
  // A cold run of many files will need workers: start them now, so that loading their modules
  // overlaps with reading and indexing the knowledge base here.
  const cores = availableParallelism();
  const expectWorkers = cache === undefined ? workersFor(paths.length, cores) : 0;
  const heapMb = options.workerHeapMb ?? oldGenerationMb(paths.length);
  // opskb's code and packages: part of the run key, and which build of the linter to load.
  const fingerprint = codeFingerprint();
  let code: Promise<CodeUrls> | undefined;
  const codeBuild = () => (code ??= codeUrls(fingerprint));
  const early: PendingWorker[] = [];
  for (let count = options.workers ?? expectWorkers; count > 0; count -= 1) early.push(new PendingWorker(heapMb, await codeBuild()));

  const sources = new Map<string, Source>();
  const source = (path: string) => {
    let found = sources.get(path);
    if (!found) {
      found = readSource(path);
      sources.set(path, found);
    }
    return found;
  };

  // Facts of every doc of the knowledge base, from the cache when the content is unchanged.
  const kbFiles = listDocFiles(options.contentDir);
  const facts: Record<string, DocFacts> = {};
  for (const path of kbFiles) {
    const { text, hash } = source(path);
    const cached = cache?.files[path];
    facts[path] = cached?.facts && cached.hash === hash ? cached.facts : extractDocFacts(text ?? '');
  }
  const kb = loadKnowledgeBase(options.contentDir, (path) => facts[path] ?? extractDocFacts(source(path).text ?? ''), kbFiles);
  const settings: LintSettings = { contentDir: options.contentDir, today: options.today, type: options.type, kb };
  const key = runKey(kb, options, fingerprint);
  const sameKey = cache?.runKey === key;

  const perFile = new Map<string, Finding[]>();
  let internalFailure = false;
  let fromCache = 0;
  const toLint: string[] = [];
  for (const path of paths) {
    const { text, hash, problem } = source(path);
    const cached = sameKey ? cache?.files[path] : undefined;
    if (text === undefined) {
      internalFailure = true;
      perFile.set(path, [internalFinding(path, problem ?? 'Cannot read the file.')]);
    } else if (cached?.findings && cached.hash === hash) {
      perFile.set(path, [...cached.findings]);
      fromCache += 1;
    } else {
      toLint.push(path);
    }
  }

  const wanted = toLint.length === 0 ? 0 : (options.workers ?? workersFor(toLint.length, cores));
  const pool = early.slice(0, wanted);
  for (const extra of early.slice(wanted)) extra.dismiss();
  while (pool.length < wanted) pool.push(new PendingWorker(heapMb, await codeBuild()));
  // The workers take batches from the queue while this thread works out the findings shared by
  // the whole run, then this thread takes batches too. What is left in the queue once every
  // worker has stopped (a failed worker's batches) is linted here as well.
  const queue = batchesOf(toLint, pool.length + 1);
  const setup: WorkerSetup = { contentDir: options.contentDir, today: options.today, type: options.type, facts };
  const working = Promise.all(pool.map((worker) => worker.run(setup, queue)));

  // Registry and opskb.yaml findings depend only on the run key: reuse them when it is unchanged.
  let shared = sameKey ? cache?.shared : undefined;
  const rules = shared === undefined || toLint.length > 0 ? await loadLinter((await codeBuild()).linter) : undefined;
  shared ??= [...kb.registries.problems, ...kb.config.problems, ...(rules?.ruleConfigProblems(settings) ?? [])];
  const linter = toLint.length > 0 ? rules?.createLinter(settings) : undefined;
  const lintHere = async () => {
    for (let batch = queue.shift(); batch && linter; batch = queue.shift()) {
      for (const path of batch) {
        const result = await linter.lintText(path, source(path).text ?? '');
        internalFailure ||= result.internalFailure;
        perFile.set(path, result.findings);
        if (pool.length > 0) await yieldToEvents();
      }
    }
  };
  await lintHere();
  for (const output of await working) {
    internalFailure ||= output.internalFailure;
    for (const { path, findings: found } of output.results) perFile.set(path, found);
  }
  await lintHere();

  const findings: Finding[] = [...shared];
  for (const found of perFile.values()) findings.push(...found);
  const changed = !sameKey || toLint.length > 0 || kbFiles.some((path) => cache?.files[path]?.hash !== sources.get(path)?.hash);
  if (options.cacheFile && changed) saveCache(options.cacheFile, cache, key, shared, sources, facts, perFile);
  return { findings: findings.sort(compareFindings), filesChecked: paths.length, fromCache, internalFailure };
}

function saveCache(
  cacheFile: string,
  previous: CacheData | undefined,
  key: string,
  shared: readonly Finding[],
  sources: ReadonlyMap<string, Source>,
  facts: Readonly<Record<string, DocFacts>>,
  perFile: ReadonlyMap<string, Finding[]>,
): void {
  const files: Record<string, CacheEntry> = {};
  for (const [path, { hash }] of sources) {
    if (hash === undefined) continue;
    const reused = previous?.runKey === key && previous.files[path]?.hash === hash ? previous.files[path]?.findings : undefined;
    const fileFindings = perFile.get(path) ?? reused;
    const entry: CacheEntry = { hash, ...(facts[path] ? { facts: facts[path] } : {}) };
    files[path] = fileFindings && !fileFindings.some((finding) => finding.ruleId === INTERNAL_RULE_ID) ? { ...entry, findings: fileFindings } : entry;
  }
  try {
    writeCache(cacheFile, { version: CACHE_VERSION, runKey: key, shared, files });
  } catch {
    // A cache that cannot be written only costs speed next time.
  }
}
