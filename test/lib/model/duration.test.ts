import { describe, expect, test } from 'vitest';
import { addDuration, daysBetween, durationToMinutes, parseDuration } from '../../../src/lib/model/duration.ts';

describe('parseDuration', () => {
  test.each([
    ['15m', 15],
    ['4h', 240],
    ['90d', 90 * 1440],
    ['12w', 84 * 1440],
    ['6mo', 180 * 1440],
    ['1y', 365 * 1440],
    ['2h30m', 150],
    ['1d12h', 36 * 60],
  ])('%s is %i minutes', (text, minutes) => {
    const duration = parseDuration(text);
    expect(duration).toBeDefined();
    expect(durationToMinutes(duration!)).toBe(minutes);
  });

  test.each(['', '90', 'd', '3 months', '1.5h', '30m2h', '2h2h', '0d', '-1d', '90days', '1M'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('addDuration', () => {
  test.each([
    ['2026-11-26', '90d', '2027-02-24'],
    ['2026-01-31', '1mo', '2026-02-28'],
    ['2024-02-29', '1y', '2025-02-28'],
    ['2026-06-01', '6mo', '2026-12-01'],
    ['2026-12-30', '2w', '2027-01-13'],
    ['2026-11-26', '23h', '2026-11-26'],
    ['2026-11-26', '1d12h', '2026-11-27'],
  ])('%s + %s = %s', (date, duration, expected) => {
    expect(addDuration(date, parseDuration(duration)!)).toBe(expected);
  });
});

describe('daysBetween', () => {
  test('counts calendar days, negative backwards', () => {
    expect(daysBetween('2026-11-26', '2026-12-01')).toBe(5);
    expect(daysBetween('2026-12-01', '2026-11-26')).toBe(-5);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});
