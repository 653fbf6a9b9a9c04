// The lint benchmark's report: the environment, the table, the targets, the correctness check and the JSON.
import { formatTable, type RssProbe } from '../measure.ts';
import { packageVersion } from '../files.ts';
import { describeKb, formatTargets, kbJson, machineJson, machineLines, type Target } from '../report.ts';
import { PLANTED_PROBLEMS, type SyntheticKb } from '../synthetic-kb/index.ts';
import { MB } from '../units.ts';
import type { OpskbJson, Result } from './tools.ts';

/** Runbooks edited after the commit for the --changed-since runs. */
export const CHANGED_DOCS = 5;

export function printEnvironment(
  kb: SyntheticKb,
  probe: RssProbe,
  runs: number,
  generatedSeconds: number,
  kbDir: string,
  at: { node: string; projectDir: string },
): void {
  const planted = kb.docs.filter((doc) => doc.problem).length;
  console.log('opskb lint benchmark');
  console.log(`  node ${process.version} (${at.node}), ${process.platform}-${process.arch}`);
  for (const line of machineLines()) console.log(line);
  console.log(
    `  tools: remark-cli ${packageVersion(at.projectDir, 'remark-cli')}, markdownlint-cli2 ${packageVersion(at.projectDir, 'markdownlint-cli2')}; peak RSS via ${probe === 'gnu-time' ? 'GNU time (%M)' : '/proc/<pid>/status VmHWM'}`,
  );
  console.log(
    `  knowledge base: ${describeKb(kb)} (${(kb.totalBytes / kb.files.length / 1024).toFixed(1)} KB per file), ${planted} with a planted problem; seed ${kb.seed}, --now ${kb.today}`,
  );
  console.log(`  generated and committed in ${generatedSeconds.toFixed(1)} s at ${kbDir}`);
  console.log(
    `  ${runs} rounds, each running every tool once (interleaved, so that a slow spell of the machine falls on all alike): median wall time, maximum peak RSS\n`,
  );
}

export type Correctness = { readonly pass: boolean; readonly line: string };
export type Report = { readonly targets: readonly Target[]; readonly correctness: Correctness & { readonly cacheStable: boolean } };

export function printReport(kb: SyntheticKb, results: readonly Result[], cacheStable: boolean): Report {
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
  console.log(formatTargets(targets));

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
export function checkCorrectness(kb: SyntheticKb, results: readonly Result[]): Correctness {
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

export function jsonReport(kb: SyntheticKb, probe: RssProbe, runs: number, results: readonly Result[], report: Report, projectDir: string) {
  return {
    version: 1,
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      ...machineJson(),
      rssProbe: probe,
      tools: { 'remark-cli': packageVersion(projectDir, 'remark-cli'), 'markdownlint-cli2': packageVersion(projectDir, 'markdownlint-cli2') },
    },
    knowledgeBase: kbJson(kb),
    runs,
    results: Object.fromEntries(results.map(({ tool, summary, notes }) => [tool.key, { label: tool.label, files: tool.files, ...summary, notes }])),
    targets: report.targets,
    correctness: report.correctness,
  };
}
