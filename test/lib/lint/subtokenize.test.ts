// The subtokenize drop-in (src/lib/lint/traversal/subtokenize.ts) must give micromark exactly
// the trees the original gives. The drop-in only serves where the lint engine's module hooks are
// installed, so a child process parses with it and this process parses with the original; the
// trees' digests must be the same for every doc: the fixtures, the demo, constructs that exercise
// each branch of the algorithm, and the real runbooks of ../shared/corpus when they are there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listDocFiles } from '../../../src/lib/kb/knowledge-base.ts';
import { parseDocument } from '../../../src/lib/markdown/parse.ts';
import { FIXTURES_DIR, PROJECT_DIR } from '../../support/fixtures.ts';
import { treeDigest } from '../../support/tree-digest.ts';

const CONSTRUCTS: Record<string, string> = {
  'nested-containers.md': ['> - a', '>   - [ ] b', '>', '>   lazy', '> > c', '', '1. one', '   ```sh', '   ls', '   ```', '2. two', '', '', '- x', '', '  - y', ''].join('\n'),
  'list-tasks.md': ['- [x] done', '- [ ] open', '  continued', '', '* [X] upper', '', '- ', '  [ ] not first', ''].join('\n'),
  'tables.md': ['| a | b |', '|---|:-:|', '| 1 | `2|3` |', '> | q |', '> |---|', '> | r |', '', '- | in | list |', '  | -- | -- |', '  | x | y |', ''].join('\n'),
  'inline.md': ['*a **b** c* _d_ ~~e~~ [f](g "h") ![i](j) <https://k.example> l\\', 'm  ', 'n [^1]', '', '[^1]: note', '    more', '', 'Setext', '===', 'text <b>html</b> &amp; &#35;', ''].join('\n'),
  'blank-ends.md': ['para', '', '', '', '> q', '', '', '- a', '', '', '   ', ''].join('\n'),
  'blank-lines-in-containers.md': ['> - a', '>', '>', '> b', '', '- c', '', '', '  d', '', '- e', '  ', '  ', '- f', '', '> > g', '> >', '> >', '', 'h', ''].join('\n'),
  'no-final-newline.md': '- a\n  - b\n\n> c',
  'crlf.md': '# T\r\n\r\n- a\r\n  b\r\n\r\n> c\r\n> d\r\n',
  'components.mdx': ['---', 'title: t', '---', '', '{/* lint disable-next-line opskb:no-secrets -- ok */}', '', '<Warning>', '  - a', '  - **b** {1 + 1}', '</Warning>', '', '<Note title="x">inline *text*</Note>', ''].join('\n'),
};

const scratch = mkdtempSync(join(tmpdir(), 'opskb-subtokenize-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compare(paths: readonly string[]): { dropInServes: boolean; differing: string[] } {
  const jobs = paths.flatMap((path) => (['mdx', 'markdown'] as const).map((flavour) => ({ path, flavour })));
  const child = spawnSync(process.execPath, [join(PROJECT_DIR, 'test/support/parse-with-drop-ins.ts')], {
    input: jobs.map(({ path, flavour }) => `${flavour} ${path}`).join('\n'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(child.status, child.stderr).toBe(0);
  const { dropInServes, digests } = JSON.parse(child.stdout) as { dropInServes: boolean; digests: string[] };
  expect(digests).toHaveLength(jobs.length);
  const differing = jobs
    .filter(({ path, flavour }, index) => digests[index] !== treeDigest(() => parseDocument(readFileSync(path, 'utf8'), flavour)))
    .map(({ path, flavour }) => `${path} (${flavour})`);
  return { dropInServes, differing };
}

describe('subtokenize drop-in', () => {
  test('micromark gets the drop-in once the hooks are installed, and the trees are the original’s', () => {
    const paths = Object.entries(CONSTRUCTS).map(([name, text]) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    });
    paths.push(...listDocFiles(join(FIXTURES_DIR, 'kb')), ...listDocFiles(join(PROJECT_DIR, 'content')));
    const { dropInServes, differing } = compare(paths);
    expect(dropInServes).toBe(true);
    expect(differing).toEqual([]);
  });

  const corpus = join(PROJECT_DIR, '..', 'shared', 'corpus');
  test.skipIf(!existsSync(corpus))('the same trees on the real runbooks of ../shared/corpus', () => {
    const { differing } = compare(listDocFiles(corpus));
    expect(differing).toEqual([]);
  }, 120_000);
});
