// What a search transferred and how long it took, summarised per query and over passes.
import { median } from '../measure.ts';
import { type SearchRun, type SearchStep, type Transfer } from './search-api.ts';
import { type QueryKind, type QueryPlan, unique } from './queries.ts';
import { BenchError } from '../errors.ts';
import { kib } from '../units.ts';
import type { UiQuery } from './search-box.ts';

/** Cold search passes per site; latencies are the median over them. */
export const SEARCH_PASSES = 3;

// ---------------------------------------------------------------------------------------------
// Search transfers.

export const PAGEFIND_ASSETS = ['pagefind.js', 'worker', 'entry', 'wasm', 'meta', 'index', 'filter', 'fragment', 'other pagefind', 'not pagefind'] as const;
export type PagefindAsset = (typeof PAGEFIND_ASSETS)[number];

export function classifyPagefindPath(path: string): PagefindAsset {
  const pathname = path.split('?')[0] ?? path;
  if (!pathname.includes('/pagefind/')) return 'not pagefind';
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (name === 'pagefind.js') return 'pagefind.js';
  if (name === 'pagefind-worker.js') return 'worker';
  if (name === 'pagefind-entry.json') return 'entry';
  if (/^wasm\..+\.pagefind$/.test(name)) return 'wasm';
  if (name.endsWith('.pf_meta')) return 'meta';
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_filter')) return 'filter';
  if (name.endsWith('.pf_fragment')) return 'fragment';
  return 'other pagefind';
}

export const isFailed = (transfer: Transfer) => transfer.failure !== undefined || transfer.status >= 400;

export type TransferSummary = {
  readonly bytes: number;
  readonly requests: number;
  readonly failed: number;
  /** Only the assets that were requested. */
  readonly byAsset: Partial<Record<PagefindAsset, { readonly bytes: number; readonly requests: number }>>;
};

export function summariseTransfers(transfers: readonly Transfer[]): TransferSummary {
  const byAsset: Partial<Record<PagefindAsset, { bytes: number; requests: number }>> = {};
  for (const transfer of transfers) {
    const asset = classifyPagefindPath(transfer.path);
    const entry = (byAsset[asset] ??= { bytes: 0, requests: 0 });
    entry.bytes += transfer.bytes;
    entry.requests += 1;
  }
  return {
    bytes: transfers.reduce((sum, transfer) => sum + transfer.bytes, 0),
    requests: transfers.length,
    failed: transfers.filter(isFailed).length,
    byAsset,
  };
}

export type QueryFigures = {
  readonly query: string;
  readonly kind: QueryKind;
  readonly bytes: number;
  readonly requests: number;
  readonly ms: number;
  /** The same query again, its chunks loaded: search work alone. */
  readonly cachedMs: number;
  readonly results: number;
};

export type SearchFigures = {
  readonly pageUrl: string;
  readonly pageBytes: number;
  /** Pagefind requests the page made on its own while loading and idling (should be none). */
  readonly pageLoadPagefindRequests: number;
  readonly pagefindJsBytes: number;
  readonly initBytes: number;
  readonly initMs: number;
  /** init + the first query's search and data(): what the first search costs once pagefind.js is in. */
  readonly firstQuery: { readonly bytes: number; readonly ms: number; readonly results: number; readonly summary: TransferSummary };
  readonly repeatMs: number;
  readonly later: readonly QueryFigures[];
  readonly laterBytes: { readonly median: number; readonly max: number };
  readonly laterMs: { readonly median: number; readonly max: number };
  /** `path (status or error)` of every request that failed or answered ≥ 400, page load included. */
  readonly failed: readonly string[];
  readonly strayRequests: number;
  /** Search passes combined (each in a fresh browser context); latencies are medians over them. */
  readonly passes: number;
  /** Measures whose bytes differed between passes (they should not: same site, cold cache), with the values. */
  readonly bytesDiffer: readonly string[];
  /** What requests alone cost in this browser (query-bench.ts); medians over the passes. */
  readonly requestFloor?: { readonly oneMs: number; readonly fiveMs: number } | undefined;
};

export function summariseSearch(run: SearchRun, queries: QueryPlan): SearchFigures {
  const firstTransfers = [...run.init.transfers, ...run.first.transfers];
  const later = run.later.map((step, index): QueryFigures => {
    const summary = summariseTransfers(step.transfers);
    const cachedMs = run.laterCached[index]?.ms ?? Number.NaN;
    return {
      query: step.query ?? '',
      kind: queries.later[index]?.kind ?? 'alert',
      bytes: summary.bytes,
      requests: summary.requests,
      ms: step.ms,
      cachedMs,
      results: step.results ?? 0,
    };
  });
  const steps: SearchStep[] = [run.pageLoad, run.importScript, run.init, run.first, run.repeat, ...run.later, ...run.laterCached];
  return {
    pageUrl: run.pageUrl,
    pageBytes: summariseTransfers(run.pageLoad.transfers).bytes,
    pageLoadPagefindRequests: run.pageLoad.transfers.filter((transfer) => classifyPagefindPath(transfer.path) !== 'not pagefind').length,
    pagefindJsBytes: summariseTransfers(run.importScript.transfers).bytes,
    initBytes: summariseTransfers(run.init.transfers).bytes,
    initMs: run.init.ms,
    firstQuery: {
      bytes: summariseTransfers(firstTransfers).bytes,
      ms: run.first.ms,
      results: run.first.results ?? 0,
      summary: summariseTransfers(firstTransfers),
    },
    repeatMs: run.repeat.ms,
    later,
    laterBytes: { median: median(later.map((query) => query.bytes)), max: Math.max(...later.map((query) => query.bytes)) },
    laterMs: { median: median(later.map((query) => query.ms)), max: Math.max(...later.map((query) => query.ms)) },
    failed: steps.flatMap((step) => step.transfers.filter(isFailed).map((transfer) => `${transfer.path} (${transfer.failure ?? transfer.status})`)),
    strayRequests: run.stray.length,
    passes: 1,
    bytesDiffer: [],
    requestFloor: run.requestFloor,
  };
}

/**
 * Several cold passes of the same searches as one: bytes from the first pass (all passes should
 * agree, else `bytesDiffer`), every latency the median over the passes, so one disturbed pass (a
 * busy machine) does not decide a target.
 */
export function combineSearchPasses(passes: readonly SearchFigures[]): SearchFigures {
  const [first] = passes;
  if (!first) throw new BenchError('no search pass to combine');
  const medianOf = (pick: (figures: SearchFigures) => number) => median(passes.map(pick));
  const later = first.later.map((query, index) => ({
    ...query,
    ms: medianOf((figures) => figures.later[index]?.ms ?? Number.NaN),
    cachedMs: medianOf((figures) => figures.later[index]?.cachedMs ?? Number.NaN),
  }));
  const measures: [string, (figures: SearchFigures) => number][] = [
    ['doc page load', (figures) => figures.pageBytes],
    ['pagefind.js', (figures) => figures.pagefindJsBytes],
    ['first query', (figures) => figures.firstQuery.bytes],
    ...first.later.map((query, index): [string, (figures: SearchFigures) => number] => [
      `\`${query.query}\``,
      (figures) => figures.later[index]?.bytes ?? Number.NaN,
    ]),
  ];
  const bytesDiffer = measures.flatMap(([name, pick]) => {
    const values = passes.map(pick);
    return new Set(values).size > 1 ? [`${name}: ${values.map(kib).join(' / ')}`] : [];
  });
  return {
    ...first,
    initMs: medianOf((figures) => figures.initMs),
    firstQuery: { ...first.firstQuery, ms: medianOf((figures) => figures.firstQuery.ms) },
    repeatMs: medianOf((figures) => figures.repeatMs),
    later,
    laterMs: { median: median(later.map((query) => query.ms)), max: Math.max(...later.map((query) => query.ms)) },
    failed: unique(passes.flatMap((figures) => figures.failed)),
    strayRequests: Math.max(...passes.map((figures) => figures.strayRequests)),
    passes: passes.length,
    bytesDiffer,
    requestFloor: passes.every((figures) => figures.requestFloor)
      ? { oneMs: medianOf((figures) => figures.requestFloor?.oneMs ?? Number.NaN), fiveMs: medianOf((figures) => figures.requestFloor?.fiveMs ?? Number.NaN) }
      : undefined,
  };
}

export type SearchBoxFigures = {
  readonly passes: number;
  /** Per query, in plan order (first query first), each time the median over the passes. */
  readonly queries: readonly UiQuery[];
  /** Over the later queries: paste to the first result shown, and to the first five shown. */
  readonly laterFirstMs: { readonly median: number; readonly max: number };
  readonly laterAllMs: { readonly median: number; readonly max: number };
};

/** Several passes of pasting the same queries as one: per query, the median over the passes. */
export function combineSearchBoxPasses(passes: readonly (readonly UiQuery[])[], firstQuery: string): SearchBoxFigures {
  const [first] = passes;
  if (!first) throw new BenchError('no search box pass to combine');
  const queries = first.map((query, index): UiQuery => {
    const same = passes.map((pass) => pass[index]);
    if (same.some((other) => other?.query !== query.query)) throw new BenchError(`search box passes disagree on query ${index + 1} (\`${query.query}\`)`);
    return {
      query: query.query,
      shown: query.shown,
      firstMs: median(same.map((other) => other?.firstMs ?? Number.NaN)),
      allMs: median(same.map((other) => other?.allMs ?? Number.NaN)),
    };
  });
  const later = queries.filter((query, index) => index > 0 || query.query !== firstQuery);
  const spread = (values: readonly number[]) => ({ median: median(values), max: Math.max(...values) });
  return { passes: passes.length, queries, laterFirstMs: spread(later.map((query) => query.firstMs)), laterAllMs: spread(later.map((query) => query.allMs)) };
}
