// Field schemas shared by the frontmatter and the registries: ids, dates, durations.
import { z } from 'zod';
import { DURATION_FORMAT_HINT, parseDuration } from './duration.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A kebab-case identifier such as `payments-core`. */
export const idField = z
  .string({ error: 'expected a kebab-case id such as `payments-core`' })
  .regex(ID_PATTERN, { error: 'expected a kebab-case id such as `payments-core` (lowercase letters, digits, hyphens)' });

export const nonEmptyText = (what: string) =>
  z
    .string({ error: `expected ${what} as text` })
    .trim()
    .min(1, { error: `expected ${what}, found an empty value` });

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a day of the Gregorian calendar (by arithmetic: every doc has dates to check). */
function isCalendarDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + leapDay;
}

/** A raw frontmatter value as a calendar date `YYYY-MM-DD`, or undefined when it is not one. */
export function isoDateOf(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : undefined;
  return text !== undefined && isCalendarDate(text) ? text : undefined;
}

/**
 * A YAML date `YYYY-MM-DD`, normalised to that string. YAML 1.1 parsers (Astro's) hand us a Date,
 * YAML 1.2 parsers (the linter's) a string; both mean the same calendar day.
 */
export const dateField = z.union([z.date(), z.string()], { error: 'expected a date written as YYYY-MM-DD, e.g. 2026-11-02' }).transform((value, context) => {
  const date = isoDateOf(value);
  if (date === undefined) {
    const text = value instanceof Date ? String(value) : value.trim();
    context.addIssue({ code: 'custom', message: `expected a date written as YYYY-MM-DD, e.g. 2026-11-02; found \`${text}\`` });
    return z.NEVER;
  }
  return date;
});

/** A duration string (`90d`, `6mo`, `2h30m`); kept as written, parse it with `parseDuration`. */
export const durationField = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? `expected ${DURATION_FORMAT_HINT}; found the bare number \`${issue.input}\`: add a unit`
        : `expected ${DURATION_FORMAT_HINT}`,
  })
  .refine((text) => parseDuration(text) !== undefined, {
    error: (issue) => `expected ${DURATION_FORMAT_HINT}; found \`${String(issue.input)}\``,
  });

export const stringList = (what: string) => z.array(nonEmptyText(what), { error: `expected a list of ${what}s` });

/** `one of a | b | c`, for messages. */
export function oneOf(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(' | ');
}

export const enumField = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, {
    error: (issue) => `expected ${what} to be one of ${oneOf(values)}${issue.input === undefined ? '' : `; found \`${String(issue.input)}\``}`,
  });
