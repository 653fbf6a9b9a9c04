import { describe, expect, test } from 'vitest';
import {
  describeSecret,
  detectSecrets,
  isPlaceholder,
  maskSecret,
  shannonEntropy,
  SHORTEST_SECRET_TEXT,
  type DetectOptions,
  type SecretKind,
} from '../../../src/lib/text/secrets.ts';

// Every value below is made up for these tests: pattern-valid, never issued by anyone.
const GITHUB = 'ghp_8E78ew7b4BbLoxpwXMOwnnzRT95bWUREqEHV';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmaXh0dXJlLXVzZXIiLCJpYXQiOjE3NjcyMjU2MDB9.LViJXq0W-ziylVQSMo30yzRdMN7jndmPdNQ9Fd-pXgo';
const KEY_BODY = ['7IlzGTTAx24NOfdReJkZczW1CRsE5ZgAELaH+rsYNgeBSvaHhgb41vv9erGRCuRb', '7Cn+ce4uoGwDdR7Pn65un43sZMVIx0QPbrHQk+EQMfuZ4cWPrgVsyvbrMnZnKtKV'].join(
  '\n',
);
const WEBHOOK = 'https://hooks.slack.com/services/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';
const SIGNATURE = 'VVy5XgdsmUWc2w5DG3WJ8orquVXMs3myqVgg';
const CODE_BLOCK: DetectOptions = { context: 'code', scanEntropy: true };

/** `[kind, value]` of each secret found. */
function found(text: string, options: DetectOptions = { context: 'code' }): [SecretKind, string][] {
  return detectSecrets(text, options).map((match) => [match.kind, match.value]);
}

describe('detectSecrets', () => {
  test.each<[string, string, SecretKind, string]>([
    ['AWS access key id', 'aws_access_key_id = AKIAL2BHZKD4SICPNR6A', 'aws-access-key-id', 'AKIAL2BHZKD4SICPNR6A'],
    ['AWS session key id', 'export AWS_ACCESS_KEY_ID=ASIAUNSTSJM6WXAYPUVO', 'aws-access-key-id', 'ASIAUNSTSJM6WXAYPUVO'],
    [
      'AWS secret key in a credentials file',
      'aws_secret_access_key = NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm',
      'aws-secret-access-key',
      'NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm',
    ],
    [
      'AWS secret key in the environment',
      'AWS_SECRET_ACCESS_KEY=NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm',
      'aws-secret-access-key',
      'NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm',
    ],
    [
      'AWS secret key in `aws sts` output',
      '"SecretAccessKey": "NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm",',
      'aws-secret-access-key',
      'NVw5+v+nucAnn3Dsr4VhfIl2bg+GdUhxXZ3d9hWm',
    ],
    ['GitHub personal token', `git clone https://github.com/acme/x --token ${GITHUB}`, 'github-token', GITHUB],
    ['GitHub OAuth token', 'gho_R8fK2mQ9vL4xT7nW1pZ6sB3cY5hJ0dG8aE2u', 'github-token', 'gho_R8fK2mQ9vL4xT7nW1pZ6sB3cY5hJ0dG8aE2u'],
    ['GitHub app token', 'ghs_R8fK2mQ9vL4xT7nW1pZ6sB3cY5hJ0dG8aE2u', 'github-token', 'ghs_R8fK2mQ9vL4xT7nW1pZ6sB3cY5hJ0dG8aE2u'],
    [
      'GitHub fine-grained token',
      'github_pat_11ABCDEFG0R8fK2mQ9vL4x_T7nW1pZ6sB3cY5hJ0dG8aE2u',
      'github-token',
      'github_pat_11ABCDEFG0R8fK2mQ9vL4x_T7nW1pZ6sB3cY5hJ0dG8aE2u',
    ],
    ['GitLab token', 'token: glpat-WDPBdVD54TKCCnAz6FhW', 'gitlab-token', 'glpat-WDPBdVD54TKCCnAz6FhW'],
    [
      'Slack bot token',
      'SLACK_BOT_TOKEN=xoxb-194235707244-1276389166309-mAe9QZOq5fdU2CHCgCZiVAeI',
      'slack-token',
      'xoxb-194235707244-1276389166309-mAe9QZOq5fdU2CHCgCZiVAeI',
    ],
    ['Slack user token', 'xoxp-194235707244-1276389166309-mAe9QZOq5fdU', 'slack-token', 'xoxp-194235707244-1276389166309-mAe9QZOq5fdU'],
    ['Slack webhook URL', `curl -X POST ${WEBHOOK} -d @alert.json`, 'slack-webhook', WEBHOOK],
    ['JWT', `ACCESS_TOKEN=${JWT}`, 'jwt', JWT],
    [
      'JWT with a key id',
      'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJjaSJ9.dozjgNryP4J3jVmNHl0w5N',
      'jwt',
      'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJjaSJ9.dozjgNryP4J3jVmNHl0w5N',
    ],
    ['password in an https URL', 'git clone https://deploy:Zr8vK2pLm4Qx@git.shop.internal/app.git', 'url-credentials', 'Zr8vK2pLm4Qx'],
    ['password in a database URL', 'DATABASE_URL="postgres://app:Kestrel2026@db:5432/orders"', 'url-credentials', 'Kestrel2026'],
    ['password in a Redis URL without user', 'redis://:Wq3nX8vLp5Zk@cache:6379/0', 'url-credentials', 'Wq3nX8vLp5Zk'],
    ['bearer token', 'curl -H "Authorization: Bearer abcDEF123456ghiJKL" https://api', 'authorization-header', 'abcDEF123456ghiJKL'],
    ['basic credentials', 'Authorization: Basic ZGVwbG95OlZuNHJROHpMeDJXbQ==', 'authorization-header', 'ZGVwbG95OlZuNHJROHpMeDJXbQ=='],
    ['shell variable', 'export PGPASSWORD=Kestrel2026!', 'assignment', 'Kestrel2026!'],
    ['YAML key', 'password: hunter2', 'assignment', 'hunter2'],
    ['YAML key with a comment', 'password: hunter2  # staging only', 'assignment', 'hunter2'],
    ['YAML dev credentials', 'POSTGRES_PASSWORD: postgres', 'assignment', 'postgres'],
    ['JSON key', '{"client_secret": "q8Zk2mVt9LwX4pRn"}', 'assignment', 'q8Zk2mVt9LwX4pRn'],
    ['compact JSON', '{"api_key":"q8Zk2mVt9LwX4pRn"}', 'assignment', 'q8Zk2mVt9LwX4pRn'],
    ['properties key', 'spring.datasource.password=Tq5zN8rWx2Lm', 'assignment', 'Tq5zN8rWx2Lm'],
    ['Java system property', 'java -Djavax.net.ssl.keyStorePassword=Tq5zN8rWx2Lm -jar app.jar', 'assignment', 'Tq5zN8rWx2Lm'],
    ['kubectl literal', 'kubectl create secret generic db --from-literal=password=Tq5zN8rWx2Lm', 'assignment', 'Tq5zN8rWx2Lm'],
    ['query string', 'https://api.shop.internal/export?token=Tq5zN8rWx2Lm&format=csv', 'assignment', 'Tq5zN8rWx2Lm'],
    ['HTTP header', 'X-Api-Key: Tq5zN8rWx2Lm', 'assignment', 'Tq5zN8rWx2Lm'],
    ['a `$` inside a password', "password: 'Pa$sword1'", 'assignment', 'Pa$sword1'],
    ['long flag', 'docker login --username ci --password S3cr3t-Value', 'flag', 'S3cr3t-Value'],
    ['flag with `=`', 'vault login -token=hvs.CAESIJ3kPq8ZyWm2LxRtNbVf', 'flag', 'hvs.CAESIJ3kPq8ZyWm2LxRtNbVf'],
    ['quoted flag value', "consul acl --token 'lowercaseword'", 'flag', 'lowercaseword'],
    ['mysql -p', "mysql -h db -u app -p'eP13a4Yd4K5qoS' orders", 'flag', 'eP13a4Yd4K5qoS'],
    ['mysqldump -p', 'mysqldump -u root -pS3cr3t orders', 'flag', 'S3cr3t'],
    ['curl -u', 'curl -s -u backup:Jk4wPz7Xn2Qr https://backup/v1', 'flag', 'Jk4wPz7Xn2Qr'],
    ['SQL PASSWORD', "ALTER ROLE app WITH PASSWORD 'Tr0ub4dor&3';", 'flag', 'Tr0ub4dor&3'],
    ['SQL IDENTIFIED BY', "CREATE USER app IDENTIFIED BY 'Tr0ub4dor&3';", 'flag', 'Tr0ub4dor&3'],
  ])('finds a %s', (_name, text, kind, value) => {
    expect(found(text)).toEqual([[kind, value]]);
  });

  test.each([
    ['with an END marker', `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----`],
    ['in PGP armor', `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${KEY_BODY}\n-----END PGP PRIVATE KEY BLOCK-----`],
    ['cut short', `-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_BODY}\n`],
  ])('finds a private key block %s, as one secret from its BEGIN marker', (_name, block) => {
    const text = `key.pem:\n${block}`;
    expect(found(text, CODE_BLOCK)).toEqual([['private-key', text.slice(9)]]);
    expect(detectSecrets(text, CODE_BLOCK)[0]?.index).toBe(9);
  });

  test('finds a high-entropy string in a code block', () => {
    expect(found(`curl "https://exports.shop.example/orders.csv?sig=${SIGNATURE}"`, CODE_BLOCK)).toEqual([['high-entropy', SIGNATURE]]);
  });

  test.each([
    ['password: <PASSWORD>'],
    ['curl -H "Authorization: Bearer <API_TOKEN>"'],
    ['password: ${DB_PASSWORD}'],
    ['curl -H "Authorization: Bearer $TOKEN"'],
    ['export PGPASSWORD="$(vault read -field=password database/creds/app)"'],
    ['value: "{{ .Values.psp.apiKey }}"'],
    ['GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
    ['token: xxxx'],
    ['password: XXXXXXXX'],
    ['token=****'],
    ['password: ...'],
    ['api_key: …'],
    ['password: changeme'],
    ['token: your-token-here'],
    ['api_key: YOUR_API_KEY'],
    ['password: example-password'],
    ['password: password'],
    ['secret: 00000000'],
    ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['postgres://app:<PASSWORD>@db:5432/orders'],
    ['postgres://app:${PGPASSWORD}@db:5432/orders'],
    ['curl -u "checkout:$PSP_PASSWORD" https://api'],
    ['-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
    ['export RUNNER_TOKEN=<token value>'],
  ])('ignores the placeholder in %s', (text) => {
    expect(found(text, CODE_BLOCK)).toEqual([]);
  });

  test.each([
    ['an image digest', 'image: registry.shop.example/checkout-api@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a git SHA', 'git checkout 3f786850e387550fdab836ed7e6dc881de23001b'],
    ['a UUID', 'request_id=550e8400-e29b-41d4-a716-446655440000'],
    ['a subresource integrity hash', 'integrity="sha512-sFNUDYnzvFs9NInTuhLyQs6/tu9/UxgXy1GFGEmOECP6FbrubqIVTkJblBUm3C6+p2lftepVM/tX1toPjFTeqz"'],
    ['a pod name', 'kubectl -n cde logs card-authorizer-7d9f8b6c5d-x2v9k --previous'],
    ['an alert name', '# PaymentsApiLatencyP99High\nhistogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket[5m])))'],
    ['a kubectl patch', `kubectl --context prod-euw1 -n payments patch hpa payments-api --type merge -p '{"spec":{"minReplicas":30}}'`],
    ['a psql port', 'psql -h pg-payments-primary.db.kestrel.internal -p 6432 -U pgbouncer_admin pgbouncer'],
    ['mysql prompting for the password', 'mysql -h db -u app -p orders'],
    ['a password in a variable', 'redis-cli --tls -h "$REDIS_HOST" --user sre -a "$REDIS_SRE_PASSWORD" --no-auth-warning INFO memory'],
    ['a Vault command', 'vault token lookup'],
    ['a Kubernetes secret name', 'kubectl get secret api-kestrelpay-com-tls'],
    ['a secret reference', 'secretKeyRef:\n  name: checkout-api-db\n  key: password'],
    ['a key naming a file', 'password_file: /etc/app/db-password'],
    ['a flag naming a file', 'pg_basebackup --password-file /run/secrets/db'],
    ['a boolean', 'use_token: true'],
    ['a number', 'token: 3600'],
    ['a YAML block scalar', 'password: |'],
    ['a YAML tag', 'password: !vault |'],
    ['a path', 'token: /var/run/secrets/kubernetes.io/serviceaccount/token'],
    ['a function call', 'password = get_secret("db")'],
    ['a shell comment', '# the token: see Vault for it'],
    ['a Redis key', 'redis-cli --scan --pattern vel:token:abc123'],
    ['a Docker build secret', 'docker build --secret id=npm,src=$HOME/.npmrc .'],
    ['a flag followed by prose', 'pass --token with the request'],
    ['a SQL transaction', 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;'],
    ['a key marker in prose', 'The file starts with -----BEGIN PRIVATE KEY----- and must stay in Vault.'],
    ['three dotted names', 'segment_one_xx.segment_two_xx.segment_three'],
    ['a URL with a port', 'https://grafana.kestrel.internal:3000/d/payments'],
    ['a short password', 'password: abc'],
  ])('does not report %s', (_name, text) => {
    expect(found(text, CODE_BLOCK)).toEqual([]);
  });

  test.each([['the token: expired.'], ['Check the password: Vault holds it.'], ['Rotate the secret: see the security wiki']])(
    'does not read the sentence %j as an assignment',
    (text) => {
      expect(found(text, { context: 'prose' })).toEqual([]);
    },
  );

  test('reads a credential in a sentence without its full stop', () => {
    expect(found('The replication password: Hx8vLq2Zr5Tn. Check the primary.', { context: 'prose' })).toEqual([['assignment', 'Hx8vLq2Zr5Tn']]);
  });

  test('in a programming language, only string literals are values', () => {
    const code = 'password = config.dbPassword\napi_key = "q8Zk2mVt9LwX4pRn"';
    expect(found(code, { context: 'code', stringLiteralsOnly: true })).toEqual([['assignment', 'q8Zk2mVt9LwX4pRn']]);
  });

  test('looks for high-entropy strings only when asked (code blocks)', () => {
    expect(found(`?sig=${SIGNATURE}`, { context: 'prose' })).toEqual([]);
  });

  test('reports each secret once, as its most specific kind', () => {
    expect(found(`token: ${GITHUB}`, CODE_BLOCK)).toEqual([['github-token', GITHUB]]);
    expect(found(`-H "Authorization: Bearer ${JWT}"`, CODE_BLOCK)).toEqual([['jwt', JWT]]);
    expect(found(`-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----`, CODE_BLOCK).map(([kind]) => kind)).toEqual(['private-key']);
  });

  test('reports every occurrence, at the first character of the secret', () => {
    const text = `first ${GITHUB}\nsecond ${GITHUB}`;
    expect(detectSecrets(text).map((match) => match.index)).toEqual([text.indexOf(GITHUB), text.lastIndexOf(GITHUB)]);
    expect(detectSecrets('export PGPASSWORD="Kestrel2026!"')[0]?.index).toBe(19);
  });

  test(`no text shorter than ${SHORTEST_SECRET_TEXT} characters holds a secret, whatever the options`, () => {
    const shortest = ['pwd=Xk9!', 'pwd: Xk9!', '-pwd=Xk9!', '-u a:Xk9!', 'a://:Xk9@b', 'mysql -pXk9!', "PASSWORD 'Xk9!'", 'K9xQ2mZ7'];
    const texts = [...shortest, GITHUB, JWT, WEBHOOK, SIGNATURE, `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----`];
    const everyReading: DetectOptions[] = [
      { context: 'prose' },
      { context: 'code' },
      { context: 'code', scanEntropy: true, entropyMinLength: 8, entropyThreshold: 0 },
    ];
    expect(found('pwd=Xk9!')).toEqual([['assignment', 'Xk9!']]);
    expect(found('K9xQ2mZ7', { context: 'code', scanEntropy: true, entropyMinLength: 8, entropyThreshold: 0 })).toEqual([['high-entropy', 'K9xQ2mZ7']]);
    const shorter = new Set<string>();
    for (const text of texts) {
      for (let length = 1; length < SHORTEST_SECRET_TEXT; length += 1) {
        for (let start = 0; start + length <= text.length; start += 1) shorter.add(text.slice(start, start + length));
      }
    }
    const reported = [...shorter].filter((window) => everyReading.some((options) => detectSecrets(window, options).length > 0));
    expect(reported).toEqual([]);
  });

  describe('allow', () => {
    test('never reports a value matching an allowed pattern', () => {
      expect(found(`token: ${GITHUB}`, { allow: ['^ghp_8E78ew7b'] })).toEqual([]);
      expect(found(`token: ${GITHUB}`, { allow: [/qEHV$/] })).toEqual([]);
    });

    test('still reports values no pattern matches', () => {
      expect(found(`token: ${GITHUB}`, { allow: ['^ghp_0000'] })).toEqual([['github-token', GITHUB]]);
    });

    test('an allowed secret is not reported again as a weaker kind', () => {
      expect(found(`curl -X POST ${WEBHOOK}`, { ...CODE_BLOCK, allow: ['hooks\\.slack\\.com/services/TQQKGRAEK/'] })).toEqual([]);
    });
  });

  describe('entropy options', () => {
    const text = `?sig=${SIGNATURE}`;

    test('a higher threshold reports fewer strings; 8 turns the check off', () => {
      expect(shannonEntropy(SIGNATURE)).toBeGreaterThan(4.3);
      expect(found(text, { ...CODE_BLOCK, entropyThreshold: 4.3 })).toEqual([['high-entropy', SIGNATURE]]);
      expect(found(text, { ...CODE_BLOCK, entropyThreshold: 8 })).toEqual([]);
    });

    test('strings shorter than the minimum length are not checked', () => {
      expect(found(text, { ...CODE_BLOCK, entropyMinLength: 40 })).toEqual([]);
      expect(found('?sig=Qm9vdGgK7zR2xLp4', { ...CODE_BLOCK, entropyMinLength: 16 })).toEqual([['high-entropy', 'Qm9vdGgK7zR2xLp4']]);
    });
  });
});

describe('maskSecret', () => {
  test.each([
    ['', '***'],
    ['hunter2', '***'],
    ['Ynj3UwPZsHg', '***'],
    ['Ynj3UwPZsHgB', 'Yn…gB'],
    ['eP13a4Yd4K5qoS1234', 'eP1…234'],
    ['ncdFEtRjlkVlPtwXAI2h7SKWPg', 'ncdF…KWPg'],
    [GITHUB, 'ghp_…qEHV'],
  ])('masks %j as %j', (value, masked) => {
    expect(maskSecret(value)).toBe(masked);
  });

  test('never shows more than a third of the value', () => {
    for (let length = 0; length <= 60; length += 1) {
      const shown = maskSecret('a'.repeat(length)).replace(/[…*]/g, '').length;
      expect(shown * 3).toBeLessThanOrEqual(length);
    }
  });
});

describe('shannonEntropy', () => {
  test.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
    ['0123456789abcdef', 4],
  ])('%j has %d bits per character', (value, bits) => {
    expect(shannonEntropy(value)).toBeCloseTo(bits);
  });
});

describe('isPlaceholder', () => {
  test.each([
    '<TOKEN>',
    '$TOKEN',
    '${TOKEN}',
    '$(vault read -field=token kv/ci)',
    '{{ .Values.token }}',
    'xxxx',
    'XXXXXXXX',
    '****',
    '...',
    'changeme',
    'your-token-here',
    'AKIAIOSFODNN7EXAMPLE',
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  test.each(['hunter2', 'Pa$sword1', GITHUB, 'Kestrel2026!'])('%j is not', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe('describeSecret', () => {
  test.each<[string, DetectOptions, { label: string; detail: string; reference: string }]>([
    ['export PGPASSWORD=Kestrel2026!', {}, { label: 'password', detail: ' assigned to `PGPASSWORD`', reference: 'PGPASSWORD' }],
    [
      'spring.datasource.password=Tq5zN8rWx2Lm',
      {},
      { label: 'password', detail: ' assigned to `spring.datasource.password`', reference: 'SPRING_DATASOURCE_PASSWORD' },
    ],
    ['{"apiKey": "q8Zk2mVt9LwX4pRn"}', {}, { label: 'API key', detail: ' assigned to `apiKey`', reference: 'API_KEY' }],
    ['vault login -token=hvs.CAESIJ3kPq8ZyWm2LxRtNbVf', {}, { label: 'token', detail: ' after `-token`', reference: 'TOKEN' }],
    ['mysql -u root -pS3cr3t orders', {}, { label: 'password', detail: ' after `-p`', reference: 'PASSWORD' }],
    ['postgres://app:Kestrel2026@db/orders', {}, { label: 'password', detail: ' in a `postgres://` URL', reference: 'PASSWORD' }],
    ['Authorization: Bearer abcDEF123456ghiJKL', {}, { label: 'credential', detail: ' in an `Authorization: Bearer` header', reference: 'TOKEN' }],
    [GITHUB, {}, { label: 'GitHub token', detail: '', reference: 'GITHUB_TOKEN' }],
    [`?sig=${SIGNATURE}`, CODE_BLOCK, { label: 'high-entropy string', detail: ' (4.4 bits/char)', reference: 'SECRET' }],
  ])('%s', (text, options, description) => {
    const [match] = detectSecrets(text, options);
    expect(match && describeSecret(match)).toEqual(description);
  });
});
