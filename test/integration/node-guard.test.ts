// The Node 22 pin: every npm script is guarded, and the guard stops old Nodes with the fix.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_DIR } from '../support/fixtures.ts';

const guard = join(PROJECT_DIR, 'scripts/check-node.mjs');
const systemNode = '/usr/bin/node';
const systemNodeVersion = existsSync(systemNode) ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
const systemNodeIsOld = /^v(1\d|20|21|22\.(\d|1[01])\.)/.test(systemNodeVersion);

describe('Node version guard', () => {
  test('the pinned Node (this test runs on it) passes', () => {
    const result = spawnSync(process.execPath, [guard], { encoding: 'utf8' });
    expect(process.versions.node.split('.').map(Number)[0]).toBeGreaterThanOrEqual(22);
    expect(result.status).toBe(0);
  });

  test.skipIf(!systemNodeIsOld)('an older Node stops with what to do', () => {
    const result = spawnSync(systemNode, [guard], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`opskb needs Node.js >= 22.12, but this script is running on Node.js ${systemNodeVersion.slice(1)}`);
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
    expect(manifest.devDependencies['node']).toMatch(/^22\.\d+\.\d+$/);
  });
});
