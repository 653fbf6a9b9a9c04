// What other files need to know about a doc, read without a full Markdown parse: its frontmatter
// (alerts, title) and its headings' anchors, slugged the way the site slugs them.
import GithubSlugger from 'github-slugger';
import { parseYaml, type Position } from '../markdown/yaml.ts';

export type AlertFact = Position & { readonly name: string };
export type HeadingFact = { readonly text: string; readonly slug: string; readonly line: number };

export type DocFacts = {
  readonly title: string | undefined;
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

export function extractDocFacts(text: string): DocFacts {
  const match = FRONTMATTER.exec(text);
  let title: string | undefined;
  const alerts: AlertFact[] = [];
  let bodyStartLine = 1;
  if (match) {
    bodyStartLine = match[0].split('\n').length;
    const yaml = parseYaml(match[1] ?? '');
    const data = yaml.value as Record<string, unknown> | undefined;
    if (data && typeof data === 'object') {
      if (typeof data['title'] === 'string') title = data['title'];
      const list = data['alerts'];
      if (Array.isArray(list)) {
        list.forEach((name: unknown, index) => {
          if (typeof name !== 'string') return;
          const position = yaml.positionOf(['alerts', index]);
          alerts.push({ name, line: position.line + 1, column: position.column });
        });
      }
    }
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
  return { title, alerts, headings };
}
