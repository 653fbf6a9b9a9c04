#!/usr/bin/env node
// `npm run bench:site`: builds a synthetic knowledge base with opskb and with Starlight, searches
// both in Chromium, and prints build time, memory, size and search transfers against opskb's
// targets (scripts/bench/site/). Exit 0 whatever the figures; 2 when a build, the Starlight
// install or the browser fails, or on bad usage.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError } from './bench/errors.ts';
import { runSiteBench } from './bench/site/run.ts';
import { MIN_SYNTHETIC_DOCS } from './bench/synthetic-kb/index.ts';
import { ensureChromium, launchChromium } from './support/chromium.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: node scripts/bench-site.ts [--docs N] [--runs R] [--keep] [--json FILE] [--skip-starlight]

  --docs N          docs in the synthetic knowledge base (default 2000)
  --runs R          cold builds per site; the table shows the median wall time and the maximum RSS (default 1)
  --keep            keep the temporary folder: knowledge base, Starlight project, builds, logs (its path is printed)
  --json FILE       also write the raw numbers to FILE
  --skip-starlight  build and search opskb only (no npm install, no Starlight build)`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        docs: { type: 'string', default: '2000' },
        runs: { type: 'string', default: '1' },
        keep: { type: 'boolean', default: false },
        json: { type: 'string' },
        'skip-starlight': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const docs = Number(values.docs);
  const runs = Number(values.runs);
  if (!Number.isInteger(docs) || docs < MIN_SYNTHETIC_DOCS)
    return usageError(`--docs expects a whole number of at least ${MIN_SYNTHETIC_DOCS}, got \`${values.docs}\`.`);
  if (!Number.isInteger(runs) || runs < 1) return usageError(`--runs expects a whole number of at least 1, got \`${values.runs}\`.`);

  try {
    ensureChromium();
    return await runSiteBench({
      projectDir: PROJECT_DIR,
      docs,
      runs,
      keep: values.keep,
      json: values.json,
      skipStarlight: values['skip-starlight'],
      launchBrowser: launchChromium,
    });
  } catch (error) {
    if (error instanceof BenchError) {
      console.error(`\nbench-site: ${error.message}`);
      return 2;
    }
    console.error(`\nbench-site: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

function usageError(message: string): number {
  console.error(`bench-site: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main();
