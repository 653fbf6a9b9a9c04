// Search quality on the demo knowledge base (content/), the one a new user sees first: a built site,
// its real Pagefind index, searched in Chromium as the search box does. Each row is what an on-call
// engineer types or pastes, and the doc they need within the first results. A change to weights,
// synonyms or what a page indexes that pushes the right runbook down fails here, by name.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadKnowledgeBase } from '../../src/lib/kb/knowledge-base.ts';
import { startStaticServer, type RunningServer } from '../../src/lib/site/static-server.ts';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { buildSite, type Build } from '../support/build.ts';
import { PROJECT_DIR } from '../support/fixtures.ts';

const DEMO_KB = join(PROJECT_DIR, 'content');

let build: Build;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  build = buildSite(DEMO_KB);
  if (build.status !== 0) throw new Error(`The demo site did not build:\n${build.log}`);
  server = await startStaticServer({ root: build.outDir });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
  await page.evaluate(`(async () => { globalThis.pagefind = await import('/pagefind/pagefind.js'); await pagefind.init(); })()`);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (build) rmSync(build.outDir, { recursive: true, force: true });
});

/** The doc ids of the first `count` results, in rank order. */
async function top(query: string, count: number): Promise<string[]> {
  const urls = (await page.evaluate(`(async () => {
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.slice(0, ${count}).map(async (result) => (await result.data()).url));
  })()`)) as string[];
  return urls.map((url) => new URL(url, server.url).pathname.replace(/^\/|\/$/g, ''));
}

describe('every alert a demo runbook names', () => {
  const alerts = [...loadKnowledgeBase(DEMO_KB).alerts].map(([name, owners]) => [name, owners[0]?.id ?? ''] as const);

  test('there are alerts to search for', () => {
    expect(alerts.length).toBeGreaterThan(30);
  });

  test.each(alerts)('%s puts %s first', async (alert, id) => {
    expect((await top(alert, 1))[0]).toBe(id);
  });
});

describe.each([
  {
    kind: 'error strings and identifiers, pasted as they appear',
    within: 1,
    rows: [
      ['CrashLoopBackOff', 'runbooks/eks-platform/pod-crashlooping'],
      ['ORA-00060', 'runbooks/reconciliation/oracle-deadlock'],
      ['40P01', 'runbooks/postgres-fleet/deadlocks'],
      ['card_auth_declined', 'runbooks/card-authorizer/card-auth-errors'],
      ['OOM command not allowed', 'runbooks/redis-cache/evictions-high'],
      ['too many clients', 'runbooks/postgres-fleet/connections-saturated'],
      ['5xx', 'runbooks/payments-api/http-5xx-and-latency'],
      ['p99', 'runbooks/payments-api/http-5xx-and-latency'],
    ],
  },
  {
    kind: 'symptoms in plain words',
    within: 3,
    rows: [
      ['pods keep restarting', 'runbooks/eks-platform/pod-crashlooping'],
      ['consumers falling behind', 'runbooks/kafka-cluster/consumer-lag'],
      ['webhooks not delivered', 'runbooks/notification-service/webhook-backlog'],
      ['disk full', 'runbooks/postgres-fleet/disk-filling-up'],
      ['certificate expired', 'runbooks/edge-gateway/tls-certificate-expiring'],
      ['replica behind', 'runbooks/postgres-fleet/replication-lag'],
      ['cache memory full', 'runbooks/redis-cache/evictions-high'],
      ['payouts stuck', 'runbooks/payouts-service/payouts-stuck-pending'],
      ['settlement late', 'runbooks/settlement-batch/settlement-batch-late'],
      ['node not ready', 'runbooks/eks-platform/node-not-ready'],
    ],
  },
  {
    kind: 'glossary aliases, for docs that use the other word',
    within: 3,
    rows: [
      ['k8s', 'runbooks/eks-platform/node-not-ready'],
      ['k8s', 'runbooks/eks-platform/pod-crashlooping'],
      ['PG', 'runbooks/postgres-fleet/connections-saturated'],
      ['OOM', 'runbooks/eks-platform/pod-crashlooping'],
      ['day close', 'runbooks/ledger-service/ledger-close-overrun'],
      ['card number', 'knowledge/pan-vault-tokenization'],
      ['RTO', 'dr-plans/ledger-database'],
    ],
  },
  {
    kind: 'services and systems by name',
    within: 3,
    rows: [
      ['Card Authorizer', 'runbooks/card-authorizer/card-auth-errors'],
      ['PAN vault', 'runbooks/pan-vault/vault-hsm-errors'],
      ['HSM', 'runbooks/pan-vault/vault-hsm-errors'],
      ['Kafka', 'dr-plans/kafka-cluster-loss'],
      ['region failover', 'dr-plans/primary-region-loss'],
    ],
  },
  {
    kind: 'tribal knowledge',
    within: 1,
    rows: [
      ['Friday freeze', 'knowledge/friday-freeze'],
      ['SEV1', 'knowledge/incident-severity-levels'],
      ['handover', 'knowledge/oncall-handover'],
      ['why 6 pods', 'knowledge/card-authorizer-minimum-replicas'],
      ['idempotency key', 'knowledge/idempotency-key-contract'],
      ['3DS', 'knowledge/3ds-fallback'],
      ['cut-off', 'knowledge/acquirer-cut-off-times'],
    ],
  },
])('$kind: the doc within the first $within', ({ within, rows }) => {
  test.each(rows)('%s finds %s', async (query, id) => {
    expect(await top(query, within)).toContain(id);
  });
});
