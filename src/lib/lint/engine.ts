// The lint engine: one knowledge-base index per run, each file on its own (a file that breaks
// anything never stops the others), a content-hash cache, and worker threads for large runs
// (worker-pool.ts). The rules, the parser and the registries are loaded only when something has to
// be linted, from the build of the linter the caller names (the command line's bundle), else from
// the sources.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { DocFacts } from '../kb/doc-facts.ts';
import { extractDocFacts } from '../kb/doc-facts.ts';
import { listDocFiles, listOtherFiles, loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.ts';
import { compareFindings, internalFinding, INTERNAL_RULE_ID, SHARED_FILES, type DocType, type Finding } from '../model/index.ts';
import { hashText, readCache, sourceFingerprint, writeCache, CACHE_VERSION, type CacheData, type CacheEntry } from './cache.ts';
import type { LinterModule } from './linter.ts';
import type { LintSettings } from './settings.ts';
import { readSource, type Source } from '../kb/doc-source.ts';
import { installFastTraversal } from './traversal/install.ts';
import { batchesOf, oldGenerationMb, PendingWorker, workersFor } from './worker-pool.ts';
import type { WorkerSetup } from './worker.ts';

/** Which build of opskb's linter a run loads: module URLs, and the fingerprint of that code (part of the cache's run key). */
export type LintCode = { readonly linter: string; readonly worker: string; readonly fingerprint?: string | undefined };

/** The sources of the linter and of a worker thread's module. */
export const SOURCE_LINT_CODE: LintCode = {
  linter: new URL('./linter.ts', import.meta.url).href,
  worker: new URL('./worker.ts', import.meta.url).href,
};

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
  /** The linter to run; default: the sources (SOURCE_LINT_CODE). */
  readonly code?: LintCode | undefined;
};

export type LintResult = {
  readonly findings: readonly Finding[];
  readonly filesChecked: number;
  /** Files whose findings came from the cache. */
  readonly fromCache: number;
  /** opskb itself failed somewhere (a bug, or an unreadable file): exit code 2. */
  readonly internalFailure: boolean;
};

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

/** The linter module at `url`; the sources' when it will not load (a bundle deleted meanwhile by a run of other code). */
async function loadLinter(url: string): Promise<LinterModule> {
  installFastTraversal();
  const fromSource = () => import(SOURCE_LINT_CODE.linter) as Promise<LinterModule>;
  return url === SOURCE_LINT_CODE.linter ? fromSource() : (import(url) as Promise<LinterModule>).catch(fromSource);
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
  const code = options.code ?? SOURCE_LINT_CODE;
  const early: PendingWorker[] = [];
  for (let count = options.workers ?? expectWorkers; count > 0; count -= 1) early.push(new PendingWorker(heapMb, code));

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
  // opskb's code is part of the run key: its fingerprint when the caller has one, else the sources' (only with a cache).
  const key = cache === undefined && !options.cacheFile ? '' : runKey(kb, options, code.fingerprint ?? sourceFingerprint());
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
  while (pool.length < wanted) pool.push(new PendingWorker(heapMb, code));
  // The workers take batches from the queue while this thread works out the findings shared by
  // the whole run, then this thread takes batches too. What is left in the queue once every
  // worker has stopped (a failed worker's batches) is linted here as well.
  const queue = batchesOf(toLint, pool.length + 1);
  const setup: WorkerSetup = { contentDir: options.contentDir, today: options.today, type: options.type, facts };
  const working = Promise.all(pool.map((worker) => worker.run(setup, queue)));

  // Registry and opskb.yaml findings depend only on the run key: reuse them when it is unchanged.
  let shared = sameKey ? cache?.shared : undefined;
  const rules = shared === undefined || toLint.length > 0 ? await loadLinter(code.linter) : undefined;
  shared ??= [...kb.registries.problems, ...kb.config.problems, ...(rules?.ruleConfigProblems(settings) ?? [])];
  const linter = toLint.length > 0 ? rules?.createLinter(settings) : undefined;
  const lintHere = async () => {
    for (let batch = queue.shift(); batch && linter; batch = queue.shift()) {
      for (const path of batch) {
        const { text, encoding } = source(path);
        const result = await linter.lintText(path, text ?? '', encoding);
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
