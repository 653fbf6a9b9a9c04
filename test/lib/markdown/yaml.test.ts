import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../../src/lib/markdown/yaml.ts';

describe('parseYaml', () => {
  test('reads YAML 1.2 core values: dates stay the text written, even impossible ones', () => {
    expect(parseYaml('last_reviewed: 2026-02-30\nreview_every: 90d\nenabled: yes\nport: 0x1F').value).toEqual({
      last_reviewed: '2026-02-30',
      review_every: '90d',
      enabled: 'yes',
      port: 31,
    });
  });

  test('places a value at its key, and a missing one at its closest ancestor', () => {
    const yaml = parseYaml('title: Orders\ngamedays:\n  - date: 2026-01-05\n    result: pass\n');
    expect(yaml.positionOf(['gamedays', 0, 'result'])).toEqual({ line: 4, column: 5 });
    expect(yaml.positionOf(['gamedays', 3])).toEqual({ line: 2, column: 1 });
  });

  test('reports a syntax error at its line and column, with no value', () => {
    const yaml = parseYaml('title: Orders\ntitle: Again\n');
    expect(yaml.value).toBeUndefined();
    expect(yaml.problems).toEqual([{ line: 2, column: 1, message: 'Map keys must be unique' }]);
  });

  test("reports what js-yaml (Astro's frontmatter parser) refuses even where yaml accepts it", () => {
    const yaml = parseYaml('title: Orders\nowner: !custom payments\n');
    expect(yaml.value).toBeUndefined();
    expect(yaml.problems).toEqual([{ line: 2, column: 24, message: 'unknown tag !<!custom>' }]);
  });
});
