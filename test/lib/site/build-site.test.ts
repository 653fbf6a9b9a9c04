import { describe, expect, test } from 'vitest';
import { astroBuildCommand, INDEXED_AFTER_BUILD_VARIABLE } from '../../../src/lib/site/build-site.ts';

describe('astroBuildCommand', () => {
  const base = { projectDir: '/p', outDir: '/out', contentDir: '/kb' };

  test("runs the project's astro build into the output folder with this Node, the content root and the after-build flag", () => {
    const command = astroBuildCommand({ ...base, env: { PATH: '/bin' } });
    expect(command.command).toBe(process.execPath);
    expect(command.args).toEqual(['/p/node_modules/astro/bin/astro.mjs', 'build', '--outDir', '/out']);
    expect(command.env).toEqual({ MIMALLOC_PURGE_DELAY: '0', PATH: '/bin', OPSKB_CONTENT_DIR: '/kb', [INDEXED_AFTER_BUILD_VARIABLE]: '1' });
  });

  test('a MIMALLOC_PURGE_DELAY already set wins; the content root given always does', () => {
    const command = astroBuildCommand({ ...base, env: { MIMALLOC_PURGE_DELAY: '100', OPSKB_CONTENT_DIR: '/elsewhere' } });
    expect(command.env['MIMALLOC_PURGE_DELAY']).toBe('100');
    expect(command.env['OPSKB_CONTENT_DIR']).toBe('/kb');
  });
});
