#!/usr/bin/env node
// `npm run bench:lint`: lints a synthetic knowledge base with opskb (cold, warm, --changed-since),
// remark-cli, markdownlint-cli2 and a bare parse, each in its own process, and prints wall time,
// throughput and peak memory against opskb's targets. Exit 0 whatever the figures; 2 when a tool
// crashes or says nothing usable.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  detectRssProbe,
  formatTable,
  measureCommand,
  summarise,
  type CommandSpec,
  type Measurement,
  type RssProbe,
  type Summary,
} from '../src/lib/bench/measure.ts';
import { docMix, generateSyntheticKb, PLANTED_PROBLEMS, writeSyntheticKb, type SyntheticKb } from '../src/lib/bench/synthetic-kb.ts';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
const NODE = join(PROJECT_DIR, 'node_modules', '.bin', 'node');
const OPSKB = join(PROJECT_DIR, 'scripts', 'opskb.ts');
const REMARK = join(PROJECT_DIR, 'node_modules', 'remark-cli', 'cli.js');
const MARKDOWNLINT = join(PROJECT_DIR, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const CHANGED_DOCS = 5;
const MB = 1024 * 1024;

const USAGE = `Usage: node scripts/bench-lint.ts [--docs N] [--runs R] [--keep] [--json FILE]

  --docs N     docs in the synthetic knowledge base (default 2000)
  --runs R     rounds; each runs every tool once; the table shows the median wall time and the maximum RSS (default 3)
  --keep       keep the temporary knowledge base (its path is printed)
  --json FILE  also write the raw numbers to FILE`;

class BenchError extends Error {}

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    // Internal: the parse-floor child process.
    'parse-floor': { type: 'string' },
    parser: { type: 'string', default: 'remark' },
  },
});

/**
 * The child process of the parse-floor measurement: read every doc and parse it, nothing else.
 * `remark`: remark-parse + remark-frontmatter, + remark-mdx for .mdx (the floor in STACK-NOTES);
 * `opskb`: the linter's own parser (src/lib/markdown/parse.ts: Sätteri, the parser of the site's
 * build, with frontmatter, GFM and, for .mdx, MDX), as the lint process loads it.
 */
async function parseFloor(dir: string, parser: 'remark' | 'opskb'): Promise<void> {
  const { listDocFiles } = await import('../src/lib/kb/knowledge-base.ts');
  let parse: (text: string, mdx: boolean) => unknown;
  if (parser === 'opskb') {
    const { parseDocument } = await import('../src/lib/markdown/parse.ts');
    parse = (text, mdx) => parseDocument(text, mdx ? 'mdx' : 'markdown');
  } else {
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkMdx } = await import('remark-mdx');
    const { default: remarkFrontmatter } = await import('remark-frontmatter');
    const mdxProcessor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).freeze();
    const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter).freeze();
    parse = (text, mdx) => (mdx ? mdxProcessor : markdownProcessor).parse(text);
  }
  let files = 0;
  let bytes = 0;
  let errors = 0;
  for (const path of listDocFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    files += 1;
    bytes += Buffer.byteLength(text);
    try {
      parse(text, path.endsWith('.mdx'));
    } catch {
      errors += 1;
    }
  }
  console.log(JSON.stringify({ files, bytes, errors }));
}

type Tool = {
  readonly key: string;
  readonly label: string;
  readonly spec: CommandSpec;
  /** Files the tool is expected to check. */
  readonly files: number;
  /** Throws a BenchError when the run crashed or its output does not show the work done. */
  readonly check: (measurement: Measurement) => string;
  /** Before each run (e.g. delete the cache). */
  readonly before?: () => void;
  /** After each successful run. */
  readonly after?: () => void;
};

type Result = { readonly tool: Tool; readonly summary: Summary; readonly notes: readonly string[]; readonly outputs: readonly string[] };

type OpskbJson = {
  summary: { filesChecked: number; errors: number; warnings: number };
  findings: { path: string; rule: string; line: number; message: string }[];
};

async function bench(): Promise<number> {
  const docs = Number(values.docs);
  const runs = Number(values.runs);
  if (!Number.isInteger(docs) || docs < 10) return usageError(`--docs expects a whole number of at least 10, got \`${values.docs}\`.`);
  if (!Number.isInteger(runs) || runs < 1) return usageError(`--runs expects a whole number of at least 1, got \`${values.runs}\`.`);
  for (const [name, path] of [
    ['the pinned Node (npm install)', NODE],
    ['remark-cli', REMARK],
    ['markdownlint-cli2', MARKDOWNLINT],
  ] as const) {
    if (!existsSync(path)) return usageError(`${name} is not installed: ${path} is missing. Run npm install.`);
  }
  let probe: RssProbe;
  try {
    probe = detectRssProbe();
  } catch (error) {
    console.error(`bench-lint: ${(error as Error).message}`);
    return 2;
  }

  const root = mkdtempSync(join(tmpdir(), 'opskb-bench-lint-'));
  const kbDir = join(root, 'kb');
  const cacheFile = join(root, 'cache.json');
  try {
    const started = performance.now();
    const kb = generateSyntheticKb({ docs });
    writeSyntheticKb(kb, kbDir);
    commitAll(kbDir);
    const generated = (performance.now() - started) / 1000;
    printEnvironment(kb, probe, runs, generated, kbDir);

    const opskbEnv = { ...process.env, OPSKB_CONTENT_DIR: kbDir, NO_COLOR: '1' };
    const opskbLint = (extra: readonly string[]): CommandSpec => ({
      command: NODE,
      args: [OPSKB, 'lint', '--now', kb.today, ...extra, '--format', 'json', kbDir],
      cwd: kbDir,
      env: opskbEnv,
    });
    const floor = (parser: string): CommandSpec => ({
      command: NODE,
      args: [fileURLToPath(import.meta.url), '--parse-floor', kbDir, '--parser', parser],
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
    if (values.json) {
      writeFileSync(resolve(values.json), `${JSON.stringify(jsonReport(kb, probe, runs, results, report), null, 2)}\n`);
      console.log(`\nRaw numbers written to ${resolve(values.json)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BenchError) {
      console.error(`\nbench-lint: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    if (values.keep) console.error(`\nKept the synthetic knowledge base in ${kbDir}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function usageError(message: string): number {
  console.error(`bench-lint: ${message}\n\n${USAGE}`);
  return 2;
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
async function measureRounds(tools: readonly Tool[], runs: number, probe: RssProbe): Promise<Result[]> {
  const measured = tools.map(() => ({ measurements: [] as Measurement[], notes: [] as string[] }));
  for (let run = 1; run <= runs; run += 1) {
    for (const [index, tool] of tools.entries()) {
      tool.before?.();
      const measurement = await measureCommand(tool.spec, probe);
      tool.after?.();
      let note: string;
      try {
        note = tool.check(measurement);
      } catch (error) {
        if (!(error instanceof BenchError)) throw error;
        const tail = `${measurement.stderr}\n${measurement.stdout}`.trim().split('\n').slice(-15).join('\n');
        throw new BenchError(
          `${tool.label}, run ${run}: ${error.message}\nexit code ${measurement.exitCode ?? `signal ${measurement.signal}`}; last lines of its output:\n${tail}`,
        );
      }
      measured[index]?.measurements.push(measurement);
      measured[index]?.notes.push(note);
      console.error(`  ${tool.label}, run ${run}/${runs}: ${measurement.wallSeconds.toFixed(2)} s, ${(measurement.peakRssBytes / MB).toFixed(0)} MB (${note})`);
    }
  }
  return tools.map((tool, index) => {
    const { measurements, notes } = measured[index] ?? { measurements: [], notes: [] };
    return { tool, summary: summarise(measurements), notes, outputs: measurements.map((measurement) => measurement.stdout) };
  });
}

function exitCodeIn(measurement: Measurement, accepted: readonly number[]): void {
  if (measurement.exitCode === null || !accepted.includes(measurement.exitCode)) {
    throw new BenchError(`crashed (expected exit code ${accepted.join(' or ')})`);
  }
}

/** Files a run must check: exactly so many, or (--changed-since) the edited ones and up to every doc (those that link to them). */
type ExpectedFiles = number | { readonly atLeast: number; readonly atMost: number };

function opskbReport(measurement: Measurement, expectedFiles: ExpectedFiles): OpskbJson {
  // 1: findings at error level (the planted problems); 2: bad usage or a crash.
  exitCodeIn(measurement, [0, 1]);
  let report: OpskbJson;
  try {
    report = JSON.parse(measurement.stdout) as OpskbJson;
  } catch {
    throw new BenchError('printed no JSON report');
  }
  const checked = report.summary?.filesChecked ?? Number.NaN;
  const [least, most] = typeof expectedFiles === 'number' ? [expectedFiles, expectedFiles] : [expectedFiles.atLeast, expectedFiles.atMost];
  if (!(checked >= least && checked <= most)) throw new BenchError(`checked ${checked} files, expected ${least === most ? least : `${least} to ${most}`}`);
  return report;
}

const floorCheck = (expected: number) => (measurement: Measurement) => {
  exitCodeIn(measurement, [0]);
  const result = JSON.parse(measurement.stdout.trim() || '{}') as { files?: number; errors?: number };
  if (result.files !== expected) throw new BenchError(`parsed ${result.files ?? 'no'} files, expected ${expected}`);
  return `${result.files} files, ${result.errors} parse errors`;
};

function versionCheck(measurement: Measurement): string {
  exitCodeIn(measurement, [0]);
  if (!/^\d+\.\d+\.\d+/.test(measurement.stdout.trim())) throw new BenchError('printed no version');
  return `version ${measurement.stdout.trim()}`;
}

const remarkCheck = (expected: number) => (measurement: Measurement) => {
  exitCodeIn(measurement, [0, 1]);
  let files: { messages: { fatal?: boolean | null }[] }[];
  try {
    files = JSON.parse(measurement.stderr.trim()) as typeof files;
  } catch {
    throw new BenchError('printed no JSON report on stderr');
  }
  if (files.length !== expected) throw new BenchError(`reported ${files.length} files, expected ${expected}`);
  const messages = files.reduce((sum, file) => sum + file.messages.length, 0);
  const fatal = files.filter((file) => file.messages.some((message) => message.fatal === true)).length;
  return `${files.length} files, ${messages} messages, ${fatal} files did not parse`;
};

const markdownlintCheck = (expected: number) => (measurement: Measurement) => {
  exitCodeIn(measurement, [0, 1]);
  // "Linting: 2000 files" and "Summary: 1509 issues in 100 files" (older versions: "file(s)", "error(s)").
  const linting = /^Linting: (\d+) file/m.exec(measurement.stdout);
  if (!linting) throw new BenchError('printed no "Linting: N files" line');
  if (Number(linting[1]) !== expected) throw new BenchError(`linted ${linting[1]} files, expected ${expected}`);
  const summary = /^Summary: (\d+) (?:issue|error)/m.exec(measurement.stdout);
  return `${linting[1]} files, ${summary?.[1] ?? 0} issues`;
};

function printEnvironment(kb: SyntheticKb, probe: RssProbe, runs: number, generatedSeconds: number, kbDir: string): void {
  const mix = docMix(kb.docs.length);
  const mdx = kb.docs.filter((doc) => doc.flavour === 'mdx').length;
  const planted = kb.docs.filter((doc) => doc.problem).length;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log('opskb lint benchmark');
  console.log(`  node ${process.version} (${NODE}), ${process.platform}-${process.arch}`);
  console.log(`  ${availableParallelism()} cores (${cpu}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, load average ${load}`);
  if ((loadavg()[0] ?? 0) > availableParallelism()) {
    console.log('  warning: the machine is busy (load above the core count): wall times are inflated; CPU times are steadier');
  }
  console.log(
    `  tools: remark-cli ${packageVersion('remark-cli')}, markdownlint-cli2 ${packageVersion('markdownlint-cli2')}; peak RSS via ${probe === 'gnu-time' ? 'GNU time (%M)' : '/proc/<pid>/status VmHWM'}`,
  );
  console.log(
    `  knowledge base: ${kb.docs.length} docs (${mix.runbook} runbooks, ${mix['dr-plan']} DR plans, ${mix.knowledge} knowledge, ${mix.onboarding} onboarding), ${mdx} .mdx / ${kb.docs.length - mdx} .md, ${(kb.totalBytes / MB).toFixed(2)} MB (${(kb.totalBytes / kb.files.length / 1024).toFixed(1)} KB per file), ${planted} with a planted problem; seed ${kb.seed}, --now ${kb.today}`,
  );
  console.log(`  generated and committed in ${generatedSeconds.toFixed(1)} s at ${kbDir}`);
  console.log(
    `  ${runs} rounds, each running every tool once (interleaved, so that a slow spell of the machine falls on all alike): median wall time, maximum peak RSS\n`,
  );
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

type Target = { readonly name: string; readonly value: string; readonly target: string; readonly pass: boolean | undefined };
type Correctness = { readonly pass: boolean; readonly line: string };
type Report = { readonly targets: readonly Target[]; readonly correctness: Correctness & { readonly cacheStable: boolean } };

function printReport(kb: SyntheticKb, results: readonly Result[], cacheStable: boolean): Report {
  const result = (key: string) => {
    const found = results.find((candidate) => candidate.tool.key === key);
    if (!found) throw new Error(`no result for ${key}`);
    return found.summary;
  };
  const rows = results.map(({ tool, summary }) => [
    tool.label,
    String(tool.files),
    summary.medianWallSeconds.toFixed(2),
    tool.files === 0 ? '-' : (tool.files / summary.medianWallSeconds).toFixed(0),
    summary.medianCpuSeconds === undefined ? '-' : summary.medianCpuSeconds.toFixed(2),
    (summary.maxPeakRssBytes / MB).toFixed(0),
  ]);
  console.log(formatTable(['tool', 'files', 'wall s', 'files/s', 'CPU s', 'peak RSS MB'], rows));
  console.log('\nNotes: remark-cli runs one processor, so remark-mdx parses the .md files too (they are written to be');
  console.log('valid MDX); --report json replaces --quiet so every file is counted. markdownlint-cli2 does not');
  console.log('understand MDX: it lints .mdx as plain Markdown. opskb runs use --format json.');

  const cold = result('opskb-cold');
  const warm = result('opskb-warm');
  const changed = result('opskb-changed');
  const remark = result('remark-cli');
  const floor = result('parse-floor');
  const speedup = remark.medianWallSeconds / cold.medianWallSeconds;
  const peak = Math.max(
    ...results.filter(({ tool }) => tool.key.startsWith('opskb-') && tool.key !== 'opskb-startup').map(({ summary }) => summary.maxPeakRssBytes),
  );
  const targets: Target[] = [
    { name: 'opskb cold files/s ÷ remark-cli files/s', value: `${speedup.toFixed(2)}×`, target: '≥ 2×', pass: speedup >= 2 },
    { name: 'opskb warm wall', value: `${warm.medianWallSeconds.toFixed(2)} s`, target: '< 1 s', pass: warm.medianWallSeconds < 1 },
    {
      name: `opskb --changed-since (${CHANGED_DOCS} docs) wall`,
      value: `${changed.medianWallSeconds.toFixed(2)} s`,
      target: '< 2 s',
      pass: changed.medianWallSeconds < 2,
    },
    { name: 'opskb lint peak RSS (every run)', value: `${(peak / MB).toFixed(0)} MB`, target: '< 500 MB', pass: peak < 500 * MB },
    {
      name: 'opskb cold wall ÷ parse floor wall',
      value: `${(cold.medianWallSeconds / floor.medianWallSeconds).toFixed(2)}×`,
      target: '(info)',
      pass: undefined,
    },
  ];
  console.log('\nTargets');
  console.log(
    formatTable(
      ['measure', 'value', 'target', 'result'],
      targets.map((target) => [target.name, target.value, target.target, target.pass === undefined ? 'info' : target.pass ? 'PASS' : 'FAIL']),
    ),
  );

  const correctness = checkCorrectness(kb, results);
  console.log(`\n${correctness.line}`);
  if (!cacheStable) {
    console.log(
      "Warning: the cache's run key changed between opskb runs (someone edited src/lib, lint-rules or package-lock.json meanwhile?): the warm runs may have linted cold. Run again.",
    );
  }
  return { targets, correctness: { ...correctness, cacheStable } };
}

/** Cold and warm runs must report the same findings; the planted problems must all be among them. */
function checkCorrectness(kb: SyntheticKb, results: readonly Result[]): Correctness {
  const reports = (key: string) => (results.find((result) => result.tool.key === key)?.outputs ?? []).map((output) => JSON.parse(output) as OpskbJson);
  const cold = reports('opskb-cold');
  const warm = reports('opskb-warm');
  const first = cold[0];
  if (!first) return { pass: false, line: 'Correctness: FAIL, no cold run to compare' };
  const same = [...cold, ...warm].every((report) => JSON.stringify(report.findings) === JSON.stringify(first.findings));
  const planted = kb.docs.filter((doc) => doc.problem);
  const found = planted.filter((doc) => {
    const expected = PLANTED_PROBLEMS[doc.problem ?? 'broken-link'];
    return first.findings.some((finding) => finding.path === doc.path && finding.rule === expected.ruleId && finding.message.startsWith(expected.message));
  }).length;
  const pass = same && found === planted.length && first.findings.length === planted.length;
  const summary = `${first.findings.length} findings (${first.summary.errors} errors, ${first.summary.warnings} warnings)`;
  return {
    pass,
    line: `Correctness: ${pass ? 'PASS' : 'FAIL'}: cold and warm runs reported ${same ? 'identical' : 'DIFFERENT'} findings, ${summary}; planted problems found ${found}/${planted.length}.`,
  };
}

function jsonReport(kb: SyntheticKb, probe: RssProbe, runs: number, results: readonly Result[], report: Report) {
  return {
    version: 1,
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model,
      totalMemoryBytes: totalmem(),
      loadAverage: loadavg(),
      rssProbe: probe,
      tools: { 'remark-cli': packageVersion('remark-cli'), 'markdownlint-cli2': packageVersion('markdownlint-cli2') },
    },
    knowledgeBase: {
      docs: kb.docs.length,
      mix: docMix(kb.docs.length),
      mdx: kb.docs.filter((doc) => doc.flavour === 'mdx').length,
      bytes: kb.totalBytes,
      planted: kb.docs.filter((doc) => doc.problem).length,
      seed: kb.seed,
      today: kb.today,
    },
    runs,
    results: Object.fromEntries(results.map(({ tool, summary, notes }) => [tool.key, { label: tool.label, files: tool.files, ...summary, notes }])),
    targets: report.targets,
    correctness: report.correctness,
  };
}

// Last: the helpers above are `const`s, initialised only once the module body reaches them.
if (values.help) {
  console.log(USAGE);
} else if (values['parse-floor'] !== undefined) {
  await parseFloor(values['parse-floor'], values.parser === 'opskb' ? 'opskb' : 'remark');
} else {
  process.exitCode = await bench();
}
