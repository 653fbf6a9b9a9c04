// The README's examples work as written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { lintFiles } from '../../src/lib/lint/engine.ts';
import { PROJECT_DIR, TODAY } from '../support/fixtures.ts';
import { copyFixtureKb } from '../support/temp-kb.ts';

const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');

describe('README', () => {
  test('the opskb.yaml example is a valid configuration', async () => {
    const example = /### Configuration: `content\/opskb.yaml`[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('internalDomains');
    const kb = copyFixtureKb('kb');
    writeFileSync(join(kb, 'opskb.yaml'), example!);
    const result = await lintFiles(listDocFiles(kb), { contentDir: kb, today: TODAY, workers: 0 });
    expect(result.findings).toEqual([]);
  });
});
