import { describe, expect, test } from 'vitest';
import { closestMatch, didYouMean } from '../../../src/lib/text/suggest.ts';

/** The textbook Levenshtein distance, case-insensitive, to check the bounded one against. */
function levenshtein(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const table = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i += 1) {
    for (let j = 1; j <= y.length; j += 1) {
      const row = table[i] as number[];
      const previous = table[i - 1] as number[];
      row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
  }
  return (table[x.length] as number[])[y.length] as number;
}

/** What closestMatch promises: the first candidate at the smallest distance, if under the limit. */
function expectedMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 8)) + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(value, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

describe('closestMatch', () => {
  const ids = [
    'checkout-api',
    'checkout-db',
    'payments-gateway',
    'runbooks/checkout/checkout-5xx',
    'runbooks/checkout/checkout-latency',
    'platform',
    'sre',
    'Platform-Team',
  ];

  test('suggests the id a typo was meant to be', () => {
    expect(closestMatch('chekout-api', ids)).toBe('checkout-api');
    expect(closestMatch('runbooks/checkout/checkout-5x', ids)).toBe('runbooks/checkout/checkout-5xx');
    expect(closestMatch('PLATFORM-TEAM', ids)).toBe('Platform-Team');
    expect(didYouMean('payment-gateway', ids)).toBe(' Did you mean `payments-gateway`?');
  });

  test('suggests nothing for a different word', () => {
    expect(closestMatch('billing', ids)).toBeUndefined();
    expect(didYouMean('observability', ids)).toBe('');
  });

  test('agrees with the textbook distance on every pair of a varied list', () => {
    const words = [
      ...ids,
      'chckout-ap',
      'checkout',
      'kcehcout-api',
      'platfrom',
      'srre',
      '',
      'a',
      'runbooks/checkout/checkout-latncy',
      'payments_gateway',
      'PAYMENTS-GATEWAY-V2',
    ];
    for (const value of words) {
      expect(
        closestMatch(
          value,
          words.filter((word) => word !== value),
        ),
        value,
      ).toBe(
        expectedMatch(
          value,
          words.filter((word) => word !== value),
        ),
      );
    }
  });
});
