// Durations as frontmatter spells them: `<number><unit>` runs, units m h d w mo y (`15m`, `6mo`, `2h30m`).
// Calendar units (mo, y) are added to dates as calendar months; for comparisons they count 30 and 365 days.

export const DURATION_UNITS = ['y', 'mo', 'w', 'd', 'h', 'm'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export type Duration = {
  /** The text as written, e.g. `2h30m`. */
  readonly text: string;
  readonly parts: Readonly<Partial<Record<DurationUnit, number>>>;
};

export const DURATION_FORMAT_HINT = 'a duration such as `15m`, `4h`, `90d`, `12w`, `6mo`, `1y` or `2h30m` (units: m minutes, h, d, w, mo, y)';

const PART = /(\d+)(mo|y|w|d|h|m)/gy;

/** Parses `2h30m`; returns undefined for anything else (including `0d` overall and repeated units). */
export function parseDuration(text: string): Duration | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const parts: Partial<Record<DurationUnit, number>> = {};
  PART.lastIndex = 0;
  let end = 0;
  for (let match = PART.exec(trimmed); match; match = PART.exec(trimmed)) {
    const unit = match[2] as DurationUnit;
    if (parts[unit] !== undefined) return undefined;
    parts[unit] = Number(match[1]);
    end = PART.lastIndex;
  }
  if (end !== trimmed.length) return undefined;
  // Units must come largest first, as people write them (`1d12h`, not `12h1d`).
  const order = Object.keys(parts).map((unit) => DURATION_UNITS.indexOf(unit as DurationUnit));
  if (order.some((rank, index) => index > 0 && rank < (order[index - 1] ?? 0))) return undefined;
  const duration = { text: trimmed, parts };
  return durationToMinutes(duration) > 0 ? duration : undefined;
}

const MINUTES: Record<DurationUnit, number> = {
  m: 1,
  h: 60,
  d: 24 * 60,
  w: 7 * 24 * 60,
  mo: 30 * 24 * 60,
  y: 365 * 24 * 60,
};

/** Total length in minutes, months counted as 30 days and years as 365. */
export function durationToMinutes(duration: Duration): number {
  let total = 0;
  for (const unit of DURATION_UNITS) total += (duration.parts[unit] ?? 0) * MINUTES[unit];
  return total;
}

/**
 * Adds a duration to a calendar date (`YYYY-MM-DD`), returning a calendar date.
 * Years and months move the calendar (clamped to the month's last day); hours and minutes
 * count towards whole days only once they add up to one.
 */
export function addDuration(date: string, duration: Duration): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const { y = 0, mo = 0, w = 0, d = 0, h = 0, m = 0 } = duration.parts;
  const monthIndex = month - 1 + mo + 12 * y;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const extraDays = 7 * w + d + Math.floor((60 * h + m) / (24 * 60));
  const result = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay) + extraDays));
  return result.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
