import { describe, expect, test } from 'vitest';
import { orderedFilterGroups, toResultCard, withHighlight } from '../../../src/lib/site/search-results.ts';

describe('withHighlight', () => {
  test.each([
    ['/runbooks/x/', 'OOM', '/runbooks/x/?highlight=OOM'],
    ['/runbooks/x/#diagnosis', 'crash loop', '/runbooks/x/?highlight=crash%20loop#diagnosis'],
    ['/runbooks/x/?a=1', 'p99', '/runbooks/x/?a=1&highlight=p99'],
    ['/runbooks/x/', '  ', '/runbooks/x/'],
  ])('%s + %j → %s', (url, query, expected) => {
    expect(withHighlight(url, query)).toBe(expected);
  });
});

describe('toResultCard', () => {
  test('title, type, services, owner, review status, excerpt and deep links to matching sections', () => {
    const card = toResultCard(
      {
        url: '/runbooks/eks/pod-crashlooping/',
        excerpt: 'pods in <mark>CrashLoopBackOff</mark> after',
        meta: {
          title: 'Pod crash looping',
          type: 'Runbook',
          services: 'EKS platform',
          owner: 'Platform',
          review: 'Due in 3 days',
          review_state: 'due-soon',
          severity: 'high',
        },
        sub_results: [
          { title: 'Pod crash looping', url: '/runbooks/eks/pod-crashlooping/' },
          { title: 'Diagnosis', url: '/runbooks/eks/pod-crashlooping/#diagnosis' },
          { title: 'Mitigation', url: '/runbooks/eks/pod-crashlooping/#mitigation' },
        ],
      },
      'CrashLoopBackOff',
    );
    expect(card).toEqual({
      title: 'Pod crash looping',
      url: '/runbooks/eks/pod-crashlooping/?highlight=CrashLoopBackOff',
      type: 'Runbook',
      services: 'EKS platform',
      owner: 'Platform',
      severity: 'high',
      review: { label: 'Due in 3 days', state: 'due-soon' },
      excerpt: 'pods in <mark>CrashLoopBackOff</mark> after',
      sections: [
        { title: 'Diagnosis', url: '/runbooks/eks/pod-crashlooping/?highlight=CrashLoopBackOff#diagnosis' },
        { title: 'Mitigation', url: '/runbooks/eks/pod-crashlooping/?highlight=CrashLoopBackOff#mitigation' },
      ],
    });
  });
});

describe('orderedFilterGroups', () => {
  test('known groups first in a fixed order, values sorted, empty groups dropped', () => {
    expect(orderedFilterGroups({ owner: { Platform: 2, Ledger: 1 }, custom: { a: 1 }, type: { Runbook: 3 }, tag: {} })).toEqual([
      { key: 'type', label: 'Type', values: [{ value: 'Runbook', count: 3 }] },
      {
        key: 'owner',
        label: 'Owner',
        values: [
          { value: 'Ledger', count: 1 },
          { value: 'Platform', count: 2 },
        ],
      },
      { key: 'custom', label: 'custom', values: [{ value: 'a', count: 1 }] },
    ]);
  });
});
