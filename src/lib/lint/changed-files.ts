// `--changed-since <ref>`: the files git says changed since a ref (committed, staged, unstaged
// or untracked). Git is asked only when the user asks for this.
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isDocFile } from '../kb/knowledge-base.ts';
import { resolveLink } from '../kb/link-target.ts';
import { docIdOfPath, SHARED_FILES } from '../model/index.ts';

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
    throw new GitError(
      `\`${ref}\` is not a commit, branch or tag of this repository (try \`origin/main\`, \`HEAD~1\` or a commit id; in CI, fetch enough history first).`,
    );
  }
  const paths = (output: string) =>
    new Set(
      output
        .split('\0')
        .filter(Boolean)
        .map((path) => resolve(top, path)),
    );
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

/** Link targets written in Markdown or MDX: inline links and images, and link definitions. */
const LINK_TARGETS = /\]\(\s*<?([^)\s>]+)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm;

/**
 * Which of `docs` to lint after `changes`: every doc when a registry or opskb.yaml changed;
 * otherwise the changed docs, and the docs that link to a changed or deleted doc (a renamed
 * heading or a deleted doc breaks their links) or to a deleted attachment, or name such a doc's id
 * (onboarding steps). Links are found with a pattern and resolved as the links rule resolves
 * them. Paths are compared without symbolic links, as git gives them.
 */
export function docsToRecheck(docs: readonly string[], changes: Changes, contentDir: string): string[] {
  const root = realPath(contentDir);
  const inRoot = (path: string) => {
    const inside = relative(root, path);
    return !inside.startsWith('..') && !isAbsolute(inside);
  };
  const shared = SHARED_FILES.map((file) => join(root, file));
  if (shared.some((path) => changes.changed.has(path) || changes.deleted.has(path))) return [...docs];

  const idOf = (path: string) => docIdOfPath(relative(root, path));
  const touched = [...changes.changed, ...changes.deleted].filter(inRoot);
  const ids = new Set(touched.filter((path) => isDocFile(path)).map(idOf));
  const deletedFiles = new Set([...changes.deleted].filter((path) => inRoot(path) && !isDocFile(path)));
  const dependsOnChange = (doc: string): boolean => {
    if (ids.size === 0 && deletedFiles.size === 0) return false;
    let text: string;
    try {
      text = readFileSync(doc, 'utf8');
    } catch {
      return true;
    }
    for (const id of ids) if (text.includes(id)) return true;
    const from = { path: doc, id: inRoot(doc) ? idOf(doc) : undefined, contentDir: root };
    for (const match of text.matchAll(LINK_TARGETS)) {
      const target = resolveLink(match[1] ?? match[2] ?? '', from);
      if ((target.kind === 'doc' && ids.has(target.id)) || (target.kind === 'file' && deletedFiles.has(target.path))) return true;
    }
    return false;
  };
  return docs.filter((doc) => {
    const real = realPath(doc);
    return changes.changed.has(real) || dependsOnChange(real);
  });
}
