// What other files need to know about a doc, read without a full Markdown parse: its frontmatter
// (its alerts) and its headings' anchors, slugged the way the site slugs them.
import GithubSlugger from 'github-slugger';
import { parseYaml, type Position } from '../markdown/yaml.ts';
import { isAlertName } from '../model/alert-name.ts';

export type AlertFact = Position & { readonly name: string };
export type HeadingFact = { readonly text: string; readonly slug: string; readonly line: number };

export type DocFacts = {
  readonly alerts: readonly AlertFact[];
  readonly headings: readonly HeadingFact[];
};

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Heading text as rendered: inline code, emphasis and link syntax removed. */
export function headingText(source: string): string {
  return source
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__|\*|_|~~)(.+?)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    .trim();
}

/**
 * The alerts of a frontmatter written the usual ways (`alerts: [A, B]`, or one `- A` per line),
 * with their positions, without a YAML parse; undefined for anything else (the caller parses).
 */
export function scanAlerts(frontmatter: string): AlertFact[] | undefined {
  const lines = frontmatter.split(/\r?\n/);
  const index = lines.findIndex((line) => /^alerts\s*:/.test(line));
  if (index === -1) return /^\s+alerts\s*:/m.test(frontmatter) ? undefined : [];
  const line = lines[index] ?? '';
  const rest = line.slice(line.indexOf(':') + 1);
  const alerts: AlertFact[] = [];
  if (/^\s*\[[^\]#'"]*\]\s*$/.test(rest)) {
    const open = line.indexOf('[');
    let offset = open + 1;
    for (const part of line.slice(open + 1, line.lastIndexOf(']')).split(',')) {
      const name = part.trim();
      if (name !== '') {
        if (!isAlertName(name)) return undefined;
        alerts.push({ name, line: index + 2, column: offset + part.indexOf(name) + 1 });
      }
      offset += part.length + 1;
    }
    return alerts;
  }
  if (rest.trim() !== '') return undefined;
  let indent: string | undefined;
  for (let next = index + 1; next < lines.length; next += 1) {
    const item = /^(\s*)- +(\S+)\s*$/.exec(lines[next] ?? '');
    if (!item) {
      if (/^\s+\S/.test(lines[next] ?? '') || /^-/.test(lines[next] ?? '')) return undefined;
      break;
    }
    indent ??= item[1];
    if (item[1] !== indent) return undefined;
    const name = item[2] ?? '';
    if (!isAlertName(name)) return undefined;
    alerts.push({ name, line: next + 2, column: (lines[next] ?? '').indexOf(name) + 1 });
  }
  return alerts;
}

/** The 1-based line the body starts on, after the frontmatter (1 without one). */
function bodyLineAfter(frontmatter: RegExpExecArray | null): number {
  return frontmatter ? frontmatter[0].split('\n').length : 1;
}

export function bodyStartLine(text: string): number {
  return bodyLineAfter(FRONTMATTER.exec(text));
}

export function extractDocFacts(text: string): DocFacts {
  const match = FRONTMATTER.exec(text);
  let alerts: AlertFact[] = [];
  const bodyStartLine = bodyLineAfter(match);
  if (match) {
    const scanned = scanAlerts(match[1] ?? '');
    if (scanned) alerts = scanned;
    else alerts = parseAlerts(match[1] ?? '');
  }

  const headings: HeadingFact[] = [];
  const slugger = new GithubSlugger();
  const lines = text.split(/\r?\n/);
  let fence: string | undefined;
  for (let index = bodyStartLine - 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      const rendered = headingText(heading[2] ?? '');
      headings.push({ text: rendered, slug: slugger.slug(rendered), line: index + 1 });
    }
  }
  return { alerts, headings };
}

/** The alerts of any frontmatter, through a full YAML parse. */
export function parseAlerts(frontmatter: string): AlertFact[] {
  const yaml = parseYaml(frontmatter);
  const list = (yaml.value as Record<string, unknown> | undefined)?.['alerts'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((name: unknown, index) => {
    if (typeof name !== 'string') return [];
    const position = yaml.positionOf(['alerts', index]);
    return [{ name, line: position.line + 1, column: position.column }];
  });
}
