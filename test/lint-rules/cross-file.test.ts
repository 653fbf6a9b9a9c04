// The rules that read the whole knowledge base: review-freshness, alerts-unique, links.
// Their fixtures live in a knowledge base of their own, test/fixtures/kb-broken.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { lintFiles } from '../../src/lib/lint/engine.ts';
import type { Finding } from '../../src/lib/model/finding.ts';
import { FIXTURES_DIR, TODAY } from '../support/fixtures.ts';

const KB = join(FIXTURES_DIR, 'kb-broken');

async function lintKb(today = TODAY): Promise<Finding[]> {
  return [...(await lintFiles(listDocFiles(KB), { contentDir: KB, today })).findings];
}

const report = (findings: readonly Finding[], ruleId: string) =>
  findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.path.slice(KB.length + 1)}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}`);

describe('opskb:review-freshness', () => {
  test('overdue reviews and DR tests are errors, due-soon ones warnings, a DR plan without gamedays an error', async () => {
    expect(report(await lintKb(), 'opskb:review-freshness')).toEqual([
      'dr-plans/no-gamedays.mdx:1:1 error No gameday recorded: a DR plan is tested every 180d. Run a recovery exercise and record it under `gamedays` (date, scenario, measured_rto, outcome).',
      'dr-plans/stale.mdx:6:1 error Review overdue by 119 days: last reviewed 2026-05-01, due every 90d, so due 2026-07-30. Review the doc against reality and set `last_reviewed` to the day you did.',
      'dr-plans/stale.mdx:16:5 error DR test overdue by 6 days: latest gameday 2026-05-20, tested every 6mo, so due 2026-11-20. Run a recovery exercise and record it under `gamedays`.',
      'knowledge/due-soon.md:5:1 warning Review due in 9 days (2026-12-05): last reviewed 2025-12-05, due every 365d. Review the doc against reality and set `last_reviewed` to the day you did.',
    ]);
  });

  test('measured against the given day, not the clock: on 2026-11-01 the DR test (due 2026-11-20) and the knowledge doc are not flagged', async () => {
    expect(report(await lintKb('2026-11-01'), 'opskb:review-freshness')).toEqual([
      'dr-plans/no-gamedays.mdx:1:1 error No gameday recorded: a DR plan is tested every 180d. Run a recovery exercise and record it under `gamedays` (date, scenario, measured_rto, outcome).',
      'dr-plans/stale.mdx:6:1 error Review overdue by 94 days: last reviewed 2026-05-01, due every 90d, so due 2026-07-30. Review the doc against reality and set `last_reviewed` to the day you did.',
    ]);
    expect(report(await lintKb('2026-11-10'), 'opskb:review-freshness')).toContain(
      'dr-plans/stale.mdx:16:5 warning DR test due in 10 days (2026-11-20): latest gameday 2026-05-20, tested every 6mo. Run a recovery exercise and record it under `gamedays`.',
    );
  });
});

describe('opskb:alerts-unique', () => {
  test('an alert in two runbooks is reported in both, naming the other as the cause', async () => {
    const findings = await lintKb();
    expect(report(findings, 'opskb:alerts-unique')).toEqual([
      'runbooks/checkout/errors-again.mdx:8:5 error Alert `CheckoutLatencyHigh` already has a runbook: runbooks/checkout/errors (runbooks/checkout/errors.mdx:7). One alert, one runbook: merge the two, or remove the alert from one of them.',
      'runbooks/checkout/errors-again.mdx:10:5 error Alert `CheckoutPaymentsDown` is listed twice in this runbook (also item 2): remove the duplicate.',
      'runbooks/checkout/errors.mdx:7:33 error Alert `CheckoutLatencyHigh` already has a runbook: runbooks/checkout/errors-again (runbooks/checkout/errors-again.mdx:8). One alert, one runbook: merge the two, or remove the alert from one of them.',
    ]);
    const [first] = findings.filter((finding) => finding.ruleId === 'opskb:alerts-unique');
    expect(first?.related).toEqual([
      { path: join(KB, 'runbooks/checkout/errors.mdx'), line: 7, column: 33, message: '`CheckoutLatencyHigh` is also the alert of this runbook' },
    ]);
  });
});

describe('opskb:links', () => {
  test('broken docs, anchors, files, links outside the knowledge base, script URLs and unapproved internal hosts', async () => {
    expect(report(await lintKb(), 'opskb:links')).toEqual([
      'runbooks/orders-db/links.md:18:6 error Broken link `/runbooks/checkout/eror/`: no doc `runbooks/checkout/eror` in the knowledge base. Did you mean `runbooks/checkout/errors`?',
      'runbooks/orders-db/links.md:18:47 error Broken anchor `#diagnosys` in link `/runbooks/checkout/errors/#diagnosys`: `runbooks/checkout/errors` has no heading with that anchor; its anchors: `#overview`, `#impact`, `#diagnosis`, `#mitigation`, `#verification`, `#escalation`. Did you mean `diagnosis`?',
      'runbooks/orders-db/links.md:19:1 error Broken anchor `#mitigate`: this doc has no heading with that anchor; its anchors: `#overview`, `#impact`, `#diagnosis`, `#mitigation`, `#verification`, `#escalation`.',
      'runbooks/orders-db/links.md:19:26 error Broken link `../checkout/gone.mdx`: no doc `runbooks/checkout/gone` in the knowledge base.',
      `runbooks/orders-db/links.md:19:64 error Link \`../../../README.md\` points outside the knowledge base (${join(FIXTURES_DIR, 'README.md')}): link to a doc, or use the file's URL in the repository.`,
      'runbooks/orders-db/links.md:20:1 error Link to internal host `metrics.shop.internal` does not start with a URL prefix of an approved tool in tools.yaml. Add the tool to tools.yaml, or link to one that is there.',
      'runbooks/orders-db/links.md:21:1 error Broken link `/images/missing.png`: no file images/missing.png in the content root.',
      "runbooks/orders-db/links.md:21:31 error Link with a `javascript:` URL: it runs code (or smuggles content) in the reader's browser. Link to a page or a file instead.",
      'runbooks/orders-db/links.md:23:1 error Broken link `/knowledge/nothing-here/`: no doc `knowledge/nothing-here` in the knowledge base.',
    ]);
  });
});
