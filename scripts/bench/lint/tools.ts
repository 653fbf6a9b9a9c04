// The tools the lint benchmark runs, how each run is checked for having done the work, and the
// rounds that run them.
import { measureCommand, summarise, type CommandSpec, type Measurement, type RssProbe, type Summary } from '../measure.ts';
import { BenchError } from '../errors.ts';
import { MB } from '../units.ts';

export type Tool = {
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

export type Result = { readonly tool: Tool; readonly summary: Summary; readonly notes: readonly string[]; readonly outputs: readonly string[] };

export type OpskbJson = {
  summary: { filesChecked: number; errors: number; warnings: number };
  findings: { path: string; rule: string; line: number; message: string }[];
};

export async function measureRounds(tools: readonly Tool[], runs: number, probe: RssProbe): Promise<Result[]> {
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

export function exitCodeIn(measurement: Measurement, accepted: readonly number[]): void {
  if (measurement.exitCode === null || !accepted.includes(measurement.exitCode)) {
    throw new BenchError(`crashed (expected exit code ${accepted.join(' or ')})`);
  }
}

/** Files a run must check: exactly so many, or (--changed-since) the edited ones and up to every doc (those that link to them). */
export type ExpectedFiles = number | { readonly atLeast: number; readonly atMost: number };

export function opskbReport(measurement: Measurement, expectedFiles: ExpectedFiles): OpskbJson {
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

export const floorCheck = (expected: number) => (measurement: Measurement) => {
  exitCodeIn(measurement, [0]);
  const result = JSON.parse(measurement.stdout.trim() || '{}') as { files?: number; errors?: number };
  if (result.files !== expected) throw new BenchError(`parsed ${result.files ?? 'no'} files, expected ${expected}`);
  return `${result.files} files, ${result.errors} parse errors`;
};

export function versionCheck(measurement: Measurement): string {
  exitCodeIn(measurement, [0]);
  if (!/^\d+\.\d+\.\d+/.test(measurement.stdout.trim())) throw new BenchError('printed no version');
  return `version ${measurement.stdout.trim()}`;
}

export const remarkCheck = (expected: number) => (measurement: Measurement) => {
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

export const markdownlintCheck = (expected: number) => (measurement: Measurement) => {
  exitCodeIn(measurement, [0, 1]);
  // "Linting: 2000 files" and "Summary: 1509 issues in 100 files" (older versions: "file(s)", "error(s)").
  const linting = /^Linting: (\d+) file/m.exec(measurement.stdout);
  if (!linting) throw new BenchError('printed no "Linting: N files" line');
  if (Number(linting[1]) !== expected) throw new BenchError(`linted ${linting[1]} files, expected ${expected}`);
  const summary = /^Summary: (\d+) (?:issue|error)/m.exec(measurement.stdout);
  return `${linting[1]} files, ${summary?.[1] ?? 0} issues`;
};
