// Odd and hostile docs, end to end: each one either builds or is named with what to do, by the
// linter and by the build; none hangs or kills either without a word. (The README's "Odd and
// hostile docs" lists what each does.) One real build of a knowledge base holding all of them.
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { buildSite, type Build } from '../support/build.ts';
import { opskb } from '../support/cli.ts';
import { TODAY } from '../support/fixtures.ts';
import { copyFixtureKb } from '../support/temp-kb.ts';

const frontmatter = (title: string) =>
  `---\ntitle: ${title}\nsummary: An odd doc the hostile-docs test writes.\nowner: storefront\nlast_reviewed: 2026-11-01\n---\n\n`;
const PARAGRAPH = `${'The settlement batch waits for the acquirer file, then books every capture to the ledger. '.repeat(10)}\n\n`;

let kb: string;
let build: Build;
beforeAll(() => {
  kb = copyFixtureKb('kb');
  const doc = (name: string, content: string | Buffer) => writeFileSync(join(kb, 'knowledge', name), content);
  doc('huge.md', frontmatter('Huge') + PARAGRAPH.repeat(Math.ceil((5 * 1024 * 1024) / PARAGRAPH.length)));
  doc('many-headings.md', frontmatter('Many headings') + Array.from({ length: 20_000 }, (_, step) => `## Step ${step}\n\nDo step ${step}.\n\n`).join(''));
  doc(
    'big-table.md',
    `${frontmatter('Big table')}| host | role | zone |\n|---|---|---|\n${Array.from({ length: 5_000 }, (_, row) => `| db-${row} | replica | euw1-${row % 3} |\n`).join('')}`,
  );
  doc('latin1.md', Buffer.concat([Buffer.from(frontmatter('Latin one')), Buffer.from('Caf\xe9 cr\xe8me, r\xe9sum\xe9.\n', 'latin1')]));
  symlinkSync('loop.md', join(kb, 'knowledge', 'loop.md'));
  doc('deep-brackets.mdx', `${frontmatter('Deep brackets')}${'['.repeat(5_000)}\n`);
  doc('Café notes.md', `${frontmatter('Café notes')}Notes from the café.\n`);
  doc('Shift-Notes.md', `${frontmatter('Shift notes, upper case')}Upper.\n`);
  doc('shift-notes.md', `${frontmatter('Shift notes, lower case')}Lower.\n`);
  build = buildSite(kb);
}, 600_000);
afterAll(() => {
  rmSync(kb, { recursive: true, force: true });
  rmSync(build.outDir, { recursive: true, force: true });
});

const page = (id: string) => readFileSync(join(build.outDir, id, 'index.html'), 'utf8');

describe('npm run build on odd and hostile docs', () => {
  test('builds, and says which docs it cannot show as written', () => {
    expect(build.status, build.log).toBe(0);
    expect(build.log).toContain(
      '[opskb] warning: knowledge/loop.md: Cannot read the file: it is a symbolic link that leads back to itself. Point it at a real file or remove it. It is left out of the site.',
    );
    expect(build.log).toContain('[opskb] warning: knowledge/latin1.md:8:4: The file is not UTF-8: byte 0xE9 here');
    expect(build.log).not.toMatch(/\n\s+at .*\(file:\/\//);
  });

  test('a 5 MB doc, 20,000 headings and a 5,000-row table are built and searchable', () => {
    expect(page('knowledge/huge')).toContain('The settlement batch waits for the acquirer file');
    expect(page('knowledge/many-headings')).toContain('id="step-19999"');
    expect(page('knowledge/big-table').match(/<tr>/g)?.length).toBe(5_001);
    expect(existsSync(join(build.outDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });

  test('brackets nested 5,000 deep are built as text', () => {
    expect(page('knowledge/deep-brackets')).toContain('['.repeat(100));
  });

  test('bytes that are not UTF-8 show as �; a name with spaces and accents keeps them in its address', () => {
    expect(page('knowledge/latin1')).toContain('Caf\uFFFD cr\uFFFDme');
    expect(page('knowledge/Café notes')).toContain('Notes from the café.');
  });

  test('two ids that differ only in case are both built (the linter refuses them, below)', () => {
    expect(readdirSync(join(build.outDir, 'knowledge'))).toEqual(expect.arrayContaining(['Shift-Notes', 'shift-notes']));
    expect(page('knowledge/Shift-Notes')).toContain('Upper.');
    expect(page('knowledge/shift-notes')).toContain('Lower.');
  });
});

describe('opskb lint on odd and hostile docs', () => {
  test('names each problem at its place, and checks every other doc', () => {
    const run = opskb(['lint', '--now', TODAY, '--no-cache', '--format', 'json'], { cwd: kb, env: { OPSKB_CONTENT_DIR: kb } });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as {
      summary: { filesChecked: number };
      findings: { path: string; line: number; column: number; rule: string; message: string }[];
    };
    const errors = report.findings
      .filter((finding) => !finding.rule.startsWith('remark-lint:'))
      .map((finding) => `${finding.path}:${finding.line}:${finding.column} ${finding.rule}`);
    expect(errors).toEqual([
      'knowledge/deep-brackets.mdx:8:1001 opskb:mdx-syntax',
      'knowledge/latin1.md:8:4 opskb:mdx-syntax',
      'knowledge/loop.md:1:1 opskb:internal',
      'knowledge/shift-notes.md:1:1 opskb:links',
      'knowledge/Shift-Notes.md:1:1 opskb:links',
    ]);
    expect(report.summary.filesChecked).toBe(listDocFiles(kb).length);
    expect(report.findings.find((finding) => finding.path === 'knowledge/Shift-Notes.md')?.message).toBe(
      'Doc `knowledge/Shift-Notes` differs from `knowledge/shift-notes` only in case: on macOS and Windows (and in an offline copy unpacked there) one file overwrites the other. Rename one of them.',
    );
  }, 120_000);
});
