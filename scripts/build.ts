#!/usr/bin/env node
// `npm run build`: `astro build`, then the Pagefind index and the build stamp, as separate steps
// (src/lib/site/build-site.ts). Exit 0 when built; Astro's status when it fails; 2 on bad usage or
// when indexing fails.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../src/lib/kb/content-dir.ts';
import { explainBuildFailure } from '../src/lib/lint/build-failure.ts';
import { buildSite, SiteBuildError } from '../src/lib/site/build-site.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `Usage: node scripts/build.ts [--outDir DIR]

  --outDir DIR  where to write the site (default: OPSKB_OUT_DIR, else dist/)
Reads the knowledge base in OPSKB_CONTENT_DIR (default content/).`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { outDir: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (error) {
    console.error(`build: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // As in scripts/start.ts: OPSKB_OUT_DIR is relative to the project, --outDir to the working folder.
  const outDir = values.outDir === undefined ? resolve(PROJECT_DIR, process.env['OPSKB_OUT_DIR'] ?? 'dist') : resolve(values.outDir);
  try {
    const contentDir = resolveContentDir();
    const status = await buildSite({ projectDir: PROJECT_DIR, outDir, contentDir });
    if (status !== 0) {
      const lines = await explainBuildFailure({ contentDir, cwd: process.cwd(), today: new Date().toISOString().slice(0, 10) });
      console.error(`\n${lines.join('\n')}`);
    }
    return status;
  } catch (error) {
    if (error instanceof SiteBuildError) {
      console.error(`\nbuild: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
