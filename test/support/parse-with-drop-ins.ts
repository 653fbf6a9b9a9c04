// Child process of test/lib/lint/parser-drop-ins.test.ts: parses the files named on stdin (one path
// and flavour per line) with the lint engine's drop-ins installed, as a lint worker does, and
// prints one JSON line: whether micromark now gets its two drop-ins, and a digest of each tree.
import { readFileSync } from 'node:fs';
import { installFastTraversal } from '../../src/lib/lint/traversal/install.ts';
import { treeDigest } from './tree-digest.ts';

installFastTraversal();
const { parseDocument } = await import('../../src/lib/markdown/parse.ts');
const subtokenize = [await import('micromark-util-subtokenize'), await import('../../src/lib/lint/traversal/subtokenize.ts')] as const;
const combine = [await import('micromark-util-combine-extensions'), await import('../../src/lib/lint/traversal/combine-extensions.ts')] as const;

const digests = readFileSync(0, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [flavour, path] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
  return treeDigest(() => parseDocument(readFileSync(path, 'utf8'), flavour === 'mdx' ? 'mdx' : 'markdown'));
});
const dropInsServe = subtokenize[0].subtokenize === subtokenize[1].subtokenize && combine[0].combineExtensions === combine[1].combineExtensions;
console.log(JSON.stringify({ dropInsServe, digests }));
