// The one way the site is built (`npm run build`, `npm start` when stale, the tests' fixture build,
// the site benchmark): `astro build` in a child process, then Pagefind's index once that process has
// exited and handed its memory back, then the stamp. Peak memory is the larger step, not the sum.
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { encodingMessage, readSource } from '../kb/doc-source.ts';
import { listDocFiles } from '../kb/knowledge-base.ts';
import { close, createIndex } from 'pagefind';
import { writeStamp } from './build-stamp.ts';

/** Set for `astro build` by buildSite: the opskb:pagefind integration then leaves indexing to it. */
export const INDEXED_AFTER_BUILD_VARIABLE = 'OPSKB_INDEX_AFTER_BUILD';

export type BuildSiteOptions = {
  readonly projectDir: string;
  readonly outDir: string;
  readonly contentDir: string;
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Where the build's own lines go (Astro's output is inherited). */
  readonly log?: ((line: string) => void) | undefined;
};

export type AstroBuildCommand = { readonly command: string; readonly args: readonly string[]; readonly env: NodeJS.ProcessEnv };

/**
 * `astro build` as buildSite runs it. MIMALLOC_PURGE_DELAY=0 makes the bundler's native allocator
 * (rolldown uses mimalloc) return freed pages to the system at once instead of after a delay, which
 * lowers the build's peak RSS by ~0.2 GB on 2,000 docs at no measurable cost; a value already in the
 * environment wins.
 */
export function astroBuildCommand(options: Pick<BuildSiteOptions, 'projectDir' | 'outDir' | 'contentDir' | 'env'>): AstroBuildCommand {
  const env = options.env ?? process.env;
  return {
    command: process.execPath,
    args: [join(options.projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', options.outDir],
    env: { MIMALLOC_PURGE_DELAY: '0', ...env, OPSKB_CONTENT_DIR: options.contentDir, [INDEXED_AFTER_BUILD_VARIABLE]: '1' },
  };
}

export class SiteBuildError extends Error {}

/** Astro's exit status when it fails; 0 once the site is built, indexed and stamped. */
export async function buildSite(options: BuildSiteOptions): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  for (const line of unreadableDocWarnings(options.contentDir)) log(line);
  const astro = astroBuildCommand(options);
  const status = await new Promise<number>((resolve, reject) => {
    const child = spawn(astro.command, astro.args, { cwd: options.projectDir, env: astro.env, stdio: 'inherit' });
    child.once('error', (error) => reject(new SiteBuildError(`Cannot run astro build: ${error.message}`)));
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  if (status !== 0) return status;
  const { pages, ms } = await indexSite(options.outDir);
  log(`[opskb:pagefind] Pagefind indexed ${pages} pages in ${Math.round(ms)} ms`);
  writeStamp(options.outDir, { projectDir: options.projectDir, contentDir: options.contentDir });
  return 0;
}

/**
 * Docs the build cannot show as written, each named with what to do: a file that cannot be read
 * (a symbolic link loop, no permission) is left out of the site, and bytes that are not UTF-8 show
 * as �. Astro skips the first without a word and renders the second as it is.
 */
export function unreadableDocWarnings(contentDir: string): string[] {
  const warnings: string[] = [];
  for (const path of listDocFiles(contentDir)) {
    const source = readSource(path);
    const shown = relative(contentDir, path);
    if (source.problem) warnings.push(`[opskb] warning: ${shown}: ${source.problem} It is left out of the site.`);
    else if (source.encoding) warnings.push(`[opskb] warning: ${shown}:${source.encoding.line}:${source.encoding.column}: ${encodingMessage(source.encoding)}`);
  }
  return warnings;
}

/** Indexes the built pages (those marked data-pagefind-body) into `<outDir>/pagefind/`. */
export async function indexSite(outDir: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await createIndex({});
    if (!index) throw new SiteBuildError(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new SiteBuildError(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new SiteBuildError(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count, ms: performance.now() - started };
  } finally {
    await close();
  }
}
