// Where a build's time goes, from Astro's own log.

// ---------------------------------------------------------------------------------------------
// Where a build's time goes, from Astro's own log.

export type BuildPhases = {
  /** `[types] Generated`: content sync and type generation (inside `collect`). */
  readonly syncSeconds?: number | undefined;
  /** `Collecting build info… ✓ Completed in`: config, integrations' setup and the sync. */
  readonly collectSeconds?: number | undefined;
  /** Every `[vite] ✓ built in`: bundling, which compiles every MDX/Markdown module. */
  readonly bundleSeconds?: number | undefined;
  /** `generating static routes … ✓ Completed in`: rendering every page to HTML. */
  readonly renderSeconds?: number | undefined;
  /** `Building static entrypoints… [build] ✓ Completed in`: bundle + render + moving assets. */
  readonly staticSeconds?: number | undefined;
  /** Pagefind's indexing, from opskb's build script or Starlight's integration (an `astro:build:done` hook) log line. */
  readonly pagefindSeconds?: number | undefined;
  /** Pagefind ran after `astro build` had finished (opskb's scripts/build.ts), not inside Astro's clock. */
  readonly pagefindAfterAstro?: boolean | undefined;
  /** `N page(s) built in`: Astro's clock, which starts after the config is loaded. */
  readonly totalSeconds?: number | undefined;
  readonly pages?: number | undefined;
};

export const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
/** Astro's durations: `64ms`, `27.96s`, `1m 12s`. */
export const DURATION = String.raw`(\d+m(?: [\d.]+s)?|[\d.]+ ?(?:ms|s))\b`;
export const durationAfter = (prefix: string) => new RegExp(`${prefix}${DURATION}`);
export const TIMERS = {
  sync: durationAfter(String.raw`\[types\] Generated `),
  bundle: durationAfter(String.raw`\[vite\] ✓ built in `),
  opskbPagefind: durationAfter(String.raw`Pagefind indexed \d+ pages in `),
  starlightPagefind: durationAfter('Finished building search index in '),
  completed: durationAfter('✓ Completed in '),
  total: new RegExp(String.raw`(\d+) page\(s\) built in ${DURATION}`),
};

export function parseAstroDuration(text: string): number {
  const match = /^(?:(\d+)m)? ?(?:([\d.]+) ?(ms|s))?$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return Number.NaN;
  const minutes = Number(match[1] ?? 0);
  const rest = match[2] === undefined ? 0 : match[3] === 'ms' ? Number(match[2]) / 1000 : Number(match[2]);
  return minutes * 60 + rest;
}

export function parseBuildPhases(log: string): BuildPhases {
  const lines = log.replace(ANSI, '').split('\n');
  const phases: { -readonly [K in keyof BuildPhases]: BuildPhases[K] } = {};
  let awaiting: 'collectSeconds' | 'renderSeconds' | undefined;
  let staticBuild = false;
  const read = (match: RegExpExecArray, group = 1) => parseAstroDuration(match[group] ?? '');
  for (const line of lines) {
    let match: RegExpExecArray | null;
    if ((match = TIMERS.sync.exec(line))) phases.syncSeconds = read(match);
    else if (line.includes('Collecting build info')) awaiting = 'collectSeconds';
    else if (line.includes('Building static entrypoints')) staticBuild = true;
    else if (line.includes('generating static routes')) awaiting = 'renderSeconds';
    else if ((match = TIMERS.bundle.exec(line))) phases.bundleSeconds = (phases.bundleSeconds ?? 0) + read(match);
    else if ((match = TIMERS.opskbPagefind.exec(line) ?? TIMERS.starlightPagefind.exec(line))) {
      phases.pagefindSeconds = read(match);
      if (phases.totalSeconds !== undefined) phases.pagefindAfterAstro = true;
    } else if ((match = TIMERS.total.exec(line))) {
      phases.pages = Number(match[1]);
      phases.totalSeconds = read(match, 2);
    } else if ((match = TIMERS.completed.exec(line))) {
      if (awaiting) {
        phases[awaiting] = read(match);
        awaiting = undefined;
      } else if (staticBuild && line.includes('[build]')) {
        phases.staticSeconds = read(match);
        staticBuild = false;
      }
    }
  }
  return phases;
}

/**
 * "sync 2.3 s · setup 0.1 s · bundle 2.1 s · render 0.9 s · assets 0.1 s · after-build hooks 0.3 s
 * (Pagefind 0.3 s) · Astro total 5.9 s · before Astro's clock 1.2 s": Astro's nested timers, un-nested.
 */
export function formatPhases(phases: BuildPhases, wallSeconds?: number | undefined): string {
  const parts: string[] = [];
  const add = (name: string, value: number | undefined, extra = '') => {
    if (value !== undefined && Number.isFinite(value)) parts.push(`${name} ${value.toFixed(1)} s${extra}`);
  };
  const minus = (total: number | undefined, ...parts: (number | undefined)[]) =>
    total === undefined || parts.some((part) => part === undefined) ? undefined : parts.reduce<number>((rest, part) => rest - (part ?? 0), total);
  add('sync', phases.syncSeconds);
  add('setup', minus(phases.collectSeconds, phases.syncSeconds));
  add('bundle', phases.bundleSeconds);
  add('render', phases.renderSeconds);
  add('assets', minus(phases.staticSeconds, phases.bundleSeconds, phases.renderSeconds));
  const hooks = minus(phases.totalSeconds, phases.collectSeconds, phases.staticSeconds);
  if (phases.pagefindAfterAstro) {
    add('after-build hooks', hooks);
    add('Astro total', phases.totalSeconds);
    add('then Pagefind', phases.pagefindSeconds);
    if (wallSeconds !== undefined) add("outside Astro's clock and Pagefind", minus(wallSeconds, phases.totalSeconds, phases.pagefindSeconds));
    return parts.join(' · ');
  }
  if (hooks !== undefined) add('after-build hooks', hooks, phases.pagefindSeconds === undefined ? '' : ` (Pagefind ${phases.pagefindSeconds.toFixed(1)} s)`);
  else add('Pagefind', phases.pagefindSeconds);
  add('Astro total', phases.totalSeconds);
  if (wallSeconds !== undefined) add("before Astro's clock", minus(wallSeconds, phases.totalSeconds));
  return parts.length === 0 ? 'no phases found in the build log' : parts.join(' · ');
}
