// opskb's targets for the site benchmark, and the figures they are judged on.
import type { Summary } from '../measure.ts';
import type { Target } from '../report.ts';
import { GB, KB, kib, MB } from '../units.ts';
import type { SearchBoxFigures } from './search-figures.ts';
import type { BuildPhases } from './build-phases.ts';
import type { SearchFigures } from './search-figures.ts';
import type { SiteSize } from './sizes.ts';

/** opskb's targets. Build time is relative to Starlight on the same docs; the rest is absolute. */
export const SITE_TARGETS = {
  buildWallRatio: 0.5,
  peakRssBytes: 1.5 * GB,
  firstQueryBytes: 250 * KB,
  laterQueryBytes: 60 * KB,
  laterQueryMs: 50,
} as const;

export type BuildFigures = {
  readonly summary: Summary;
  readonly size: SiteSize;
  readonly phases: BuildPhases;
};

export type SiteFigures = {
  readonly name: string;
  readonly version: string;
  readonly build: BuildFigures;
  readonly search: SearchFigures;
  /** The site's own search box, pasted into (query-bench.ts measureSearchUi); undefined when it could not be driven. */
  readonly searchBox?: SearchBoxFigures | undefined;
};

export function evaluateTargets(opskb: SiteFigures, starlight: SiteFigures | undefined): Target[] {
  const wall = opskb.build.summary.medianWallSeconds;
  const search = opskb.search;
  const firstWithScript = search.firstQuery.bytes + search.pagefindJsBytes;
  const ratio = starlight ? wall / starlight.build.summary.medianWallSeconds : undefined;
  return [
    {
      name: 'opskb build wall ÷ Starlight build wall',
      value:
        ratio === undefined
          ? 'not measured (--skip-starlight)'
          : `${ratio.toFixed(2)}× (${wall.toFixed(1)} s vs ${starlight?.build.summary.medianWallSeconds.toFixed(1)} s)`,
      target: `≤ ${SITE_TARGETS.buildWallRatio}×`,
      pass: ratio === undefined ? undefined : ratio <= SITE_TARGETS.buildWallRatio,
    },
    {
      name: 'opskb build peak RSS (process tree, summed)',
      value: `${(opskb.build.summary.maxPeakRssBytes / MB).toFixed(0)} MB`,
      target: `≤ ${(SITE_TARGETS.peakRssBytes / MB).toFixed(0)} MB`,
      pass: opskb.build.summary.maxPeakRssBytes <= SITE_TARGETS.peakRssBytes,
    },
    {
      name: 'first query transfer, without pagefind.js',
      value: kib(search.firstQuery.bytes),
      target: `≤ ${kib(SITE_TARGETS.firstQueryBytes)}`,
      pass: search.firstQuery.bytes <= SITE_TARGETS.firstQueryBytes,
    },
    {
      name: 'first query transfer, with pagefind.js',
      value: kib(firstWithScript),
      target: `≤ ${kib(SITE_TARGETS.firstQueryBytes)}`,
      pass: firstWithScript <= SITE_TARGETS.firstQueryBytes,
    },
    {
      name: `later queries transfer (${search.later.length}), median / max`,
      value: `${kib(search.laterBytes.median)} / ${kib(search.laterBytes.max)}`,
      target: `each ≤ ${kib(SITE_TARGETS.laterQueryBytes)}`,
      pass: search.laterBytes.max <= SITE_TARGETS.laterQueryBytes,
    },
    {
      name: `later queries latency (${search.later.length}), median / max`,
      value: `${search.laterMs.median.toFixed(0)} / ${search.laterMs.max.toFixed(0)} ms`,
      target: `each ≤ ${SITE_TARGETS.laterQueryMs} ms`,
      pass: search.laterMs.max <= SITE_TARGETS.laterQueryMs,
    },
  ];
}
