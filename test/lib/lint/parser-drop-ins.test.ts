// micromark's drop-ins (src/lib/lint/traversal/subtokenize.ts and combine-extensions.ts) must
// give exactly the trees the originals give. The drop-ins only serve where the lint engine's
// module hooks are installed, so a child process parses with them and this process parses with
// the originals; the trees' digests must be the same for every doc: the fixtures, the demo,
// constructs that exercise each branch of the subtokenizer, and the real runbooks of
// ../shared/corpus when they are there. The child parses docs that need different GFM constructs
// one after another, so it reuses combined extension lists as the lint does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combineExtensions as combineOnce } from 'micromark-util-combine-extensions';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { afterAll, describe, expect, test } from 'vitest';
import { combineExtensions } from '../../../src/lib/lint/traversal/combine-extensions.ts';
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

function compare(paths: readonly string[]): { dropInsServe: boolean; differing: string[] } {
  const jobs = paths.flatMap((path) => (['mdx', 'markdown'] as const).map((flavour) => ({ path, flavour })));
  const child = spawnSync(process.execPath, [join(PROJECT_DIR, 'test/support/parse-with-drop-ins.ts')], {
    input: jobs.map(({ path, flavour }) => `${flavour} ${path}`).join('\n'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(child.status, child.stderr).toBe(0);
  const { dropInsServe, digests } = JSON.parse(child.stdout) as { dropInsServe: boolean; digests: string[] };
  expect(digests).toHaveLength(jobs.length);
  const differing = jobs
    .filter(({ path, flavour }, index) => digests[index] !== treeDigest(() => parseDocument(readFileSync(path, 'utf8'), flavour)))
    .map(({ path, flavour }) => `${path} (${flavour})`);
  return { dropInsServe, differing };
}

describe('parser drop-ins', () => {
  test('micromark gets the drop-ins once the hooks are installed, and the trees are the originals’', () => {
    const paths = Object.entries(CONSTRUCTS).map(([name, text]) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    });
    paths.push(...listDocFiles(join(FIXTURES_DIR, 'kb')), ...listDocFiles(join(PROJECT_DIR, 'content')));
    const { dropInsServe, differing } = compare(paths);
    expect(dropInsServe).toBe(true);
    expect(differing).toEqual([]);
  });

  const corpus = join(PROJECT_DIR, '..', 'shared', 'corpus');
  test.skipIf(!existsSync(corpus))('the same trees on the real runbooks of ../shared/corpus', () => {
    const { differing } = compare(listDocFiles(corpus));
    expect(differing).toEqual([]);
  }, 120_000);
});

describe('combineExtensions drop-in', () => {
  const table = gfmTable();
  const strike = gfmStrikethrough();

  test('combines a list as the original does, once per list of the same extensions', () => {
    const combined = combineExtensions([table, strike]);
    expect(combined).toEqual(combineOnce([table, strike]));
    expect(combineExtensions([table, strike])).toBe(combined);
  });

  test('lists of other extensions, in another order, or longer or shorter, get their own combination', () => {
    const both = combineExtensions([table, strike]);
    const reversed = combineExtensions([strike, table]);
    const one = combineExtensions([table]);
    const fresh = combineExtensions([table, gfmStrikethrough()]);
    expect(new Set([both, reversed, one, fresh, combineExtensions([])]).size).toBe(5);
    expect(reversed).toEqual(combineOnce([strike, table]));
    expect(one).toEqual(combineOnce([table]));
    expect(combineExtensions([])).toEqual({});
  });
});
