// What both benchmarks print besides their own tables: the machine, the knowledge base, the targets.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { formatTable } from './measure.ts';
import { docMix, type SyntheticKb } from './synthetic-kb/index.ts';
import { GB, MB } from './units.ts';

/** A target and how the run did: `pass` undefined for figures shown for information. */
export type Target = { readonly name: string; readonly value: string; readonly target: string; readonly pass: boolean | undefined };

/** The targets as a table; `undecided` stands for a target without a verdict (information, or not measured). */
export function formatTargets(targets: readonly Target[], firstColumn = 'measure', undecided = 'info'): string {
  return formatTable(
    [firstColumn, 'value', 'target', 'result'],
    targets.map((target) => [target.name, target.value, target.target, target.pass === undefined ? undecided : target.pass ? 'PASS' : 'FAIL']),
  );
}

const busy = () => (loadavg()[0] ?? 0) > availableParallelism();

/** The machine's lines of a report header, with a warning when it is busy. */
export function machineLines(): string[] {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  const lines = [`  ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / GB).toFixed(1)} GB RAM, load average ${load}`];
  if (busy()) lines.push('  warning: the machine is busy (load above the core count): wall times are inflated; CPU times are steadier');
  return lines;
}

export function machineJson() {
  return {
    platform: `${process.platform}-${process.arch}`,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model,
    totalMemoryBytes: totalmem(),
    loadAverage: loadavg(),
  };
}

/** `2000 docs (1534 runbooks, …), 1400 .mdx / 600 .md, 8.40 MB` */
export function describeKb(kb: SyntheticKb): string {
  const mix = docMix(kb.docs.length);
  const mdx = kb.docs.filter((doc) => doc.flavour === 'mdx').length;
  return `${kb.docs.length} docs (${mix.runbook} runbooks, ${mix['dr-plan']} DR plans, ${mix.knowledge} knowledge, ${mix.onboarding} onboarding), ${mdx} .mdx / ${kb.docs.length - mdx} .md, ${(kb.totalBytes / MB).toFixed(2)} MB`;
}

export function kbJson(kb: SyntheticKb) {
  return {
    docs: kb.docs.length,
    mix: docMix(kb.docs.length),
    mdx: kb.docs.filter((doc) => doc.flavour === 'mdx').length,
    bytes: kb.totalBytes,
    planted: kb.docs.filter((doc) => doc.problem).length,
    seed: kb.seed,
    today: kb.today,
  };
}
