import { describe, expect, test } from 'vitest';
import { isHeadInjectDirectiveWarning } from '../../src/integrations/warnings.ts';

describe('isHeadInjectDirectiveWarning', () => {
  test('matches the per-MDX-file head-inject directive warning only', () => {
    expect(
      isHeadInjectDirectiveWarning({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message: 'Module level directives cause errors when bundled, "use astro:head-inject" in "content/x.mdx" was ignored.',
      }),
    ).toBe(true);
  });

  test.each([
    { code: 'MODULE_LEVEL_DIRECTIVE', message: '"use client" in "src/x.ts" was ignored.' },
    { code: 'CIRCULAR_DEPENDENCY', message: 'astro:head-inject' },
    { code: 'UNRESOLVED_IMPORT', message: 'Could not resolve "./missing"' },
  ])('lets a real warning through: $code', (warning) => {
    expect(isHeadInjectDirectiveWarning(warning)).toBe(false);
  });
});
