// What MDX and raw HTML a doc may hold, one implementation for the two gates: the opskb:mdx-safety
// lint rule (lint-rules/mdx-safety.ts, whose header documents the policy) and the build, which
// refuses a doc before any of its code is compiled or run (src/integrations/mdx-safety.ts).
import type { Root } from 'mdast';
import type {
  MdxFlowExpression,
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
  MdxjsEsm,
  MdxTextExpression,
} from 'mdast-util-mdx';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { detectSecrets, maskSecret } from '../text/secrets.ts';
import { parseDocument } from './parse.ts';

export const DEFAULT_COMPONENTS = ['Warning', 'Danger', 'Note'] as const;
export const DEFAULT_HTML_ELEMENTS = ['details', 'summary', 'kbd', 'br', 'sub', 'sup', 'abbr'] as const;
export const DEFAULT_IMPORT_SOURCES = ['@opskb/mdx'] as const;

/** Tags that run or load code, or restyle the page: refused whatever `htmlElements` says. */
export const NEVER_ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'link',
  'meta',
  'base',
  'form',
  'template',
  'noscript',
  'svg',
  'math',
]);

/** Attributes whose string value is a URL a browser may navigate to or load. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'data', 'ping']);

const COMPONENT_NAME = /^[A-Z][A-Za-z0-9]*$/;
const HTML_ELEMENT_NAME = /^[a-z][a-z0-9]*$/;

/** A string matching `pattern`; the message names what was expected and what was found. */
const nameField = (expected: string, pattern: RegExp) =>
  z.string({ error: `expected ${expected}` }).regex(pattern, { error: (issue) => `expected ${expected}; found \`${String(issue.input)}\`` });

export const mdxSafetyOptions = z.strictObject({
  components: z
    .array(nameField('a component name such as `Warning` (a capital letter, then letters and digits)', COMPONENT_NAME), {
      error: 'expected a list of component names such as `[Warning, Danger, Note]`',
    })
    .default([...DEFAULT_COMPONENTS]),
  htmlElements: z
    .array(
      nameField('a lowercase HTML tag name such as `details`', HTML_ELEMENT_NAME).refine((name) => !NEVER_ALLOWED_ELEMENTS.has(name), {
        error: (issue) => `\`${String(issue.input)}\` can run or load code in readers' browsers and is never allowed; remove it`,
      }),
      { error: 'expected a list of HTML tag names such as `[details, summary, kbd]`' },
    )
    .default([...DEFAULT_HTML_ELEMENTS]),
  importSources: z
    .array(nameField('a module name such as `@opskb/mdx`', /\S/), { error: "expected a list of module names such as `['@opskb/mdx']`" })
    .default([...DEFAULT_IMPORT_SOURCES]),
});

export type MdxSafetyOptions = z.output<typeof mdxSafetyOptions>;

/** One refused construct: where it starts and what to say. */
export type MdxSafetyFinding = { readonly place: Point | undefined; readonly message: string };

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Expression = MdxFlowExpression | MdxTextExpression;
type EsmStatement = NonNullable<NonNullable<MdxjsEsm['data']>['estree']>['body'][number];

/** Only comments (`/* … *\/`, `// …`) and whitespace; used when the parser left no syntax tree. */
const COMMENTS_ONLY = /^(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*)*$/;
const SNIPPET_LENGTH = 40;

/** Every construct of `tree` that runs code and is not allowed by `options`, in document order. */
export function checkMdxSafety(tree: Root, options: MdxSafetyOptions = mdxSafetyOptions.parse({})): MdxSafetyFinding[] {
  const findings: MdxSafetyFinding[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        findings.push(...checkEsm(node, options));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        findings.push(...checkExpression(node));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        findings.push(...checkElement(node, options));
        break;
      default:
    }
  });
  return findings;
}

function checkExpression(node: Expression): MdxSafetyFinding[] {
  const program = node.data?.estree;
  const commentsOnly = program ? program.body.length === 0 : COMMENTS_ONLY.test(node.value);
  if (commentsOnly) return [];
  return [
    {
      place: node.position?.start,
      message: `JavaScript expression ${code(`{${snippet(node.value)}}`)} is not allowed: MDX expressions run at build time. Write the text literally or put it in backticks.`,
    },
  ];
}

function checkElement(node: JsxElement, options: MdxSafetyOptions): MdxSafetyFinding[] {
  const place = node.position?.start;
  const findings: MdxSafetyFinding[] = [];
  const { name } = node;
  if (name === null) {
    findings.push({
      place,
      message:
        'JSX fragment `<>` is not allowed: fragments are JSX, which runs at build time, and Markdown needs none. Remove `<>` and `</>` and keep what is between them.',
    });
  } else if (/[.:]/.test(name)) {
    findings.push({
      place,
      message: `JSX component ${code(`<${name}>`)} is not allowed: ${componentPolicy(options)}, by their plain name (MDX runs at build time). Remove it.`,
    });
  } else if (/^[a-z]/.test(name) || name.includes('-')) {
    // JSX treats these as HTML tags, not as references to JavaScript values.
    if (NEVER_ALLOWED_ELEMENTS.has(name.toLowerCase())) {
      findings.push({
        place,
        message: `HTML element ${code(`<${name}>`)} is never allowed in docs: it can run or load code, or restyle the page, in readers' browsers. Remove it; to show it as an example, put it in a fenced code block.`,
      });
    } else if (!options.htmlElements.includes(name)) {
      const allowed = options.htmlElements.length === 0 ? 'docs may use no HTML tags' : `docs may use only ${list(options.htmlElements)} from HTML`;
      findings.push({
        place,
        message: `HTML element ${code(`<${name}>`)} is not allowed: ${allowed} (MDX compiles tags to JavaScript). Write Markdown instead, or ask for it to be added to the allowlist.`,
      });
    }
  } else if (!options.components.includes(name)) {
    findings.push({
      place,
      message: `JSX component ${code(`<${name}>`)} is not allowed: ${componentPolicy(options)} (MDX runs at build time). Remove it or ask for it to be added to the allowlist.`,
    });
  }
  for (const attribute of node.attributes) {
    const finding = checkAttribute(attribute, `<${name ?? ''}>`);
    if (finding) findings.push({ place: attribute.position?.start ?? place, message: finding });
  }
  return findings;
}

/** The message for a refused attribute, or undefined when it is a plain string or a bare boolean. */
function checkAttribute(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute, tag: string): string | undefined {
  const on = `on ${code(tag)}`;
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    return `Spread attribute ${code(`{${snippet(attribute.value)}}`)} ${on} is not allowed: it runs JavaScript at build time. Write each attribute out as a plain string, e.g. \`title="…"\`.`;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    return `Event handler attribute ${code(name)} ${on} is not allowed: it runs JavaScript in readers' browsers. Remove it.`;
  }
  if (name.includes(':')) {
    return `Directive attribute ${code(name)} ${on} is not allowed: Astro directives inject raw HTML or ship scripts to readers' browsers. Remove it.`;
  }
  if (value !== null && value !== undefined && typeof value !== 'string') {
    return `Attribute ${code(`${name}={${snippet(value.value)}}`)} ${on} is not allowed: attribute values that are JavaScript expressions run at build time. Use a plain string instead, e.g. ${code(`${name}="…"`)}.`;
  }
  const scheme = typeof value === 'string' && URL_ATTRIBUTES.has(name.toLowerCase()) ? scriptScheme(value) : undefined;
  if (scheme) {
    return `Attribute ${code(name)} ${on} holds a ${code(scheme)} URL, which runs JavaScript in readers' browsers. Link to an https address instead.`;
  }
  return undefined;
}

/** `javascript:` or `vbscript:` when the URL runs script; browsers ignore whitespace and control characters in it. */
function scriptScheme(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return ['javascript:', 'vbscript:'].find((scheme) => compact.startsWith(scheme));
}

function checkEsm(node: MdxjsEsm, options: MdxSafetyOptions): MdxSafetyFinding[] {
  const program = node.data?.estree;
  const base = node.position?.start.offset;
  if (!program || base === undefined) {
    // No syntax tree to tell an allowed import from any other code: refuse the whole block.
    return [
      {
        place: node.position?.start,
        message: `Import/export block ${code(snippet(node.value))} could not be checked: ${importPolicy(options)}. Remove it.`,
      },
    ];
  }
  return program.body
    .map((statement) => {
      const place = statement.loc ? { line: statement.loc.start.line, column: statement.loc.start.column + 1 } : node.position?.start;
      const source = statement.range ? node.value.slice(statement.range[0] - base, statement.range[1] - base) : node.value;
      return { place, message: statement.type === 'ImportDeclaration' ? checkImport(statement, options) : refuseStatement(statement, source) };
    })
    .filter((finding): finding is MdxSafetyFinding => finding.message !== undefined);
}

function checkImport(statement: Extract<EsmStatement, { type: 'ImportDeclaration' }>, options: MdxSafetyOptions): string | undefined {
  const from = String(statement.source.value);
  if (!options.importSources.includes(from)) {
    return `Import from ${code(from)} is not allowed: ${importPolicy(options)}.`;
  }
  if (statement.specifiers.length === 0) {
    return `Import of ${code(from)} for its side effects is not allowed: ${importPolicy(options)}, by name.`;
  }
  const refused = statement.specifiers.flatMap((specifier) => {
    const local = specifier.local.name;
    if (specifier.type === 'ImportDefaultSpecifier') return [`default as ${local}`];
    if (specifier.type === 'ImportNamespaceSpecifier') return [`* as ${local}`];
    const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
    const allowed = options.components.includes(imported) && options.components.includes(local);
    return allowed ? [] : [imported === local ? imported : `${imported} as ${local}`];
  });
  if (refused.length === 0) return undefined;
  return `Import of ${refused.map(code).join(', ')} from ${code(from)} is not allowed: ${importPolicy(options)}.`;
}

function refuseStatement(statement: EsmStatement, source: string): string {
  const what = statement.type.startsWith('Export') ? 'Export' : 'JavaScript statement';
  return `${what} ${code(snippet(source))} is not allowed: docs export nothing, and the code in an export runs at build time. Remove it; put data in the frontmatter.`;
}

function componentPolicy(options: MdxSafetyOptions): string {
  const components = list(options.components);
  return components ? `only ${components} may be used in docs` : 'no JSX components may be used in docs';
}

function importPolicy(options: MdxSafetyOptions): string {
  const components = list(options.components);
  const sources = list(options.importSources, ' or ');
  return components && sources ? `docs may import only ${components} from ${sources}` : 'docs may import nothing';
}

/** `` `a`, `b`, `c` ``; empty when there is nothing to list. */
function list(names: readonly string[], separator = ', '): string {
  return names.map((name) => code(name)).join(separator);
}

/** Source on one line, any secret in it masked, then cut to about 40 characters (a cut secret would escape masking). */
function snippet(source: string): string {
  const masked = detectSecrets(source).reduce((text, match) => text.split(match.value).join(maskSecret(match.value)), source);
  const text = masked.replace(/\s+/g, ' ').trim();
  return text.length <= SNIPPET_LENGTH ? text : `${text.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`;
}

/** A Markdown code span that survives backticks in the text. */
function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const DANGEROUS_TAG = /<\s*(script|iframe|object|embed|frame|frameset|base|form|meta|link|style)\b/i;
const EVENT_HANDLER = /<[^>]*\s(on[a-z]+)\s*=/i;
const SCRIPT_URL = /<[^>]*\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript):/i;

/** Raw HTML of a Markdown doc that would run or load code in readers' browsers. */
export function checkMarkdownHtml(tree: Root): MdxSafetyFinding[] {
  const findings: MdxSafetyFinding[] = [];
  visit(tree, 'html', (node) => {
    const tag = DANGEROUS_TAG.exec(node.value)?.[1]?.toLowerCase();
    const handler = EVENT_HANDLER.exec(node.value)?.[1];
    const scheme = SCRIPT_URL.exec(node.value)?.[1]?.toLowerCase();
    const what = tag ? `\`<${tag}>\`` : handler ? `the event handler \`${handler}\`` : scheme ? `a \`${scheme}:\` URL` : undefined;
    if (!what || !node.position) return;
    findings.push({
      place: node.position.start,
      message: `Raw HTML with ${what} would run or load code in readers' browsers: remove it. Docs are text; link to a dashboard or a page instead.`,
    });
  });
  return findings;
}

/** A construct the build refuses, at its 1-based line and column, its message free of secrets. */
export type RefusedConstruct = { readonly line: number; readonly column: number; readonly message: string };

/**
 * What in the MDX `source` (frontmatter included, as the file holds it) would run as code and is not
 * allowed by `options`. Empty when it does not parse: the MDX compiler then stops on the syntax
 * error itself, before anything runs. Snippets of code in the messages have any secret masked
 * (as the lint rule's have).
 */
export function refusedMdxConstructs(source: string, options: MdxSafetyOptions = mdxSafetyOptions.parse({})): RefusedConstruct[] {
  let tree: Root;
  try {
    tree = parseDocument(source, 'mdx');
  } catch {
    return [];
  }
  return checkMdxSafety(tree, options).map(({ place, message }) => ({ line: place?.line ?? 1, column: place?.column ?? 1, message }));
}
