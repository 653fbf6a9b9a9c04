// The command line both benchmark entry scripts share: --docs, --runs, --keep, --json (and their
// own flags), validated, and how a run ends (exit 0 whatever the figures; 2 on bad usage, when a
// tool fails, or on a bug, with its stack).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BenchError } from './errors.ts';
import { MIN_SYNTHETIC_DOCS } from './synthetic-kb/index.ts';

export type BenchArgs = {
  readonly docs: number;
  readonly runs: number;
  readonly keep: boolean;
  readonly json: string | undefined;
  readonly flags: Readonly<Record<string, boolean>>;
};

/**
 * Parses `argv` (default: the process's); prints the usage and returns a number (the exit code) for
 * --help or bad usage, else the arguments. `flags` are the script's own boolean options.
 */
export function parseBenchArgs(
  name: string,
  usage: string,
  defaults: { readonly runs: number },
  flags: readonly string[] = [],
  argv?: string[],
): BenchArgs | number {
  const usageError = (message: string) => {
    console.error(`${name}: ${message}\n\n${usage}`);
    return 2;
  };
  const options: ParseArgsConfig['options'] = {
    docs: { type: 'string', default: '2000' },
    runs: { type: 'string', default: String(defaults.runs) },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    ...Object.fromEntries(flags.map((flag) => [flag, { type: 'boolean' as const, default: false }])),
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ ...(argv ? { args: argv } : {}), options }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values['help']) {
    console.log(usage);
    return 0;
  }
  const docs = Number(values['docs']);
  const runs = Number(values['runs']);
  if (!Number.isInteger(docs) || docs < MIN_SYNTHETIC_DOCS)
    return usageError(`--docs expects a whole number of at least ${MIN_SYNTHETIC_DOCS}, got \`${values['docs']}\`.`);
  if (!Number.isInteger(runs) || runs < 1) return usageError(`--runs expects a whole number of at least 1, got \`${values['runs']}\`.`);
  const json = typeof values['json'] === 'string' ? values['json'] : undefined;
  return { docs, runs, keep: values['keep'] === true, json, flags: Object.fromEntries(flags.map((flag) => [flag, values[flag] === true])) };
}

/** Runs a benchmark: 0 once it reported, 2 when it could not go on (its message) or hit a bug (its stack). */
export async function runBench(name: string, bench: () => Promise<unknown>): Promise<number> {
  try {
    await bench();
    return 0;
  } catch (error) {
    if (error instanceof BenchError) {
      console.error(`\n${name}: ${error.message}`);
      return 2;
    }
    console.error(`\n${name}: internal error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}
