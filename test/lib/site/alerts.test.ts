import { describe, expect, test } from 'vitest';
import { SEVERITIES } from '../../../src/lib/model/frontmatter.ts';
import { DOC_TYPE_SPECS } from '../../../src/lib/model/doc-types.ts';
import { docUrl } from '../../../src/lib/site/doc-list.ts';
import {
  alertIndex,
  alertLinkSnippets,
  alertLookupData,
  alertNameFromPath,
  alertPage,
  alertSlug,
  alertUrl,
  compareAlertNames,
  isAlertName,
  jsonForScript,
  knownAlertRedirect,
  localDay,
  missingRunbook,
  parseAlertLookupData,
  searchUrl,
  similarAlerts,
  type AlertSource,
} from '../../../src/lib/site/alerts.ts';

const runbook = (id: string, alerts: string[], extra: Partial<AlertSource> = {}): AlertSource => ({
  id,
  title: `Title of ${id}`,
  owner: 'storefront',
  services: ['checkout'],
  severity: 'critical',
  alerts,
  ...extra,
});

const registries = {
  teams: new Map([['storefront', { name: 'Storefront' }]]),
  services: new Map([['checkout', { name: 'Checkout API' }]]),
};

describe('alert names', () => {
  test.each([
    ['KubePodCrashLooping', true],
    ['node:filesystem_full', true],
    ['_private', true],
    ['5xxHigh', false],
    ['Checkout-5xx', false],
    ['<img src=x onerror=alert(1)>', false],
    ['', false],
  ])('%j is a Prometheus alert name: %s', (name, valid) => {
    expect(isAlertName(name)).toBe(valid);
  });

  test.each([
    ['CheckoutHighErrorRate', '/alerts/CheckoutHighErrorRate/'],
    ['node:filesystem_full', '/alerts/node:filesystem_full/'],
    ['a b/c?d#e%', '/alerts/a%20b%2Fc%3Fd%23e%25/'],
  ])('%j lives at %s (case kept, encoded but for `:`)', (name, url) => {
    expect(alertUrl(name)).toBe(url);
  });

  test('the search link carries the name as ?q=', () => {
    expect(searchUrl('NoSuchAlert')).toBe('/search/?q=NoSuchAlert');
    expect(searchUrl('a&b <c>')).toBe('/search/?q=a%26b+%3Cc%3E');
  });

  test('sort case-insensitively, then exactly, so the order never depends on input order', () => {
    expect(['b', 'KubeNodeNotReady', 'a', 'kubeNodeNotReady', 'Alpha'].sort(compareAlertNames)).toEqual([
      'a',
      'Alpha',
      'b',
      'KubeNodeNotReady',
      'kubeNodeNotReady',
    ]);
  });

  test.each([
    ['CheckoutHighErrorRate', 'checkout-high-error-rate'],
    ['PostgresDRStandbyLagHigh', 'postgres-dr-standby-lag-high'],
    ['EdgeTLSCertificateExpiring', 'edge-tls-certificate-expiring'],
    ['PaymentsApi5xxRateHigh', 'payments-api5xx-rate-high'],
    ['node:filesystem__full', 'node-filesystem-full'],
    ['_Leading', 'leading'],
  ])('%j gets the runbook file name %j', (name, slug) => {
    expect(alertSlug(name)).toBe(slug);
  });
});

describe('alertIndex', () => {
  test('every alert named by a runbook, sorted by name, with its runbook, team and service names', () => {
    const index = alertIndex(
      [
        runbook('runbooks/orders/lag', ['OrdersReplicaLagging'], { owner: 'data', services: ['orders-db'], severity: undefined }),
        runbook('runbooks/checkout/5xx', ['CheckoutHighErrorRate', 'checkoutSlow']),
        runbook('knowledge/why', []),
      ],
      registries,
    );
    expect(index.map((entry) => entry.name)).toEqual(['CheckoutHighErrorRate', 'checkoutSlow', 'OrdersReplicaLagging']);
    expect(index[0]).toEqual({
      name: 'CheckoutHighErrorRate',
      url: '/alerts/CheckoutHighErrorRate/',
      runbooks: [
        {
          id: 'runbooks/checkout/5xx',
          url: '/runbooks/checkout/5xx/',
          title: 'Title of runbooks/checkout/5xx',
          owner: { id: 'storefront', name: 'Storefront' },
          services: [{ id: 'checkout', name: 'Checkout API' }],
          severity: 'critical',
        },
      ],
    });
    // Ids missing from the registries are shown as themselves.
    expect(index[2]?.runbooks[0]).toMatchObject({
      owner: { id: 'data', name: 'data' },
      services: [{ id: 'orders-db', name: 'orders-db' }],
      severity: undefined,
    });
  });

  test('runbook URLs are the site’s doc URLs', () => {
    expect(alertIndex([runbook('runbooks/a/b', ['X'])])[0]?.runbooks[0]?.url).toBe(docUrl('runbooks/a/b'));
  });

  test('an alert claimed by two runbooks (a lint error) keeps both, by id; one listed twice counts once', () => {
    const index = alertIndex([runbook('runbooks/z/second', ['Shared']), runbook('runbooks/a/first', ['Shared', 'Shared'])]);
    expect(index).toHaveLength(1);
    expect(index[0]?.runbooks.map((entry) => entry.id)).toEqual(['runbooks/a/first', 'runbooks/z/second']);
  });

  test('names differing only in case are different alerts', () => {
    expect(alertIndex([runbook('runbooks/a/b', ['DiskFull', 'diskfull'])]).map((entry) => entry.name)).toEqual(['DiskFull', 'diskfull']);
  });
});

describe('alertPage', () => {
  const [single, shared] = alertIndex([runbook('runbooks/checkout/5xx', ['CheckoutHighErrorRate', 'Shared']), runbook('runbooks/orders/lag', ['Shared'])]).sort(
    (a, b) => a.runbooks.length - b.runbooks.length,
  );

  test('one runbook: refresh to it and name it canonical, absolute on the site', () => {
    const page = alertPage(single!, new URL('https://kb.example.com'));
    expect(page.target?.id).toBe('runbooks/checkout/5xx');
    expect(page.refresh).toBe('0; url=/runbooks/checkout/5xx/');
    expect(page.canonical).toBe('https://kb.example.com/runbooks/checkout/5xx/');
    expect(alertPage(single!, undefined).canonical).toBe('/runbooks/checkout/5xx/');
  });

  test('several runbooks: no redirect, no canonical; the page lists them', () => {
    const page = alertPage(shared!, 'https://kb.example.com');
    expect(page).toMatchObject({ target: undefined, refresh: undefined, canonical: undefined });
    expect(page.entry.runbooks).toHaveLength(2);
  });
});

describe('alertNameFromPath', () => {
  test.each([
    ['/alerts/NoSuchAlert/', 'NoSuchAlert'],
    ['/alerts/NoSuchAlert', 'NoSuchAlert'],
    ['/Alerts/noSuchAlert/', 'noSuchAlert'],
    ['/ALERTS/X', 'X'],
    ['/alerts/node%3Afs_full/', 'node:fs_full'],
    ['/alerts/%3Cimg%20src=x%20onerror=alert(1)%3E/', '<img src=x onerror=alert(1)>'],
    ['/alerts/bad%E0%A4%A/', 'bad%E0%A4%A'],
    ['/alerts/a%2Fb/', 'a/b'],
  ])('%s names the alert %j', (path, name) => {
    expect(alertNameFromPath(path)).toBe(name);
  });

  test.each(['/alerts/', '/alerts', '/alerts/%20/', '/alerts/A/B/', '/runbooks/A/', '/x/alerts/A/', '/', '/alertsA/'])('%s names no alert', (path) => {
    expect(alertNameFromPath(path)).toBeUndefined();
  });
});

describe('did you mean', () => {
  const known = ['CheckoutHighErrorRate', 'OrdersReplicaLagging', 'checkoutHighErrorRate'];

  test('offers the known alerts equal but for case, sorted', () => {
    expect(similarAlerts('checkouthigherrorrate', known)).toEqual(['CheckoutHighErrorRate', 'checkoutHighErrorRate']);
    expect(similarAlerts('ORDERSREPLICALAGGING', known)).toEqual(['OrdersReplicaLagging']);
  });

  test('offers nothing for an unknown alert or a mere prefix', () => {
    expect(similarAlerts('NoSuchAlert', known)).toEqual([]);
    expect(similarAlerts('Orders', known)).toEqual([]);
  });

  test('a path that names a known alert exactly but missed its page goes to the page', () => {
    expect(knownAlertRedirect('/alerts/node%3Afs_full/', ['node:fs_full'])).toBe('/alerts/node:fs_full/');
    expect(knownAlertRedirect('/Alerts/OrdersReplicaLagging', known)).toBe('/alerts/OrdersReplicaLagging/');
  });

  test('never redirects to the page it is on, nor for other names', () => {
    expect(knownAlertRedirect('/alerts/OrdersReplicaLagging/', known)).toBeUndefined();
    expect(knownAlertRedirect('/alerts/OrdersReplicaLagging', known)).toBeUndefined();
    expect(knownAlertRedirect('/alerts/ordersreplicalagging/', known)).toBeUndefined();
    expect(knownAlertRedirect('/no/such/page/', known)).toBeUndefined();
  });
});

describe('the 404 page’s data block', () => {
  test('holds the alerts, the runbook’s required sections and the severities, from the model', () => {
    const data = alertLookupData(alertIndex([runbook('runbooks/a/b', ['B', 'A'])]), DOC_TYPE_SPECS.runbook.sections, SEVERITIES);
    expect(data).toEqual({
      alerts: ['A', 'B'],
      sections: ['Overview', 'Impact', 'Diagnosis', 'Mitigation', 'Verification', 'Escalation'],
      severities: ['critical', 'high', 'medium', 'low'],
    });
  });

  test('round-trips through JSON that cannot end its script element', () => {
    const data = { alerts: ['</script><script>alert(1)</script>', '<!--'], sections: ['\u2028'], severities: [] };
    const json = jsonForScript(data);
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(parseAlertLookupData(json)).toEqual(data);
  });

  test.each([null, undefined, '', 'not json', '[]', '{"alerts": "X", "sections": [1]}'])('reads %j as nothing known', (json) => {
    expect(parseAlertLookupData(json)).toEqual({ alerts: [], sections: [], severities: [] });
  });
});

describe('missingRunbook', () => {
  const data = {
    alerts: ['CheckoutHighErrorRate'],
    sections: ['Overview', 'Impact'],
    severities: ['critical', 'high', 'medium', 'low'],
  };

  test('searches for the name and says how to add a runbook for it', () => {
    expect(missingRunbook('NoSuchAlert', data, '2026-11-26')).toEqual({
      name: 'NoSuchAlert',
      valid: true,
      searchUrl: '/search/?q=NoSuchAlert',
      suggestions: [],
      filePath: 'content/runbooks/<service-id>/no-such-alert.mdx',
      template: [
        '---',
        'title: <What is wrong, in a few words>',
        'summary: What to do when NoSuchAlert fires.',
        'owner: <team-id from teams.yaml>',
        'services: [<service-id from services.yaml>]',
        'last_reviewed: 2026-11-26',
        'alerts: [NoSuchAlert]',
        'severity: <critical | high | medium | low>',
        '---',
        '',
        '## Overview',
        '',
        '## Impact',
        '',
      ].join('\n'),
      lintCommand: 'npx opskb lint content/runbooks/<service-id>/no-such-alert.mdx',
    });
  });

  test('offers the alert spelled right', () => {
    expect(missingRunbook('checkouthigherrorrate', data, '2026-11-26').suggestions).toEqual([
      { name: 'CheckoutHighErrorRate', url: '/alerts/CheckoutHighErrorRate/' },
    ]);
  });

  test('a name Prometheus would refuse is marked invalid and gets no file name from it', () => {
    const model = missingRunbook('<img src=x onerror=alert(1)>', data, '2026-11-26');
    expect(model.valid).toBe(false);
    expect(model.filePath).toBe('content/runbooks/<service-id>/<what-is-wrong>.mdx');
    expect(model.searchUrl).toBe('/search/?q=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E');
  });
});

describe('helpers', () => {
  test('localDay is the local calendar day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  test('the link snippets use the site’s address; only Alertmanager templates the alert name', () => {
    const { rule, alertmanager } = alertLinkSnippets(new URL('https://kb.example.com/'), 'CheckoutHighErrorRate');
    expect(rule).toContain('- alert: CheckoutHighErrorRate\n  annotations:\n    runbook_url: https://kb.example.com/alerts/CheckoutHighErrorRate/');
    expect(rule).not.toContain('{{');
    expect(alertmanager).toContain("title_link: 'https://kb.example.com/alerts/{{ .GroupLabels.alertname }}/'");
    expect(alertmanager).toContain('group_by: [alertname]');
  });
});
