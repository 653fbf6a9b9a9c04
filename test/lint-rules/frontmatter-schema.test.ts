import { describe, expect, test } from 'vitest';
import { lintFiles } from '../../src/lib/lint/engine.ts';
import { FIXTURE_KB, linesOf, lintFixture, RULE_FIXTURES, TODAY } from '../support/fixtures.ts';

const RULE = 'opskb:frontmatter-schema';

describe('opskb:frontmatter-schema', () => {
  test('valid frontmatter has no findings', async () => {
    expect(await lintFixture('frontmatter-schema/valid.mdx')).toEqual([]);
  });

  test('reports every problem at its key, missing keys at the block, with accepted values', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/invalid.mdx'), RULE)).toEqual([
      '1:1 `summary` is missing from the runbook frontmatter: expected a one-sentence summary as text.',
      '1:1 `services` is missing from the runbook frontmatter: expected a list of service ids from services.yaml.',
      '3:1 `owner` in the runbook frontmatter: expected a kebab-case id such as `payments-core` (lowercase letters, digits, hyphens).',
      '4:1 `last_reviewed` in the runbook frontmatter: expected a date written as YYYY-MM-DD, e.g. 2026-11-02; found `01/11/2026`.',
      '5:1 `review_every` in the runbook frontmatter: expected a duration such as `15m`, `4h`, `90d`, `12w`, `6mo`, `1y` or `2h30m` (units: m minutes, h, d, w, mo, y); found `3 months`.',
      '6:1 `severity` in the runbook frontmatter: expected severity to be one of `critical` | `high` | `medium` | `low`; found `urgent`.',
      '7:10 `alerts[0]` in the runbook frontmatter: expected an alert name as Prometheus spells it, e.g. `KubePodCrashLooping` (letters, digits, `_`, `:`).',
      '8:1 Unknown key `last_reviwed` in the runbook frontmatter: remove or rename it. Accepted keys: title, summary, owner, services, last_reviewed, review_every, tags, alerts, severity.',
    ]);
  });

  test('dr-plan: dates after today, bad durations and enums, nested gameday keys', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/future.mdx', { type: 'dr-plan' }), RULE)).toEqual([
      '6:1 `last_reviewed` 2026-12-01 is in the future (today is 2026-11-26): use the date the review or test actually happened.',
      '8:1 `rpo` in the dr-plan frontmatter: expected a duration such as `15m`, `4h`, `90d`, `12w`, `6mo`, `1y` or `2h30m` (units: m minutes, h, d, w, mo, y); found `five minutes`.',
      '9:1 `strategy` in the dr-plan frontmatter: expected strategy to be one of `backup-restore` | `pilot-light` | `warm-standby` | `active-active`; found `cold-standby`.',
      '11:5 Gameday date 2027-01-10 is in the future (today is 2026-11-26): use the date the review or test actually happened.',
      '13:5 `gamedays[0].outcome` in the dr-plan frontmatter: expected outcome to be one of `pass` | `partial` | `fail`; found `passed`.',
    ]);
  });

  test('wrong types are not called missing; missing nested keys point at their parent', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/wrong-types.mdx', { type: 'dr-plan' }), RULE)).toEqual([
      '1:1 `strategy` is missing from the dr-plan frontmatter: expected strategy to be one of `backup-restore` | `pilot-light` | `warm-standby` | `active-active`.',
      '5:1 `services` in the dr-plan frontmatter: expected a list of service ids from services.yaml.',
      '7:1 `rto` in the dr-plan frontmatter: expected a duration such as `15m`, `4h`, `90d`, `12w`, `6mo`, `1y` or `2h30m` (units: m minutes, h, d, w, mo, y); found the bare number `90`: add a unit.',
      '10:5 `gamedays[0].outcome` is missing from the dr-plan frontmatter: expected outcome to be one of `pass` | `partial` | `fail`.',
    ]);
  });

  test('"today" comes from the settings, not the clock', async () => {
    const later = await lintFixture('frontmatter-schema/future.mdx', { type: 'dr-plan', today: '2027-02-01' });
    expect(linesOf(later, RULE).filter((line) => line.includes('in the future'))).toEqual([]);
  });

  test('a file without frontmatter names the required keys of its type', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/missing.md'), RULE)).toEqual([
      '1:1 Missing frontmatter: start the file with a `---` YAML block holding `title`, `summary`, `owner`, `services`, `last_reviewed` (runbook).',
    ]);
    expect(linesOf(await lintFixture('frontmatter-schema/missing.md', { type: 'knowledge' }), RULE)).toEqual([
      '1:1 Missing frontmatter: start the file with a `---` YAML block holding `title`, `summary`, `owner`, `last_reviewed` (knowledge).',
    ]);
  });

  test('broken YAML is reported at its line in the file', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/broken-yaml.md'), RULE)).toEqual([
      '2:17 Frontmatter YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].',
    ]);
  });

  test('a file outside the type folders, without --type, says how to give it a type', async () => {
    const { findings } = await lintFiles([`${RULE_FIXTURES}/frontmatter-schema/valid.mdx`], { contentDir: FIXTURE_KB, today: TODAY });
    expect(linesOf(findings, RULE)).toEqual([
      '1:1 Cannot tell the doc type: the file is not in a type folder of the content root (runbooks/, dr-plans/, knowledge/, onboarding/). Move it into one, or lint it with `--type runbook|dr-plan|knowledge|onboarding`.',
    ]);
  });

  test('findings link to the rule reference', async () => {
    const [finding] = await lintFixture('frontmatter-schema/missing.md');
    expect(finding).toMatchObject({ ruleId: RULE, severity: 'error', url: '/rules/frontmatter-schema/' });
  });
});
