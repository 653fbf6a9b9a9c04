// The Node pin (an LTS line, exact): every npm script is guarded, and the guard stops old Nodes with the fix.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_DIR } from '../support/fixtures.ts';

const guard = join(PROJECT_DIR, 'scripts/check-node.mjs');
const systemNode = '/usr/bin/node';
const systemNodeVersion = existsSync(systemNode) ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
const systemNodeIsOld = /^v(1\d|20|21|22\.(\d|1\d|2[0-2])\.)/.test(systemNodeVersion);

describe('Node version guard', () => {
  test('the pinned Node (this test runs on it) passes', () => {
    const result = spawnSync(process.execPath, [guard], { encoding: 'utf8' });
    expect(process.versions.node.split('.').map(Number)[0]).toBeGreaterThanOrEqual(22);
    expect(result.status).toBe(0);
  });

  test.skipIf(!systemNodeIsOld)('an older Node stops with what to do', () => {
    const result = spawnSync(systemNode, [guard], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`opskb needs Node.js >= 22.23.4 (Astro 7.4 does), but this script is running on Node.js ${systemNodeVersion.slice(1)}`);
    expect(result.stderr).toContain('npm install');
    expect(result.stderr).toContain('--ignore-scripts');
  });

  test('every npm script that runs code has the guard as its pre-script; node is pinned exactly', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const scripts = Object.keys(manifest.scripts).filter((name) => !name.startsWith('pre'));
    for (const name of scripts) expect(manifest.scripts[`pre${name}`], `pre${name}`).toBe('node scripts/check-node.mjs');
    // An exact pin of an even-numbered (LTS) major that Astro accepts.
    const pinned = manifest.devDependencies['node'] ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split('.')[0]) % 2).toBe(0);
    expect(process.versions.node).toBe(pinned);
  });

  test("the guard's minimum is Astro's engines.node", async () => {
    const astro = JSON.parse(readFileSync(join(PROJECT_DIR, 'node_modules/astro/package.json'), 'utf8')) as { engines: { node: string } };
    const { MINIMUM } = (await import(join(PROJECT_DIR, 'scripts/check-node.mjs'))) as { MINIMUM: string };
    expect(astro.engines.node).toBe(`>=${MINIMUM}`);
  });
});
