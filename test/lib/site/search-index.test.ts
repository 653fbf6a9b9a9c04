// The filter chips' counts written at build time (src/pages/search-filters.json.ts): how many
// pages carry each value, as Pagefind's filters() counts them (the browser test compares the two
// on the fixture build).
import { describe, expect, test } from 'vitest';
import { filterCounts } from '../../../src/lib/site/search-index.ts';

describe('filterCounts', () => {
  test('counts the pages that carry each value of each filter', () => {
    const counts = filterCounts([
      { type: ['Runbook'], service: ['Checkout API', 'Payments API'], review: ['Fresh'] },
      { type: ['Runbook'], service: ['Checkout API'], review: ['Overdue'], severity: ['critical'] },
      { type: ['Knowledge'], review: ['Fresh'] },
    ]);
    expect(counts).toEqual({
      type: { Runbook: 2, Knowledge: 1 },
      service: { 'Checkout API': 2, 'Payments API': 1 },
      review: { Fresh: 2, Overdue: 1 },
      severity: { critical: 1 },
    });
  });

  test('a value a page lists twice counts that page once; no pages, no filters', () => {
    expect(filterCounts([{ tag: ['dns', 'dns'] }])).toEqual({ tag: { dns: 1 } });
    expect(filterCounts([])).toEqual({});
  });
});
