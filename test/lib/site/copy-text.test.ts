import { describe, expect, test } from 'vitest';
import { copyableText } from '../../../src/lib/site/copy-text.ts';

describe('copyableText', () => {
  test.each([
    ['bash', '$ kubectl get pods\n$ kubectl logs x\n', 'kubectl get pods\nkubectl logs x'],
    ['sh', '% psql -c "select 1"', 'psql -c "select 1"'],
    ['bash', 'kubectl get pods # no prompt\necho "$ not a prompt"', 'kubectl get pods # no prompt\necho "$ not a prompt"'],
    ['bash', '# a comment, not a root prompt\nrm file', '# a comment, not a root prompt\nrm file'],
    ['console', '$ kubectl get pods\nNAME   READY\napi-1  1/1\n$ kubectl logs api-1', 'kubectl get pods\nkubectl logs api-1'],
    ['console', 'ops@bastion:~$ uptime\n 10:00 up 3 days', 'uptime'],
    ['console', 'just output, no prompt', 'just output, no prompt'],
    ['sql', '$ is not a prompt in SQL', '$ is not a prompt in SQL'],
    [undefined, '$ x', '$ x'],
  ])('%s: %j → %j', (language, code, expected) => {
    expect(copyableText(code, language)).toBe(expected);
  });
});
