#!/usr/bin/env node
// Entry point of the `opskb` command; everything it does lives in src/lib/cli/main.ts, loaded from
// the bundle of opskb's code (src/lib/cli/code-bundle.ts), which is built first when the code changed.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

/**
 * No pretenuring in the lint process (V8 flags are process-wide, so the workers get it too). V8
 * moves objects from allocation sites whose objects tend to survive (a tree lives as long as its
 * file's lint) straight to the old generation; they die there soon after, and until a full
 * collection they keep what they point to alive through every young collection. With micromark
 * as the parser, `npm run bench:lint`'s cold run peaked at 418 MB with it and 324 MB without;
 * with Sätteri, peak RSS was 240–300 MB without it and 260–325 MB with it, at the same speed.
 * Skipped with `OPSKB_KEEP_PRETENURING=1`.
 */
if (!process.env['OPSKB_KEEP_PRETENURING']) setFlagsFromString('--no-allocation-site-pretenuring');

// Node keeps the compiled, type-stripped modules between runs: the few read from the sources
// here, and all of them when the sources serve (OPSKB_FROM_SOURCE=1); worker threads find the
// cache through the environment.
const compileCache = enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/opskb/node-compile-cache', import.meta.url)));
if (compileCache.directory) process.env['NODE_COMPILE_CACHE'] ??= compileCache.directory;
const { codeUrls, importCli } = await import('../src/lib/cli/code-bundle.ts');
const code = await codeUrls();
const { main } = await importCli(code.cli);

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
  lintCode: { linter: code.linter, worker: code.worker, fingerprint: code.fingerprint },
});
