// YAML parsing that keeps positions, so every problem can name its line and column.
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type Position = { readonly line: number; readonly column: number };
export type YamlProblem = Position & { readonly message: string };

export type ParsedYaml = {
  readonly value: unknown;
  readonly problems: readonly YamlProblem[];
  /** Where the value at `path` is written: its key when it has one, else the value; the closest ancestor when absent. */
  positionOf(path: readonly PropertyKey[]): Position;
};

/**
 * Values come from js-yaml (the parser Astro reads frontmatter with; about six times faster) with
 * YAML 1.2's core schema, so `2026-02-30` stays the text it is instead of becoming 2 March.
 * Positions and the messages of syntax errors come from `yaml`'s document, built only when one
 * is asked for or when js-yaml refuses the text.
 */
export function parseYaml(text: string): ParsedYaml {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch (refusal) {
    return parseWithPositions(text, refusal);
  }
  let positioned: ParsedYaml | undefined;
  return {
    value,
    problems: [],
    positionOf: (path) => (positioned ??= parseWithPositions(text)).positionOf(path),
  };
}

/** `refusal`: js-yaml's error, when it refused the text. */
function parseWithPositions(text: string, refusal?: unknown): ParsedYaml {
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
  if (problems.length === 0 && refusal !== undefined) {
    // js-yaml refused what `yaml` accepts (an unknown tag such as `!custom`): report js-yaml's
    // reason at its place, as Astro, which reads frontmatter with js-yaml, would fail there.
    const { mark, reason, message } = refusal as { mark?: { line?: number; column?: number }; reason?: string; message?: string };
    problems.push({ line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, message: reason ?? message ?? String(refusal) });
  }
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
