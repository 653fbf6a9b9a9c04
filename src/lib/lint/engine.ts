// The lint engine: one knowledge-base index per run, each file on its own (a file that breaks
// anything never stops the others), a content-hash cache, and worker threads for large runs.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ruleConfigProblems } from '../../../lint-rules/index.ts';
import type { DocFacts } from '../kb/doc-facts.ts';
import { extractDocFacts } from '../kb/doc-facts.ts';
import { listDocFiles, loadKnowledgeBase, type KnowledgeBase } from '../kb/knowledge-base.ts';
import { CONFIG_FILE, REGISTRY_SPECS, type DocType } from '../model/index.ts';
import { codeFingerprint, hashText, readCache, writeCache, CACHE_VERSION, type CacheData, type CacheEntry } from './cache.ts';
import { compareFindings, type Finding } from './finding.ts';
import { createLinter, internalFinding } from './linter.ts';
import type { LintSettings } from './settings.ts';
import type { WorkerInput, WorkerOutput } from './lint-worker.ts';

export { INTERNAL_RULE_ID } from './linter.ts';

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

/** Below this many files to lint, starting workers costs more than it saves. */
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
  const registryTexts = [...Object.values(REGISTRY_SPECS).map((spec) => spec.file), CONFIG_FILE].map((file) => {
    try {
      return readFileSync(join(kb.contentDir, file), 'utf8');
    } catch {
      return '';
    }
  });
  const index = [...kb.docs.values()].map((doc) => [doc.id, doc.type, doc.alerts, doc.headings.map((heading) => heading.slug)]);
  return hashText(JSON.stringify([CACHE_VERSION, codeFingerprint(), options.contentDir, options.today, options.type ?? null, registryTexts, index]));
}

export async function lintFiles(paths: readonly string[], options: LintOptions): Promise<LintResult> {
  const cache = options.cacheFile ? readCache(options.cacheFile) : undefined;
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
  const facts: Record<string, DocFacts> = {};
  for (const path of listDocFiles(options.contentDir)) {
    const { text, hash } = source(path);
    const cached = cache?.files[path];
    facts[path] = cached?.facts && cached.hash === hash ? cached.facts : extractDocFacts(text ?? '');
  }
  const kb = loadKnowledgeBase(options.contentDir, (path) => facts[path] ?? extractDocFacts(source(path).text ?? ''));
  const settings: LintSettings = { contentDir: options.contentDir, today: options.today, type: options.type, kb };
  const key = runKey(kb, options);

  const findings: Finding[] = [...kb.registries.problems, ...kb.config.problems, ...ruleConfigProblems(settings)];
  const perFile = new Map<string, Finding[]>();
  let internalFailure = false;
  let fromCache = 0;
  const toLint: string[] = [];
  for (const path of paths) {
    const { text, hash } = source(path);
    const cached = cache?.runKey === key ? cache.files[path] : undefined;
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

  const workers = options.workers ?? Math.min(availableParallelism() - 1, Math.floor(toLint.length / FILES_PER_WORKER));
  const shares = Array.from({ length: workers + 1 }, () => [] as string[]);
  toLint.forEach((path, index) => shares[index % shares.length]!.push(path));
  const [own = [], ...others] = shares;
  const running = others.filter((share) => share.length > 0).map((files) => runWorker({ contentDir: options.contentDir, today: options.today, type: options.type, facts, files }));
  const linter = createLinter(settings);
  for (const path of own) {
    const result = await linter.lintText(path, source(path).text ?? '');
    internalFailure ||= result.internalFailure;
    perFile.set(path, result.findings);
  }
  for (const output of await Promise.all(running)) {
    internalFailure ||= output.internalFailure;
    for (const { path, findings: found } of output.results) perFile.set(path, found);
  }

  for (const found of perFile.values()) findings.push(...found);
  if (options.cacheFile) {
    const files: Record<string, CacheEntry> = {};
    for (const [path, { hash }] of sources) {
      if (hash === undefined) continue;
      const reused = cache?.files[path];
      const entry: CacheEntry = { hash, ...(facts[path] ? { facts: facts[path] } : {}) };
      const fileFindings = perFile.get(path) ?? (reused?.hash === hash && cache?.runKey === key ? reused.findings : undefined);
      files[path] = fileFindings && !fileFindings.some((finding) => finding.ruleId === 'opskb:internal') ? { ...entry, findings: fileFindings } : entry;
    }
    const data: CacheData = { version: CACHE_VERSION, runKey: key, files };
    try {
      writeCache(options.cacheFile, data);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
  return { findings: findings.sort(compareFindings), filesChecked: paths.length, fromCache, internalFailure };
}

function runWorker(input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./lint-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (output: WorkerOutput) => resolve(output));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A lint worker stopped with exit code ${code}.`));
    });
  });
}
