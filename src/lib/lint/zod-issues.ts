// Turns a zod issue into a sentence that names the key, what was expected and how to fix it.
import type { z } from 'zod';

/** `where` completes "is missing …", e.g. `in teams.yaml` or `from the runbook frontmatter`. */
export function describeIssue(issue: z.core.$ZodIssue, where: string, acceptedKeys?: readonly string[]): string {
  const key = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((name) => `\`${name}\``).join(', ');
    const accepted = acceptedKeys ? ` Accepted keys: ${acceptedKeys.join(', ')}.` : '';
    return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${names} ${where}: remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}.${accepted}`;
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return missing ? `\`${key}\` is missing ${where}: ${issue.message}.` : `\`${key}\` ${where}: ${issue.message}.`;
}

/** `gamedays[0].outcome` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`)).join('');
}
