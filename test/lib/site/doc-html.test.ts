// The build-time HTML changes of doc pages: focusable table regions and per-section synonyms.
import type { Element } from 'hast';
import { describe, expect, test } from 'vitest';
import { sectionSynonymLists, tableRegion } from '../../../src/lib/site/doc-html.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const element = (tagName: string, children: (Element | ReturnType<typeof text>)[] = []): Element => ({ type: 'element', tagName, properties: {}, children });

describe('tableRegion', () => {
  test('a focusable region named by the header cells', () => {
    const table = element('table', [
      element('thead', [element('tr', [element('th', [text('Audience')]), element('th', [text(' Channel ')])])]),
      element('tbody', [element('tr', [element('th', [text('row')])])]),
    ]);
    expect(tableRegion(table)).toMatchObject({
      tagName: 'div',
      properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Audience, Channel' },
    });
    expect(tableRegion(element('table')).properties['ariaLabel']).toBe('Table');
  });
});

describe('sectionSynonymLists', () => {
  const groups = [
    ['Out of memory', 'OOM', 'OOMKilled'],
    ['PostgreSQL', 'Postgres', 'PG'],
  ];
  const describeLists = (source: string) =>
    sectionSynonymLists(source, groups).map(
      ({ heading, list }) =>
        `${heading ?? '(before the first heading)'}: ${(list.children[0] as { value: string }).value} (terms ${String(list.properties['dataTerms'])}, hidden ${String(list.properties['hidden'])})`,
    );

  test('each section gets the synonyms of the terms it uses; frontmatter and code fences are not sections', () => {
    const source = [
      '---',
      'title: Uses OOM in the title',
      '---',
      'Intro about PG.',
      '',
      '## Crash',
      '',
      'The job runs out of memory at night.',
      '',
      '```bash',
      '## not a heading, OOMKilled',
      '```',
      '',
      '## Escalation',
      '',
      'Page the team.',
      '',
      '### Postgres `replicas`',
      '',
      'Check Postgres.',
    ].join('\n');
    expect(describeLists(source)).toEqual([
      '(before the first heading): PostgreSQL · Postgres (terms PG, hidden true)',
      'Crash: OOM (terms Out of memory|OOMKilled, hidden true)',
      'Postgres replicas: PostgreSQL · PG (terms Postgres, hidden true)',
    ]);
  });

  test('a section that says every variant, or none, gets no list', () => {
    expect(describeLists('## Both\n\nOOM, OOMKilled, out of memory.\n\n### None\n')).toEqual([]);
  });
});
