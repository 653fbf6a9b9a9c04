// The `opskb` command line. Thin: parses arguments, calls tested modules, sets the exit code
// (0 clean, 1 errors found, 2 bad usage or an internal failure).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../kb/content-dir.ts';
import { isDocFile, listDocFiles } from '../kb/knowledge-base.ts';
import { applyBaseline, BaselineError, createBaseline, readBaseline, writeBaseline } from '../lint/baseline.ts';
import { cacheFileAt, CacheLocationError, defaultCacheFile } from '../lint/cache.ts';
import { changedSince, docsToRecheck, GitError, type Changes } from '../lint/changed-files.ts';
import { lintFiles, type LintCode } from '../lint/engine.ts';
import { FORMATS, isFormatName } from '../lint/formats/index.ts';
import { countBySeverity } from '../lint/formats/report.ts';
import { DOC_TYPES, isDocType, isoDateOf, localToday, SHARED_FILES } from '../model/index.ts';

export type Io = {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly clock: () => Date;
  /** Colour the stylish output (a terminal, and NO_COLOR unset). */
  readonly color: boolean;
  /** The build of the linter to run (the entry point's bundle); default: the sources. */
  readonly lintCode?: LintCode | undefined;
};

export const USAGE = `Usage: opskb <command> [options]

Commands:
  lint [paths…]            Lint docs (files or folders; default: the content root)
    --now YYYY-MM-DD       The day review dates are checked against (default: today)
    --type TYPE            Treat every file as this type (${DOC_TYPES.join(', ')}),
                           e.g. to lint runbooks kept outside the knowledge base
    --format NAME          ${Object.keys(FORMATS).join(' | ')} (default: stylish)
    --max-warnings N       Fail (exit 1) when there are more than N warnings
    --baseline FILE        Report only findings that FILE does not already record
    --update-baseline      Record the current findings in the --baseline FILE
    --changed-since REF    Lint only the docs git says changed since REF, and
                           those that link to a changed or deleted doc (all
                           docs when a registry or opskb.yaml changed)
    --no-cache             Do not read or write the lint cache
    --cache-location PATH  The cache file, or a folder for it (default:
                           node_modules/.cache/opskb/lint-cache.json)

Options:
  -h, --help               Show this help
  -v, --version            Show the opskb version

Environment:
  OPSKB_CONTENT_DIR        The content root (default: ./content); its registries are read
  OPSKB_SITE_URL           The site's address, for rule help links (default: http://localhost:4321)`;

class UsageError extends Error {}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(readVersion());
      return 0;
    }
    if (command === 'lint') return await lintCommand(rest, io);
    throw new UsageError(`Unknown command \`${command}\`.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`opskb: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`opskb: internal error: ${(error as Error).message}\nThis is a bug in opskb; please report it with the command you ran.`);
    return 2;
  }
}

async function lintCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        now: { type: 'string' },
        type: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        'max-warnings': { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean', default: false },
        'changed-since': { type: 'string' },
        cache: { type: 'boolean', default: true },
        'no-cache': { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const today = values.now ?? localToday(io.clock());
  if (isoDateOf(today) !== today) {
    throw new UsageError(`--now expects a calendar date written as YYYY-MM-DD, got \`${today}\`.`);
  }
  if (values.type !== undefined && !isDocType(values.type)) {
    throw new UsageError(`--type expects one of ${DOC_TYPES.join(', ')}, got \`${values.type}\`.`);
  }
  const format = values.format;
  if (!isFormatName(format)) throw new UsageError(`--format expects one of ${Object.keys(FORMATS).join(', ')}, got \`${format}\`.`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = /^\d+$/.test(values['max-warnings']) ? Number(values['max-warnings']) : Number.NaN;
    if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings expects a whole number, got \`${values['max-warnings']}\`.`);
  }
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline FILE: the file to write.');
  const baselinePath = values.baseline === undefined ? undefined : resolve(io.cwd, values.baseline);

  const contentDir = resolveContentDir(io.env, io.cwd);
  const targets = positionals.length > 0 ? positionals.map((path) => resolve(io.cwd, path)) : [contentDir];
  let files = new Set<string>();
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`No such file or folder: ${target}`);
    if (statSync(target).isDirectory()) {
      for (const file of listDocFiles(target)) files.add(file);
    } else if (isDocFile(target)) {
      files.add(target);
    } else {
      throw new UsageError(`Not a Markdown or MDX file (.md, .mdx): ${target}`);
    }
  }
  const ref = values['changed-since'];
  if (ref !== undefined) {
    let changes: Changes;
    try {
      changes = changedSince(ref, io.cwd);
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(`--changed-since ${ref}: ${error.message}`);
      throw error;
    }
    files = new Set(docsToRecheck([...files], changes, contentDir));
  }

  const useCache = values.cache && !values['no-cache'];
  let cacheFile: string | undefined;
  try {
    // opskb owns the default location; a location the user names may hold the user's own file.
    const location = values['cache-location'];
    cacheFile = !useCache ? undefined : location === undefined ? defaultCacheFile(io.cwd) : cacheFileAt(resolve(io.cwd, location));
  } catch (error) {
    if (error instanceof CacheLocationError) throw new UsageError(`--cache-location: ${error.message}`);
    throw error;
  }
  const result = await lintFiles([...files], { contentDir, today, type: values.type, cacheFile, code: io.lintCode });

  if (values['update-baseline'] && baselinePath) {
    // The findings of files not checked this time (other paths, unchanged since REF) stay recorded.
    const checked = new Set([...files, ...sharedFiles(contentDir)]);
    let previous;
    try {
      previous = existsSync(baselinePath) ? readBaseline(baselinePath) : undefined;
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      throw new UsageError(
        `--update-baseline: ${baselinePath} exists and is not an opskb baseline, so opskb will not overwrite it. Remove it, or name another file.`,
      );
    }
    const baseline = createBaseline(result.findings, baselinePath, previous && { baseline: previous, checked: (path) => checked.has(path) });
    writeBaseline(baselinePath, baseline);
    const recorded = baseline.findings.reduce((sum, entry) => sum + entry.count, 0);
    const inFiles = new Set(baseline.findings.map((entry) => entry.path)).size;
    io.out(`Baseline ${relative(io.cwd, baselinePath) || baselinePath} now records ${plural(recorded, 'finding')} in ${plural(inFiles, 'file')}.`);
    return result.internalFailure ? 2 : 0;
  }
  let shown = result.findings;
  let baselined = 0;
  if (baselinePath) {
    const baseline = loadBaseline(baselinePath);
    const split = applyBaseline(result.findings, baseline, baselinePath);
    shown = split.fresh;
    baselined = split.known.length;
  }

  const report = { findings: shown, filesChecked: result.filesChecked, baselined, cwd: io.cwd, version: readVersion(), siteUrl: siteUrl(io.env) };
  io.out(FORMATS[format](report, { color: io.color && format === 'stylish' }));
  if (result.internalFailure) return 2;
  const { errors, warnings } = countBySeverity(shown);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.err(`opskb: ${warnings} warnings, more than --max-warnings ${maxWarnings}.`);
    return 1;
  }
  return 0;
}

/** The registries and opskb.yaml: every run checks them. */
function sharedFiles(contentDir: string): string[] {
  return SHARED_FILES.map((file) => join(contentDir, file));
}

function loadBaseline(baselinePath: string) {
  try {
    return readBaseline(baselinePath);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function siteUrl(env: NodeJS.ProcessEnv): string {
  const configured = env['OPSKB_SITE_URL']?.trim();
  return configured && URL.canParse(configured) ? configured : 'http://localhost:4321';
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
