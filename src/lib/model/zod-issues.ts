// Turns a zod issue into a sentence that names the key, what was expected and how to fix it.
import type { z } from 'zod';

/** True when the value the issue is about is absent from `data` (zod does not keep the input). */
export function isMissing(issue: z.core.$ZodIssue, data: unknown): boolean {
  let value: unknown = data;
  for (const key of issue.path) {
    if (value === null || typeof value !== 'object') return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

/**
 * `where` completes "is missing …" and "`key` …", e.g. `in teams.yaml` or `in the runbook frontmatter`;
 * `data` is what was validated.
 */
export function describeIssue(issue: z.core.$ZodIssue, where: string, data: unknown, acceptedKeys?: readonly string[]): string {
  const key = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((name) => `\`${name}\``).join(', ');
    const accepted = acceptedKeys ? ` Accepted keys: ${acceptedKeys.join(', ')}.` : '';
    return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${names} ${where}: remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}.${accepted}`;
  }
  return isMissing(issue, data) ? `\`${key}\` is missing ${where.replace(/^in /, 'from ')}: ${issue.message}.` : `\`${key}\` ${where}: ${issue.message}.`;
}

/** `gamedays[0].outcome` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}
