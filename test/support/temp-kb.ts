// A throwaway copy of a fixture knowledge base, for tests that edit files.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixtures.ts';

export function copyFixtureKb(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `opskb-${name}-`));
  cpSync(join(FIXTURES_DIR, name), dir, { recursive: true });
  return dir;
}
