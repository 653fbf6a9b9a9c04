// A digest of what a parse gives (the tree as JSON, or the error it threw), to compare two
// parsers' results across processes without sending the trees.
import { createHash } from 'node:crypto';

export function treeDigest(parse: () => unknown): string {
  let json: string;
  try {
    json = JSON.stringify(parse());
  } catch (error) {
    json = `error: ${(error as Error).message}`;
  }
  return createHash('sha256').update(json).digest('hex');
}
