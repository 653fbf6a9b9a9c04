// Once per test run: builds the linter bundle, and the fixture knowledge base (a real `npm run
// build`: astro build, then Pagefind), which the site, search and alert suites read with
// `inject('fixtureBuild')`.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { codeFingerprint } from '../../src/lib/lint/cache.ts';
import { linterModuleUrl } from '../../src/lib/lint/linter-bundle.ts';
import { buildSite, type Build } from './build.ts';
import { FIXTURE_KB } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBuild: Build;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // The lint engine loads the linter from a bundle built on first use: built once here, so that
  // the suites that lint in parallel do not all build it at once.
  await linterModuleUrl(codeFingerprint());
  const build = buildSite(FIXTURE_KB);
  project.provide('fixtureBuild', build);
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
