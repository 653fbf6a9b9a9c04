import { describe, expect, test } from 'vitest';
import { linesOf, lintFixture } from '../support/fixtures.ts';

const RULE = 'opskb:required-sections';

describe('opskb:required-sections', () => {
  test('all sections, in order, with content: no findings', async () => {
    expect(await lintFixture('required-sections/valid.mdx')).toEqual([]);
  });

  test('aliases, any case and spacing, H3 subsections and "N/A — reason" are accepted', async () => {
    const findings = await lintFixture('required-sections/valid-aliases.md');
    expect(linesOf(findings, RULE)).toEqual([]);
    // The odd spacing is Markdown hygiene's business, as a warning, not a missing section.
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}`)).toEqual([
      '13:6 warning remark-lint:no-heading-content-indent',
    ]);
  });

  test('order, placeholders, missing sections, empty sections and bare N/A', async () => {
    expect(linesOf(await lintFixture('required-sections/invalid.mdx'), RULE)).toEqual([
      '13:1 Section `## Overview` is out of order: runbook sections go `Overview` → `Impact` → `Diagnosis` → `Mitigation` → `Verification` → `Escalation`; move it before `## Impact`.',
      '17:1 Section `## Diagnosis` holds only a placeholder (`TODO`): write its content, or `N/A — <reason>` when it does not apply.',
      '21:1 Missing required section `## Verification` (runbook; also accepted: `## Validation`), expected after `## Mitigation`.',
      '21:1 Section `## Mitigation` is empty: write its content, or `N/A — <reason>` when it does not apply.',
      '27:1 Section `## Escalation` says only `N/A`: say why, e.g. `N/A — the service keeps no state`.',
    ]);
  });

  test('every missing section is reported, not only the first, naming the aliases', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/missing.md'), RULE)).toEqual([
      '1:1 Missing required section `## Impact` (runbook), expected after `## Overview`.',
      '1:1 Missing required section `## Diagnosis` (runbook; also accepted: `## Investigation`, `## Troubleshooting`), expected after `## Overview`.',
      '1:1 Missing required section `## Mitigation` (runbook; also accepted: `## Remediation`, `## Resolution`), expected after `## Overview`.',
      '1:1 Missing required section `## Verification` (runbook; also accepted: `## Validation`), expected after `## Overview`.',
      '1:1 Missing required section `## Escalation` (runbook; also accepted: `## Contacts`), expected after `## Overview`.',
    ]);
  });

  test('dr-plan sections', async () => {
    expect(linesOf(await lintFixture('frontmatter-schema/future.mdx', { type: 'dr-plan' }), RULE)).toEqual(
      ['Dependencies', 'Backups', 'Recovery procedure', 'Verification', 'Communication'].map(
        (title) => `16:1 Missing required section \`## ${title}\` (dr-plan), expected after \`## Scope\`.`,
      ),
    );
  });

  test('a knowledge doc whose body is only a comment is empty', async () => {
    expect(linesOf(await lintFixture('required-sections/empty-knowledge.mdx', { type: 'knowledge' }), RULE)).toEqual([
      '9:1 The body is empty: a knowledge doc needs text after its frontmatter.',
    ]);
  });
});
