// The search half of the site benchmark: in Chromium, open a doc page of a served site, then call
// Pagefind's JS API in the page (what every Pagefind UI does) and record what each step transfers
// and how long it takes. Both sites are driven the same way, whatever their own search UI does.
import type { Browser, Page, Request } from 'playwright-core';
import { BenchError } from '../errors.ts';

/** One HTTP exchange: `path` is the URL's path and query; `bytes` are body plus response headers. */
export type Transfer = { readonly path: string; readonly status: number; readonly bytes: number; readonly failure?: string | undefined };

export type SearchStep = {
  readonly label: string;
  readonly query?: string | undefined;
  /** Measured in the page (performance.now) around the awaited call; the page load from Node. */
  readonly ms: number;
  /** Results Pagefind found (not only the 5 whose data was loaded). */
  readonly results?: number | undefined;
  readonly transfers: readonly Transfer[];
};

/**
 * What requests alone cost in this browser, on the same server and connections: a later query
 * makes two rounds of them (its index chunks, then the fragments of up to five results at once),
 * so they put a floor under its latency on this machine.
 */
export type RequestFloor = {
  /** One request for pagefind-entry.json (under 1 KB): median of 10, one after another. */
  readonly oneMs: number;
  /** Five such requests at once, until the last answers: median of 5 rounds. */
  readonly fiveMs: number;
};

export type SearchRun = {
  readonly pageUrl: string;
  readonly pageStatus: number;
  readonly pageLoad: SearchStep;
  /** `import('/pagefind/pagefind.js')`. */
  readonly importScript: SearchStep;
  /** `pagefind.init()`: the worker script, entry, metadata and wasm; and what the site's UI fetches then. */
  readonly init: SearchStep;
  readonly first: SearchStep;
  /** The first query again: every chunk is loaded, so this is search work alone. */
  readonly repeat: SearchStep;
  readonly later: readonly SearchStep[];
  /** Each later query again, its chunks loaded: the search work alone, without loading. */
  readonly laterCached: readonly SearchStep[];
  /** Requests that started between steps (should be none). */
  readonly stray: readonly Transfer[];
  readonly requestFloor?: RequestFloor | undefined;
};

export type SearchOptions = {
  /** Where the site is served, ending in `/`. */
  readonly baseUrl: string;
  /** A doc page, `/runbooks/x/y/`. */
  readonly pagePath: string;
  readonly first: string;
  readonly later: readonly string[];
  /** How many results' data() to load per query (default 5, as opskb's result list shows at first). */
  readonly resultsShown?: number | undefined;
  /** What the site's own search UI fetches besides Pagefind when search opens: counted in init. */
  readonly fetchedAtInit?: readonly string[] | undefined;
};

export const SETTLE_QUIET_MS = 150;
export const SETTLE_LIMIT_MS = 15_000;

/** Runs in a fresh browser context (empty cache), so each site starts cold. */
export async function measureSearch(browser: Browser, options: SearchOptions): Promise<SearchRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recorder = recordTransfers(page);
    const shown = options.resultsShown ?? 5;
    const pageUrl = new URL(options.pagePath, options.baseUrl).href;

    const pageLoad = await recorder.step(async () => {
      const started = performance.now();
      const response = await page.goto(pageUrl, { waitUntil: 'load' });
      // Let the site's own scripts do what they do on idle (Starlight loads its search UI then).
      await page.waitForLoadState('networkidle');
      return { ms: performance.now() - started, status: response?.status() ?? 0 };
    });
    if (pageLoad.value.status !== 200) throw new BenchError(`${pageUrl} answered ${pageLoad.value.status}, expected 200`);

    const importScript = await recorder.step(() => timed(page, `globalThis.__benchPagefind = await import('/pagefind/pagefind.js');`));
    const fetched = JSON.stringify(options.fetchedAtInit ?? []);
    const init = await recorder.step(() =>
      timed(page, `await Promise.all([globalThis.__benchPagefind.init(), ...${fetched}.map((url) => fetch(url).then((response) => response.arrayBuffer()))]);`),
    );
    const query = (text: string) => recorder.step(() => search(page, text, shown));
    const first = await query(options.first);
    const repeat = await query(options.first);
    const later: SearchStep[] = [];
    for (const text of options.later) {
      const step = await query(text);
      later.push({ label: 'later query', query: text, ms: step.value.ms, results: step.value.results, transfers: step.transfers });
    }
    const laterCached: SearchStep[] = [];
    for (const text of options.later) {
      const step = await query(text);
      laterCached.push({ label: 'later query again', query: text, ms: step.value.ms, results: step.value.results, transfers: step.transfers });
    }
    const requestFloor = (await recorder.step(() => measureRequestFloor(page))).value;
    return {
      pageUrl,
      pageStatus: pageLoad.value.status,
      pageLoad: { label: 'doc page load', ms: pageLoad.value.ms, transfers: pageLoad.transfers },
      importScript: { label: 'import pagefind.js', ms: importScript.value.ms, transfers: importScript.transfers },
      init: { label: 'pagefind.init()', ms: init.value.ms, transfers: init.transfers },
      first: { label: 'first query', query: options.first, ms: first.value.ms, results: first.value.results, transfers: first.transfers },
      repeat: { label: 'first query again', query: options.first, ms: repeat.value.ms, results: repeat.value.results, transfers: repeat.transfers },
      later,
      laterCached,
      stray: recorder.stray,
      requestFloor,
    };
  } finally {
    await context.close();
  }
}

/**
 * Counts every request of the page and of its workers (Pagefind 1.6 searches in a Web Worker),
 * attributed to the step during which it started.
 */
export function recordTransfers(page: Page) {
  const stray: Transfer[] = [];
  let bucket: Transfer[] = stray;
  let inflight = 0;
  const buckets = new Map<Request, Transfer[]>();
  const pending = new Set<Promise<void>>();
  const settleOne = (request: Request, measure: () => Promise<Transfer>) => {
    const target = buckets.get(request) ?? stray;
    const done = measure()
      .then((transfer) => {
        target.push(transfer);
      })
      .finally(() => {
        inflight -= 1;
        pending.delete(done);
      });
    pending.add(done);
  };
  page.on('request', (request) => {
    inflight += 1;
    buckets.set(request, bucket);
  });
  page.on('requestfinished', (request) => settleOne(request, () => transferOf(request)));
  page.on('requestfailed', (request) =>
    settleOne(request, async () => ({ path: pathOf(request.url()), status: 0, bytes: 0, failure: request.failure()?.errorText ?? 'failed' })),
  );

  const settle = async () => {
    const deadline = performance.now() + SETTLE_LIMIT_MS;
    let quietSince = performance.now();
    while (performance.now() < deadline) {
      await Promise.all([...pending]);
      if (inflight > 0) quietSince = performance.now();
      else if (performance.now() - quietSince >= SETTLE_QUIET_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new BenchError(`${inflight} requests still running after ${SETTLE_LIMIT_MS / 1000} s`);
  };

  return {
    stray,
    async step<T>(run: () => Promise<T>): Promise<{ value: T; transfers: Transfer[] }> {
      const transfers: Transfer[] = [];
      bucket = transfers;
      try {
        const value = await run();
        await settle();
        return { value, transfers };
      } finally {
        bucket = stray;
      }
    },
  };
}

export async function transferOf(request: Request): Promise<Transfer> {
  const [response, sizes] = await Promise.all([request.response(), request.sizes()]);
  // Chromium reports a 0-byte body for a dedicated worker's script (pagefind-worker.js, 43 KB);
  // the static server sends no compression, so Content-Length is what went over the wire.
  const length = Number(response?.headers()['content-length']);
  const body = sizes.responseBodySize > 0 || !Number.isFinite(length) ? sizes.responseBodySize : length;
  return { path: pathOf(request.url()), status: response?.status() ?? 0, bytes: body + sizes.responseHeadersSize };
}

export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The code goes to the page as a string: a function would be rewritten by a bundler or test runner
 * (`__vite_ssr_dynamic_import__ is not defined`, see STACK-NOTES), and the page needs the import.
 */
export async function timed(page: Page, body: string): Promise<{ ms: number }> {
  const value = await page.evaluate(`(async () => { const started = performance.now(); ${body} return { ms: performance.now() - started }; })()`);
  return { ms: numberField(value, 'ms') };
}

export async function search(page: Page, query: string, shown: number): Promise<{ ms: number; results: number }> {
  const value = await page.evaluate(`(async () => {
    const started = performance.now();
    const response = await globalThis.__benchPagefind.search(${JSON.stringify(query)});
    await Promise.all(response.results.slice(0, ${shown}).map((result) => result.data()));
    return { ms: performance.now() - started, results: response.results.length };
  })()`);
  return { ms: numberField(value, 'ms'), results: numberField(value, 'results') };
}

/** After the searches, so that the page's connections are as warm as a later query finds them. */
export async function measureRequestFloor(page: Page): Promise<RequestFloor> {
  const value = await page.evaluate(`(async () => {
    let n = 0;
    const fetchOne = async () => { const response = await fetch('/pagefind/pagefind-entry.json?floor=' + (n += 1)); await response.arrayBuffer(); };
    const time = async (run) => { const started = performance.now(); await run(); return performance.now() - started; };
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const one = [];
    for (let i = 0; i < 10; i += 1) one.push(await time(fetchOne));
    const five = [];
    for (let i = 0; i < 5; i += 1) five.push(await time(() => Promise.all([fetchOne(), fetchOne(), fetchOne(), fetchOne(), fetchOne()])));
    return { oneMs: median(one), fiveMs: median(five) };
  })()`);
  return { oneMs: numberField(value, 'oneMs'), fiveMs: numberField(value, 'fiveMs') };
}

export function numberField(value: unknown, key: string): number {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof field !== 'number') throw new BenchError(`the page returned ${JSON.stringify(value)}, expected a number in \`${key}\``);
  return field;
}
