// The search half of `npm run bench:site` (scripts/bench/site/search-api.ts), in a real browser on
// the built fixture site: what it records is what the page did, step by step.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BenchError } from '../../scripts/bench/errors.ts';
import { measureSearch } from '../../scripts/bench/site/search-api.ts';
import { measureSearchUi, OPSKB_SEARCH_UI } from '../../scripts/bench/site/search-box.ts';
import { summariseSearch } from '../../scripts/bench/site/search-figures.ts';
import { startSiteSession, type SiteSession } from '../support/site-browser.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await startSiteSession();
});
afterAll(async () => {
  await site?.close();
});

describe('measureSearch', () => {
  test('records each step’s Pagefind requests, the results, and what requests alone cost', async () => {
    const run = await measureSearch(site.browser, {
      baseUrl: site.server.url,
      pagePath: '/runbooks/checkout/checkout-5xx/',
      first: 'CheckoutHighErrorRate',
      later: ['replication lag'],
      fetchedAtInit: ['/search-filters.json'],
    });
    expect(run.pageStatus).toBe(200);
    // What opskb's search UI fetches when search opens counts in init, as it does for a reader.
    expect(run.init.transfers.filter((transfer) => transfer.path === '/search-filters.json').map((transfer) => transfer.status)).toEqual([200]);
    expect(run.importScript.transfers.map((transfer) => transfer.path)).toContain('/pagefind/pagefind.js');
    expect(run.init.transfers.some((transfer) => transfer.path.endsWith('.pagefind'))).toBe(true);
    expect(run.first.results).toBeGreaterThanOrEqual(1);
    expect(run.first.transfers.some((transfer) => transfer.path.startsWith('/pagefind/fragment/'))).toBe(true);
    // Repeated, the first query's files are already loaded.
    expect(run.repeat.transfers).toEqual([]);
    expect(run.later[0]?.results).toBeGreaterThanOrEqual(1);
    expect(run.stray).toEqual([]);
    expect(run.requestFloor?.oneMs).toBeGreaterThan(0);
    expect(run.requestFloor?.fiveMs).toBeGreaterThan(0);
    const figures = summariseSearch(run, { first: { text: 'CheckoutHighErrorRate', kind: 'alert' }, later: [{ text: 'replication lag', kind: 'symptom' }] });
    expect(figures.requestFloor).toEqual(run.requestFloor);
    expect(figures.failed.filter((failure) => failure.startsWith('/pagefind/'))).toEqual([]);
  }, 60_000);
});

describe('measureSearchUi', () => {
  test("pastes each query into the site's own search box and times the results it shows", async () => {
    const measured = await measureSearchUi(site.browser, {
      baseUrl: site.server.url,
      pagePath: '/runbooks/checkout/checkout-5xx/',
      ui: OPSKB_SEARCH_UI,
      queries: [
        { text: 'CheckoutHighErrorRate', results: 1 },
        { text: 'no such words anywhere', results: 0 },
        { text: 'the', results: 12 },
      ],
    });
    // A query without results is skipped: there is nothing to wait for.
    expect(measured.map((query) => [query.query, query.shown])).toEqual([
      ['CheckoutHighErrorRate', 1],
      ['the', 5],
    ]);
    for (const query of measured) {
      expect(query.firstMs).toBeGreaterThan(0);
      expect(query.allMs).toBeGreaterThanOrEqual(query.firstMs);
    }
  }, 60_000);

  test('a UI that does not show as many results as expected is an error that names the query', async () => {
    const run = measureSearchUi(site.browser, {
      baseUrl: site.server.url,
      pagePath: '/runbooks/checkout/checkout-5xx/',
      ui: { ...OPSKB_SEARCH_UI, shownResult: '#search-dialog .no-such-result' },
      queries: [{ text: 'CheckoutHighErrorRate', results: 1 }],
    });
    await expect(run).rejects.toThrow(BenchError);
    await expect(run).rejects.toThrow(/pasting `CheckoutHighErrorRate` into `#dialog-q` did not show 1 results/);
  }, 60_000);
});
