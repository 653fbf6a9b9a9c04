// YAML parsing that keeps positions, so every problem can name its line and column.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type Position = { readonly line: number; readonly column: number };
export type YamlProblem = Position & { readonly message: string };

export type ParsedYaml = {
  readonly value: unknown;
  readonly problems: readonly YamlProblem[];
  /** Where the value at `path` is written: its key when it has one, else the value; the closest ancestor when absent. */
  positionOf(path: readonly PropertyKey[]): Position;
};

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = document.errors.map((error) => ({
    ...toPosition(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  return {
    value: problems.length > 0 ? undefined : document.toJS(),
    problems,
    positionOf: (path) => toPosition(offsetOf(document, path)),
  };
}

function offsetOf(document: Document, path: readonly PropertyKey[]): number {
  let node: unknown = document.contents;
  let offset = document.contents?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
