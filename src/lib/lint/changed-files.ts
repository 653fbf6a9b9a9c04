// `--changed-since <ref>`: the files git says changed since a ref (committed, staged, unstaged
// or untracked). Git is asked only when the user asks for this.
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { isDocFile } from '../kb/knowledge-base.ts';
import { CONFIG_FILE, REGISTRY_SPECS } from '../model/index.ts';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new GitError(`git could not run: ${result.error.message}`);
  if (result.status !== 0) throw new GitError(result.stderr.trim() || `git ${args.join(' ')} failed`);
  return result.stdout;
}

export type Changes = {
  /** Absolute paths of files changed since the ref, or new: committed, staged, unstaged or untracked. */
  readonly changed: ReadonlySet<string>;
  /** Absolute paths of files deleted (or renamed away) since the ref. */
  readonly deleted: ReadonlySet<string>;
};

/** What changed since `ref`. Paths are git's: real paths, without symbolic links. */
export function changedSince(ref: string, cwd: string): Changes {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new GitError(`\`${ref}\` is not a commit, branch or tag of this repository (try \`origin/main\`, \`HEAD~1\` or a commit id; in CI, fetch enough history first).`);
  }
  const paths = (output: string) => new Set(output.split('\0').filter(Boolean).map((path) => resolve(top, path)));
  const changed = git(cwd, ['diff', '--name-only', '-z', '--diff-filter=d', ref, '--']);
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name']);
  const deleted = git(cwd, ['diff', '--name-only', '-z', '--diff-filter=D', ref, '--']);
  return { changed: paths(`${changed}\0${untracked}`), deleted: paths(deleted) };
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Which of `docs` to lint after `changes`. Every doc when a registry or opskb.yaml changed, or a
 * doc was deleted or renamed (links to it broke somewhere). Otherwise the changed docs, and the
 * docs that name a changed doc's file or a deleted attachment: a renamed heading breaks their
 * anchors, a deleted image their links. Paths are compared without symbolic links, as git gives them.
 */
export function docsToRecheck(docs: readonly string[], changes: Changes, contentDir: string): string[] {
  const root = realPath(contentDir);
  const inRoot = (path: string) => {
    const inside = relative(root, path);
    return !inside.startsWith('..') && !isAbsolute(inside);
  };
  const shared = [...Object.values(REGISTRY_SPECS).map((spec) => spec.file), CONFIG_FILE].map((file) => join(root, file));
  if (shared.some((path) => changes.changed.has(path) || changes.deleted.has(path))) return [...docs];
  const deleted = [...changes.deleted].filter(inRoot);
  if (deleted.some((path) => isDocFile(path))) return [...docs];

  const names = [
    ...[...changes.changed].filter((path) => inRoot(path) && isDocFile(path)).map((path) => basename(path).replace(/\.mdx?$/i, '')),
    ...deleted.map((path) => basename(path)),
  ];
  return docs.filter((doc) => {
    if (changes.changed.has(realPath(doc))) return true;
    if (names.length === 0) return false;
    let text = '';
    try {
      text = readFileSync(doc, 'utf8');
    } catch {
      return true;
    }
    return names.some((name) => text.includes(name));
  });
}
