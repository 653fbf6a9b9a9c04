// Whether dist/ is a build of the current sources: a fingerprint of every input file's path, size
// and modification time, written next to the build and compared by `npm start`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const STAMP_FILE = '.opskb-build.json';

export type BuildInputs = { readonly projectDir: string; readonly contentDir: string };

const PROJECT_INPUTS = ['src', 'astro.config.mjs', 'package-lock.json', 'package.json'];

function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statOf(path)?.isDirectory()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(path, name);
    // A link that cannot be followed (a loop, a dangling target) is no input; the build says so.
    if (statOf(full)?.isFile()) yield full;
  }
}

export function fingerprint({ projectDir, contentDir }: BuildInputs): string {
  const hash = createHash('sha256').update(`content:${contentDir}\n`);
  const roots = [...PROJECT_INPUTS.map((name) => join(projectDir, name)), contentDir];
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      const { size, mtimeMs } = statOf(file) ?? { size: -1, mtimeMs: -1 };
      hash.update(`${relative(projectDir, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

export function writeStamp(outDir: string, inputs: BuildInputs): void {
  writeFileSync(join(outDir, STAMP_FILE), `${JSON.stringify({ fingerprint: fingerprint(inputs), contentDir: inputs.contentDir }, null, 2)}\n`);
}

/** True when `outDir` holds a complete build (with its search index) of exactly these inputs. */
export function isBuildCurrent(outDir: string, inputs: BuildInputs): boolean {
  const stampPath = join(outDir, STAMP_FILE);
  if (!existsSync(stampPath) || !existsSync(join(outDir, 'pagefind', 'pagefind.js'))) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { fingerprint?: string };
    return stamp.fingerprint === fingerprint(inputs);
  } catch {
    return false;
  }
}
