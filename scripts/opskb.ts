#!/usr/bin/env node
// Entry point of the `opskb` command; everything it does lives in src/lib/cli/main.ts, loaded from
// the bundle of opskb's code (src/lib/code-bundle.ts), which is built first when the code changed.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Node keeps the compiled, type-stripped modules between runs: the few read from the sources
// here, and all of them when the sources serve (OPSKB_FROM_SOURCE=1); worker threads find the
// cache through the environment.
const compileCache = enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/opskb/node-compile-cache', import.meta.url)));
if (compileCache.directory) process.env['NODE_COMPILE_CACHE'] ??= compileCache.directory;
const { codeFingerprint } = await import('../src/lib/lint/cache.ts');
const { codeUrls, importCli } = await import('../src/lib/code-bundle.ts');
const { main } = await importCli((await codeUrls(codeFingerprint())).cli);

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
