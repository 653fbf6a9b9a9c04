#!/usr/bin/env node
// `npm run bench:lint`: opskb lint against remark-cli, markdownlint-cli2 and a bare parse on a
// synthetic knowledge base (scripts/bench/lint/). Exit 0 whatever the figures; 2 when a tool
// crashes or says nothing usable, or on bad usage.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError } from './bench/errors.ts';
import { runLintBench } from './bench/lint/run.ts';
import { MIN_SYNTHETIC_DOCS } from './bench/synthetic-kb/index.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: node scripts/bench-lint.ts [--docs N] [--runs R] [--keep] [--json FILE]

  --docs N     docs in the synthetic knowledge base (default 2000)
  --runs R     rounds; each runs every tool once; the table shows the median wall time and the maximum RSS (default 3)
  --keep       keep the temporary knowledge base (its path is printed)
  --json FILE  also write the raw numbers to FILE`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        docs: { type: 'string', default: '2000' },
        runs: { type: 'string', default: '3' },
        keep: { type: 'boolean', default: false },
        json: { type: 'string' },
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
    await runLintBench({ projectDir: PROJECT_DIR, docs, runs, keep: values.keep, json: values.json });
    return 0;
  } catch (error) {
    if (error instanceof BenchError) {
      console.error(`\nbench-lint: ${error.message}`);
      return 2;
    }
    console.error(`\nbench-lint: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

function usageError(message: string): number {
  console.error(`bench-lint: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main();
