// Knowledge bases under git, for --changed-since: a throwaway copy of a fixture, committed once.
import { spawnSync } from 'node:child_process';
import { copyFixtureKb } from './temp-kb.ts';

export function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

/** Commits everything in `kb` as its first commit. */
export function commitAll(kb: string): string {
  git(kb, 'init', '-q');
  git(kb, 'add', '-A');
  git(kb, 'commit', '-qm', 'knowledge base');
  return kb;
}

export function committedFixtureKb(name: string): string {
  return commitAll(copyFixtureKb(name));
}
