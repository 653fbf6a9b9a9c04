import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES_DIR, lintFixture, linesOf } from '../support/fixtures.ts';

// kb-broken's opskb.yaml sets `internalDomains: ['*.shop.internal']`; its tools.yaml approves Grafana.
const contentDir = join(FIXTURES_DIR, 'kb-broken');

describe('opskb:links on URLs written out (GFM autolink literals)', () => {
  test.each(['literal-urls.md', 'literal-urls.mdx'])('%s: an unapproved internal host is reported at the URL', async (file) => {
    expect(linesOf(await lintFixture(`links/${file}`, { contentDir }), 'opskb:links')).toEqual([
      '12:14 Link to internal host `metrics.shop.internal` does not start with a URL prefix of an approved tool in tools.yaml. Add the tool to tools.yaml, or link to one that is there.',
    ]);
  });

  test('remark-lint:no-literal-urls asks for `<…>` in Markdown, where that autolink exists, and not in MDX', async () => {
    expect(linesOf(await lintFixture('links/literal-urls.md', { contentDir }), 'remark-lint:no-literal-urls')).toEqual([
      '11:27 Unexpected GFM autolink literal, expected regular autolink, add `<` before and `>` after',
      '12:14 Unexpected GFM autolink literal, expected regular autolink, add `<` before and `>` after',
    ]);
    expect(linesOf(await lintFixture('links/literal-urls.mdx', { contentDir }), 'remark-lint:no-literal-urls')).toEqual([]);
  });
});
