// What the rules need to know about one file, worked out once per file: its id, its type,
// its frontmatter (parsed, with positions) and whether its syntax parsed.
import { isAbsolute, relative, resolve } from 'node:path';
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import type { EncodingProblem } from '../kb/doc-source.ts';
import type { SyntaxProblem } from '../markdown/parse.ts';
import { parseYaml, type ParsedYaml, type Position } from '../markdown/yaml.ts';
import { docIdOfPath, docTypeOfId, type DocType } from '../model/index.ts';
import type { LintSettings } from './settings.ts';

export type Frontmatter = {
  readonly node: Yaml;
  readonly yaml: ParsedYaml;
  /** The parsed mapping; undefined when the YAML is broken or not a mapping. */
  readonly data: Record<string, unknown> | undefined;
  /** Position in the file of the value at `path` (its key when it has one). */
  positionOf(path: readonly PropertyKey[]): Position;
};

export type DocContext = {
  /** Path relative to the content root, when the file is inside it. */
  readonly relativePath: string | undefined;
  readonly id: string | undefined;
  readonly type: DocType | undefined;
  readonly frontmatter: Frontmatter | undefined;
};

declare module 'vfile' {
  interface DataMap {
    /** Set by the opskb parser when the file did not parse in its flavour (MDX or Markdown). */
    opskbSyntaxError: SyntaxProblem;
    /** Set by the linter when the file's bytes are not UTF-8 (the reader decoded them as �). */
    opskbEncoding: EncodingProblem;
    opskbContext: DocContext;
  }
}

export function getDocContext(tree: Root, file: VFile, settings: LintSettings): DocContext {
  const cached = file.data.opskbContext;
  if (cached) return cached;
  const relativePath = relativeToContent(file, settings.contentDir);
  const id = relativePath === undefined ? undefined : docIdOfPath(relativePath);
  const type = settings.type ?? (id === undefined ? undefined : docTypeOfId(id));
  const context: DocContext = { relativePath, id, type, frontmatter: readFrontmatter(tree) };
  file.data.opskbContext = context;
  return context;
}

function relativeToContent(file: VFile, contentDir: string): string | undefined {
  if (!file.path) return undefined;
  const path = relative(contentDir, resolve(file.cwd, file.path));
  return path.startsWith('..') || isAbsolute(path) ? undefined : path.replaceAll('\\', '/');
}

function readFrontmatter(tree: Root): Frontmatter | undefined {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return undefined;
  const yaml = parseYaml(node.value);
  const value = yaml.value;
  const data = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  return {
    node,
    yaml,
    data,
    positionOf(path) {
      const inYaml = yaml.positionOf(path);
      return { line: firstLine + inYaml.line - 1, column: inYaml.column };
    },
  };
}
