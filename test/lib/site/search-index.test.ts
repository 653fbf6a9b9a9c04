// The filter chips' counts written at build time (src/pages/search-filters.json.ts): how many
// pages carry each value, as Pagefind's filters() counts them (the browser test compares the two
// on the fixture build).
import { describe, expect, test } from 'vitest';
import { filterCounts, mayUseAnyVariant, synonymsFor, usesVariant } from '../../../src/lib/site/search-index.ts';

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

describe('glossary variants in text', () => {
  const groups = [
    ['Out of memory', 'OOM'],
    ['PostgreSQL', 'PG'],
  ];

  test('acronyms match in capitals only, words in any case, whole words, across line breaks', () => {
    expect(usesVariant('the job ran out of\nmemory', 'Out of memory')).toBe(true);
    expect(usesVariant('an OOM kill', 'OOM')).toBe(true);
    expect(usesVariant('zoom in', 'OOM')).toBe(false);
    expect(usesVariant('pg_dump and pgbouncer', 'PG')).toBe(false);
    expect(synonymsFor('Run out of memory on PG.', groups)).toEqual(['OOM', 'PostgreSQL']);
  });

  test('the quick test never misses a text the exact ones would match, and rejects text without any variant', () => {
    for (const text of ['the job ran out of\nmemory', 'an OOM kill', 'PostgreSQL', 'PG.']) expect(mayUseAnyVariant(text, groups), text).toBe(true);
    expect(mayUseAnyVariant('zoom in on the graph', groups)).toBe(false);
    expect(mayUseAnyVariant('anything', [])).toBe(false);
  });
});
