import { describe, expect, test } from 'vitest';
import { docUrl, groupByType, recentlyReviewed, typeUrl, type DocSummary } from '../../../src/lib/site/doc-list.ts';

const doc = (id: string, type: DocSummary['type'], title: string, lastReviewed: string): DocSummary => ({
  id,
  type,
  title,
  lastReviewed,
  summary: '',
  owner: 'team',
});

const docs = [
  doc('runbooks/a', 'runbook', 'Bravo', '2026-10-01'),
  doc('runbooks/b', 'runbook', 'Alpha', '2026-11-01'),
  doc('knowledge/c', 'knowledge', 'Charlie', '2026-11-01'),
  doc('dr-plans/d', 'dr-plan', 'Delta', '2026-01-01'),
];

describe('site listings', () => {
  test('urls', () => {
    expect(docUrl('runbooks/payments/card-auth')).toBe('/runbooks/payments/card-auth/');
    expect(typeUrl('dr-plan')).toBe('/dr-plans/');
  });

  test('recently reviewed: newest first, ties by title, limited', () => {
    expect(recentlyReviewed(docs, 3).map((entry) => entry.title)).toEqual(['Alpha', 'Charlie', 'Bravo']);
  });

  test('grouped by type in model order, by title, empty types kept', () => {
    expect(groupByType(docs).map((group) => [group.type, group.docs.map((entry) => entry.title)])).toEqual([
      ['runbook', ['Alpha', 'Bravo']],
      ['dr-plan', ['Delta']],
      ['knowledge', ['Charlie']],
      ['onboarding', []],
    ]);
  });
});
