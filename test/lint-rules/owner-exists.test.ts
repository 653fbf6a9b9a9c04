import { describe, expect, test } from 'vitest';
import { linesOf, lintFixture } from '../support/fixtures.ts';

const RULE = 'opskb:owner-exists';

describe('opskb:owner-exists', () => {
  test('known owner and services: no findings', async () => {
    expect(await lintFixture('owner-exists/valid.mdx')).toEqual([]);
  });

  test('unknown owner and services, with the closest known id', async () => {
    expect(linesOf(await lintFixture('owner-exists/invalid.mdx'), RULE)).toEqual([
      '4:1 Unknown owner team `storefrnt`: not in teams.yaml. Add the team there or use one of its ids. Did you mean `storefront`?',
      '5:26 Unknown service `checkout-apl`: not in services.yaml. Add the service there or use one of its ids. Did you mean `checkout-api`?',
      '5:40 Unknown service `payments`: not in services.yaml. Add the service there or use one of its ids.',
    ]);
  });

  test('onboarding steps must point at existing docs', async () => {
    expect(linesOf(await lintFixture('owner-exists/invalid-onboarding.mdx', { type: 'onboarding' }), RULE)).toEqual([
      '10:5 Onboarding step 2 points at `knowledge/why-batch-windows`, which is not a doc of this knowledge base: use a doc id (its path under the content root without extension). Did you mean `knowledge/why-batch-window`?',
      '12:5 Onboarding step 3 points at `runbooks/checkout/missing`, which is not a doc of this knowledge base: use a doc id (its path under the content root without extension).',
    ]);
  });
});
