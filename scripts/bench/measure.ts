// Runs a command as a child process and measures it: wall time, CPU time and peak resident memory,
// through GNU time when it is installed, else by polling /proc/<pid>/status (Linux), plus the peak
// of the whole process tree's summed RSS (a build that spawns helpers holds all of them at once).
// Node's spawnSync reports no maxRSS of the child, hence the wrapper.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type CommandSpec = {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv | undefined;
};

export type Measurement = {
  readonly wallSeconds: number;
  /** User + system CPU seconds of the child; undefined when the probe cannot tell. */
  readonly cpuSeconds: number | undefined;
  /**
   * Peak of the summed RSS of the command and all its descendants, polled from /proc (never below
   * peakProcessRssBytes): what a memory limit on the whole job (a CI container) sees.
   */
  readonly peakRssBytes: number;
  /** Peak RSS of the largest single process of the tree (GNU time's %M, or the main process's VmHWM). */
  readonly peakProcessRssBytes: number;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
};

/** How peak memory is read: GNU time's `%M`, or the VmHWM line of /proc/<pid>/status, polled. */
export type RssProbe = 'gnu-time' | 'proc-status';

import { BenchError } from './errors.ts';

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 5;
const TREE_POLL_MS = 25;

/** The pids of `root` and all its descendants, from /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // `pid (comm) state ppid …`; comm may hold spaces and parentheses, so read after the last `)`.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // Gone between the listing and the read.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index] as number) ?? []));
  return tree;
}

function rssKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Polls the summed RSS of a process tree; `peakKb()` is the largest sum seen (0 without /proc). */
function watchTree(root: number): { stop(): void; peakKb(): number } {
  let peak = 0;
  const sample = () => {
    if (!existsSync('/proc/self/status')) return;
    peak = Math.max(
      peak,
      processTree(root).reduce((sum, pid) => sum + rssKb(pid, 'VmRSS'), 0),
    );
  };
  sample();
  const timer = setInterval(sample, TREE_POLL_MS);
  return { stop: () => clearInterval(timer), peakKb: () => peak };
}

/** The best probe this machine has; throws a BenchError saying what to install when there is none. */
export function detectRssProbe(): RssProbe {
  if (existsSync(GNU_TIME)) {
    const check = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (check.status === 0 && /^\d+$/.test(check.stderr.trim().split('\n').at(-1) ?? '')) return 'gnu-time';
  }
  if (existsSync('/proc/self/status')) return 'proc-status';
  throw new BenchError(
    `Cannot measure peak memory: neither GNU time (${GNU_TIME}, Debian package \`time\`) nor /proc/<pid>/status is available. Install time: apt-get install time.`,
  );
}

export async function measureCommand(spec: CommandSpec, probe: RssProbe): Promise<Measurement> {
  return probe === 'gnu-time' ? measureWithGnuTime(spec) : measureWithProc(spec);
}

type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; wallSeconds: number };

function run(command: string, args: readonly string[], spec: CommandSpec, onSpawn?: (pid: number) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => reject(new BenchError(`Cannot run ${command}: ${error.message}`)));
    if (child.pid !== undefined) onSpawn?.(child.pid);
    child.once('close', (code, signal) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code, signal, wallSeconds, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

async function measureWithGnuTime(spec: CommandSpec): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'opskb-measure-'));
  const output = join(dir, 'time.txt');
  try {
    // `-o` keeps the figures out of the command's own stderr; the last line is ours
    // (GNU time may put "Command exited with non-zero status 1" above it).
    let tree: ReturnType<typeof watchTree> | undefined;
    const finished = await run(GNU_TIME, ['-f', '%e %U %S %M', '-o', output, spec.command, ...spec.args], spec, (pid) => {
      tree = watchTree(pid);
    }).finally(() => tree?.stop());
    const line = readFileSync(output, 'utf8').trim().split('\n').at(-1) ?? '';
    const match = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(line);
    if (!match) throw new BenchError(`Unexpected GNU time output for ${spec.command}: ${JSON.stringify(line)}`);
    return {
      wallSeconds: finished.wallSeconds,
      cpuSeconds: Number(match[2]) + Number(match[3]),
      peakRssBytes: Math.max(Number(match[4]), tree?.peakKb() ?? 0) * 1024,
      peakProcessRssBytes: Number(match[4]) * 1024,
      exitCode: finished.code,
      signal: finished.signal,
      stdout: finished.stdout,
      stderr: finished.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** VmHWM is a high-water mark, so polling only misses growth in the last few milliseconds. */
async function measureWithProc(spec: CommandSpec): Promise<Measurement> {
  let peakKb = 0;
  let timer: NodeJS.Timeout | undefined;
  let tree: ReturnType<typeof watchTree> | undefined;
  // 0 once the process has exited between two polls.
  const read = (pid: number) => {
    peakKb = Math.max(peakKb, rssKb(pid, 'VmHWM'));
  };
  try {
    const finished = await run(spec.command, spec.args, spec, (pid) => {
      read(pid);
      timer = setInterval(() => read(pid), POLL_MS);
      tree = watchTree(pid);
    });
    return {
      wallSeconds: finished.wallSeconds,
      cpuSeconds: undefined,
      peakRssBytes: Math.max(peakKb, tree?.peakKb() ?? 0) * 1024,
      peakProcessRssBytes: peakKb * 1024,
      exitCode: finished.code,
      signal: finished.signal,
      stdout: finished.stdout,
      stderr: finished.stderr,
    };
  } finally {
    clearInterval(timer);
    tree?.stop();
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export type Summary = {
  readonly runs: number;
  readonly wallSeconds: readonly number[];
  readonly cpuSeconds: readonly (number | undefined)[];
  readonly peakRssBytes: readonly number[];
  readonly peakProcessRssBytes: readonly number[];
  /** Median wall time: the usual figure, robust to one disturbed run. */
  readonly medianWallSeconds: number;
  readonly medianCpuSeconds: number | undefined;
  /** Maximum peak RSS over the runs: memory limits care about the worst case. */
  readonly maxPeakRssBytes: number;
  readonly maxPeakProcessRssBytes: number;
};

export function summarise(measurements: readonly Measurement[]): Summary {
  const cpu = measurements.map((measurement) => measurement.cpuSeconds);
  const knownCpu = cpu.filter((value): value is number => value !== undefined);
  return {
    runs: measurements.length,
    wallSeconds: measurements.map((measurement) => measurement.wallSeconds),
    cpuSeconds: cpu,
    peakRssBytes: measurements.map((measurement) => measurement.peakRssBytes),
    peakProcessRssBytes: measurements.map((measurement) => measurement.peakProcessRssBytes),
    medianWallSeconds: median(measurements.map((measurement) => measurement.wallSeconds)),
    medianCpuSeconds: knownCpu.length === measurements.length ? median(knownCpu) : undefined,
    maxPeakRssBytes: Math.max(...measurements.map((measurement) => measurement.peakRssBytes)),
    maxPeakProcessRssBytes: Math.max(...measurements.map((measurement) => measurement.peakProcessRssBytes)),
  };
}

/** A plain-text table; columns after the first are right-aligned (numbers). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
