import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Summary } from '../../scripts/bench/measure.ts';
import type { SearchRun, SearchStep, Transfer } from '../../scripts/bench/site/search-api.ts';
import type { UiQuery } from '../../scripts/bench/site/search-box.ts';
import { BenchError } from '../../scripts/bench/errors.ts';
import { formatPhases, parseAstroDuration, parseBuildPhases } from '../../scripts/bench/site/build-phases.ts';
import { pickQueries, type QueryPlan } from '../../scripts/bench/site/queries.ts';
import { formatReport } from '../../scripts/bench/site/report.ts';
import {
  classifyPagefindPath,
  combineSearchBoxPasses,
  combineSearchPasses,
  summariseSearch,
  summariseTransfers,
} from '../../scripts/bench/site/search-figures.ts';
import { summariseSizes } from '../../scripts/bench/site/sizes.ts';
import { convertKbForStarlight, pinnedStarlight, STARLIGHT_LOCK_DIR, starlightProjectFiles, toStarlightDoc } from '../../scripts/bench/site/starlight.ts';
import { evaluateTargets, type SiteFigures } from '../../scripts/bench/site/targets.ts';
import { generateSyntheticKb } from '../../scripts/bench/synthetic-kb/index.ts';

const KB = 1024;
const FRONTMATTER = '---\ntitle: Ledger DB replication lag\nowner: ledger\n---\n';
const converted = (content: string) => {
  const doc = toStarlightDoc('runbooks/a.mdx', content);
  if (doc.kind === 'skipped') throw new Error(`skipped: ${doc.reason}`);
  return doc.content;
};

describe('toStarlightDoc', () => {
  test('copies .md docs unchanged, whatever they contain', () => {
    const content = `${FRONTMATTER}\n## Overview\n\n<Warning>not MDX here</Warning>\n`;
    expect(toStarlightDoc('runbooks/a.md', content)).toEqual({ kind: 'copied', content });
  });

  test('copies an .mdx doc without callouts unchanged', () => {
    const content = `${FRONTMATTER}\n## Overview\n\n{/* a comment */}\n\n<details>\n  <summary>Why</summary>\n\n  Because.\n</details>\n`;
    expect(toStarlightDoc('runbooks/a.mdx', content)).toEqual({ kind: 'copied', content });
  });

  test("turns the synthetic knowledge base's <Warning title> block into a Starlight caution aside", () => {
    const content = `${FRONTMATTER}\n### Stuck pods\n\n<Warning title="Destructive">\n  this removes running pods.\n</Warning>\n\n\`\`\`bash\nkubectl delete pod x\n\`\`\`\n`;
    expect(toStarlightDoc('runbooks/a.mdx', content)).toEqual({
      kind: 'converted',
      asides: 1,
      content: `${FRONTMATTER}\n### Stuck pods\n\n:::caution[Destructive]\nthis removes running pods.\n:::\n\n\`\`\`bash\nkubectl delete pod x\n\`\`\`\n`,
    });
  });

  test.each([
    ['<Danger title="Data loss">', '</Danger>', ':::danger[Data loss]'],
    ['<Note>', '</Note>', ':::note'],
    ["<Warning title='Single quotes'>", '</Warning>', ':::caution[Single quotes]'],
    ['<Note title="A [link] title">', '</Note>', ':::note[A \\[link\\] title]'],
  ])('maps %s … %s to %s', (opening, closing, aside) => {
    expect(converted(`${FRONTMATTER}\n${opening}\n  Text.\n${closing}\n`)).toBe(`${FRONTMATTER}\n${aside}\nText.\n:::\n`);
  });

  test('converts a callout written on one line, keeps relative indentation and drops blank edges', () => {
    expect(converted(`${FRONTMATTER}\n<Note title="Tip">Use the replica.</Note>\n`)).toBe(`${FRONTMATTER}\n:::note[Tip]\nUse the replica.\n:::\n`);
    expect(converted(`${FRONTMATTER}\n<Warning>\n\n    - first\n      more\n    - second\n\n</Warning>\n`)).toBe(
      `${FRONTMATTER}\n:::caution\n- first\n  more\n- second\n:::\n`,
    );
  });

  test('keeps a code block inside a callout verbatim, even one that shows a closing tag', () => {
    const body = '  ```mdx\n  </Warning>\n  ```';
    expect(converted(`${FRONTMATTER}\n<Warning>\n${body}\n</Warning>\n`)).toBe(`${FRONTMATTER}\n:::caution\n\`\`\`mdx\n</Warning>\n\`\`\`\n:::\n`);
  });

  test('drops the @opskb/mdx import, leaves callouts in code blocks and inline code alone', () => {
    const content = `${FRONTMATTER}import { Warning } from '@opskb/mdx';\n\nWrite \`<Warning>\` for a callout:\n\n\`\`\`mdx\n<Warning title="x">\n  y\n</Warning>\n\`\`\`\n\n<Warning>\n  Real.\n</Warning>\n`;
    expect(converted(content)).toBe(
      `${FRONTMATTER}\nWrite \`<Warning>\` for a callout:\n\n\`\`\`mdx\n<Warning title="x">\n  y\n</Warning>\n\`\`\`\n\n:::caution\nReal.\n:::\n`,
    );
  });

  test.each([
    ['another component', '<Tabs>\n  x\n</Tabs>', 'line 6: <Tabs> is an opskb-only component'],
    [
      'a callout inside a paragraph',
      'Careful: <Warning>x</Warning> here.',
      'line 6: <Warning> inside a paragraph: only callouts on their own lines are converted',
    ],
    ['an attribute other than title', '<Warning icon="fire">\n  x\n</Warning>', 'line 6: <Warning icon=…>: only `title` is converted'],
    ['a callout never closed', 'Intro.\n\n<Danger>\n  x\n', 'line 8: <Danger> is never closed'],
    ['nested callouts', '<Warning>\n  <Note>x</Note>\n</Warning>', 'line 7: <Note> inside <Warning> (line 6): nested components are not converted'],
    ['another import', "import Chart from '../chart.astro';", "line 6: `import Chart from '../chart.astro';`: only imports from @opskb/mdx are converted"],
  ])('skips a doc with %s, saying where and why', (_, body, reason) => {
    expect(toStarlightDoc('runbooks/a.mdx', `${FRONTMATTER}\n${body}\n`)).toEqual({ kind: 'skipped', reason });
  });
});

describe('convertKbForStarlight', () => {
  test('keeps every synthetic doc, converts those with callouts and leaves no opskb component behind', () => {
    const kb = generateSyntheticKb({ docs: 300, brokenShare: 0 });
    const conversion = convertKbForStarlight(kb.files);
    const withCallouts = kb.files.filter((file) => file.path.endsWith('.mdx') && file.content.includes('<Warning'));
    expect(withCallouts.length).toBeGreaterThan(0);
    expect(conversion.skipped).toEqual([]);
    expect(conversion.docs.map((doc) => doc.path)).toEqual(kb.docs.map((doc) => doc.path));
    expect(conversion.converted).toBe(withCallouts.length);
    expect(conversion.asides).toBeGreaterThanOrEqual(withCallouts.length);
    for (const doc of conversion.docs) expect(doc.content, doc.path).not.toMatch(/<\/?(Warning|Danger|Note)\b/);
    const unchanged = conversion.docs.filter((doc) => !withCallouts.some((file) => file.path === doc.path));
    for (const doc of unchanged) expect(doc.content).toBe(kb.files.find((file) => file.path === doc.path)?.content);
  });
});

describe('starlight project', () => {
  test('the lock file pins Starlight and Astro exactly, and the lock holds those versions', () => {
    const pinned = pinnedStarlight();
    const lock = JSON.parse(readFileSync(join(STARLIGHT_LOCK_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    expect(lock.packages['node_modules/@astrojs/starlight']?.version).toBe(pinned.starlight);
    expect(lock.packages['node_modules/astro']?.version).toBe(pinned.astro);
  });

  test('a range in the lock folder is refused, naming the package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opskb-starlight-lock-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { '@astrojs/starlight': '^0.42.6', astro: '7.4.7' } }));
      expect(() => pinnedStarlight(dir)).toThrow(
        new BenchError(`${join(dir, 'package.json')} must pin @astrojs/starlight to an exact version, not \`^0.42.6\``),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("starlightProjectFiles uses docsLoader + docsSchema and matches opskb's build settings", () => {
    const files = starlightProjectFiles('http://localhost:4321');
    expect(files.map((file) => file.path)).toEqual(['astro.config.mjs', 'src/content.config.ts']);
    const [config, contentConfig] = files.map((file) => file.content);
    expect(config).toContain("starlight({\n      title: 'opskb benchmark',");
    expect(config).toContain("langAlias: { promql: 'txt', logql: 'txt', traceql: 'txt' }");
    expect(config).toContain("warning.code === 'MODULE_LEVEL_DIRECTIVE'");
    expect(config).toContain('site: "http://localhost:4321"');
    expect(contentConfig).toContain('docs: defineCollection({ loader: docsLoader(), schema: docsSchema() })');
  });
});

describe('summariseSizes', () => {
  test("adds up the output, its HTML pages and Pagefind's index under pagefind/", () => {
    expect(
      summariseSizes([
        { path: 'index.html', bytes: 1000 },
        { path: 'runbooks/a/index.html', bytes: 2000 },
        { path: '_astro/site.css', bytes: 300 },
        { path: 'pagefind/pagefind.js', bytes: 47_000 },
        { path: 'pagefind/index/en_1.pf_index', bytes: 20_000 },
        { path: 'not-pagefind/pagefind.js', bytes: 5 },
      ]),
    ).toEqual({ bytes: 70_305, files: 6, htmlFiles: 2, pagefindBytes: 67_000, pagefindFiles: 2 });
    expect(summariseSizes([])).toEqual({ bytes: 0, files: 0, htmlFiles: 0, pagefindBytes: 0, pagefindFiles: 0 });
  });
});

describe('classifyPagefindPath', () => {
  test.each([
    ['/pagefind/pagefind.js', 'pagefind.js'],
    ['/pagefind/pagefind-worker.js', 'worker'],
    ['/pagefind/pagefind-entry.json?ts=1795716951830', 'entry'],
    ['/pagefind/wasm.en.pagefind', 'wasm'],
    ['/pagefind/wasm.unknown.pagefind', 'wasm'],
    ['/pagefind/pagefind.en_2a21b6ab7f.pf_meta', 'meta'],
    ['/pagefind/index/en_dd10646.pf_index', 'index'],
    ['/pagefind/filter/en_1a2b.pf_filter', 'filter'],
    ['/pagefind/fragment/en_172a3d3.pf_fragment', 'fragment'],
    ['/pagefind/pagefind-ui.js', 'other pagefind'],
    ['/_astro/ui-core.D5U32Csp.js', 'not pagefind'],
    ['/runbooks/pagefind.js', 'not pagefind'],
  ] as const)('%s is %s', (path, asset) => {
    expect(classifyPagefindPath(path)).toBe(asset);
  });
});

describe('summariseTransfers', () => {
  test('totals bytes and requests, per Pagefind file kind, and counts failures', () => {
    const summary = summariseTransfers([
      { path: '/pagefind/index/en_1.pf_index', status: 200, bytes: 24_000 },
      { path: '/pagefind/fragment/en_1.pf_fragment', status: 200, bytes: 2000 },
      { path: '/pagefind/fragment/en_2.pf_fragment', status: 200, bytes: 2100 },
      { path: '/favicon.svg', status: 404, bytes: 900 },
      { path: '/pagefind/fragment/en_3.pf_fragment', status: 0, bytes: 0, failure: 'net::ERR_ABORTED' },
    ]);
    expect(summary).toEqual({
      bytes: 29_000,
      requests: 5,
      failed: 2,
      byAsset: { index: { bytes: 24_000, requests: 1 }, fragment: { bytes: 4100, requests: 3 }, 'not pagefind': { bytes: 900, requests: 1 } },
    });
  });
});

const transfer = (path: string, bytes: number, status = 200): Transfer => ({ path, status, bytes });
const step = (label: string, ms: number, transfers: Transfer[], query?: string, results?: number): SearchStep => ({ label, ms, transfers, query, results });
const QUERIES: QueryPlan = {
  first: { text: 'LedgerDbReplicationLagHigh', kind: 'alert' },
  later: [
    { text: 'replication lag', kind: 'symptom' },
    { text: 'OOMKilled', kind: 'error' },
    { text: 'Ledger DB', kind: 'service' },
  ],
};
const RUN: SearchRun = {
  pageUrl: 'http://localhost:1234/runbooks/ledger-db/replication-lag/',
  pageStatus: 200,
  pageLoad: step('doc page load', 300, [
    transfer('/runbooks/ledger-db/replication-lag/', 34_000),
    transfer('/_astro/site.js', 5000),
    transfer('/favicon.svg', 900, 404),
  ]),
  importScript: step('import pagefind.js', 20, [transfer('/pagefind/pagefind.js', 47_400)]),
  init: step('pagefind.init()', 5, [
    transfer('/pagefind/pagefind-worker.js', 43_100),
    transfer('/pagefind/pagefind-entry.json?ts=1', 400),
    transfer('/pagefind/wasm.en.pagefind', 60_000),
    transfer('/pagefind/pagefind.en_1.pf_meta', 21_400),
  ]),
  first: step(
    'first query',
    62,
    [
      transfer('/pagefind/index/en_1.pf_index', 24_000),
      transfer('/pagefind/fragment/en_1.pf_fragment', 2000),
      transfer('/pagefind/fragment/en_2.pf_fragment', 2000),
    ],
    QUERIES.first.text,
    1,
  ),
  repeat: step('first query again', 3, [], QUERIES.first.text, 1),
  later: [
    step('later query', 44, [transfer('/pagefind/index/en_2.pf_index', 52_000), transfer('/pagefind/fragment/en_3.pf_fragment', 9000)], 'replication lag', 647),
    step('later query', 14, [transfer('/pagefind/index/en_3.pf_index', 3000), transfer('/pagefind/fragment/en_4.pf_fragment', 2000)], 'OOMKilled', 5),
    step('later query', 30, [transfer('/pagefind/index/en_4.pf_index', 10_000)], 'Ledger DB', 0),
  ],
  laterCached: [
    step('later query again', 20, [], 'replication lag', 647),
    step('later query again', 2, [], 'OOMKilled', 5),
    step('later query again', 1, [], 'Ledger DB', 0),
  ],
  stray: [],
};

describe('summariseSearch', () => {
  test('splits pagefind.js, the first query (init included) and each later query; medians and maxima', () => {
    const figures = summariseSearch(RUN, QUERIES);
    expect(figures).toMatchObject({
      pageBytes: 39_900,
      pageLoadPagefindRequests: 0,
      pagefindJsBytes: 47_400,
      initBytes: 124_900,
      initMs: 5,
      firstQuery: { bytes: 152_900, ms: 62, results: 1 },
      repeatMs: 3,
      laterBytes: { median: 10_000, max: 61_000 },
      laterMs: { median: 30, max: 44 },
      failed: ['/favicon.svg (404)'],
      strayRequests: 0,
      passes: 1,
      bytesDiffer: [],
    });
    expect(figures.later).toEqual([
      { query: 'replication lag', kind: 'symptom', bytes: 61_000, requests: 2, ms: 44, cachedMs: 20, results: 647 },
      { query: 'OOMKilled', kind: 'error', bytes: 5000, requests: 2, ms: 14, cachedMs: 2, results: 5 },
      { query: 'Ledger DB', kind: 'service', bytes: 10_000, requests: 1, ms: 30, cachedMs: 1, results: 0 },
    ]);
    expect(figures.firstQuery.summary.byAsset).toEqual({
      worker: { bytes: 43_100, requests: 1 },
      entry: { bytes: 400, requests: 1 },
      wasm: { bytes: 60_000, requests: 1 },
      meta: { bytes: 21_400, requests: 1 },
      index: { bytes: 24_000, requests: 1 },
      fragment: { bytes: 4000, requests: 2 },
    });
  });

  test('counts Pagefind files the page loaded on its own', () => {
    const run = { ...RUN, pageLoad: step('doc page load', 300, [transfer('/index.html', 1000), transfer('/pagefind/pagefind.js', 47_000)]) };
    expect(summariseSearch(run, QUERIES).pageLoadPagefindRequests).toBe(1);
  });
});

describe('combineSearchPasses', () => {
  const withTimes = (first: number, later: number[], cached = [20, 2, 1]): SearchRun => ({
    ...RUN,
    first: { ...RUN.first, ms: first },
    later: RUN.later.map((query, index) => ({ ...query, ms: later[index] ?? 0 })),
    laterCached: RUN.laterCached.map((query, index) => ({ ...query, ms: cached[index] ?? 0 })),
  });

  test('keeps the bytes and takes the median of every latency, query by query', () => {
    const passes = [withTimes(62, [44, 14, 30]), withTimes(150, [120, 15, 29], [90, 9, 9]), withTimes(60, [40, 90, 31], [25, 3, 1])].map((run) =>
      summariseSearch(run, QUERIES),
    );
    const combined = combineSearchPasses(passes);
    expect(combined.firstQuery).toMatchObject({ bytes: 152_900, ms: 62 });
    expect(combined.later.map((query) => [query.query, query.bytes, query.ms, query.cachedMs])).toEqual([
      ['replication lag', 61_000, 44, 25],
      ['OOMKilled', 5000, 15, 3],
      ['Ledger DB', 10_000, 30, 1],
    ]);
    expect(combined.laterMs).toEqual({ median: 30, max: 44 });
    expect(combined.laterBytes).toEqual({ median: 10_000, max: 61_000 });
    expect(combined).toMatchObject({ passes: 3, bytesDiffer: [], failed: ['/favicon.svg (404)'] });
  });

  test("names the measures whose bytes differ between passes, with each pass's value", () => {
    const other: SearchRun = {
      ...RUN,
      pageLoad: { ...RUN.pageLoad, transfers: [...RUN.pageLoad.transfers, transfer('/_astro/ui-core.js', 94_000)] },
      first: { ...RUN.first, transfers: [...RUN.first.transfers, transfer('/pagefind/fragment/en_9.pf_fragment', 2048)] },
    };
    expect(combineSearchPasses([summariseSearch(RUN, QUERIES), summariseSearch(other, QUERIES)]).bytesDiffer).toEqual([
      'doc page load: 39.0 KB / 130.8 KB',
      'first query: 149.3 KB / 151.3 KB',
    ]);
    expect(() => combineSearchPasses([])).toThrow(BenchError);
  });

  test('the cost of requests alone: the median over the passes, or none when a pass did not measure it', () => {
    const floors = [
      { oneMs: 9, fiveMs: 30 },
      { oneMs: 4, fiveMs: 12 },
      { oneMs: 6, fiveMs: 18 },
    ];
    const passes = floors.map((requestFloor) => summariseSearch({ ...RUN, requestFloor }, QUERIES));
    expect(passes[1]?.requestFloor).toEqual({ oneMs: 4, fiveMs: 12 });
    expect(combineSearchPasses(passes).requestFloor).toEqual({ oneMs: 6, fiveMs: 18 });
    expect(combineSearchPasses([...passes, summariseSearch(RUN, QUERIES)]).requestFloor).toBeUndefined();
  });
});

describe('pickQueries', () => {
  const kb = generateSyntheticKb({ docs: 200, brokenShare: 0 });

  test('starts with an alert name, then alerts, symptoms, services and error strings, all different and all in the knowledge base', () => {
    const plan = pickQueries(kb);
    expect(plan.first.kind).toBe('alert');
    expect(plan.later.map((query) => query.kind)).toEqual(['alert', 'alert', 'alert', 'symptom', 'symptom', 'service', 'service', 'error', 'error', 'error']);
    const texts = [plan.first, ...plan.later].map((query) => query.text);
    expect(new Set(texts).size).toBe(texts.length);
    const everything = kb.files.map((file) => file.content).join('\n');
    for (const text of texts) expect(everything, text).toContain(text);
    expect(plan.first.text).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(plan.later.filter((query) => query.kind === 'error').map((query) => query.text)).toEqual(['OOMKilled', 'SERVFAIL', 'pg_cancel_backend']);
    // Symptoms are runbook titles without their service name.
    for (const query of plan.later.filter((candidate) => candidate.kind === 'symptom')) expect(query.text).toMatch(/^[a-zA-Z0-9 -]+$/);
  });

  test('is deterministic', () => {
    expect(pickQueries(generateSyntheticKb({ docs: 200, brokenShare: 0 }))).toEqual(pickQueries(kb));
  });

  test('refuses a knowledge base without alerts', () => {
    expect(() => pickQueries({ files: [{ path: 'knowledge/a.md', content: '---\ntitle: A\n---\n' }] })).toThrow(BenchError);
  });
});

const ESC = String.fromCharCode(27);
const OPSKB_LOG = [
  `${ESC}[2m18:13:22${ESC}[22m ${ESC}[34m[vite]${ESC}[39m Re-optimizing dependencies because vite config has changed`,
  '18:13:24 [content] Syncing content',
  '18:13:26 [content] Synced content',
  `18:13:26 [types] Generated ${ESC}[2m4.00s${ESC}[22m`,
  '18:13:26 [build] Collecting build info...',
  `18:13:26 [build] ${ESC}[32m✓ Completed in 4.10s.${ESC}[39m`,
  '18:13:26 [build] Building static entrypoints...',
  '18:13:54 [vite] ✓ built in 27.96s',
  '18:13:54 [vite] ✓ built in 64ms',
  '18:13:56 [build] Rearranging server assets...',
  '',
  ' generating static routes ',
  '18:13:57   ├─ /runbooks/a/index.html (+21ms) ',
  '18:14:13 ✓ Completed in 16.72s.',
  '',
  '18:14:13 [build] ✓ Completed in 46.59s.',
  '18:14:14 [opskb:csp] Content-Security-Policy added to 4297 pages',
  '18:14:17 [build] Waiting for integration "opskb:pagefind", hook "astro:build:done"...',
  '18:14:19 [opskb:pagefind] Pagefind indexed 4297 pages in 5598 ms',
  `18:14:19 [build] 4297 page(s) built in ${ESC}[1m57.19s${ESC}[22m`,
  '18:14:19 [build] Complete!',
].join('\n');

describe('parseBuildPhases', () => {
  test("reads opskb's build log, colours and all", () => {
    expect(parseBuildPhases(OPSKB_LOG)).toEqual({
      syncSeconds: 4,
      collectSeconds: 4.1,
      bundleSeconds: expect.closeTo(28.024, 6),
      renderSeconds: 16.72,
      staticSeconds: 46.59,
      pagefindSeconds: 5.598,
      totalSeconds: 57.19,
      pages: 4297,
    });
  });

  test('reads the Pagefind step of scripts/build.ts, which runs after astro build has finished', () => {
    const log = OPSKB_LOG.split('\n')
      .filter((line) => !line.includes('opskb:pagefind'))
      .concat('[opskb:pagefind] Pagefind indexed 4297 pages in 5598 ms')
      .join('\n');
    const phases = parseBuildPhases(log);
    expect(phases).toMatchObject({ pagefindSeconds: 5.598, pagefindAfterAstro: true, totalSeconds: 57.19 });
    expect(formatPhases(phases, 65)).toBe(
      "sync 4.0 s · setup 0.1 s · bundle 28.0 s · render 16.7 s · assets 1.8 s · after-build hooks 6.5 s · Astro total 57.2 s · then Pagefind 5.6 s · outside Astro's clock and Pagefind 2.2 s",
    );
  });

  test("reads Starlight's log, with durations over a minute", () => {
    const log = [
      '18:25:14 [types] Generated 14.36s',
      '18:25:14 [build] Collecting build info...',
      '18:25:14 [build] ✓ Completed in 14.60s.',
      '18:25:14 [build] Building static entrypoints...',
      '18:25:41 [vite] ✓ built in 27.62s',
      '18:25:42 [vite] ✓ built in 213ms',
      ' generating static routes ',
      '18:27:18 ✓ Completed in 1m 34s.',
      '18:27:18 [build] ✓ Completed in 2m 4s.',
      '18:27:46 [starlight:pagefind] Finished building search index in 28.11s.',
      '18:27:46 [build] 2001 page(s) built in 2m 47s',
    ].join('\n');
    expect(parseBuildPhases(log)).toEqual({
      syncSeconds: 14.36,
      collectSeconds: 14.6,
      bundleSeconds: expect.closeTo(27.833, 6),
      renderSeconds: 94,
      staticSeconds: 124,
      pagefindSeconds: 28.11,
      totalSeconds: 167,
      pages: 2001,
    });
  });

  test.each([
    ['64ms', 0.064],
    ['27.96s', 27.96],
    ['5598 ms', 5.598],
    ['1m 12s', 72],
    ['2m', 120],
    ['soon', Number.NaN],
    ['', Number.NaN],
  ])('parseAstroDuration(%j) is %d s', (text, expected) => {
    expect(parseAstroDuration(text)).toBe(expected);
  });

  test("formatPhases un-nests the timers: setup without sync, assets, after-build hooks, time before Astro's clock", () => {
    expect(formatPhases(parseBuildPhases(OPSKB_LOG), 59.5)).toBe(
      "sync 4.0 s · setup 0.1 s · bundle 28.0 s · render 16.7 s · assets 1.8 s · after-build hooks 6.5 s (Pagefind 5.6 s) · Astro total 57.2 s · before Astro's clock 2.3 s",
    );
    expect(formatPhases({ pagefindSeconds: 0.243 })).toBe('Pagefind 0.2 s');
    expect(formatPhases({})).toBe('no phases found in the build log');
  });
});

const summary = (wall: number, rss: number): Summary => ({
  runs: 1,
  wallSeconds: [wall],
  cpuSeconds: [wall],
  peakRssBytes: [rss],
  peakProcessRssBytes: [rss * 0.8],
  medianWallSeconds: wall,
  medianCpuSeconds: wall,
  maxPeakRssBytes: rss,
  maxPeakProcessRssBytes: rss * 0.8,
});
const site = (name: string, wall: number, rss: number): SiteFigures => ({
  name,
  version: '1.0.0',
  build: {
    summary: summary(wall, rss),
    size: { bytes: 80 * 1024 * 1024, files: 6437, htmlFiles: 4297, pagefindBytes: 9 * 1024 * 1024, pagefindFiles: 2100 },
    phases: { totalSeconds: wall - 1 },
  },
  search: summariseSearch(RUN, QUERIES),
});

describe('evaluateTargets', () => {
  test('judges opskb: build against Starlight, memory, first query with and without pagefind.js, later queries by their maximum', () => {
    const targets = evaluateTargets(site('opskb', 30, 1.4 * 1024 ** 3), site('Starlight', 70, 2 * 1024 ** 3));
    expect(targets.map((target) => [target.name, target.value, target.target, target.pass])).toEqual([
      ['opskb build wall ÷ Starlight build wall', '0.43× (30.0 s vs 70.0 s)', '≤ 0.5×', true],
      ['opskb build peak RSS (process tree, summed)', '1434 MB', '≤ 1536 MB', true],
      ['first query transfer, without pagefind.js', '149.3 KB', '≤ 250.0 KB', true],
      ['first query transfer, with pagefind.js', '195.6 KB', '≤ 250.0 KB', true],
      ['later queries transfer (3), median / max', '9.8 KB / 59.6 KB', 'each ≤ 60.0 KB', true],
      ['later queries latency (3), median / max', '30 / 44 ms', 'each ≤ 50 ms', true],
    ]);
  });

  test('fails at the first byte or millisecond over, and says n/a for the ratio without Starlight', () => {
    const opskb = site('opskb', 36, 1.5 * 1024 ** 3 + 1);
    const slow: SiteFigures = {
      ...opskb,
      search: {
        ...opskb.search,
        firstQuery: { ...opskb.search.firstQuery, bytes: 250 * KB + 1 },
        laterBytes: { median: 1, max: 60 * KB + 1 },
        laterMs: { median: 1, max: 50.4 },
      },
    };
    expect(evaluateTargets(slow, site('Starlight', 70, 0)).map((target) => target.pass)).toEqual([false, false, false, false, false, false]);
    const alone = evaluateTargets(opskb, undefined)[0];
    expect(alone).toEqual({ name: 'opskb build wall ÷ Starlight build wall', value: 'not measured (--skip-starlight)', target: '≤ 0.5×', pass: undefined });
  });
});

describe('formatReport', () => {
  test('prints the comparison, the phases, the per-query table and PASS / FAIL / n/a per target', () => {
    const opskb = site('opskb', 30, 1.4 * 1024 ** 3);
    const starlight = site('Starlight', 70, 2 * 1024 ** 3);
    const text = formatReport({ docs: 2000, sites: [opskb, starlight], queries: QUERIES, targets: evaluateTargets(opskb, starlight), notes: ['A note.'] });
    expect(text.split('\n')[0]).toMatch(/^\s+opskb 1\.0\.0\s+Starlight 1\.0\.0$/);
    expect(text).toMatch(/^build wall, s\s+30\.0\s+70\.0$/m);
    expect(text).toMatch(/^build peak RSS, MB\s+1434\s+2048$/m);
    expect(text).toMatch(/^  largest process alone, MB\s+1147\s+1638$/m);
    expect(text).toMatch(/^first query \+ pagefind\.js\s+195\.6 KB\s+195\.6 KB$/m);
    expect(text).toContain('  opskb: worker 42.1 KB · entry 0.4 KB · wasm 58.6 KB · meta 20.9 KB · index 23.4 KB · fragment 3.9 KB (2)');
    expect(text).toMatch(/first alert: LedgerDbReplicationLagHigh\s+1\s+149\.3 KB\s+62\s+3\s+-\s+1\s+149\.3 KB\s+62\s+3\s+-$/m);
    expect(text).toMatch(/later service: Ledger DB\s+0\s+9\.8 KB\s+30\s+1\s+-\s+0/);
    expect(text).toMatch(/opskb build wall ÷ Starlight build wall\s+0\.43× \(30\.0 s vs 70\.0 s\)\s+≤ 0\.5×\s+PASS/);
    expect(text).toMatch(/later queries transfer \(3\), median \/ max\s+9\.8 KB \/ 59\.6 KB\s+each ≤ 60\.0 KB\s+PASS/);
    expect(text).toContain('Notes\n- A note.');
    const alone = formatReport({ docs: 2000, sites: [opskb], queries: QUERIES, targets: evaluateTargets(opskb, undefined), notes: [] });
    expect(alone).toMatch(/not measured \(--skip-starlight\)\s+≤ 0\.5×\s+n\/a/);
    expect(alone).not.toContain('Notes');
    expect(alone).not.toContain('one request / five at once');
    const measured = { ...opskb, search: { ...opskb.search, requestFloor: { oneMs: 7.04, fiveMs: 21.5 } } };
    expect(formatReport({ docs: 2000, sites: [measured, starlight], queries: QUERIES, targets: [], notes: [] })).toMatch(
      /^one request \/ five at once, ms\s+7\.0 \/ 21\.5\s+-$/m,
    );
    expect(text).not.toMatch(/^search box:/m);
  });

  test('the search box rows and column, for the sites whose box was measured', () => {
    const searchBox = combineSearchBoxPasses(
      [[uiQuery('LedgerDbReplicationLagHigh', 90, 95), uiQuery('replication lag', 31, 48.6), uiQuery('OOMKilled', 12, 20)]],
      'LedgerDbReplicationLagHigh',
    );
    const opskb = { ...site('opskb', 30, 1.4 * 1024 ** 3), searchBox };
    const text = formatReport({ docs: 2000, sites: [opskb, site('Starlight', 70, 2 * 1024 ** 3)], queries: QUERIES, targets: [], notes: [] });
    expect(text).toMatch(/^search box: paste → 1st result, later median \/ max ms\s+22 \/ 31\s+-$/m);
    expect(text).toMatch(/^search box: paste → up to 5 results, later median \/ max ms\s+34 \/ 49\s+-$/m);
    expect(text).toMatch(/first alert: LedgerDbReplicationLagHigh\s+1\s+149\.3 KB\s+62\s+3\s+95\s+1/m);
    expect(text).toMatch(/later symptom: replication lag\s+\S+\s+\S+ KB\s+\d+\s+\d+\s+49\s/m);
    expect(text).toMatch(/later service: Ledger DB\s+0\s+9\.8 KB\s+30\s+1\s+-\s+0/);
  });
});

const uiQuery = (query: string, firstMs: number, allMs: number): UiQuery => ({ query, firstMs, allMs, shown: 5 });

describe('combineSearchBoxPasses', () => {
  test('per query, the median over the passes; the later spread leaves the first query out', () => {
    const passes = [
      [uiQuery('LedgerDbReplicationLagHigh', 300, 310), uiQuery('replication lag', 40, 70), uiQuery('OOMKilled', 10, 30)],
      [uiQuery('LedgerDbReplicationLagHigh', 200, 220), uiQuery('replication lag', 45, 60), uiQuery('OOMKilled', 90, 99)],
      [uiQuery('LedgerDbReplicationLagHigh', 250, 260), uiQuery('replication lag', 35, 65), uiQuery('OOMKilled', 12, 25)],
    ];
    const combined = combineSearchBoxPasses(passes, 'LedgerDbReplicationLagHigh');
    expect(combined.queries.map((query) => [query.query, query.firstMs, query.allMs])).toEqual([
      ['LedgerDbReplicationLagHigh', 250, 260],
      ['replication lag', 40, 65],
      ['OOMKilled', 12, 30],
    ]);
    expect(combined).toMatchObject({ passes: 3, laterFirstMs: { median: 26, max: 40 }, laterAllMs: { median: 47.5, max: 65 } });
  });

  test('refuses passes that pasted different queries, and no passes at all', () => {
    expect(() => combineSearchBoxPasses([[uiQuery('a', 1, 2)], [uiQuery('b', 1, 2)]], 'a')).toThrow(/disagree on query 1/);
    expect(() => combineSearchBoxPasses([], 'a')).toThrow(BenchError);
  });
});
