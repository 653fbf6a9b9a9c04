#!/usr/bin/env node
// `npm run bench:lint`: opskb lint against remark-cli, markdownlint-cli2 and a bare parse on a
// synthetic knowledge base (scripts/bench/lint/). Exit 0 whatever the figures; 2 when a tool
// crashes or says nothing usable, or on bad usage.
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, runBench } from './bench/cli.ts';
import { runLintBench } from './bench/lint/run.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: node scripts/bench-lint.ts [--docs N] [--runs R] [--keep] [--json FILE]

  --docs N     docs in the synthetic knowledge base (default 2000)
  --runs R     rounds; each runs every tool once; the table shows the median wall time and the maximum RSS (default 3)
  --keep       keep the temporary knowledge base (its path is printed)
  --json FILE  also write the raw numbers to FILE`;

const args = parseBenchArgs('bench-lint', USAGE, { runs: 3 });
process.exitCode = typeof args === 'number' ? args : await runBench('bench-lint', () => runLintBench({ projectDir: PROJECT_DIR, ...args }));
