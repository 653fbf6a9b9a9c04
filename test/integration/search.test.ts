// Reading and search built for incidents, in a real browser on the built fixture site.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_DIR } from '../support/fixtures.ts';
import { resultPaths, searchDone, startSiteSession, type SiteSession } from '../support/site-browser.ts';

const SCREENSHOTS = join(PROJECT_DIR, 'test-results', 'screenshots');
let site: SiteSession;

beforeAll(async () => {
  site = await startSiteSession();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await site?.close();
});

async function searchPage(query: string): Promise<{ page: Page; paths: string[] }> {
  const { page } = await site.open(`/search/?q=${encodeURIComponent(query)}`);
  return { page, paths: await resultPaths(page, '#search-page') };
}

describe('search', () => {
  test('an alert name puts its runbook first', async () => {
    const { page } = await site.open('/search/');
    await page.locator('#search-q').fill('CheckoutHighErrorRate');
    expect((await resultPaths(page, '#search-page'))[0]).toBe('/runbooks/checkout/checkout-5xx/');
  });

  test.each([
    ['customers cannot place orders', '/runbooks/checkout/checkout-5xx/'],
    ['replica behind stale reads', '/runbooks/orders-db/replication-lag/'],
    ['export runs at night', '/knowledge/why-batch-window/'],
  ])('a plain-words symptom (%s) finds the right doc in the top 3', async (query, expected) => {
    expect((await searchPage(query)).paths.slice(0, 3)).toContain(expected);
  });

  test('error strings and identifiers as people paste them', async () => {
    expect((await searchPage('CrashLoopBackOff')).paths[0]).toBe('/runbooks/checkout/checkout-5xx/');
    expect((await searchPage('pg_stat_replication')).paths[0]).toBe('/runbooks/orders-db/replication-lag/');
  });

  test('a glossary alias finds a doc that only uses the other word: "OOM" finds "out of memory"', async () => {
    const doc = readFileSync(join(PROJECT_DIR, 'test/fixtures/kb/knowledge/why-batch-window.mdx'), 'utf8');
    expect(doc).toContain('out of memory');
    expect(doc).not.toMatch(/OOM/);
    expect((await searchPage('OOM')).paths).toEqual(['/knowledge/why-batch-window/']);
  });

  test('each result shows title, type, service, owner, review status and an excerpt', async () => {
    const { page } = await searchPage('CheckoutHighErrorRate');
    const first = page.locator('#search-page .search-result').first();
    expect(await first.locator('.search-result-title').textContent()).toBe('Checkout returns 5xx errors');
    expect(await first.locator('.search-result-facts span').allTextContents()).toEqual(['Runbook', 'Checkout API', 'Storefront', 'severity critical', 'Fresh']);
    expect(await first.locator('.search-result-excerpt mark').first().textContent()).toBe('CheckoutHighErrorRate');
    await page.screenshot({ path: join(SCREENSHOTS, 'search-results.png') });
  });

  test('a filter chip narrows the results', async () => {
    const { page, paths } = await searchPage('orders');
    const total = async () => Number(/^(\d+) result/.exec((await page.locator('#search-page .search-status').textContent()) ?? '')?.[1]);
    const before = await total();
    expect(paths.some((path) => !path.startsWith('/runbooks/'))).toBe(true);
    await page.locator('#search-page .filter-chip[data-filter="type"][data-value="Runbook"]').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#search-page .search-result-title')].every((link) =>
        new URL((link as HTMLAnchorElement).href).pathname.startsWith('/runbooks/'),
      ),
    );
    const narrowed = await resultPaths(page, '#search-page');
    expect(narrowed.length).toBeGreaterThan(0);
    expect(await total()).toBeLessThan(before);
    expect(await page.locator('#search-page .filter-chip[aria-pressed="true"]').count()).toBe(1);
  });

  test('filter chips come from the build, with the counts Pagefind gives, without loading its filter files', async () => {
    const { page } = await site.open('/search/');
    const filterFiles: string[] = [];
    page.on('request', (request) => {
      if (/\/pagefind\/filter\//.test(new URL(request.url()).pathname)) filterFiles.push(request.url());
    });
    await page.locator('#search-q').focus();
    await page.locator('#search-page .filter-chip').first().waitFor();
    await page.locator('#search-q').fill('orders');
    await resultPaths(page, '#search-page');
    expect(filterFiles).toEqual([]);
    const fromBuild = (await page.evaluate(async () => (await fetch('/search-filters.json')).json())) as Record<string, Record<string, number>>;
    const fromPagefind = await page.evaluate(
      `(async () => { const pagefind = await import('/pagefind/pagefind.js'); await pagefind.init(); return pagefind.filters(); })()`,
    );
    expect(fromBuild).toEqual(fromPagefind);
    expect(Object.keys(fromBuild)).toEqual(expect.arrayContaining(['type', 'owner', 'service', 'review']));
    expect(await page.locator('#search-page .filter-chip').allTextContents()).toContain(`Runbook (${fromBuild['type']?.['Runbook']})`);
  });

  test('five results at first, five more on request', async () => {
    const { page, paths } = await searchPage('the');
    const total = Number(/^(\d+) result/.exec((await page.locator('#search-page .search-status').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(5);
    expect(paths).toHaveLength(5);
    expect(await page.locator('#search-page .search-status').textContent()).toBe(`${total} results, showing the first 5`);
    await page.locator('#search-page .search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-page .search-result').length > 5);
    const more = await page
      .locator('#search-page .search-result-title')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(more.slice(0, 5)).toEqual(paths);
    expect(more).toHaveLength(Math.min(10, total));
    expect(new Set(more).size).toBe(more.length);
    expect(await page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#search-page .search-result')[5])).toBe(true);
    expect(await page.locator('#search-page .search-more').isHidden()).toBe(total <= 10);
  });

  test('`/` and Ctrl-K open the search dialog from any page; arrows and Enter navigate; Escape closes', async () => {
    const { page } = await site.open('/knowledge/why-batch-window/');
    await page.keyboard.press('/');
    expect(await page.locator('#search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.type('OrdersReplicaLagging');
    await resultPaths(page, '#search-dialog');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('search-result-title');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
    await page.keyboard.press('Control+k');
    await page.locator('#dialog-q').fill('OrdersReplicaLagging');
    await resultPaths(page, '#search-dialog');
    await Promise.all([page.waitForURL(/replication-lag/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/runbooks/orders-db/replication-lag/');
  });

  test('Escape closes the dialog at once, even with a query typed in the box', async () => {
    const { page } = await site.open('/knowledge/why-batch-window/');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('orders');
    await resultPaths(page, '#search-dialog');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dialog-q');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
  });

  test('on the search page, `/` and Ctrl-K go to its search box', async () => {
    const { page } = await site.open('/search/?q=orders');
    await resultPaths(page, '#search-page');
    for (const key of ['/', 'Control+k']) {
      await page.locator('h1').click();
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('search-q');
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.id), key).toBe('search-q');
      expect(await page.locator('#search-q').inputValue()).toBe('orders');
    }
    expect(await page.locator('#search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
  });

  test('arriving from a glossary alias ("OOM"), the words the doc uses ("out of memory") are highlighted', async () => {
    const { page } = await site.open('/knowledge/why-batch-window/?highlight=OOM');
    await page.locator('.doc-body mark.pagefind-highlight').first().waitFor({ state: 'attached' });
    const shown = await page
      .locator('.doc-body mark.pagefind-highlight')
      .evaluateAll((marks) => marks.filter((mark) => mark.checkVisibility()).map((mark) => mark.textContent?.toLowerCase()));
    expect(shown).toEqual(['out of memory']);
  });

  test('results deep-link to the matching section and the query is highlighted on the page', async () => {
    const { page } = await searchPage('replay_lag');
    const sectionLink = page.locator('#search-page .search-result-sections a').first();
    const href = await sectionLink.getAttribute('href');
    expect(href).toMatch(/^\/runbooks\/orders-db\/replication-lag\/\?highlight=replay_lag#[a-z-]+$/);
    await Promise.all([page.waitForURL(/replication-lag/), sectionLink.click()]);
    await page.locator('mark.pagefind-highlight').first().waitFor();
    expect(await page.locator('mark.pagefind-highlight').first().textContent()).toBe('replay_lag');
  });
});

describe('search at incident speed', () => {
  const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
  /** The page's clock stands still from here on: the typing pause, and any timeout, end only by `runFor`. */
  const stopTime = async (page: Page) => {
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
  };
  const paste = async (page: Page, text: string) => {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await page.keyboard.press('Control+V');
  };
  const status = (page: Page) => page.locator('#search-page .search-status').textContent();
  const busy = (page: Page) => page.locator('#search-page .search-results').getAttribute('aria-busy');
  const shownPaths = (page: Page) =>
    page.locator('#search-page .search-result-title').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

  test('a pasted alert name searches at once', async () => {
    const { page } = await site.open('/search/', CLIPBOARD, stopTime);
    await page.locator('#search-q').focus();
    await paste(page, 'CheckoutHighErrorRate');
    expect(await resultPaths(page, '#search-page')).toEqual(['/runbooks/checkout/checkout-5xx/']);
  });

  test('typing loads the index meanwhile, and searches once the keys pause', async () => {
    const { page } = await site.open('/search/', undefined, stopTime);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.locator('#search-q').focus();
    await page.keyboard.type('OrdersReplicaLagging');
    await expect.poll(() => requested.some((path) => path.startsWith('/pagefind/index/'))).toBe(true);
    expect(requested.filter((path) => path.startsWith('/pagefind/fragment/'))).toEqual([]);
    expect(await status(page)).toBe('Searching…');
    expect(await busy(page)).toBe('true');
    await page.clock.runFor(150);
    expect(await resultPaths(page, '#search-page')).toEqual(['/runbooks/orders-db/replication-lag/']);
  });

  test('a query in the address bar and a filter chip search at once', async () => {
    const { page } = await site.open('/search/?q=orders', undefined, stopTime);
    const before = await resultPaths(page, '#search-page');
    expect(before.some((path) => !path.startsWith('/runbooks/'))).toBe(true);
    // With the clock stopped, a chip that waited for a typing pause would leave the list busy for good.
    await page.locator('#search-page .filter-chip[data-filter="type"][data-value="Runbook"]').click();
    const after = await resultPaths(page, '#search-page');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((path) => path.startsWith('/runbooks/'))).toBe(true);
  });

  test('Enter before the typing pause searches at once and opens the first result', async () => {
    const { page } = await site.open('/knowledge/why-batch-window/', undefined, stopTime);
    await page.keyboard.press('/');
    await page.keyboard.type('OrdersReplicaLagging');
    await Promise.all([page.waitForURL(/replication-lag/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/runbooks/orders-db/replication-lag/');
  });

  test('each result shows once its fragment and those ranked above it are in, in rank order', async () => {
    const reference = (await searchPage('the')).paths;
    expect(reference).toHaveLength(5);
    const held: Route[] = [];
    const { page } = await site.open('/search/', CLIPBOARD, (page) => page.route('**/pagefind/fragment/*', (route) => void held.push(route)));
    const arrived = (route: Route) => page.waitForEvent('requestfinished', (request) => request === route.request());
    await page.locator('#search-q').focus();
    await paste(page, 'the');
    await expect.poll(() => held.length).toBe(5);
    const [first, second, third, ...rest] = held as [Route, Route, Route, ...Route[]];

    // The third arrives first: nothing shows until the first is in, then the first alone.
    await Promise.all([arrived(third), third.continue()]);
    expect(await shownPaths(page)).toEqual([]);
    await first.continue();
    await expect.poll(() => shownPaths(page)).toEqual(reference.slice(0, 1));
    expect(await busy(page)).toBe('true');
    await second.continue();
    await expect.poll(() => shownPaths(page)).toEqual(reference.slice(0, 3));
    for (const route of rest) await route.continue();
    expect(await resultPaths(page, '#search-page')).toEqual(reference);
    expect(await status(page)).toMatch(/^\d+ results, showing the first 5$/);
  });

  test('when result data cannot be fetched, the search says so instead of searching forever', async () => {
    const { page } = await site.open('/search/', CLIPBOARD, (page) => page.route('**/pagefind/fragment/*', (route) => route.abort('connectionrefused')));
    await page.locator('#search-q').focus();
    await paste(page, 'CheckoutHighErrorRate');
    await searchDone(page, '#search-page');
    expect(await status(page)).toMatch(/^Search failed: .+\. The site may be unreachable; reload the page to try again\.$/);
    expect(await page.locator('#search-page .search-result').count()).toBe(0);
  });

  test('when the site stops answering, the search says so after 10 s', async () => {
    const { page } = await site.open('/search/', CLIPBOARD, async (page) => {
      await stopTime(page);
      await page.route('**/pagefind/fragment/*', () => undefined); // never answered
    });
    await page.locator('#search-q').focus();
    await paste(page, 'CheckoutHighErrorRate');
    expect(await status(page)).toBe('Searching…');
    await page.clock.runFor(10_000);
    await searchDone(page, '#search-page');
    expect(await status(page)).toBe('No answer from the site after 10 s. The site may be unreachable; reload the page to try again.');
  });

  test('when search cannot start, it says so, and the next search tries again', async () => {
    const { page } = await site.open('/search/', CLIPBOARD, (page) => page.route('**/pagefind/pagefind.js', (route) => route.abort('connectionrefused')));
    await page.locator('#search-q').focus();
    await paste(page, 'CheckoutHighErrorRate');
    await searchDone(page, '#search-page');
    expect(await status(page)).toBe(
      'Search is not available: the search index did not load (on a new checkout, run `npm run build`). The site may be unreachable; reload the page to try again.',
    );
    await page.unroute('**/pagefind/pagefind.js');
    await page.locator('#search-q').clear();
    await paste(page, 'CheckoutHighErrorRate');
    expect(await resultPaths(page, '#search-page')).toEqual(['/runbooks/checkout/checkout-5xx/']);
  });

  test('when the index cannot be loaded, the search says so rather than "no results"', async () => {
    const { page } = await site.open('/search/', CLIPBOARD);
    await page.locator('#search-q').focus();
    await paste(page, 'CheckoutHighErrorRate');
    await resultPaths(page, '#search-page');
    // Pagefind is running; now the host goes away. Pagefind skips index files it cannot fetch, so
    // the search finds nothing, which must not read as "no results".
    await page.route('**/pagefind/**', (route) => route.abort('connectionrefused'));
    await page.locator('#search-q').clear();
    await paste(page, 'zqxwv');
    await searchDone(page, '#search-page');
    expect(await status(page)).toBe('The search index did not load. The site may be unreachable; reload the page to try again.');
    await page.unroute('**/pagefind/**');
    await page.locator('#search-q').clear();
    await paste(page, 'zqxwv');
    await searchDone(page, '#search-page');
    expect(await status(page)).toMatch(/^No results for “zqxwv”/);
  });
});

describe('the page an engineer lands on', () => {
  test('header card, table of contents, callouts', async () => {
    const { page } = await site.open('/runbooks/checkout/checkout-5xx/');
    const facts = await page.locator('.doc-header .facts').innerText();
    expect(facts).toContain('Storefront · #storefront-oncall · on-call: storefront-primary');
    expect(facts).toContain('Checkout API (tier 1)');
    expect(facts).toContain('CheckoutHighErrorRate');
    expect(facts).toMatch(/2026-11-01\s+\S+.*next review due 2027-01-30/);
    expect(await page.locator('.toc a').allTextContents()).toEqual(['Overview', 'Impact', 'Diagnosis', 'Mitigation', 'Verification', 'Escalation']);
    await page.screenshot({ path: join(SCREENSHOTS, 'runbook.png') });
    const { page: callouts } = await site.open('/runbooks/checkout/callouts/');
    expect(await callouts.locator('aside.callout-warning .callout-title').textContent()).toBe('Warning');
  });

  test('the copy button copies the commands without prompts or output', async () => {
    const { page, context } = await site.open('/runbooks/checkout/checkout-5xx/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('.code-block:has(pre[data-language="console"]) .copy-button').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kubectl -n checkout get pods -l app=checkout-api');
  });

  test('dark mode follows the OS, and the toggle is remembered', async () => {
    const { page } = await site.open('/', { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.locator('.theme-toggle').click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
  });

  test('prints without navigation, link targets written out', async () => {
    const { page } = await site.open('/runbooks/orders-db/replication-lag/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    const printed = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((link) => getComputedStyle(link, '::after').content);
    expect(await printed('.doc-header a.alert')).toBe('" (/alerts/OrdersReplicaLagging/)"');
    expect(await printed('.doc-header .facts a[href^="https:"]')).toBe('" (https://pager.shop.example/schedules/data-platform)"');
  });

  test('readable on a phone: no horizontal scrolling, long identifiers wrap, the search dialog fits', async () => {
    const phone = { viewport: { width: 375, height: 812 }, isMobile: true };
    for (const path of ['/runbooks/checkout/checkout-5xx/', '/runbooks/orders-db/replication-lag/', '/dr-plans/orders-db/', '/alerts/', '/glossary/']) {
      const { page } = await site.open(path, phone);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    const { page } = await site.open('/knowledge/why-batch-window/', phone);
    await page.keyboard.press('/');
    await page.keyboard.type('OrdersReplicaLagging');
    await resultPaths(page, '#search-dialog');
    const close = await page.locator('.search-close').boundingBox();
    expect(close!.x + close!.width).toBeLessThanOrEqual(375);
  });

  test('the home page prints without its search form', async () => {
    const { page } = await site.open('/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.big-search').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
  });

  test('every page reads fine with JavaScript off; search says it needs it', async () => {
    const { page } = await site.open('/runbooks/orders-db/replication-lag/', { javaScriptEnabled: false });
    expect(await page.locator('h1').textContent()).toBe('Orders database replication lag');
    expect(await page.locator('.doc-body').innerText()).toContain('SELECT client_addr, replay_lag FROM pg_stat_replication;');
    const { page: search } = await site.open('/search/', { javaScriptEnabled: false });
    expect(await search.locator('noscript').textContent()).toContain('Search needs JavaScript');
  });
});

describe('self-contained and safe', () => {
  test('every page has a Content-Security-Policy, and nothing the site itself runs violates it', async () => {
    const paths = ['/', '/runbooks/checkout/checkout-5xx/', '/search/?q=orders', '/alerts/', '/rules/links/'];
    for (const path of paths) {
      const { page } = await site.open(path);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
      if (path.startsWith('/search/')) await resultPaths(page, '#search-page');
      await page.waitForLoadState('networkidle');
    }
    const visited = new Set(paths.map((path) => new URL(path, site.server.url).href));
    const onThesePages = site.consoleErrors.filter((error) => visited.has(error.slice(0, error.indexOf(': '))));
    expect(visited.size).toBe(5);
    expect(onThesePages.filter((error) => /Content Security Policy|Refused to/.test(error))).toEqual([]);
  });

  test('a script written into a doc (raw HTML in Markdown) does not run', async () => {
    const { page } = await site.open('/runbooks/orders-db/replication-lag/');
    expect(await page.locator('.doc-body script').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { docScriptRan?: boolean }).docScriptRan)).toBeUndefined();
    expect(site.consoleErrors.some((error) => error.includes('/runbooks/orders-db/replication-lag/') && /Content Security Policy/.test(error))).toBe(true);
  });

  const PAGES = [
    '/',
    '/runbooks/checkout/checkout-5xx/',
    '/runbooks/orders-db/replication-lag/',
    '/dr-plans/orders-db/',
    '/onboarding/first-week/',
    '/glossary/',
    '/alerts/',
    '/alerts/NoSuchAlert/',
    '/rules/no-secrets/',
    '/search/?q=orders',
  ];
  const VARIANTS = [
    ['light', { colorScheme: 'light' }],
    ['dark, on a phone', { colorScheme: 'dark', viewport: { width: 375, height: 812 }, isMobile: true }],
  ] as const;
  test.each(PAGES.flatMap((path) => VARIANTS.map(([variant, options]) => [path, variant, options] as const)))(
    'no serious or critical accessibility violations on %s, %s (axe-core)',
    async (path, _variant, options) => {
      const { page } = await site.open(path, { bypassCSP: true, ...options });
      if (path.startsWith('/search/')) await resultPaths(page, '#search-page');
      await page.evaluate(readFileSync(join(PROJECT_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8'));
      const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
        violations: { id: string; impact: string; nodes: unknown[] }[];
      };
      const serious = violations.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((violation) => `${violation.id} (${violation.nodes.length})`)).toEqual([]);
      if (path === '/' && options.colorScheme === 'light') await page.screenshot({ path: join(SCREENSHOTS, 'home.png') });
    },
  );

  test('no request ever left localhost', () => {
    expect(site.requests.length).toBeGreaterThan(20);
    expect(site.requests.filter((url) => !url.startsWith(site.server.url) && !url.startsWith('data:'))).toEqual([]);
  });
});
