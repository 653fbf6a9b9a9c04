// The lint cache: per file, its content hash, its cross-file facts and its findings. Findings are
// reused only under the same run key, which covers everything else a result depends on: opskb's
// own code, opskb.yaml, the registries, "today", --type and the whole knowledge-base index (ids,
// alerts, anchors, and which other files exist). So a changed registry or a renamed heading in a linked doc invalidates every
// entry; a change to one doc's body invalidates only that doc. Stale entries never hide findings.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocFacts } from '../kb/doc-facts.ts';
import { hashText } from '../kb/doc-source.ts';

export { hashText };
import type { Finding } from '../model/finding.ts';

export const CACHE_VERSION = 3;

export type CacheEntry = { readonly hash: string; readonly facts?: DocFacts; readonly findings?: readonly Finding[] };
export type CacheData = {
  version: number;
  runKey: string;
  /** Findings about the registries and opskb.yaml under this run key. */
  shared?: readonly Finding[];
  files: Record<string, CacheEntry>;
};

/** opskb's own folder (where its code and node_modules are), whatever the current directory. */
export const PROJECT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The sources of opskb's linter as a whole (every file under lint-rules/ and src/lib/, by size and
 * mtime) and the installed packages: the run key's code part when a caller runs the sources with a
 * cache. The command line passes its bundle's own fingerprint instead, of exactly the bundle's inputs.
 */
export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['lint-rules', 'src/lib']) {
    const root = join(PROJECT_DIR, dir);
    for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      const stat = statSync(join(root, name));
      if (stat.isFile()) hash.update(`${dir}/${name}:${stat.size}:${stat.mtimeMs}\n`);
    }
  }
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(PROJECT_DIR, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

export function defaultCacheFile(cwd: string): string {
  return join(cwd, 'node_modules', '.cache', 'opskb', CACHE_FILE_NAME);
}

export function readCache(path: string): CacheData | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheData;
    return data.version === CACHE_VERSION && typeof data.runKey === 'string' && data.files ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Written atomically: an interrupted run leaves the previous cache intact, never half a file. */
export function writeCache(path: string, data: CacheData): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export const CACHE_FILE_NAME = 'lint-cache.json';

/**
 * The cache file a `--cache-location` names: the path itself, or `lint-cache.json` in it when it
 * is a folder. Throws when the file exists and is not an opskb cache (of any version): the cache
 * is rewritten after every run, and nothing a user wrote may be overwritten.
 */
export function cacheFileAt(location: string): string {
  const path = existsSync(location) && statSync(location).isDirectory() ? join(location, CACHE_FILE_NAME) : location;
  if (!existsSync(path)) return path;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    data = undefined;
  }
  const record = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  if (typeof record['version'] !== 'number' || typeof record['runKey'] !== 'string') {
    throw new CacheLocationError(`${path} exists and is not an opskb lint cache: opskb will not overwrite it. Name a new file or a folder.`);
  }
  return path;
}

export class CacheLocationError extends Error {}
