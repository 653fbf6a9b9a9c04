// Adopting opskb on a legacy repository: record today's findings once, then fail only on new ones.
// An entry matches a finding by file, rule and message (never by line, so edits above a known
// finding do not resurface it), and by count: a second identical finding in the same file is new.
// A message with parts that change while the problem does not ("overdue by 119 days", another
// file's line) is matched on its steady key instead, recorded beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { Finding } from '../model/finding.ts';
import { steadyKey } from './steady-keys.ts';

export const BASELINE_VERSION = 1;

const baselineSchema = z.strictObject({
  version: z.literal(BASELINE_VERSION),
  findings: z.array(
    z.strictObject({ path: z.string(), rule: z.string(), message: z.string(), key: z.string().optional(), count: z.number().int().positive() }),
  ),
});

export type Baseline = z.output<typeof baselineSchema>;

type Entry = Baseline['findings'][number];

const keyOf = (path: string, rule: string, message: string) => JSON.stringify([path, rule, message]);

/**
 * Paths in the baseline are relative to its own folder, so it can be committed and moved with the
 * repo. With `previous` (the baseline being updated), the entries of files this run did not check
 * (`checked` says which) are kept: updating after linting some files forgets nothing about the rest.
 */
export function createBaseline(
  findings: readonly Finding[],
  baselinePath: string,
  previous?: { baseline: Baseline; checked: (path: string) => boolean },
): Baseline {
  const base = dirname(resolve(baselinePath));
  const counts = new Map<string, Entry>();
  for (const finding of findings) {
    const path = relative(base, finding.path).replaceAll('\\', '/');
    const steady = finding.key ?? finding.message;
    const key = keyOf(path, finding.ruleId, steady);
    const entry = counts.get(key) ?? { path, rule: finding.ruleId, message: finding.message, ...(steady === finding.message ? {} : { key: steady }), count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const kept = previous?.baseline.findings.filter((entry) => !previous.checked(resolve(base, entry.path))) ?? [];
  const entries = [...kept, ...counts.values()].sort(
    (a, b) => a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message),
  );
  return { version: BASELINE_VERSION, findings: entries };
}

export function writeBaseline(baselinePath: string, baseline: Baseline): void {
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
}

export class BaselineError extends Error {}

export function readBaseline(baselinePath: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(baselinePath, 'utf8'));
  } catch (error) {
    throw new BaselineError(`Cannot read the baseline ${baselinePath}: ${(error as Error).message}. Create it with --update-baseline.`);
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BaselineError(
      `${baselinePath} is not an opskb baseline (version ${BASELINE_VERSION}): ${parsed.error.issues[0]?.message ?? 'invalid'}. Recreate it with --update-baseline.`,
    );
  }
  return parsed.data;
}

/** Splits findings into new ones and those the baseline already records (in line order per key). */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, baselinePath: string): { fresh: Finding[]; known: Finding[] } {
  const base = dirname(resolve(baselinePath));
  // Entries written before the baseline kept keys get theirs now.
  const remaining = new Map(baseline.findings.map((entry) => [keyOf(entry.path, entry.rule, entry.key ?? steadyKey(entry.rule, entry.message)), entry.count]));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) {
    const key = keyOf(relative(base, finding.path).replaceAll('\\', '/'), finding.ruleId, finding.key ?? finding.message);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      known.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  return { fresh, known };
}
