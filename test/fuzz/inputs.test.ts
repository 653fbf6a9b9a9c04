// A bounded fuzz of everything that takes user text (scripts/fuzz/properties.ts): fast-check's
// cases, fixed seed per property so a failure here reproduces. `npm run fuzz` runs many more.
import { describe, test } from 'vitest';
import { fuzzProperties } from '../../scripts/fuzz/properties.ts';
import { FIXTURE_KB } from '../support/fixtures.ts';

const RUNS = 150;

describe('fuzz: user text never crashes opskb, every problem is located, no secret leaks', () => {
  test.each(fuzzProperties(FIXTURE_KB).map((property, index) => [property.name, property, index] as const))(
    '%s',
    async (_, property, index) => {
      await property.check(RUNS, 20261204 + index);
    },
    120_000,
  );
});
