#!/usr/bin/env node
// `npm run fuzz`: the fuzz properties of scripts/fuzz/properties.ts, many more cases than `npm test`
// runs, with a fresh seed each time (printed, so that a failure can be replayed with --seed).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fuzzProperties } from './fuzz/properties.ts';

const FIXTURE_KB = fileURLToPath(new URL('../test/fixtures/kb/', import.meta.url));
const USAGE = `Usage: node scripts/fuzz.ts [--runs N] [--seed S]

  --runs N   cases per property (default 5000)
  --seed S   replay a run (default: a new seed, printed)`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    console.error(`fuzz: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error(`fuzz: --runs and --seed expect whole numbers\n\n${USAGE}`);
    return 2;
  }
  const properties = fuzzProperties(FIXTURE_KB);
  console.log(`opskb fuzz: ${properties.length} properties × ${runs} cases, seed ${seed}`);
  let failed = 0;
  let cases = 0;
  for (const [index, property] of properties.entries()) {
    const started = performance.now();
    try {
      await property.check(runs, seed + index);
      cases += runs;
      console.log(`  PASS  ${property.name} (${runs} cases, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`  FAIL  ${property.name}\n${(error as Error).message}`);
    }
  }
  console.log(`${cases} cases passed${failed > 0 ? `; ${failed} properties failed (replay with --seed ${seed})` : ''}.`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
