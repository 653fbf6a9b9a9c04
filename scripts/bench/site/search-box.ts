// The site's own search box, end to end, for the site benchmark.
import type { Browser, Page } from 'playwright-core';
import { BenchError } from '../errors.ts';
import { numberField, recordTransfers } from './search-api.ts';

// What an on-call engineer waits for after pasting an
// alert name. Each site is driven through its own UI (its shortcut, its box, its result list), so
// the time includes whatever the UI adds to Pagefind's: a typing debounce, rendering.

/** How to drive a site's search UI: the key that opens it, its box, and one shown result (with its data). */
export type SearchUi = { readonly openKey: string; readonly input: string; readonly shownResult: string };

export const OPSKB_SEARCH_UI: SearchUi = { openKey: 'Control+k', input: '#dialog-q', shownResult: '#search-dialog .search-result' };
/**
 * Starlight's dialog holds Pagefind's Default UI: a result's title link appears once its data is in
 * (a placeholder before). Its sub-results have title links too, one level down, not counted.
 */
export const STARLIGHT_SEARCH_UI: SearchUi = {
  openKey: 'Control+k',
  input: '#starlight__search .pagefind-ui__search-input',
  shownResult: '#starlight__search .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link',
};

export type UiQuery = {
  readonly query: string;
  /** From the paste event to the first result shown. */
  readonly firstMs: number;
  /** From the paste event to `shown` results shown. */
  readonly allMs: number;
  readonly shown: number;
};

export type UiQueryPlan = { readonly text: string; /** Results the API found for it: the UI shows up to five. */ readonly results: number };

export const UI_WAIT_MS = 10_000;

/** One pass in a fresh browser context: open the search UI, then paste each query in turn. */
export async function measureSearchUi(
  browser: Browser,
  options: { baseUrl: string; pagePath: string; ui: SearchUi; queries: readonly UiQueryPlan[] },
): Promise<UiQuery[]> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const { ui } = options;
  try {
    const page = await context.newPage();
    // Waits until no request of the page or its workers has run for a while (`networkidle` returns
    // at once once the page has been idle after loading, whatever it fetches later).
    const recorder = recordTransfers(page);
    const quiet = () => recorder.step(async () => undefined);
    await recorder.step(() => page.goto(new URL(options.pagePath, options.baseUrl).href, { waitUntil: 'load' }));
    await page.keyboard.press(ui.openKey);
    const input = page.locator(ui.input);
    try {
      await input.waitFor({ state: 'visible', timeout: UI_WAIT_MS });
    } catch {
      throw new BenchError(`${options.pagePath}: \`${ui.openKey}\` did not show the search box \`${ui.input}\``);
    }
    await input.focus();
    // What opening and focusing loads (Pagefind's worker, wasm, filter values) is in before the first paste.
    await quiet();
    await page.evaluate(`(() => {
      const probe = globalThis.__benchUi = { selector: ${JSON.stringify(ui.shownResult)}, want: 0, start: 0, first: 0, done: 0 };
      document.addEventListener('paste', () => { probe.start = performance.now(); probe.first = 0; probe.done = 0; }, true);
      new MutationObserver(() => {
        if (probe.start === 0) return;
        const shown = document.querySelectorAll(probe.selector).length;
        if (shown > 0 && probe.first === 0) probe.first = performance.now();
        if (shown >= probe.want && probe.done === 0) probe.done = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);

    const measured: UiQuery[] = [];
    for (const query of options.queries) {
      const want = Math.min(5, query.results);
      if (want === 0) continue;
      await input.clear();
      try {
        await pollPage(page, `document.querySelectorAll(${JSON.stringify(ui.shownResult)}).length === 0`);
      } catch {
        throw new BenchError(`${options.pagePath}: the results of the previous query stayed after the box was cleared`);
      }
      await page.evaluate(
        `(async () => { Object.assign(globalThis.__benchUi, { want: ${want}, start: 0, first: 0, done: 0 }); await navigator.clipboard.writeText(${JSON.stringify(query.text)}); })()`,
      );
      await page.keyboard.press('Control+V');
      try {
        await pollPage(page, 'globalThis.__benchUi.done > 0');
      } catch {
        throw new BenchError(
          `pasting \`${query.text}\` into \`${ui.input}\` did not show ${want} results (\`${ui.shownResult}\`) within ${UI_WAIT_MS / 1000} s`,
        );
      }
      const probe = await page.evaluate('globalThis.__benchUi');
      const start = numberField(probe, 'start');
      measured.push({ query: query.text, firstMs: numberField(probe, 'first') - start, allMs: numberField(probe, 'done') - start, shown: want });
      // Let the UI finish what it does after showing (Pagefind UI loads sub-results, images).
      await quiet();
    }
    return measured;
  } finally {
    await context.close();
  }
}

/**
 * Waits until `expression` is true in the page. Not `waitForFunction`: it evaluates a string with
 * `eval` inside the page, which the site's Content-Security-Policy refuses. The times themselves
 * are taken in the page, so the polling interval does not enter them.
 */
export async function pollPage(page: Page, expression: string): Promise<void> {
  const deadline = performance.now() + UI_WAIT_MS;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) throw new BenchError(`\`${expression}\` still false after ${UI_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
