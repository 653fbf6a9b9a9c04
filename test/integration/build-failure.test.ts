// A doc that stops `npm run build`: Astro names the doc; the build script adds the line and column.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../support/build.ts';
import { copyFixtureKb } from '../support/temp-kb.ts';

describe('npm run build on a doc with invalid frontmatter', () => {
  test('fails, and names the doc, the line and the column of what stops it', () => {
    const kb = copyFixtureKb('kb');
    const doc = join(kb, 'runbooks/checkout/checkout-5xx.mdx');
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('severity: critical', 'severity: catastrophic'));
    const build = buildSite(kb);
    expect(build.status).not.toBe(0);
    expect(build.log).toContain('The build failed. These errors in the docs stop it:');
    expect(build.log).toMatch(/runbooks\/checkout\/checkout-5xx\.mdx:8:1 {2}error {2}`severity` .*catastrophic.* {2}opskb:frontmatter-schema/);
    // Only what stops the build: the rest of the lint (hygiene, freshness) is npm run lint's job.
    expect(build.log).not.toContain('remark-lint:');
  }, 120_000);
});
