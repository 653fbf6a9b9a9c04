// Parses a doc into mdast with Sätteri, the parser Astro's build renders it with (astro.config.mjs):
// MDX for `.mdx`, GitHub-flavoured Markdown for `.md`, frontmatter in both. The linter thus checks
// the tree the site will render, and what fails here fails the build. opskb:mdx-syntax installs it
// as the lint preset's parser.
//
// Sätteri is markdown-rs, micromark's port to Rust, behind a native binding: the same trees as
// micromark with remark-gfm, remark-frontmatter and remark-mdx (positions included), about 8
// times faster (the parse floor rows of `npm run bench:lint`). Of 3,069 synthetic, demo, fixture
// and corpus docs, 2,908 gave identical trees; the others hold a JSX element written on one line,
// which Sätteri makes a block (and the site renders so) where micromark makes a paragraph, or, in
// 14 corpus docs, a container whose edge sits a few columns elsewhere (a task item's paragraph
// starts after its `[ ]`).
//
// What MDX tooling expects and Sätteri leaves out is added here, as micromark gives it: the
// JavaScript syntax tree of each import/export block (`data.estree`, which opskb:mdx-safety
// reads), such a block's end at its last character (not after the line ending), and the position
// of each JSX attribute, so that a finding about one points at it. Brackets nested deeper than
// the native parser can take are refused before it sees them.
import { Parser, type Node as AcornNode } from 'acorn';
import jsx from 'acorn-jsx';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxjsEsm } from 'mdast-util-mdx';
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';
import { locator } from '../text/locator.ts';

export type SyntaxFlavour = 'mdx' | 'markdown';

export function flavourOfPath(path: string): SyntaxFlavour {
  return /\.mdx$/i.test(path) ? 'mdx' : 'markdown';
}

/** What Astro's Sätteri processor parses with by default: GFM (autolink literals included) and frontmatter. */
const FEATURES: Features = { gfm: true, frontmatter: true };

/** A doc that does not parse, at the place the parser names. */
export class DocumentSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'DocumentSyntaxError';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Parses; throws a DocumentSyntaxError when the text is not valid in its flavour. */
export function parseDocument(text: string, flavour: SyntaxFlavour): Root {
  if (flavour === 'mdx') refuseDeepNesting(text);
  let tree: Root;
  try {
    tree = (flavour === 'mdx' ? mdxToMdast : markdownToMdast)(text, { features: FEATURES }) as Root;
  } catch (error) {
    throw syntaxErrorOf(error);
  }
  if (flavour === 'mdx') {
    const pointAt = lazyLocator(text);
    addEsmTrees(tree, text, pointAt);
    addAttributePositions(tree, text, pointAt);
  }
  return tree;
}

/**
 * Sätteri's JavaScript parser (for MDX expressions, attributes and import blocks) goes one level
 * deeper in the thread's stack per bracket: a few thousand nested brackets overflow it, and the
 * process dies without a word (so would the site's build). No doc needs a tenth of this.
 */
export const MAX_NESTING = 1000;

function refuseDeepNesting(text: string): void {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x28 || code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_NESTING) {
        const { line, column } = locator(text)(index);
        throw new DocumentSyntaxError(line, column, `more than ${MAX_NESTING} brackets are open here, more than the MDX parser can nest`);
      }
    } else if ((code === 0x29 || code === 0x5d || code === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
}

/** Sätteri's message is `line:column: reason (source:rule)`. */
const MESSAGE = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/;

function syntaxErrorOf(error: unknown): DocumentSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const parts = MESSAGE.exec(message);
  return parts ? new DocumentSyntaxError(Number(parts[1]), Number(parts[2]), parts[3] ?? message) : new DocumentSyntaxError(1, 1, message);
}

/** Import/export blocks sit at the top level of an MDX document. */
function addEsmTrees(tree: Root, text: string, pointAt: PointAt): void {
  for (const node of tree.children) {
    if (!isEsm(node) || !node.position) continue;
    const { start } = node.position;
    let end = start.offset === undefined ? undefined : start.offset + node.value.length;
    if (end === undefined || start.offset === undefined) continue;
    // The value leaves out the line ending the block's position takes in.
    while (end > start.offset && /[\r\n]/.test(text[end - 1] ?? '')) end -= 1;
    node.position = { start, end: pointAt(end) };
    node.data = { ...node.data, estree: esmTree(node.value, start.offset, pointAt) };
  }
}

type PointAt = ReturnType<typeof locator>;

/** JavaScript with JSX, as MDX reads import/export blocks. */
const JAVASCRIPT = Parser.extend(jsx());

/** Builds the line index the first time a place is asked for: most docs need none. */
function lazyLocator(text: string): PointAt {
  let pointAt: PointAt | undefined;
  return (offset) => (pointAt ??= locator(text))(offset);
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * Finds each attribute of each JSX tag in the tag's source, in order; stops at the first surprise.
 * A tag in a blockquote continues on lines that start with the quotes' `>` markers.
 */
function addAttributePositions(tree: Root, text: string, pointAt: PointAt): void {
  const stack: [unknown, number][] = tree.children.map((child) => [child, 0]);
  while (stack.length > 0) {
    const [value, quotes] = stack.pop() as [JsxElement | { type: string; children?: unknown[] }, number];
    if ((value.type === 'mdxJsxFlowElement' || value.type === 'mdxJsxTextElement') && 'attributes' in value && value.attributes.length > 0) {
      locateAttributes(value, text, pointAt, quotes);
    }
    const inside = value.type === 'blockquote' ? quotes + 1 : quotes;
    for (const child of value.children ?? []) stack.push([child, inside]);
  }
}

function locateAttributes(element: JsxElement, text: string, pointAt: PointAt, quotes: number): void {
  const start = element.position?.start.offset;
  if (start === undefined || text[start] !== '<') return;
  const skipSpace = (from: number) => skipSpaceAndQuotes(text, from, quotes);
  let at = start + 1;
  // The name as written: `<a.b>`, or `<a . b>` with space around its dots.
  for (const char of element.name ?? '') {
    at = skipSpace(at);
    if (text[at] !== char) return;
    at += 1;
  }
  at = skipSpace(at);
  for (const attribute of element.attributes) {
    if (attribute.position) return;
    let end: number;
    if (text[at] === '{') {
      if (attribute.type !== 'mdxJsxExpressionAttribute') return;
      end = skipExpression(text, at);
    } else {
      const name = /^[^\s=/>{}"']+/.exec(text.slice(at, at + 256))?.[0];
      if (attribute.type !== 'mdxJsxAttribute' || name !== attribute.name) return;
      end = at + name.length;
      const equals = skipSpace(end);
      if (text[equals] === '=') {
        const value = skipSpace(equals + 1);
        const quote = text[value];
        end = quote === '"' || quote === "'" ? text.indexOf(quote, value + 1) + 1 : quote === '{' ? skipExpression(text, value) : -1;
      }
    }
    if (end <= at) return;
    attribute.position = { start: pointAt(at), end: pointAt(end) };
    at = skipSpace(end);
  }
}

/** Past white space, and past the `quotes` blockquote markers that start each line it crosses. */
function skipSpaceAndQuotes(text: string, from: number, quotes: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at] ?? '')) {
    at += 1;
    if (text[at - 1] !== '\n') continue;
    for (let quote = 0; quote < quotes; quote += 1) {
      while (text[at] === ' ' || text[at] === '\t') at += 1;
      if (text[at] === '>') at += 1;
    }
  }
  return at;
}

/** The offset after the `}` closing the expression that opens at `at`, or -1; skips strings, templates and comments. */
function skipExpression(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"' || char === "'") index = skipString(text, index, char);
    else if (char === '`') index = skipTemplate(text, index);
    else if (char === '/' && text[index + 1] === '*') index = endOfComment(text, index);
    else if (char === '/' && text[index + 1] === '/') index = text.indexOf('\n', index);
    else if (char === '/' && startsRegex(text, at, index)) index = skipRegex(text, index);
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return index + 1;
    if (index < 0) return -1;
  }
  return -1;
}

/** A `/` that starts a regular expression: where a value is expected, after an operator or an opening. */
function startsRegex(text: string, from: number, at: number): boolean {
  let before = at - 1;
  while (before > from && /\s/.test(text[before] ?? '')) before -= 1;
  return before === from || '(,=:[!&|?{};+-*%<>~^'.includes(text[before] ?? '');
}

/** The offset of the `/` closing the regular expression that opens at `at` (classes skipped), or -1. */
function skipRegex(text: string, at: number): number {
  let inClass = false;
  for (let index = at + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '\n') return -1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return index;
  }
  return -1;
}

/** The offset of the `/` closing the block comment that opens at `at`, or -1. */
function endOfComment(text: string, at: number): number {
  const close = text.indexOf('*/', at + 2);
  return close < 0 ? -1 : close + 1;
}

/** The offset of the quote closing the string that opens at `at`, or -1. */
function skipString(text: string, at: number, quote: string): number {
  for (let index = at + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === quote) return index;
  }
  return -1;
}

/** The offset of the backtick closing the template that opens at `at`, or -1. */
function skipTemplate(text: string, at: number): number {
  for (let index = at + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '`') return index;
    else if (text[index] === '$' && text[index + 1] === '{') {
      const end = skipExpression(text, index + 1);
      if (end < 0) return -1;
      index = end - 1;
    }
  }
  return -1;
}

function isEsm(node: RootContent): node is MdxjsEsm {
  return node.type === 'mdxjsEsm';
}

/** The block's program (JSX allowed, as MDX allows it), at its places in the whole document. */
function esmTree(source: string, offset: number, pointAt: PointAt): NonNullable<MdxjsEsm['data']>['estree'] {
  let program: AcornNode;
  try {
    program = JAVASCRIPT.parse(source, { ecmaVersion: 'latest', sourceType: 'module', ranges: true });
  } catch (error) {
    const { pos, message } = error as { pos?: number; message?: string };
    const { line, column } = pointAt(offset + (pos ?? 0));
    throw new DocumentSyntaxError(line, column, `Could not parse import/exports: ${String(message ?? error).replace(/ \(\d+:\d+\)$/, '')}`);
  }
  place(program, offset, pointAt);
  return program as never;
}

/**
 * Moves every node of an acorn tree by `offset` characters and gives it its `loc` in the document
 * (1-based lines, 0-based columns, with offsets, as micromark gives them). The document's lines
 * are counted, not acorn's: JavaScript also breaks lines at U+2028 and U+2029, Markdown does not.
 */
function place(node: AcornNode, offset: number, pointAt: PointAt): void {
  const stack: unknown[] = [node];
  const at = (position: number) => {
    const { line, column } = pointAt(position);
    return { line, column: column - 1, offset: position };
  };
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (!value || typeof value !== 'object' || typeof (value as AcornNode).type !== 'string') continue;
    const current = value as AcornNode;
    current.start += offset;
    current.end += offset;
    current.range = [current.start, current.end];
    current.loc = { start: at(current.start), end: at(current.end) } as NonNullable<AcornNode['loc']>;
    for (const [key, child] of Object.entries(current)) if (key !== 'loc' && key !== 'range' && child && typeof child === 'object') stack.push(child);
  }
}

export type SyntaxProblem = { readonly line: number; readonly column: number; readonly reason: string };

/** The location and reason of a parse failure, whatever the parser threw. */
export function describeSyntaxError(error: unknown): SyntaxProblem {
  if (error instanceof DocumentSyntaxError) return { line: error.line, column: error.column, reason: error.reason };
  return { line: 1, column: 1, reason: error instanceof Error ? error.message : String(error) };
}
