// Runs the `opskb` command as users do: a child process on the pinned Node.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURE_KB, PROJECT_DIR } from './fixtures.ts';

export type CliRun = { code: number | null; stdout: string; lines: string[]; stderr: string };

export function opskb(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [join(PROJECT_DIR, 'scripts/opskb.ts'), ...args], {
    cwd: options.cwd ?? PROJECT_DIR,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, OPSKB_CONTENT_DIR: FIXTURE_KB, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, lines: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
}
