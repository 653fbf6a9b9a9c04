// `--changed-since <ref>`: the files git says changed since a ref (committed, staged, unstaged
// or untracked). Git is asked only when the user asks for this.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new GitError(`git could not run: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(result.stderr.trim() || `git ${args.join(' ')} failed`);
  return result.stdout;
}

/** Absolute paths of files changed since `ref` (deleted files excluded). */
export function changedSince(ref: string, cwd: string): Set<string> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const changed = git(cwd, ['diff', '--name-only', '-z', '--diff-filter=d', ref, '--']);
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name']);
  return new Set(
    `${changed}\0${untracked}`
      .split('\0')
      .filter(Boolean)
      .map((path) => resolve(top, path)),
  );
}
