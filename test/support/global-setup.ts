// Once per test run: builds opskb's code bundle, and the fixture knowledge base (a real `npm run
// build`: astro build, then Pagefind), which the site, search and alert suites read with
// `inject('fixtureBuild')`.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { codeUrls } from '../../src/lib/cli/code-bundle.ts';
import { buildSite, type Build } from './build.ts';
import { FIXTURE_KB } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBuild: Build;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // opskb loads its code from a bundle built on first use: built once here, so that the suites
  // that lint or run the command line in parallel do not all build it at once.
  await codeUrls();
  const build = buildSite(FIXTURE_KB);
  project.provide('fixtureBuild', build);
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
