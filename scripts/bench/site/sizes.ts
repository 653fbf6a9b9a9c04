// Sizes of a built site: total, HTML, Pagefind's index.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// ---------------------------------------------------------------------------------------------
// Sizes of a built site.

export type FileSize = { readonly path: string; readonly bytes: number };
export type SiteSize = {
  readonly bytes: number;
  readonly files: number;
  readonly htmlFiles: number;
  readonly pagefindBytes: number;
  readonly pagefindFiles: number;
};

/** Paths relative to the output folder, `/`-separated; Pagefind's index is everything under `pagefind/`. */
export function summariseSizes(files: readonly FileSize[]): SiteSize {
  const pagefind = files.filter((file) => file.path.startsWith('pagefind/'));
  const sum = (list: readonly FileSize[]) => list.reduce((total, file) => total + file.bytes, 0);
  return {
    bytes: sum(files),
    files: files.length,
    htmlFiles: files.filter((file) => file.path.endsWith('.html')).length,
    pagefindBytes: sum(pagefind),
    pagefindFiles: pagefind.length,
  };
}

export function listFileSizes(dir: string): FileSize[] {
  const files: FileSize[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push({ path: relative(dir, path).split(sep).join('/'), bytes: statSync(path).size });
    }
  };
  walk(dir);
  return files;
}
