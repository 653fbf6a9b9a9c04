import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import codeBlocks, { DESTRUCTIVE_COMMANDS, findDestructiveCommand, findPrompts } from '../../lint-rules/code-blocks.ts';
import { linesOf, lintFixture, RULE_FIXTURES } from '../support/fixtures.ts';

const RULE = 'opskb:code-blocks';
const NO_LANGUAGE =
  'Code block has no language: add one after the backticks (```` ```bash ````, ```` ```sql ````, ```` ```text ````) so it is highlighted and readers know what it is.';
const INDENTED =
  'Indented code block: use a fenced block with a language (```` ```bash ````, ```` ```sql ````, ```` ```text ````) so it is highlighted and readers know what it is.';
const prompt = (text: string) =>
  `Shell prompt \`${text}\` at the start of the line breaks copy-paste: remove it (show output in a separate \`\`\`\` \`\`\`text \`\`\`\` block).`;
const FIX_MDX = 'add a `<Warning>` callout or a blockquote starting with "Warning"';
const FIX_MD = 'add a blockquote starting with "Warning" (`> **Warning:** …`)';
const destructive = (name: string, fix: string) =>
  `Destructive command \`${name}\` is not preceded by a warning: ${fix} right before this code block, saying what it destroys and how to undo it.`;

describe('opskb:code-blocks', () => {
  test('languages, no prompts, and warnings before destructive commands (.mdx): no findings', async () => {
    expect(await lintFixture('code-blocks/valid.mdx')).toEqual([]);
  });

  test('warning blockquotes before, and around, destructive commands (.md): no findings', async () => {
    expect(await lintFixture('code-blocks/valid.md')).toEqual([]);
  });

  test('no language, prompts, and destructive commands without a warning right above (.mdx)', async () => {
    const findings = await lintFixture('code-blocks/invalid.mdx');
    expect(linesOf(findings, RULE)).toEqual([
      `13:1 ${NO_LANGUAGE}`,
      `24:1 ${prompt('$ ')}`,
      `25:1 ${prompt('$ ')}`,
      `27:3 ${prompt('% ')}`,
      `28:1 ${prompt('deploy@bastion:~$ ')}`,
      // No warning at all; the finding points at the command, on the block's second line.
      `35:1 ${destructive('kubectl delete', FIX_MDX)}`,
      // A paragraph between the warning and the block.
      `43:29 ${destructive('FLUSHALL', FIX_MDX)}`,
      // A <Note>, not a warning.
      `49:1 ${destructive('aws s3 rm --recursive', FIX_MDX)}`,
      // A blockquote saying "Note".
      `56:1 ${destructive('DROP TABLE', FIX_MDX)}`,
    ]);
    expect(findings.find((finding) => finding.ruleId === RULE)).toMatchObject({ severity: 'error', url: '/rules/code-blocks/' });
  });

  test('indented blocks, and positions inside list items (.md)', async () => {
    expect(linesOf(await lintFixture('code-blocks/invalid.md'), RULE)).toEqual([
      `19:1 ${INDENTED}`,
      // A heading between the warning and the block.
      `29:1 ${destructive('git reset --hard', FIX_MD)}`,
      `35:4 ${prompt('$ ')}`,
      `35:11 ${destructive('rm -r', FIX_MD)}`,
    ]);
  });

  test('an .mdx file that does not parse reports no indented code (MDX has none; mdx-syntax reports the error)', async () => {
    const findings = await lintFixture('code-blocks/broken.mdx');
    expect(findings.map((finding) => finding.ruleId)).toContain('opskb:mdx-syntax');
    expect(linesOf(findings, RULE)).toEqual([]);
  });

  test('options: shellLanguages replaces the defaults, destructive adds commands named as matched', async () => {
    const findings = await lintFixture('code-blocks/options.mdx', { contentDir: join(RULE_FIXTURES, 'code-blocks/kb-options') });
    expect(linesOf(findings, RULE)).toEqual([`20:1 ${prompt('$ ')}`, `33:28 ${destructive('vault kv destroy', FIX_MDX)}`]);
  });

  test('an option that is not a regular expression is rejected with its name', () => {
    const result = codeBlocks.meta.optionsSchema.safeParse({ destructive: ['vault kv (destroy'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['destructive', 0], message: expect.stringMatching(/^is not a valid regular expression \(.+\)$/) });
  });
});

describe('findDestructiveCommand', () => {
  test.each([
    ['rm -r', 'bash', 'rm -rf /var/lib/checkout/cache', 1, 1],
    ['rm -r', 'bash', 'ls /tmp\nsudo rm -r -v /tmp/checkout', 2, 6],
    ['rm -r', 'sh', 'rm -fR build', 1, 1],
    ['rm -r', 'bash', 'rm --recursive --force build', 1, 1],
    ['rm -r', 'bash', 'kubectl exec deploy/x -- sh -c "rm -rf /data/*"', 1, 33],
    ['find -delete', 'bash', "find /var/log -name '*.gz' -mtime +7 -delete", 1, 1],
    ['kubectl delete', 'bash', 'kubectl --context prod -n checkout delete pod checkout-7c9f', 1, 1],
    ['kubectl delete', 'bash', 'kubectl get pods -o name | xargs kubectl delete', 1, 34],
    ['kubectl drain', 'bash', 'kubectl drain node-1 --ignore-daemonsets', 1, 1],
    ['kubectl scale --replicas=0', 'bash', 'kubectl -n checkout scale deploy/checkout-api --replicas=0', 1, 1],
    ['kubectl scale --replicas=0', 'bash', 'kubectl scale deploy/checkout-api \\\n  --replicas 0', 1, 1],
    ['helm uninstall', 'bash', 'helm -n checkout uninstall checkout-api', 1, 1],
    ['helm uninstall', 'bash', 'helm delete checkout-api', 1, 1],
    ['terraform destroy', 'bash', 'terraform -chdir=envs/prod destroy -auto-approve', 1, 1],
    ['terraform apply -destroy', 'bash', 'terraform apply -destroy -target=module.cache', 1, 1],
    ['terraform destroy', 'bash', 'tofu destroy -auto-approve', 1, 1],
    ['terraform apply -destroy', 'bash', 'cd envs/prod && tofu apply -destroy', 1, 17],
    ['git push --force', 'bash', 'git push --force origin main', 1, 1],
    ['git push --force', 'bash', 'git push -f origin main', 1, 1],
    ['git push --force', 'bash', 'git push --force-with-lease origin release', 1, 1],
    ['git push --force', 'bash', 'git push origin +main', 1, 1],
    ['git reset --hard', 'bash', 'git reset --hard origin/main', 1, 1],
    ['dd of=/dev/…', 'bash', 'dd if=image.raw of=/dev/nvme1n1 bs=4M', 1, 1],
    ['mkfs', 'bash', 'mkfs.ext4 /dev/nvme1n1', 1, 1],
    ['aws s3 rm --recursive', 'bash', 'aws s3 rm s3://checkout-invoices/2025/ --recursive', 1, 1],
    ['aws s3 rb --force', 'bash', 'aws s3 rb s3://checkout-invoices --force', 1, 1],
    ['aws rds delete-db-instance', 'bash', 'aws --region eu-west-1 rds delete-db-instance --db-instance-identifier orders-1', 1, 1],
    ['aws rds delete-db-cluster', 'bash', 'aws rds delete-db-cluster --db-cluster-identifier orders', 1, 1],
    ['aws ec2 terminate-instances', 'bash', 'aws ec2 terminate-instances --instance-ids i-0abc', 1, 1],
    ['DROP TABLE', 'sql', 'BEGIN;\nDROP TABLE IF EXISTS carts;', 2, 1],
    ['DROP TABLE', 'bash', 'psql -c "drop table carts"', 1, 10],
    ['DROP DATABASE', 'sql', 'DROP DATABASE orders;', 1, 1],
    ['DROP SCHEMA', 'sql', 'drop schema reporting cascade;', 1, 1],
    ['dropdb', 'bash', 'dropdb -h orders-db orders', 1, 1],
    ['TRUNCATE', 'sql', 'TRUNCATE TABLE carts;', 1, 1],
    ['TRUNCATE', 'sql', 'truncate carts, sessions;', 1, 1],
    ['DELETE FROM without WHERE', 'sql', 'DELETE FROM carts;', 1, 1],
    ['DELETE FROM without WHERE', 'sql', 'DELETE FROM carts;\nDELETE FROM sessions WHERE id = 1;', 1, 1],
    ['FLUSHALL', 'bash', 'redis-cli -h checkout-cache FLUSHALL', 1, 29],
    ['FLUSHDB', 'redis', 'flushdb', 1, 1],
    ['FLUSHDB', 'bash', 'redis-cli -n 2 FlushDB', 1, 16],
    ['DELETE FROM without WHERE', 'sql', 'Delete From carts;', 1, 1],
    ['kubectl delete', undefined, 'kubectl delete ns checkout', 1, 1],
    ['kubectl delete', 'console', '$ kubectl delete ns checkout\nnamespace "checkout" deleted', 1, 3],
  ])('%s in %s: %j', (name, lang, code, line, column) => {
    expect(findDestructiveCommand(code, lang)).toEqual({ name, line, column });
  });

  test('every command of the table is covered above', () => {
    expect(DESTRUCTIVE_COMMANDS.map((command) => command.name)).toEqual([
      'rm -r',
      'find -delete',
      'kubectl delete',
      'kubectl drain',
      'kubectl scale --replicas=0',
      'helm uninstall',
      'terraform destroy',
      'terraform apply -destroy',
      'git push --force',
      'git reset --hard',
      'dd of=/dev/…',
      'mkfs',
      'aws s3 rm --recursive',
      'aws s3 rb --force',
      'aws rds delete-db-instance',
      'aws rds delete-db-cluster',
      'aws ec2 terminate-instances',
      'DROP TABLE',
      'DROP DATABASE',
      'DROP SCHEMA',
      'dropdb',
      'TRUNCATE',
      'DELETE FROM without WHERE',
      'FLUSHALL',
      'FLUSHDB',
    ]);
  });

  test('names the first destructive command of the block', () => {
    expect(findDestructiveCommand('kubectl get pods\ngit reset --hard\nrm -rf build', 'bash')).toEqual({ name: 'git reset --hard', line: 2, column: 1 });
  });

  test.each([
    ['rm of a single file', 'bash', 'rm /var/run/checkout/maintenance.flag'],
    ['rm -f of files', 'bash', 'rm -f /tmp/checkout-*.log'],
    ['docker run --rm', 'bash', 'docker run --rm -it checkout-tools:1.4 checkout-status'],
    ['a kubectl dry run', 'bash', 'kubectl delete pod checkout-7c9f --dry-run=client -o yaml'],
    ['a kubectl dry run, continued', 'bash', 'kubectl delete pod checkout-7c9f \\\n  --dry-run=server'],
    ['an aws s3 dry run', 'bash', 'aws s3 rm s3://checkout-invoices/2025/ --recursive --dryrun'],
    ['one S3 object', 'bash', 'aws s3 rm s3://checkout-invoices/2025/inv-1.pdf'],
    ['git rm -r (the files stay in git)', 'bash', 'git rm -r --cached build'],
    ['kubectl delete as an argument', 'bash', 'kubectl annotate pod checkout-7c9f note=delete'],
    ['kubectl exec running another tool', 'bash', 'kubectl exec deploy/checkout -- checkoutctl cache delete --key abc'],
    ['kubectl scale to 3', 'bash', 'kubectl scale deploy/checkout-api --replicas=3'],
    ['kubectl scale to 10', 'bash', 'kubectl scale deploy/checkout-api --replicas=10'],
    ['terraform plan -destroy', 'bash', 'terraform plan -destroy'],
    ['a plain git push', 'bash', 'git push origin release'],
    ['a soft git reset', 'bash', 'git reset --soft HEAD~1'],
    ['DELETE FROM with WHERE', 'sql', 'DELETE FROM x WHERE id = 1;'],
    ['DELETE FROM with WHERE on the next line', 'sql', "DELETE FROM carts\nWHERE updated_at < now() - interval '30 days';"],
    ['a table named drop_log', 'sql', 'SELECT id, dropped_at FROM drop_log;'],
    ['pg_drop_replication_slot', 'sql', "SELECT pg_drop_replication_slot('old');"],
    ['a shell comment', 'bash', '# never rm -rf the data directory\nls /var/lib/postgresql'],
    ['an SQL comment', 'sql', '-- DROP TABLE carts is not the fix\nSELECT 1;'],
    ['output', 'text', 'kubectl delete pod checkout-7c9f\npod "checkout-7c9f" deleted'],
    ['pg_ctl stop -m immediate (interrupts, loses nothing)', 'bash', 'pg_ctl stop -D /var/lib/postgresql/16/main -m immediate'],
  ])('%s is not destructive', (_what, lang, code) => {
    expect(findDestructiveCommand(code, lang)).toBeUndefined();
  });

  test('extra commands are named by the text they matched', () => {
    expect(findDestructiveCommand('vault kv destroy -versions=3 secret/x', 'bash', { extra: [{ pattern: /vault kv destroy/i }] })).toEqual({
      name: 'vault kv destroy',
      line: 1,
      column: 1,
    });
  });
});

describe('findPrompts', () => {
  test('finds `$ `, `% ` and user@host prompts at their columns', () => {
    expect(findPrompts('$ ls\n  % ls\nalice@bastion:~/x$ ls\n[alice@bastion tmp]# ls\nroot@db-1:/# ls')).toEqual([
      { prompt: '$ ', line: 1, column: 1 },
      { prompt: '% ', line: 2, column: 3 },
      { prompt: 'alice@bastion:~/x$ ', line: 3, column: 1 },
      { prompt: '[alice@bastion tmp]# ', line: 4, column: 1 },
      { prompt: 'root@db-1:/# ', line: 5, column: 1 },
    ]);
  });

  test.each([
    ['a comment', '# restart the pods'],
    ['a variable', '$HOME/bin/status'],
    ['a dollar sign inside a command', 'echo "$ foo"'],
    ['a job spec', '%1'],
    ['ssh to user@host', 'ssh alice@bastion'],
  ])('%s is not a prompt', (_what, code) => {
    expect(findPrompts(code)).toEqual([]);
  });
});
