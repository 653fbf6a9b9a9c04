// Alert lookup as Alertmanager's links reach it: a real build of the fixture knowledge base,
// served over HTTP with the site's 404 page, opened in Debian's Chromium with and without JavaScript.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/lib/site/static-server.ts';
import { launchChromium } from '../../scripts/support/chromium.ts';
import type { Build } from '../support/build.ts';

const ALERTS = {
  CheckoutHighErrorRate: '/runbooks/checkout/checkout-5xx/',
  CheckoutRetryQueueStuck: '/runbooks/checkout/callouts/',
  OrdersReplicaLagging: '/runbooks/orders-db/replication-lag/',
} as const;

let build: Build;
let server: RunningServer;
let browser: Browser;
let withScripts: BrowserContext;
let withoutScripts: BrowserContext;

beforeAll(async () => {
  build = inject('fixtureBuild');
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.log}`);
  server = await startStaticServer({ root: build.outDir });
  browser = await launchChromium();
  withScripts = await browser.newContext();
  withoutScripts = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => new URL(path, server.url).href;
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Opens a path and collects what the page reports: CSP violations, errors, alert() dialogs. */
async function open(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  const response = await page.goto(url(path));
  return { page, status: response?.status(), problems };
}

describe('/alerts/<Name>/', () => {
  test.each([
    ['with JavaScript', () => withScripts],
    ['without JavaScript', () => withoutScripts],
  ])('takes the reader to the runbook %s (meta refresh)', async (_, context) => {
    const { page, status } = await open(context(), '/alerts/CheckoutHighErrorRate/');
    expect(status).toBe(200);
    await page.waitForURL((current) => current.pathname === ALERTS.CheckoutHighErrorRate, { timeout: 10_000 });
    expect(await page.locator('h1').first().textContent()).toContain('Checkout returns 5xx errors');
    await page.close();
  });

  test('the page itself names the runbook, its owner and severity, points canonical at it and stays out of search', () => {
    const html = readFileSync(join(build.outDir, 'alerts/CheckoutHighErrorRate/index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/runbooks/checkout/checkout-5xx/">');
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/runbooks\/checkout\/checkout-5xx\/">/);
    expect(html).toContain('<a href="/runbooks/checkout/checkout-5xx/">Checkout returns 5xx errors</a>');
    expect(html).toContain('Storefront');
    expect(html).toContain('critical');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-ignore="all"');
  });
});

describe('/alerts/', () => {
  test('lists every alert, by name, with a link to its runbook', async () => {
    const { page } = await open(withScripts, '/alerts/');
    const rows = await page.locator('table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        alert: row.querySelector('th')?.textContent?.trim(),
        runbook: new URL((row.querySelector('td a') as HTMLAnchorElement).href).pathname,
      })),
    );
    expect(rows).toEqual(Object.entries(ALERTS).map(([alert, runbook]) => ({ alert, runbook })));
    expect(await page.locator('pre').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('{{ .GroupLabels.alertname }}/')]));
    await page.close();
  });
});

describe('an alert without a runbook', () => {
  test('gets status 404 and "No runbook for <Name> yet", a search for it and how to add one', async () => {
    const { page, status, problems } = await open(withScripts, '/alerts/NoSuchAlert/');
    expect(status).toBe(404);
    await expect.poll(() => page.locator('h1:visible').textContent()).toBe('No runbook for NoSuchAlert yet');
    expect(await page.title()).toBe('No runbook for NoSuchAlert yet · opskb');
    expect(await page.locator('text=Page not found').isVisible()).toBe(false);

    const search = page.locator('a[data-search-link]');
    expect(await search.getAttribute('href')).toBe('/search/?q=NoSuchAlert');
    expect(await page.locator('form[action="/search/"] input[name="q"]').first().inputValue()).toBe('NoSuchAlert');

    const howTo = await page.locator('#missing-runbook-howto').innerText();
    expect(howTo).toContain('content/runbooks/<service-id>/no-such-alert.mdx');
    expect(howTo).toContain('alerts: [NoSuchAlert]');
    expect(howTo).toContain('## Escalation');
    expect(howTo).toContain('npx opskb lint content/runbooks/<service-id>/no-such-alert.mdx');
    expect(await page.locator('#missing-runbook-suggestions').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('without JavaScript, shows the generic page with a link to the list of alerts', async () => {
    const { page, status } = await open(withoutScripts, '/alerts/NoSuchAlert/');
    expect(status).toBe(404);
    expect(await page.locator('h1:visible').allTextContents()).toEqual(['Page not found']);
    expect(await page.locator('#not-found a[href="/alerts/"]').isVisible()).toBe(true);
    await page.close();
  });

  test.each(['/alerts/checkouthigherrorrate/', '/ALERTS/CHECKOUTHIGHERRORRATE'])('%s offers the alert spelled right', async (path) => {
    const { page, status } = await open(withScripts, path);
    expect(status).toBe(404);
    const suggestion = page.locator('#missing-runbook-suggestions a');
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('href')).toBe('/alerts/CheckoutHighErrorRate/');
    expect(await suggestion.textContent()).toBe('CheckoutHighErrorRate');
    await suggestion.click();
    await page.waitForURL((current) => current.pathname === ALERTS.CheckoutHighErrorRate, { timeout: 10_000 });
    await page.close();
  });

  test('a path holding markup is shown as text, never run', async () => {
    const { page, status, problems } = await open(withScripts, '/alerts/<img src=x onerror=alert(1)>/');
    expect(status).toBe(404);
    await expect.poll(() => page.locator('h1:visible').textContent()).toBe('No runbook for <img src=x onerror=alert(1)> yet');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#missing-runbook-invalid').isVisible()).toBe(true);
    expect(await page.locator('#missing-runbook-howto').isVisible()).toBe(false);
    expect(await page.locator('a[data-search-link]').getAttribute('href')).toBe('/search/?q=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E');
    expect(problems).toEqual([]);
    expect(pathOf(page)).toBe('/alerts/%3Cimg%20src=x%20onerror=alert(1)%3E/');
    await page.close();
  });

  test('any other unknown path is the generic "Page not found"', async () => {
    const { page, status } = await open(withScripts, '/no/such/page/');
    expect(status).toBe(404);
    expect(await page.locator('h1:visible').allTextContents()).toEqual(['Page not found']);
    await page.close();
  });
});
