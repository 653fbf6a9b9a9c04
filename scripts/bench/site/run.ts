// `npm run bench:site`: builds one synthetic knowledge base with opskb and with Starlight (the same
// docs, measured the same way), then searches both in Chromium, and reports against opskb's targets.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../../src/lib/site/static-server.ts';
import { detectRssProbe, measureCommand, summarise, type CommandSpec, type Measurement, type RssProbe } from '../measure.ts';
import { measureSearch } from './search-api.ts';
import { measureSearchUi, OPSKB_SEARCH_UI, STARLIGHT_SEARCH_UI, type SearchUi, type UiQuery } from './search-box.ts';
import { generateSyntheticKb, writeSyntheticKb } from '../synthetic-kb/index.ts';
import { ANSI, parseBuildPhases } from './build-phases.ts';
import { pickQueries } from './queries.ts';
import { formatReport, jsonReport, printEnvironment, searchNotes, type SiteBenchReport } from './report.ts';
import { combineSearchBoxPasses, combineSearchPasses, SEARCH_PASSES, summariseSearch, type SearchBoxFigures, type SearchFigures } from './search-figures.ts';
import { listFileSizes, summariseSizes } from './sizes.ts';
import { installStarlight } from './starlight.ts';
import { BenchError } from '../errors.ts';
import { packageVersion } from '../files.ts';
import { kib, MB } from '../units.ts';
import { evaluateTargets, type BuildFigures, type SiteFigures } from './targets.ts';

export type SiteBenchOptions = {
  readonly projectDir: string;
  readonly docs: number;
  readonly runs: number;
  readonly keep: boolean;
  readonly json?: string | undefined;
  readonly skipStarlight: boolean;
  readonly launchBrowser: () => Promise<Browser>;
};

const SITE_URL = 'http://localhost:4321';

/** What `npm run build` (scripts/build.ts, then `astro build`) reads from the project besides node_modules and the content root. */
export const SITE_SOURCES = ['src', 'lint-rules', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'] as const;

/**
 * A private copy of the site to build: Astro writes `<root>/.astro/content-modules.mjs` and reads it
 * back while bundling, and puts its prerender bundle in `<cwd>/.astro/.prerender/` when the output is
 * outside the cwd, so two builds of different knowledge bases from one project folder (this bench and
 * a test run's fixture build) can take each other's files. node_modules is a real folder of
 * per-package symlinks, so Astro's cache (node_modules/.astro) lands here too.
 */
export function snapshotProject(projectDir: string, target: string): void {
  for (const name of SITE_SOURCES) cpSync(join(projectDir, name), join(target, name), { recursive: true });
  const modules = join(projectDir, 'node_modules');
  mkdirSync(join(target, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(modules, name), join(target, 'node_modules', name));
  }
}

export async function runSiteBench(options: SiteBenchOptions): Promise<void> {
  const node = join(options.projectDir, 'node_modules', '.bin', 'node');
  const astro = join(options.projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  for (const [name, path] of [
    ['the pinned Node', node],
    ['astro', astro],
  ] as const) {
    if (!existsSync(path)) throw new BenchError(`${name} is not installed: ${path} is missing. Run npm install.`);
  }
  const probe = detectRssProbe();
  const root = mkdtempSync(join(tmpdir(), 'opskb-bench-site-'));
  const kbDir = join(root, 'kb');
  try {
    const started = performance.now();
    const kb = generateSyntheticKb({ docs: options.docs, brokenShare: 0 });
    writeSyntheticKb(kb, kbDir);
    printEnvironment(kb, probe, options, node, (performance.now() - started) / 1000, root);
    const queries = pickQueries(kb);
    const notes: string[] = [];

    // opskb, from a snapshot of the site's sources.
    const opskbProject = join(root, 'opskb');
    snapshotProject(options.projectDir, opskbProject);
    const opskbDist = join(opskbProject, 'dist');
    const opskbVersion = `(astro ${packageVersion(options.projectDir, 'astro')})`;
    // What `npm run build` runs, nothing more: scripts/build.ts spawns astro build, then indexes.
    const opskbBuild = await measureBuild('opskb', options.runs, probe, join(root, 'opskb-build.log'), {
      spec: {
        command: node,
        args: [join(opskbProject, 'scripts', 'build.ts'), '--outDir', opskbDist],
        cwd: opskbProject,
        env: { ...process.env, OPSKB_CONTENT_DIR: kbDir, FORCE_COLOR: '0', NO_COLOR: '1' },
      },
      before: () => {
        rmSync(join(opskbProject, 'node_modules', '.astro'), { recursive: true, force: true });
        rmSync(join(opskbProject, '.astro'), { recursive: true, force: true });
        rmSync(opskbDist, { recursive: true, force: true });
      },
      dist: opskbDist,
    });

    // Starlight
    let starlight: { dist: string; version: string; build: BuildFigures } | undefined;
    if (!options.skipStarlight) {
      const project = join(root, 'starlight');
      const setup = installStarlight(project, kb, root, SITE_URL);
      notes.push(...setup.notes);
      const dist = join(project, 'dist');
      const build = await measureBuild('Starlight', options.runs, probe, join(root, 'starlight-build.log'), {
        spec: {
          command: node,
          args: [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
          cwd: project,
          env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        },
        before: () => {
          rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
          rmSync(join(project, '.astro'), { recursive: true, force: true });
          rmSync(dist, { recursive: true, force: true });
        },
        dist,
      });
      starlight = { dist, version: setup.version, build };
    }

    // Search, in the browser.
    const pagePath = `/${kb.docs.find((doc) => doc.type === 'runbook')?.id ?? kb.docs[0]?.id}/`;
    console.error(
      `  searching in Chromium from ${pagePath}: first query \`${queries.first.text}\`, then ${queries.later.length} more; ${SEARCH_PASSES} cold passes per site`,
    );
    const searchLoad = loadavg()[0] ?? 0;
    const browser = await options.launchBrowser();
    const sites: SiteFigures[] = [];
    try {
      for (const site of [
        // opskb's search UI fetches its filter chips' values and counts when the search box opens.
        { name: 'opskb', version: opskbVersion, dist: opskbDist, build: opskbBuild, fetchedAtInit: ['/search-filters.json'], ui: OPSKB_SEARCH_UI },
        ...(starlight
          ? [{ name: 'Starlight', version: starlight.version, dist: starlight.dist, build: starlight.build, fetchedAtInit: [], ui: STARLIGHT_SEARCH_UI }]
          : []),
      ]) {
        const server = await startStaticServer({ root: site.dist });
        try {
          const passes: SearchFigures[] = [];
          for (let pass = 1; pass <= SEARCH_PASSES; pass += 1) {
            const run = await measureSearch(browser, {
              baseUrl: server.url,
              pagePath,
              first: queries.first.text,
              later: queries.later.map((query) => query.text),
              fetchedAtInit: site.fetchedAtInit,
            });
            passes.push(summariseSearch(run, queries));
          }
          const search = combineSearchPasses(passes);
          console.error(
            `  ${site.name} search: first query ${kib(search.firstQuery.bytes)}, later median ${kib(search.laterBytes.median)}, ${search.laterMs.median.toFixed(0)} ms`,
          );
          const searchBox = await measureSearchBox(
            browser,
            site.name,
            site.ui,
            { baseUrl: server.url, pagePath, search, firstQuery: queries.first.text },
            notes,
          );
          sites.push({ name: site.name, version: site.version, build: site.build, search, searchBox });
        } finally {
          await server.close();
        }
      }
    } finally {
      await browser.close();
    }

    const [opskb] = sites;
    if (!opskb) throw new BenchError('no search figures for opskb');
    notes.push(...searchNotes(sites, queries, opskbDist, searchLoad));
    const report: SiteBenchReport = { docs: kb.docs.length, sites, queries, targets: evaluateTargets(opskb, sites[1]), notes };
    console.log(`\n${formatReport(report)}`);
    if (options.json) {
      writeFileSync(resolve(options.json), `${JSON.stringify(jsonReport(kb, probe, options, report), null, 2)}\n`);
      console.log(`\nRaw numbers written to ${resolve(options.json)}`);
    }
  } finally {
    if (options.keep) console.error(`\nKept the knowledge base, both projects, builds and logs in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Pastes the same queries into the site's own search box, in SEARCH_PASSES fresh contexts. A UI
 * that cannot be driven (Starlight changed its markup) costs its rows, not the run: a note says why.
 */
export async function measureSearchBox(
  browser: Browser,
  name: string,
  ui: SearchUi,
  plan: { baseUrl: string; pagePath: string; search: SearchFigures; firstQuery: string },
  notes: string[],
): Promise<SearchBoxFigures | undefined> {
  const queries = [
    { text: plan.firstQuery, results: plan.search.firstQuery.results },
    ...plan.search.later.map((query) => ({ text: query.query, results: query.results })),
  ];
  try {
    const passes: UiQuery[][] = [];
    for (let pass = 1; pass <= SEARCH_PASSES; pass += 1)
      passes.push(await measureSearchUi(browser, { baseUrl: plan.baseUrl, pagePath: plan.pagePath, ui, queries }));
    const figures = combineSearchBoxPasses(passes, plan.firstQuery);
    console.error(
      `  ${name} search box: paste → up to 5 results, later median ${figures.laterAllMs.median.toFixed(0)} ms, max ${figures.laterAllMs.max.toFixed(0)} ms`,
    );
    return figures;
  } catch (error) {
    // Whatever went wrong driving the UI (a selector Starlight renamed, a Playwright timeout).
    notes.push(`${name}'s search box could not be measured: ${(error as Error).message.split('\n')[0]}.`);
    return undefined;
  }
}

export type BuildPlan = { readonly spec: CommandSpec; readonly before: () => void; readonly dist: string };

/** Cold builds (no cache, no output): median wall and maximum RSS over the runs. Fails on a non-zero exit. */
export async function measureBuild(name: string, runs: number, probe: RssProbe, logPath: string, plan: BuildPlan): Promise<BuildFigures> {
  const measurements: Measurement[] = [];
  for (let run = 1; run <= runs; run += 1) {
    plan.before();
    const measurement = await measureCommand(plan.spec, probe);
    const log = `${measurement.stdout}\n${measurement.stderr}`;
    writeFileSync(logPath, log);
    if (measurement.exitCode !== 0) {
      const tail = log.replace(ANSI, '').trim().split('\n').slice(-25).join('\n');
      throw new BenchError(
        `${name} build failed (exit ${measurement.exitCode ?? `signal ${measurement.signal}`}, ${measurement.wallSeconds.toFixed(1)} s). Last lines of its log:\n${tail}`,
      );
    }
    if (!existsSync(join(plan.dist, 'pagefind', 'pagefind.js')))
      throw new BenchError(`${name} build exited 0 but wrote no Pagefind index (${join(plan.dist, 'pagefind')} is missing)`);
    measurements.push(measurement);
    console.error(`  ${name} build, run ${run}/${runs}: ${measurement.wallSeconds.toFixed(1)} s, ${(measurement.peakRssBytes / MB).toFixed(0)} MB`);
  }
  const lastLog = readFileSync(logPath, 'utf8');
  return { summary: summarise(measurements), size: summariseSizes(listFileSizes(plan.dist)), phases: parseBuildPhases(lastLog) };
}

/** Resolves Starlight's latest release, writes the project and the converted docs, runs npm install. */
