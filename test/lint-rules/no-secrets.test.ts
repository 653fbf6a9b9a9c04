import { describe, expect, test } from 'vitest';
import noSecrets from '../../lint-rules/no-secrets.ts';
import { linesOf, lintFixture } from '../support/fixtures.ts';

const RULE = 'opskb:no-secrets';
const HINT = 'remove it and rotate it; reference it instead, e.g.';

/** Every made-up secret in the invalid fixtures: none may show up in any finding. */
const FIXTURE_SECRETS = [
  'Ynj3UwPZsHgB',
  'xoxb-194235707244-1276389166309-mAe9QZOq5fdU2CHCgCZiVAeI',
  'https://hooks.slack.com/services/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',
  'Kestrel2026!',
  'eP13a4Yd4K5qoS',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmaXh0dXJlLXVzZXIiLCJpYXQiOjE3NjcyMjU2MDB9.LViJXq0W-ziylVQSMo30yzRdMN7jndmPdNQ9Fd-pXgo',
  'VVy5XgdsmUWc2w5DG3WJ8orquVXMs3myqVgg',
  'ghp_8E78ew7b4BbLoxpwXMOwnnzRT95bWUREqEHV',
  'Zr8vK2pLm4Qx',
  'AKIAL2BHZKD4SICPNR6A',
  'NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm',
  'glpat-WDPBdVD54TKCCnAz6FhW',
  'ncdFEtRjlkVlPtwXAI2h7SKWPg',
  'Rp7-Qz4mW9xK',
  'Hx8vLq2Zr5Tn',
  'Wq3nX8vLp5Zk',
  'Mb6tYp2Rk9Vs',
  'Tq5zN8rWx2Lm',
  '7IlzGTTAx24NOfdReJkZczW1CRsE5ZgAELaH+rsYNgeBSvaHhgb41vv9erGRCuRb',
  'Jk4wPz7Xn2Qr',
];

describe('opskb:no-secrets', () => {
  test('a runbook that references its credentials has no findings at all', async () => {
    expect(await lintFixture('no-secrets/valid.mdx')).toEqual([]);
  });

  test('secrets in frontmatter, prose, JSX attributes, code blocks, inline code and link URLs (.mdx)', async () => {
    expect(linesOf(await lintFixture('no-secrets/invalid.mdx'), RULE)).toEqual([
      `3:87 Possible password \`Yn…gB\` (masked) in a \`postgres://\` URL in the frontmatter: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `11:79 Possible Slack token \`xoxb…VAeI\` (masked) in the text: ${HINT} \`$SLACK_TOKEN\` or \`<SLACK_TOKEN>\`.`,
      `13:29 Possible Slack webhook URL \`http…ZA95\` (masked) in a JSX attribute: ${HINT} \`$SLACK_WEBHOOK_URL\` or \`<SLACK_WEBHOOK_URL>\`.`,
      `26:19 Possible password \`Ke…6!\` (masked) assigned to \`PGPASSWORD\` in a code block: ${HINT} \`$PGPASSWORD\` or \`<PGPASSWORD>\`.`,
      `28:49 Possible password \`eP…oS\` (masked) after \`-p\` in a code block: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `30:29 Possible JSON Web Token \`eyJh…pXgo\` (masked) in a code block: ${HINT} \`$ACCESS_TOKEN\` or \`<ACCESS_TOKEN>\`.`,
      `31:54 Possible high-entropy string \`VVy5…qVgg\` (masked) (4.4 bits/char) in a code block: ${HINT} \`$SECRET\` or \`<SECRET>\`. If it is not a secret, add a pattern for it to \`allow\` under \`rules.no-secrets\` in opskb.yaml.`,
      `34:25 Possible GitHub token \`ghp_…qEHV\` (masked) in inline code: ${HINT} \`$GITHUB_TOKEN\` or \`<GITHUB_TOKEN>\`.`,
      `34:109 Possible password \`Zr…Qx\` (masked) in a \`https://\` URL in a link: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `42:21 Possible AWS access key id \`AKI…R6A\` (masked) in a code block: ${HINT} \`$AWS_ACCESS_KEY_ID\` or \`<AWS_ACCESS_KEY_ID>\`.`,
      `43:25 Possible AWS secret access key \`NVw5…9hWm\` (masked) in a code block: ${HINT} \`$AWS_SECRET_ACCESS_KEY\` or \`<AWS_SECRET_ACCESS_KEY>\`.`,
      `48:10 Possible GitLab token \`glpa…6FhW\` (masked) in a code block: ${HINT} \`$GITLAB_TOKEN\` or \`<GITLAB_TOKEN>\`.`,
      `50:13 Possible API key \`ncdF…KWPg\` (masked) assigned to \`api_key\` in a code block: ${HINT} \`$API_KEY\` or \`<API_KEY>\`.`,
      `55:27 Possible GitHub token \`ghp_…qEHV\` (masked) in inline code: ${HINT} \`$GITHUB_TOKEN\` or \`<GITHUB_TOKEN>\`.`,
    ]);
  });

  test('secrets in HTML comments, prose, autolinks, link definitions and code blocks (.md)', async () => {
    expect(linesOf(await lintFixture('no-secrets/invalid.md'), RULE)).toEqual([
      `13:33 Possible password \`Rp…xK\` (masked) assigned to \`password\` in HTML: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `21:49 Possible password \`Hx…Tn\` (masked) assigned to \`password\` in the text: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `21:136 Possible password \`Wq…Zk\` (masked) in a \`https://\` URL in the text: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `23:28 Possible password \`Mb…Vs\` (masked) in a \`https://\` URL in a link definition: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `26:38 Possible password \`Tq…Lm\` (masked) after \`PASSWORD\` in a code block: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
      `34:1 Possible private key block \`----…----\` (masked) in a code block: ${HINT} \`$PRIVATE_KEY_FILE\` or \`<PRIVATE_KEY_FILE>\`.`,
      `44:19 Possible password \`Jk…Qr\` (masked) after \`-u\` in a code block: ${HINT} \`$PASSWORD\` or \`<PASSWORD>\`.`,
    ]);
  });

  test('no finding reveals a secret, in its message or anywhere else', async () => {
    const findings = [...(await lintFixture('no-secrets/invalid.mdx')), ...(await lintFixture('no-secrets/invalid.md'))];
    expect(findings.filter((finding) => finding.ruleId === RULE)).toHaveLength(21);
    const output = JSON.stringify(findings);
    for (const secret of FIXTURE_SECRETS) expect(output).not.toContain(secret);
  });

  test('findings are errors that link to the rule reference', async () => {
    const findings = (await lintFixture('no-secrets/invalid.md')).filter((finding) => finding.ruleId === RULE);
    expect(new Set(findings.map((finding) => `${finding.severity} ${finding.url}`))).toEqual(new Set(['error /rules/no-secrets/']));
  });

  describe('options', () => {
    const schema = noSecrets.meta.optionsSchema;

    test('default to no allowed values, 4 bits per character over 24 characters', () => {
      expect(schema.parse({})).toEqual({ allow: [], entropyThreshold: 4, entropyMinLength: 24 });
    });

    test('accept regular expressions and entropy settings', () => {
      const options = { allow: ['^pk_test_[A-Za-z0-9]{24}$'], entropyThreshold: 4.5, entropyMinLength: 32 };
      expect(schema.parse(options)).toEqual(options);
    });

    test.each([
      [{ allow: ['(unclosed'] }, ['allow', 0]],
      [{ entropyThreshold: 'high' }, ['entropyThreshold']],
      [{ entropyMinLength: 4 }, ['entropyMinLength']],
      [{ allowlist: [] }, []],
    ])('reject %j, naming the option', (options, path) => {
      const result = schema.safeParse(options);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(path);
    });
  });
});
