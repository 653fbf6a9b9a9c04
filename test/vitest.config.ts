import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    // Integration suites run real builds and a real browser; the machine has 2 cores.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
