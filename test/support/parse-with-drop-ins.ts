// Child process of test/lib/lint/subtokenize.test.ts: parses the files named on stdin (one path
// and flavour per line) with the lint engine's drop-ins installed, as a lint worker does, and
// prints one JSON line: whether micromark now gets the drop-in, and a digest of each tree.
import { readFileSync } from 'node:fs';
import { installFastTraversal } from '../../src/lib/lint/traversal/install.ts';
import { treeDigest } from './tree-digest.ts';

installFastTraversal();
const { parseDocument } = await import('../../src/lib/markdown/parse.ts');
const viaName = await import('micromark-util-subtokenize');
const dropIn = await import('../../src/lib/lint/traversal/subtokenize.ts');

const digests = readFileSync(0, 'utf8').split('\n').filter(Boolean).map((line) => {
  const [flavour, path] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
  return treeDigest(() => parseDocument(readFileSync(path, 'utf8'), flavour === 'mdx' ? 'mdx' : 'markdown'));
});
console.log(JSON.stringify({ dropInServes: viaName.subtokenize === dropIn.subtokenize, digests }));
