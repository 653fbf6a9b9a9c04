import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../../src/lib/kb/load-registries.ts';
import { FIXTURE_KB, FIXTURES_DIR } from '../../support/fixtures.ts';

const problemsOf = (dir: string) =>
  loadRegistries(dir).problems.map((problem) => `${basename(problem.path)}:${problem.line}:${problem.column} ${problem.message}`);

describe('loadRegistries', () => {
  test('a valid knowledge base loads every registry without problems', () => {
    const registries = loadRegistries(FIXTURE_KB);
    expect(registries.problems).toEqual([]);
    expect([...registries.teams.keys()]).toEqual(['storefront', 'data-platform']);
    expect(registries.services.get('checkout-api')).toMatchObject({ owner: 'storefront', tier: 1, depends_on: ['orders-db'] });
    expect([...registries.tools.keys()]).toEqual(['grafana', 'loki']);
    expect(registries.glossary.map((term) => term.term)).toEqual(['PostgreSQL', 'Out of memory']);
  });

  test('every problem names its file, line and column and how to fix it', () => {
    expect(problemsOf(join(FIXTURES_DIR, 'registries-broken'))).toEqual([
      'teams.yaml:5:3 Duplicate id `storefront` in teams.yaml (first defined on line 1): each entry needs its own id.',
      'teams.yaml:9:3 `id` in teams.yaml: expected a kebab-case id such as `payments-core` (lowercase letters, digits, hyphens).',
      'teams.yaml:9:3 `oncall` is missing from teams.yaml: expected the on-call rotation name or URL as text.',
      'services.yaml:4:3 `tier` in services.yaml: expected tier 1, 2 or 3 (1 = most critical).',
      'tools.yaml:3:3 `kind` in tools.yaml: expected kind to be one of `dashboard` | `logs` | `traces` | `paging` | `chat` | `ci` | `other`; found `metrics`.',
      'glossary.yaml:2:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('cross-registry references: owners, dependencies, dashboard tools and URL prefixes', () => {
    const dir = join(FIXTURES_DIR, 'registries-crossref');
    expect(problemsOf(dir)).toEqual([
      'services.yaml:3:3 Service `checkout-api` is owned by unknown team `storefrnt`: add it to teams.yaml or use a known team id. Did you mean `storefront`?',
      'services.yaml:6:16 Service `checkout-api` depends on unknown service `orders-dbb`: add it to services.yaml or fix the id. Did you mean `orders-db`?',
      'services.yaml:9:7 Dashboard URL does not start with a URL prefix of tool `grafana` (`https://grafana.shop.internal/`).',
      'services.yaml:10:7 Dashboard tool `kibana` is not in tools.yaml: add the tool or use a known tool id.',
      'glossary.yaml:4:14 Glossary term `OOM` refers to unknown term `Postgres SQL` in see_also. Did you mean `PostgreSQL`?',
    ]);
  });

  test('teams.yaml and services.yaml are required; tools and glossary are optional', () => {
    expect(problemsOf(join(FIXTURES_DIR, 'no-such-folder'))).toEqual([
      `teams.yaml:1:1 Registry \`teams.yaml\` not found in ${join(FIXTURES_DIR, 'no-such-folder')}: create it with a list of teams with \`id\`, \`name\`, \`channel\`, \`oncall\`.`,
      `services.yaml:1:1 Registry \`services.yaml\` not found in ${join(FIXTURES_DIR, 'no-such-folder')}: create it with a list of services with \`id\`, \`name\`, \`owner\`, \`tier\`, \`description\`.`,
    ]);
  });
});
