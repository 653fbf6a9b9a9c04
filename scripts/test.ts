// `npm test`: everything. Chromium for the browser tests (installed when missing), the formatting
// and layer checks, the type check, then every vitest suite (unit, integration with real builds, browser).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './support/chromium.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (path: string) => `${projectDir}node_modules/${path}`;

function run(title: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: projectDir });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

try {
  ensureChromium();
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
}
run('Formatting (prettier --check; `npm run format` fixes it)', [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']);
run('Layers and import cycles (dependency-cruiser, .dependency-cruiser.cjs)', [
  bin('dependency-cruiser/bin/dependency-cruiser.mjs'),
  '--config',
  '.dependency-cruiser.cjs',
  '--output-type',
  'err',
  'src',
  'lint-rules',
  'scripts',
  'test',
]);
run('Type check (astro check)', [bin('astro/bin/astro.mjs'), 'check']);
run('Tests (vitest)', [bin('vitest/vitest.mjs'), 'run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)]);
