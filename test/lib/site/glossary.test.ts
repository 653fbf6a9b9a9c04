// The glossary page's entries: order, anchors and see-also references.
import { describe, expect, test } from 'vitest';
import { glossaryEntries } from '../../../src/lib/site/glossary.ts';

describe('glossaryEntries', () => {
  test('alphabetical whatever the case, each at an anchor; see-also names link to known terms only', () => {
    const entries = glossaryEntries([
      { term: 'RTO', aliases: ['recovery time objective'], definition: 'How long recovery may take.', see_also: ['rpo', 'Gameday'] },
      { term: 'out of memory', aliases: ['OOM'], definition: 'Killed for using too much memory.' },
      { term: 'RPO', aliases: [], definition: 'How much data may be lost.' },
    ]);
    expect(entries.map((entry) => `${entry.term} #${entry.slug}`)).toEqual(['out of memory #out-of-memory', 'RPO #rpo', 'RTO #rto']);
    expect(entries[2]!.seeAlso).toEqual([
      { term: 'rpo', slug: 'rpo' },
      { term: 'Gameday', slug: undefined },
    ]);
    expect(entries[0]!.seeAlso).toEqual([]);
  });

  test('terms that slug alike get distinct anchors', () => {
    expect(
      glossaryEntries([
        { term: 'P1', aliases: [], definition: 'a' },
        { term: 'p1', aliases: [], definition: 'b' },
      ]).map((entry) => entry.slug),
    ).toEqual(['p1', 'p1-1']);
  });
});
