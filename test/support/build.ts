// Builds a knowledge base as `npm run build` does (scripts/build.ts: astro build, then the Pagefind
// index) into a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_DIR } from './fixtures.ts';

export type Build = { readonly outDir: string; readonly log: string; readonly status: number | null };

export function buildSite(contentDir: string): Build {
  const outDir = mkdtempSync(join(tmpdir(), 'opskb-dist-'));
  const result = spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/build.ts'), '--outDir', outDir], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
    env: { ...process.env, OPSKB_CONTENT_DIR: contentDir, FORCE_COLOR: '0' },
  });
  return { outDir, log: `${result.stdout}\n${result.stderr}`, status: result.status };
}
