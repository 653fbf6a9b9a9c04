// The build-time HTML changes of doc pages: focusable table regions and per-section synonyms.
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, test } from 'vitest';
import { sectionSynonyms, tableRegion } from '../../../src/lib/site/doc-html.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const element = (tagName: string, children: (Element | ReturnType<typeof text>)[] = []): Element => ({ type: 'element', tagName, properties: {}, children });

describe('tableRegion', () => {
  test('a focusable region named by the header cells', () => {
    const table = element('table', [element('thead', [element('tr', [element('th', [text('Audience')]), element('th', [text(' Channel ')])])]), element('tbody', [element('tr', [element('th', [text('row')])])])]);
    expect(tableRegion(table)).toMatchObject({ tagName: 'div', properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Audience, Channel' } });
    expect(tableRegion(element('table')).properties['ariaLabel']).toBe('Table');
  });
});

describe('sectionSynonyms', () => {
  const groups = [['Out of memory', 'OOM', 'OOMKilled'], ['PostgreSQL', 'Postgres', 'PG']];
  const describeLists = (children: RootContent[]) =>
    sectionSynonyms({ type: 'root', children } satisfies Root, groups).map(
      ({ before, list }) => `${before ? `before ${(before.children[0] as { value: string }).value}` : 'at the end'}: ${(list.children[0] as { value: string }).value} (terms ${String(list.properties['dataTerms'])}, hidden ${String(list.properties['hidden'])})`,
    );

  test('each section gets the synonyms of the terms it uses, at its end, before the next heading', () => {
    expect(describeLists([
      element('p', [text('Intro about PG.')]),
      element('h2', [text('Crash')]),
      element('p', [text('The job runs out of memory at night.')]),
      element('h2', [text('Escalation')]),
      element('p', [text('Page the team.')]),
      element('h3', [text('Postgres')]),
    ])).toEqual([
      'before Crash: PostgreSQL · Postgres (terms PG, hidden true)',
      'before Escalation: OOM · OOMKilled (terms Out of memory, hidden true)',
      'at the end: PostgreSQL · PG (terms Postgres, hidden true)',
    ]);
  });

  test('a section that says every variant, or none, gets no list', () => {
    expect(describeLists([element('h2', [text('Both')]), element('p', [text('OOM, OOMKilled, out of memory.')]), element('h3', [text('None')])])).toEqual([]);
  });
});
