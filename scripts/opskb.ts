#!/usr/bin/env node
// Entry point of the `opskb` command; everything it does lives in src/lib/cli/main.ts.
import { main } from '../src/lib/cli/main.ts';

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  clock: () => new Date(),
  color: process.stdout.isTTY === true && !process.env['NO_COLOR'],
});
