import { describe, expect, test } from 'vitest';
import { reviewLabel, reviewStatus } from '../../../src/lib/model/review-status.ts';

describe('reviewStatus', () => {
  test('uses the type default when review_every is absent (runbook: 90 days)', () => {
    expect(reviewStatus({ type: 'runbook', lastReviewed: '2026-09-01' }, '2026-11-26')).toEqual({
      state: 'due-soon',
      dueDate: '2026-11-30',
      daysLeft: 4,
      interval: '90d',
    });
  });

  test.each([
    ['2026-11-01', 'fresh', 'Fresh'],
    ['2026-11-16', 'due-soon', 'Due in 14 days'],
    ['2026-11-30', 'due-soon', 'Due today'],
    ['2026-12-01', 'overdue', 'Overdue by 1 day'],
    ['2026-12-31', 'overdue', 'Overdue by 31 days'],
  ])('reviewed 2026-10-31 every 30d, on %s: %s', (today, state, label) => {
    const status = reviewStatus({ type: 'knowledge', lastReviewed: '2026-10-31', reviewEvery: '30d' }, today);
    expect(status.state).toBe(state);
    expect(reviewLabel(status)).toBe(label);
  });

  test('is overdue the day after the interval ends', () => {
    const status = reviewStatus({ type: 'dr-plan', lastReviewed: '2026-05-01' }, '2026-10-29');
    expect(status).toMatchObject({ dueDate: '2026-10-28', state: 'overdue', daysLeft: -1 });
  });
});
