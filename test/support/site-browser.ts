// One served fixture site and one Chromium per test file, with every request and console error
// recorded so tests can assert that nothing leaves localhost and nothing breaks the CSP.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/lib/site/static-server.ts';
import { launchChromium } from '../../scripts/support/chromium.ts';

export type SiteSession = {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly requests: string[];
  readonly consoleErrors: string[];
  /** A new context and page at `path`; `prepare` runs on the page before it navigates (routes, a fake clock). */
  open(
    path: string,
    options?: Parameters<Browser['newContext']>[0],
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
};

export async function startSiteSession(): Promise<SiteSession> {
  const build = inject('fixtureBuild');
  if (build.status !== 0) throw new Error(`The fixture site did not build:\n${build.log}`);
  const server = await startStaticServer({ root: build.outDir });
  const browser = await launchChromium();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    requests,
    consoleErrors,
    async open(path, options, prepare) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      contexts.push(context);
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
      await prepare?.(page);
      await page.goto(new URL(path, server.url).href);
      return { page, context };
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The result links of the search UI in `scope`, as paths (`/runbooks/x/`), once the search is done
 * (cards show one by one; the list is `aria-busy` until the last is in) and at least one result shows.
 */
export async function resultPaths(page: Page, scope: string): Promise<string[]> {
  await searchDone(page, scope);
  const links = page.locator(`${scope} .search-result-title`);
  await links.first().waitFor({ timeout: 15_000 });
  return links.evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
}

/** Until the search UI in `scope` has finished its search: results shown, or a message in their place. */
export async function searchDone(page: Page, scope: string): Promise<void> {
  await page.locator(`${scope} .search-results[aria-busy="false"]`).waitFor({ state: 'attached', timeout: 15_000 });
}
