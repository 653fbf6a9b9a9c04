// Files the benchmarks write and read besides their measurements.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `content` to `path`, creating its folder. */
export function writeText(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** The installed version of package `name` in `projectDir`, or `?`. */
export function packageVersion(projectDir: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(projectDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
