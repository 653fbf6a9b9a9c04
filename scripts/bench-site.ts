#!/usr/bin/env node
// `npm run bench:site`: builds a synthetic knowledge base with opskb and with Starlight, searches
// both in Chromium, and prints build time, memory, size and search transfers against opskb's
// targets (scripts/bench/site/). Exit 0 whatever the figures; 2 when a build, the Starlight
// install or the browser fails, or on bad usage.
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, runBench } from './bench/cli.ts';
import { runSiteBench } from './bench/site/run.ts';
import { ensureChromium, launchChromium } from './support/chromium.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: node scripts/bench-site.ts [--docs N] [--runs R] [--keep] [--json FILE] [--skip-starlight]

  --docs N          docs in the synthetic knowledge base (default 2000)
  --runs R          cold builds per site; the table shows the median wall time and the maximum RSS (default 1)
  --keep            keep the temporary folder: knowledge base, Starlight project, builds, logs (its path is printed)
  --json FILE       also write the raw numbers to FILE
  --skip-starlight  build and search opskb only (no npm install, no Starlight build)`;

const args = parseBenchArgs('bench-site', USAGE, { runs: 1 }, ['skip-starlight']);
process.exitCode =
  typeof args === 'number'
    ? args
    : await runBench('bench-site', async () => {
        ensureChromium();
        await runSiteBench({ projectDir: PROJECT_DIR, ...args, skipStarlight: args.flags['skip-starlight'] === true, launchBrowser: launchChromium });
      });
