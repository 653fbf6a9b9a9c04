// Reading a doc: one reader for the linter's main thread, its worker threads and the build's check
// of the content root, so that a file reads the same wherever it is read. What cannot be read,
// and text that is not UTF-8, is said once, in words a person can act on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Where a doc's bytes stop being UTF-8: shown as � from there on. */
export type EncodingProblem = { readonly line: number; readonly column: number; readonly byte: number };

/** A doc's text as the rules see it; `text` undefined (and `problem` set) when it cannot be read. */
export type Source = {
  readonly path: string;
  readonly text: string | undefined;
  readonly hash: string | undefined;
  readonly problem?: string | undefined;
  readonly encoding?: EncodingProblem | undefined;
};

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

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

/** The place of the first byte of `bytes` that does not start or continue a UTF-8 sequence, or undefined. */
export function findEncodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  const bad = firstInvalidUtf8(bytes);
  if (bad === undefined) return undefined;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).replace(/^\uFEFF/, '');
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, byte: bytes[bad] ?? 0 };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range narrows after some leads (no overlongs, no surrogates, nothing above U+10FFFF).
    const [low, high] =
      lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return undefined;
}

export function readSource(path: string): Source {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { path, text: undefined, hash: undefined, problem: readProblem(error as NodeJS.ErrnoException) };
  }
  const read = bytes.toString('utf8');
  // U+FFFD in the text is either written as such or stands for bytes that are not UTF-8.
  const encoding = read.includes('\uFFFD') ? findEncodingProblem(bytes) : undefined;
  return { path, text: normaliseText(read), hash: hashText(read), ...(encoding ? { encoding } : {}) };
}

/** What to say about a doc that is not UTF-8. */
export function encodingMessage(encoding: EncodingProblem): string {
  const byte = `0x${encoding.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return `The file is not UTF-8: byte ${byte} here, and maybe more after it, shows as � in the site. Save the file as UTF-8 (in most editors: "Save with encoding", or \`iconv -f latin1 -t utf-8\`).`;
}
