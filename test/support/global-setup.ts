// Builds the fixture knowledge base once per test run (a real `npm run build`: astro build, then Pagefind); the
// site, search and alert suites read it with `inject('fixtureBuild')`.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, type Build } from './build.ts';
import { FIXTURE_KB } from './fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBuild: Build;
  }
}

export default function setup(project: TestProject): () => void {
  const build = buildSite(FIXTURE_KB);
  project.provide('fixtureBuild', build);
  return () => rmSync(build.outDir, { recursive: true, force: true });
}
