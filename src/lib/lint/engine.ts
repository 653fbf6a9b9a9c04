// The lint engine: one knowledge-base index per run, each file on its own (a file that breaks
// anything never stops the others), a content-hash cache, and worker threads for large runs.
// The rules, the parser and the registries are loaded only when something has to be linted.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocFacts } from '../kb/doc-facts.ts';
import { extractDocFacts } from '../kb/doc-facts.ts';
import { listDocFiles, loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.ts';
import { CONFIG_FILE, REGISTRY_SPECS, type DocType } from '../model/index.ts';
import { codeFingerprint, hashText, readCache, writeCache, CACHE_VERSION, type CacheData, type CacheEntry } from './cache.ts';
import { compareFindings, internalFinding, INTERNAL_RULE_ID, type Finding } from './finding.ts';
import type { WorkerInput, WorkerOutput } from './lint-worker.ts';
import type { LintSettings } from './settings.ts';
import { installFastTraversal } from './traversal/install.ts';

export { INTERNAL_RULE_ID } from './finding.ts';

export type LintOptions = {
  readonly contentDir: string;
  readonly today: string;
  readonly type?: DocType | undefined;
  /** Cache file; no cache when absent. */
  readonly cacheFile?: string | undefined;
  /** Worker threads to use besides the main thread; default: one per extra core for large runs. */
  readonly workers?: number | undefined;
};

export type LintResult = {
  readonly findings: readonly Finding[];
  readonly filesChecked: number;
  /** Files whose findings came from the cache. */
  readonly fromCache: number;
  /** opskb itself failed somewhere (a bug, or an unreadable file): exit code 2. */
  readonly internalFailure: boolean;
};

/** Below this many files to lint, starting a worker costs more than it saves. */
const FILES_PER_WORKER = 150;

type Source = { path: string; text: string | undefined; hash: string | undefined };

function readSource(path: string): Source {
  try {
    const text = readFileSync(path, 'utf8');
    return { path, text, hash: hashText(text) };
  } catch {
    return { path, text: undefined, hash: undefined };
  }
}

function runKey(kb: KnowledgeBase, options: LintOptions): string {
  const sharedTexts = [...Object.values(REGISTRY_SPECS).map((spec) => spec.file), CONFIG_FILE].map((file) => {
    try {
      return readFileSync(join(kb.contentDir, file), 'utf8');
    } catch {
      return '';
    }
  });
  const index = [...kb.docs.values()].map((doc) => [doc.id, doc.type, doc.alerts, doc.headings.map((heading) => heading.slug)]);
  return hashText(JSON.stringify([CACHE_VERSION, codeFingerprint(), options.contentDir, options.today, options.type ?? null, sharedTexts, index]));
}

/** A worker that starts loading its modules now and receives its work later (or is dismissed). */
class PendingWorker {
  private readonly worker = new Worker(new URL('./lint-worker.ts', import.meta.url));

  run(input: WorkerInput): Promise<WorkerOutput> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (output: WorkerOutput) => {
        resolve(output);
        void this.worker.terminate();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`A lint worker stopped with exit code ${code}.`));
      });
      this.worker.postMessage(input);
    });
  }

  dismiss(): void {
    void this.worker.terminate();
  }
}

export async function lintFiles(paths: readonly string[], options: LintOptions): Promise<LintResult> {
  const cache = options.cacheFile ? readCache(options.cacheFile) : undefined;
  // A cold run of many files will need workers: start them now, so that loading their modules
  // overlaps with reading and indexing the knowledge base here.
  const cores = availableParallelism();
  const expectWorkers = cache === undefined ? Math.min(cores - 1, Math.floor(paths.length / FILES_PER_WORKER)) : 0;
  const early = Array.from({ length: options.workers ?? expectWorkers }, () => new PendingWorker());

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
  const key = runKey(kb, options);
  const sameKey = cache?.runKey === key;

  const perFile = new Map<string, Finding[]>();
  let internalFailure = false;
  let fromCache = 0;
  const toLint: string[] = [];
  for (const path of paths) {
    const { text, hash } = source(path);
    const cached = sameKey ? cache?.files[path] : undefined;
    if (text === undefined) {
      internalFailure = true;
      perFile.set(path, [internalFinding(path, 'Cannot read the file.')]);
    } else if (cached?.findings && cached.hash === hash) {
      perFile.set(path, [...cached.findings]);
      fromCache += 1;
    } else {
      toLint.push(path);
    }
  }

  // Registry and opskb.yaml findings depend only on the run key: reuse them when it is unchanged.
  let shared = sameKey ? cache?.shared : undefined;
  const needRules = shared === undefined || toLint.length > 0;
  if (needRules) installFastTraversal();
  const rules = needRules ? await import('./linter.ts') : undefined;
  if (shared === undefined) {
    shared = [...kb.registries.problems, ...kb.config.problems, ...(rules?.ruleConfigProblems(settings) ?? [])];
  }

  const wanted = options.workers ?? Math.min(cores - 1, Math.floor(toLint.length / FILES_PER_WORKER));
  const pool = early.slice(0, wanted);
  for (const extra of early.slice(wanted)) extra.dismiss();
  while (pool.length < wanted) pool.push(new PendingWorker());
  const shares = Array.from({ length: pool.length + 1 }, () => [] as string[]);
  toLint.forEach((path, index) => shares[index % shares.length]!.push(path));
  const [own = [], ...others] = shares;
  const running = pool.map((worker, index) =>
    worker.run({ contentDir: options.contentDir, today: options.today, type: options.type, facts, files: others[index] ?? [] }),
  );
  if (rules && own.length > 0) {
    const linter = rules.createLinter(settings);
    for (const path of own) {
      const result = await linter.lintText(path, source(path).text ?? '');
      internalFailure ||= result.internalFailure;
      perFile.set(path, result.findings);
    }
  }
  for (const output of await Promise.all(running)) {
    internalFailure ||= output.internalFailure;
    for (const { path, findings: found } of output.results) perFile.set(path, found);
  }

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
