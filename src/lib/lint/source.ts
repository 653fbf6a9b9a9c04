// Reading a doc for the linter: one reader for the main thread and the worker threads, so that a
// file gives the same findings wherever it is linted.
import { readFileSync } from 'node:fs';
import { hashText } from './cache.ts';

/** A doc's text as the rules see it; `text` undefined (and `problem` set) when it cannot be read. */
export type Source = { readonly path: string; readonly text: string | undefined; readonly hash: string | undefined; readonly problem?: string | undefined };

/** Why a file cannot be read, and what to do about it. */
function readProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ELOOP':
      return 'Cannot read the file: it is a symbolic link that leads back to itself. Point it at a real file or remove it.';
    case 'EACCES':
    case 'EPERM':
      return 'Cannot read the file: permission denied. Make it readable (chmod a+r).';
    case 'EISDIR':
      return 'Cannot read the file: it is a folder.';
    case 'ENOENT':
      return 'Cannot read the file: it does not exist (a broken symbolic link, or deleted during the run).';
    default:
      return `Cannot read the file (${error.code ?? error.message}).`;
  }
}

/** The text of `value` as the parser and every other reader of a doc see it. */
export function normaliseText(value: string): string {
  // A byte order mark is invisible in editors: columns and offsets count from the first character after it.
  const unmarked = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
  // Old Mac line endings (a lone CR) become LF: the same length, so offsets hold, and every
  // reader of the text (directives, frontmatter, facts) then sees the lines the parser sees.
  return unmarked.includes('\r') ? unmarked.replace(/\r(?!\n)/g, '\n') : unmarked;
}

export function readSource(path: string): Source {
  try {
    const read = readFileSync(path, 'utf8');
    return { path, text: normaliseText(read), hash: hashText(read) };
  } catch (error) {
    return { path, text: undefined, hash: undefined, problem: readProblem(error as NodeJS.ErrnoException) };
  }
}
