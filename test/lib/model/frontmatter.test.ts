import { describe, expect, test } from 'vitest';
import { DOC_TYPE_SPECS, docIdOfPath, docTypeOfId, isoDateOf, matchSection } from '../../../src/lib/model/index.ts';

const base = {
  title: 'Card authorization errors',
  summary: 'What to do when card authorizations fail.',
  owner: 'payments-core',
  services: ['card-authorizer'],
  last_reviewed: '2026-11-02',
};

const messages = (type: keyof typeof DOC_TYPE_SPECS, data: unknown) => {
  const result = DOC_TYPE_SPECS[type].schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('frontmatter schemas', () => {
  test('a YAML 1.1 Date and a YAML 1.2 string mean the same day', () => {
    const fromString = DOC_TYPE_SPECS.runbook.schema.parse(base) as { last_reviewed: string };
    const fromDate = DOC_TYPE_SPECS.runbook.schema.parse({ ...base, last_reviewed: new Date('2026-11-02T00:00:00Z') }) as { last_reviewed: string };
    expect(fromString.last_reviewed).toBe('2026-11-02');
    expect(fromDate.last_reviewed).toBe('2026-11-02');
  });

  test('impossible dates are rejected', () => {
    expect(messages('knowledge', { ...base, last_reviewed: '2026-02-30' })).toEqual([
      'last_reviewed: expected a date written as YYYY-MM-DD, e.g. 2026-11-02; found `2026-02-30`',
    ]);
  });

  test('runbooks and DR plans need at least one service; knowledge does not', () => {
    expect(messages('runbook', { ...base, services: [] })).toEqual(['services: expected at least one service id from services.yaml']);
    const { services: _omitted, ...withoutServices } = base;
    expect(messages('knowledge', withoutServices)).toEqual([]);
  });

  test('summaries are one line of at most 200 characters', () => {
    expect(messages('knowledge', { ...base, summary: 'x'.repeat(201) })).toEqual(['summary: expected a summary of at most 200 characters (one sentence)']);
    expect(messages('knowledge', { ...base, summary: 'one\ntwo' })).toEqual(['summary: expected the summary on one line (one sentence)']);
  });

  test('a DR plan needs rto, rpo and strategy; gamedays default to none', () => {
    expect(messages('dr-plan', base)).toEqual([
      'rto: expected a duration such as `15m`, `4h`, `90d`, `12w`, `6mo`, `1y` or `2h30m` (units: m minutes, h, d, w, mo, y)',
      'rpo: expected a duration such as `15m`, `4h`, `90d`, `12w`, `6mo`, `1y` or `2h30m` (units: m minutes, h, d, w, mo, y)',
      'strategy: expected strategy to be one of `backup-restore` | `pilot-light` | `warm-standby` | `active-active`',
    ]);
    const plan = DOC_TYPE_SPECS['dr-plan'].schema.parse({ ...base, rto: '2h30m', rpo: '5m', strategy: 'pilot-light' });
    expect(plan).toMatchObject({ rto: '2h30m', gamedays: [] });
  });

  test('onboarding needs an audience and at least one step with a doc id', () => {
    expect(messages('onboarding', { ...base, audience: 'New SREs', steps: [] })).toEqual(['steps: expected at least one step `{doc, why}`']);
    expect(messages('onboarding', { ...base, audience: 'New SREs', steps: [{ doc: 'ledger-close', why: 'Start here.' }] })).toEqual([
      'steps.0.doc: expected a doc id such as `knowledge/ledger-close` (its path under the content root, no extension)',
    ]);
  });
});

describe('doc ids and types', () => {
  test('the id is the path without extension; the type comes from the first folder', () => {
    expect(docIdOfPath('runbooks/payments/card-auth-errors.mdx')).toBe('runbooks/payments/card-auth-errors');
    expect(docIdOfPath('knowledge/ledger.md')).toBe('knowledge/ledger');
    expect(docTypeOfId('runbooks/payments/card-auth-errors')).toBe('runbook');
    expect(docTypeOfId('dr-plans/ledger-db')).toBe('dr-plan');
    expect(docTypeOfId('notes/ledger')).toBeUndefined();
  });

  test('headings match sections ignoring case and surrounding whitespace, aliases included', () => {
    const sections = DOC_TYPE_SPECS.runbook.sections;
    expect(matchSection(sections, '  meaning ')?.title).toBe('Overview');
    expect(matchSection(sections, 'TROUBLESHOOTING')?.title).toBe('Diagnosis');
    expect(matchSection(sections, 'Recovery')).toBeUndefined();
  });
});

describe('isoDateOf', () => {
  test.each([
    ['2026-11-02', '2026-11-02'],
    [' 2026-11-02 ', '2026-11-02'],
    [new Date('2026-11-02T00:00:00Z'), '2026-11-02'],
    ['2026-02-30', undefined],
    ['02/11/2026', undefined],
    [20261102, undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(isoDateOf(value)).toBe(expected);
  });

  test('accepts exactly the days the calendar has (checked against Date for every day of 1899 to 2101 and more)', () => {
    const differing: string[] = [];
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    for (const year of [0, 1, 4, 100, 400, 1600, 1700, ...Array.from({ length: 203 }, (_, index) => 1899 + index), 9996, 9999]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const date = new Date(`${text}T00:00:00Z`);
          const byDate = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
          if ((isoDateOf(text) === text) !== byDate) differing.push(text);
        }
      }
    }
    expect(differing).toEqual([]);
  });
});
