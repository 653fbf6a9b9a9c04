import { describe, expect, test } from 'vitest';
import { extractDocFacts, parseAlerts, scanAlerts } from '../../../src/lib/kb/doc-facts.ts';

describe('scanAlerts (the fast path) agrees with a full YAML parse', () => {
  test.each([
    ['title: X\nalerts: [CheckoutHighErrorRate, CheckoutLatencyHigh]\n'],
    ['alerts: [A_1,B:2 ,  C]'],
    ['title: X\nalerts:\n  - CheckoutLatencyHigh\n  - CheckoutPaymentsDown\nseverity: high'],
    ['alerts:\n- A\n- B'],
    ['title: X\nsummary: Y'],
    ['alerts: []'],
  ])('%j', (frontmatter) => {
    const scanned = scanAlerts(frontmatter);
    expect(scanned).toBeDefined();
    expect(scanned).toEqual(parseAlerts(frontmatter));
  });

  test.each([['alerts: ["Quoted"]'], ['alerts: [A, B] # comment'], ['alerts:\n  - A # comment'], ['alerts:\n  - A\n    - nested'], ['meta:\n  alerts: [A]']])(
    'leaves unusual YAML to the parser: %j',
    (frontmatter) => {
      expect(scanAlerts(frontmatter)).toBeUndefined();
    },
  );

  test('facts of a doc: alerts with file positions, heading anchors as the site slugs them', () => {
    const facts = extractDocFacts(
      '---\ntitle: X\nalerts: ["Quoted", Plain]\n---\n\n## Overview\n\n```bash\n## not a heading\n```\n\n### Step `1`: roll *back*\n',
    );
    expect(facts.alerts).toEqual([
      { name: 'Quoted', line: 3, column: 10 },
      { name: 'Plain', line: 3, column: 20 },
    ]);
    expect(facts.headings).toEqual([
      { text: 'Overview', slug: 'overview', line: 6 },
      { text: 'Step 1: roll back', slug: 'step-1-roll-back', line: 12 },
    ]);
  });
});
