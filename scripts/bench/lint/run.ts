// `npm run bench:lint`: lints a synthetic knowledge base with opskb (cold, warm, --changed-since),
// remark-cli, markdownlint-cli2 and a bare parse, each in its own process, and prints wall time,
// throughput and peak memory against opskb's targets.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from '../errors.ts';
import { detectRssProbe, type CommandSpec, type Measurement } from '../measure.ts';
import { generateSyntheticKb, writeSyntheticKb } from '../synthetic-kb/index.ts';
import { CHANGED_DOCS, jsonReport, printEnvironment, printReport } from './report.ts';
import { floorCheck, markdownlintCheck, measureRounds, opskbReport, remarkCheck, versionCheck, type ExpectedFiles, type Result, type Tool } from './tools.ts';

export type LintBenchOptions = {
  readonly projectDir: string;
  readonly docs: number;
  readonly runs: number;
  readonly keep: boolean;
  readonly json?: string | undefined;
};

/** Paths of the tools, under `projectDir`'s node_modules; throws a BenchError naming a missing one. */
function toolPaths(projectDir: string) {
  const paths = {
    node: join(projectDir, 'node_modules', '.bin', 'node'),
    opskb: join(projectDir, 'scripts', 'opskb.ts'),
    remark: join(projectDir, 'node_modules', 'remark-cli', 'cli.js'),
    markdownlint: join(projectDir, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
  };
  for (const [name, path] of [
    ['the pinned Node (npm install)', paths.node],
    ['remark-cli', paths.remark],
    ['markdownlint-cli2', paths.markdownlint],
  ] as const) {
    if (!existsSync(path)) throw new BenchError(`${name} is not installed: ${path} is missing. Run npm install.`);
  }
  return paths;
}

const PARSE_FLOOR = fileURLToPath(new URL('./parse-floor.ts', import.meta.url));

/** Runs the benchmark and prints its report; throws a BenchError when a tool fails or says nothing usable. */
export async function runLintBench(options: LintBenchOptions): Promise<void> {
  const { docs, runs, projectDir } = options;
  const { node: NODE, opskb: OPSKB, remark: REMARK, markdownlint: MARKDOWNLINT } = toolPaths(projectDir);
  const PROJECT_DIR = projectDir;
  const probe = detectRssProbe();

  const root = mkdtempSync(join(tmpdir(), 'opskb-bench-lint-'));
  const kbDir = join(root, 'kb');
  const cacheFile = join(root, 'cache.json');
  try {
    const started = performance.now();
    const kb = generateSyntheticKb({ docs });
    writeSyntheticKb(kb, kbDir);
    commitAll(kbDir);
    const generated = (performance.now() - started) / 1000;
    printEnvironment(kb, probe, runs, generated, kbDir, { node: NODE, projectDir });

    const opskbEnv = { ...process.env, OPSKB_CONTENT_DIR: kbDir, NO_COLOR: '1' };
    const opskbLint = (extra: readonly string[]): CommandSpec => ({
      command: NODE,
      args: [OPSKB, 'lint', '--now', kb.today, ...extra, '--format', 'json', kbDir],
      cwd: kbDir,
      env: opskbEnv,
    });
    const floor = (parser: string): CommandSpec => ({
      command: NODE,
      args: [PARSE_FLOOR, kbDir, parser],
      cwd: PROJECT_DIR,
    });
    const opskbCheck = (expected: ExpectedFiles) => (measurement: Measurement) => {
      const report = opskbReport(measurement, expected);
      return `${report.summary.filesChecked} files checked, ${report.findings.length} findings`;
    };
    // The cache's run key covers opskb's own code (src/lib, lint-rules, package-lock.json): an edit
    // there by someone else between the cold and the warm runs would make the warm runs cold.
    const runKeys = new Set<string>();
    const recordRunKey = () => {
      try {
        runKeys.add((JSON.parse(readFileSync(cacheFile, 'utf8')) as { runKey?: string }).runKey ?? 'none');
      } catch {
        runKeys.add('no cache file');
      }
    };
    const tools: Tool[] = [
      { key: 'parse-floor', label: 'parse floor: remark-parse + remark-mdx/frontmatter', spec: floor('remark'), files: docs, check: floorCheck(docs) },
      { key: 'parse-floor-opskb', label: "parse floor: opskb's parser (+ GFM)", spec: floor('opskb'), files: docs, check: floorCheck(docs) },
      {
        key: 'opskb-startup',
        label: 'opskb --version (module loading)',
        spec: { command: NODE, args: [OPSKB, '--version'], cwd: kbDir, env: opskbEnv },
        files: 0,
        check: versionCheck,
      },
      {
        key: 'opskb-cold',
        label: 'opskb lint, cold (no cache file)',
        spec: opskbLint(['--cache-location', cacheFile]),
        files: docs,
        check: opskbCheck(docs),
        before: () => rmSync(cacheFile, { force: true }),
        after: recordRunKey,
      },
      {
        key: 'opskb-warm',
        label: 'opskb lint, warm (cache, no change)',
        spec: opskbLint(['--cache-location', cacheFile]),
        files: docs,
        check: opskbCheck(docs),
        after: recordRunKey,
      },
      {
        key: 'remark-cli',
        label: 'remark-cli (mdx + frontmatter + lint-recommended)',
        spec: {
          command: NODE,
          // --report json instead of --quiet: the report lists every file, so the run is shown to cover them all.
          args: [
            REMARK,
            '--no-config',
            '--use',
            'remark-mdx',
            '--use',
            'remark-frontmatter',
            '--use',
            'remark-preset-lint-recommended',
            '--ext',
            'md,mdx',
            '--frail',
            '--no-color',
            '--report',
            'json',
            kbDir,
          ],
          cwd: PROJECT_DIR,
        },
        files: docs,
        check: remarkCheck(docs),
      },
      {
        key: 'markdownlint-cli2',
        label: 'markdownlint-cli2 (default rules, no MDX)',
        spec: { command: NODE, args: [MARKDOWNLINT, '**/*.{md,mdx}'], cwd: kbDir },
        files: docs,
        check: markdownlintCheck(docs),
      },
    ];

    // Round by round, every tool once per round: a slower minute of a shared machine then falls
    // on every tool alike instead of on whichever tool ran during it, and the ratios hold.
    const results: Result[] = await measureRounds(tools, runs, probe);

    // --changed-since: 5 runbooks edited after the commit, linted without the cache, with the docs
    // that link to them (a changed heading could break those links).
    const edited = kb.docs.filter((doc) => doc.type === 'runbook' && !doc.problem);
    const picked = Array.from({ length: CHANGED_DOCS }, (_, index) => edited[Math.floor((index * edited.length) / CHANGED_DOCS)]);
    for (const doc of picked) {
      if (doc) appendFileSync(join(kbDir, doc.path), '\nAfter the last incident review, the dashboard above also shows the breakdown per route.\n');
    }
    const changedTool: Tool = {
      key: 'opskb-changed',
      label: `opskb lint --changed-since HEAD (${CHANGED_DOCS} edited, --no-cache)`,
      spec: opskbLint(['--no-cache', '--changed-since', 'HEAD']),
      files: CHANGED_DOCS,
      check: opskbCheck({ atLeast: CHANGED_DOCS, atMost: docs }),
    };
    results.push(...(await measureRounds([changedTool], runs, probe)));
    // The same with the warm cache (a copy per run, so each run starts from the same cache):
    // facts of the unchanged docs then come from the cache instead of 2,000 frontmatter parses.
    const changedCache = join(root, 'changed-cache.json');
    const changedCachedTool: Tool = {
      key: 'opskb-changed-cached',
      label: `opskb lint --changed-since HEAD (${CHANGED_DOCS} edited, warm cache)`,
      spec: opskbLint(['--cache-location', changedCache, '--changed-since', 'HEAD']),
      files: CHANGED_DOCS,
      check: opskbCheck({ atLeast: CHANGED_DOCS, atMost: docs }),
      before: () => copyFileSync(cacheFile, changedCache),
    };
    results.push(...(await measureRounds([changedCachedTool], runs, probe)));

    const report = printReport(kb, results, runKeys.size === 1);
    if (options.json) {
      writeFileSync(resolve(options.json), `${JSON.stringify(jsonReport(kb, probe, runs, results, report, projectDir), null, 2)}\n`);
      console.log(`\nRaw numbers written to ${resolve(options.json)}`);
    }
  } finally {
    if (options.keep) console.error(`\nKept the synthetic knowledge base in ${kbDir}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function commitAll(dir: string): void {
  const git = (args: string[]) => {
    const result = spawnSync(
      'git',
      ['-c', 'init.defaultBranch=main', '-c', 'user.name=opskb bench', '-c', 'user.email=bench@opskb.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, encoding: 'utf8' },
    );
    if (result.error || result.status !== 0)
      throw new BenchError(`git ${args[0]} failed in ${dir} (needed for --changed-since): ${result.error?.message ?? result.stderr.trim()}`);
  };
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Synthetic knowledge base']);
}

/** `runs` rounds of running each tool once, in order; a result per tool. */
