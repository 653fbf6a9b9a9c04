// The site benchmark's report: the table, the notes that explain it, and the JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatTable, type RssProbe } from '../measure.ts';
import { describeKb, formatTargets, kbJson, machineJson, machineLines, type Target } from '../report.ts';
import { type SyntheticKb } from '../synthetic-kb/index.ts';
import { formatPhases } from './build-phases.ts';
import type { QueryPlan } from './queries.ts';
import { kib, MB, mib } from '../units.ts';
import { PAGEFIND_ASSETS, SEARCH_PASSES } from './search-figures.ts';
import type { SiteFigures } from './targets.ts';

export type SiteBenchReport = {
  readonly docs: number;
  readonly sites: readonly SiteFigures[];
  readonly queries: QueryPlan;
  readonly targets: readonly Target[];
  readonly notes: readonly string[];
};

export function formatReport(report: SiteBenchReport): string {
  const { sites } = report;
  const row = (label: string, cell: (site: SiteFigures) => string) => [label, ...sites.map(cell)];
  const build = formatTable(
    ['', ...sites.map((site) => `${site.name} ${site.version}`)],
    [
      row('build wall, s', (site) => site.build.summary.medianWallSeconds.toFixed(1)),
      row('build CPU, s', (site) => site.build.summary.medianCpuSeconds?.toFixed(1) ?? '-'),
      row('build peak RSS, MB', (site) => (site.build.summary.maxPeakRssBytes / MB).toFixed(0)),
      row('  largest process alone, MB', (site) => (site.build.summary.maxPeakProcessRssBytes / MB).toFixed(0)),
      row('HTML pages', (site) => String(site.build.size.htmlFiles)),
      row('dist size (files)', (site) => `${mib(site.build.size.bytes)} (${site.build.size.files})`),
      row('Pagefind index (files)', (site) => `${mib(site.build.size.pagefindBytes)} (${site.build.size.pagefindFiles})`),
      row('doc page load', (site) => kib(site.search.pageBytes)),
      row('pagefind.js', (site) => kib(site.search.pagefindJsBytes)),
      row('init: worker, entry, meta, wasm', (site) => `${kib(site.search.initBytes)}, ${site.search.initMs.toFixed(0)} ms`),
      row('first query incl. init', (site) => `${kib(site.search.firstQuery.bytes)}, ${site.search.firstQuery.ms.toFixed(0)} ms`),
      row('first query + pagefind.js', (site) => kib(site.search.firstQuery.bytes + site.search.pagefindJsBytes)),
      row('first query again (cached)', (site) => `${site.search.repeatMs.toFixed(0)} ms`),
      row('later queries, median / max', (site) => `${kib(site.search.laterBytes.median)} / ${kib(site.search.laterBytes.max)}`),
      row('later queries, median / max ms', (site) => `${site.search.laterMs.median.toFixed(0)} / ${site.search.laterMs.max.toFixed(0)}`),
      ...(sites.some((site) => site.searchBox)
        ? [
            row('search box: paste → 1st result, later median / max ms', (site) =>
              site.searchBox ? `${site.searchBox.laterFirstMs.median.toFixed(0)} / ${site.searchBox.laterFirstMs.max.toFixed(0)}` : '-',
            ),
            row('search box: paste → up to 5 results, later median / max ms', (site) =>
              site.searchBox ? `${site.searchBox.laterAllMs.median.toFixed(0)} / ${site.searchBox.laterAllMs.max.toFixed(0)}` : '-',
            ),
          ]
        : []),
      ...(sites.some((site) => site.search.requestFloor)
        ? [
            row('one request / five at once, ms', (site) =>
              site.search.requestFloor ? `${site.search.requestFloor.oneMs.toFixed(1)} / ${site.search.requestFloor.fiveMs.toFixed(1)}` : '-',
            ),
          ]
        : []),
    ],
  );
  const phases = sites.map((site) => `  ${site.name}: ${formatPhases(site.build.phases, site.build.summary.medianWallSeconds)}`);
  const breakdown = sites.map((site) => {
    const parts = PAGEFIND_ASSETS.flatMap((asset) => {
      const entry = site.search.firstQuery.summary.byAsset[asset];
      return entry ? [`${asset} ${kib(entry.bytes)}${entry.requests > 1 ? ` (${entry.requests})` : ''}`] : [];
    });
    return `  ${site.name}: ${parts.join(' · ')}`;
  });
  const boxMs = (site: SiteFigures, text: string) => {
    const figures = site.searchBox?.queries.find((query) => query.query === text);
    return figures ? figures.allMs.toFixed(0) : '-';
  };
  const queryRows = [report.queries.first, ...report.queries.later].map((query, index) => [
    `${index === 0 ? 'first' : 'later'} ${query.kind}: ${query.text}`,
    ...sites.flatMap((site) => {
      if (index === 0)
        return [
          String(site.search.firstQuery.results),
          kib(site.search.firstQuery.bytes),
          site.search.firstQuery.ms.toFixed(0),
          site.search.repeatMs.toFixed(0),
          boxMs(site, query.text),
        ];
      const figures = site.search.later[index - 1];
      return figures
        ? [String(figures.results), kib(figures.bytes), figures.ms.toFixed(0), figures.cachedMs.toFixed(0), boxMs(site, query.text)]
        : ['-', '-', '-', '-', '-'];
    }),
  ]);
  const queries = formatTable(['query', ...sites.flatMap((site) => [`${site.name} results`, 'KB', 'ms', 'again ms', 'box ms'])], queryRows);
  const targets = formatTargets(report.targets, 'target (opskb)', 'n/a');
  return [
    build,
    '',
    "Build phases, from Astro's timers in the build logs (the last run of each):",
    ...phases,
    '',
    'First query incl. init, by Pagefind file:',
    ...breakdown,
    '',
    queries,
    '("again ms": the same query repeated once its chunks are loaded, i.e. Pagefind\'s search work without loading. "box ms": pasted into the site\'s own search box, until up to 5 results show.)',
    '',
    'Targets',
    targets,
    ...(report.notes.length > 0 ? ['', 'Notes', ...report.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

export function searchNotes(sites: readonly SiteFigures[], queries: QueryPlan, opskbDist: string, load: number): string[] {
  const busy =
    load > availableParallelism()
      ? ` The machine was busy when the searches started (load average ${load.toFixed(2)} on ${availableParallelism()} cores): latencies are inflated.`
      : ` Load average when the searches started: ${load.toFixed(2)}.`;
  const notes = [
    "Bytes are response bodies plus response headers as Chromium saw them, from Playwright request events; the bench server (startStaticServer, sirv) sends no compression. Pagefind's index files are gzip inside, so they travel the same from any host; HTML and JS would be gzipped by a real host.",
    `Pagefind 1.6 searches in a Web Worker: pagefind.init() loads pagefind-worker.js too, counted in "first query incl. init". A query's latency is search + data() of the first 5 results, timed in the page; each is the median of ${sites[0]?.search.passes ?? 1} cold passes (a fresh browser context each), and the max is the slowest query's median.${busy}`,
  ];
  if (sites.some((site) => site.searchBox)) {
    notes.push(
      `"search box" rows: each site's own search UI, as an on-call engineer uses it. Ctrl+K opens it on the same doc page; each query is pasted (Ctrl+V, from the clipboard) into the emptied box, and the page times from the paste event to the first result shown and to the first 5 shown (all, when fewer; queries without results are left out). Each site's UI adds what it adds: a typing debounce, the requests for each shown result, rendering. Medians of ${SEARCH_PASSES} passes (a fresh browser context each); the 50 ms target is judged on the Pagefind API figures above, not on these.`,
    );
  }
  const floor = sites[0]?.search.requestFloor;
  if (floor) {
    notes.push(
      `Requests alone, in this browser on this machine ("one request / five at once"): fetching pagefind-entry.json (under 1 KB) from the page took ${floor.oneMs.toFixed(1)} ms, five at once ${floor.fiveMs.toFixed(1)} ms (medians). A later query makes two rounds of requests: its index chunks, then the fragments of up to 5 results at once. So here a query with 5 results or more cannot take less than about ${(floor.oneMs + floor.fiveMs).toFixed(0)} ms before any search work, whatever the site does (one with a single result, about ${(2 * floor.oneMs).toFixed(0)} ms).`,
    );
  }
  const script = join(opskbDist, 'pagefind', 'pagefind.js');
  if (existsSync(script)) {
    const raw = readFileSync(script);
    const worker = join(opskbDist, 'pagefind', 'pagefind-worker.js');
    const workerNote = existsSync(worker)
      ? `; pagefind-worker.js ${kib(statSync(worker).size)} raw, ${kib(gzipSync(readFileSync(worker)).length)} gzipped`
      : '';
    notes.push(`pagefind.js is ${kib(raw.length)} raw, ${kib(gzipSync(raw).length)} gzipped (gzip -6)${workerNote}.`);
  }
  for (const site of sites) {
    if (site.search.pageLoadPagefindRequests > 0)
      notes.push(
        `Warning: ${site.name}'s doc page loaded ${site.search.pageLoadPagefindRequests} Pagefind files by itself before the measurement; its figures may be low.`,
      );
    if (site.search.failed.length > 0)
      notes.push(
        `${site.name}: ${site.search.failed.join(', ')} failed${site.search.failed.every((failure) => failure.startsWith('/favicon')) ? ' (the minimal project has no public/ folder; not a search request)' : ''}.`,
      );
    if (site.search.bytesDiffer.length > 0)
      notes.push(
        `${site.name}: the ${site.search.passes} passes transferred different bytes for ${site.search.bytesDiffer.join('; ')}; the table shows the first pass.`,
      );
    if (site.search.strayRequests > 0)
      notes.push(`Warning: ${site.search.strayRequests} requests on ${site.name} started between measured steps and are not counted.`);
    const empty = site.search.later.filter((query) => query.results === 0).map((query) => `\`${query.query}\``);
    if (site.search.firstQuery.results === 0) empty.unshift(`\`${queries.first.text}\``);
    if (empty.length > 0) notes.push(`${site.name}: no results for ${empty.join(', ')} (a query without results transfers less).`);
  }
  return notes;
}

export function printEnvironment(
  kb: SyntheticKb,
  probe: RssProbe,
  options: { readonly runs: number },
  node: string,
  generatedSeconds: number,
  root: string,
): void {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log('opskb site benchmark');
  console.log(`  node ${version} (${node}) for every build, ${process.platform}-${process.arch}`);
  for (const line of machineLines()) console.log(line);
  console.log(`  knowledge base: ${describeKb(kb)}, none broken; seed ${kb.seed}; generated in ${generatedSeconds.toFixed(1)} s under ${root}`);
  console.log(
    `  builds: cold (no cache), ${options.runs} run${options.runs === 1 ? '' : 's'} each: median wall, maximum peak RSS of the whole process tree (every process the build spawns, summed, polled from /proc every 25 ms; never below the largest single process via ${probe === 'gnu-time' ? 'GNU time %M' : '/proc/<pid>/status VmHWM of the main process'})`,
  );
  console.log('');
}

export function jsonReport(kb: SyntheticKb, probe: RssProbe, options: { readonly runs: number }, report: SiteBenchReport) {
  return {
    version: 1,
    date: new Date().toISOString(),
    environment: { ...machineJson(), rssProbe: probe },
    knowledgeBase: kbJson(kb),
    runs: options.runs,
    queries: report.queries,
    sites: report.sites,
    targets: report.targets,
    notes: report.notes,
  };
}
