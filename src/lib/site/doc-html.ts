// Build-time changes to a doc's HTML, as Sätteri hast plugins (Astro 7's Markdown and MDX
// processor; remark and rehype plugins do not run there):
// - a wide table scrolls inside a region that keyboard users can focus (WCAG: scrollable regions);
// - each section gets the glossary synonyms of the terms it uses, hidden, for Pagefind: a search
//   for "OOM" then lands on the section that says "out of memory", not on the end of the page.
// The decisions are pure functions of the tree, tested on their own; the plugins only apply them.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';
import { SYNONYMS_CLASS } from '../../client/search/constants.ts';
import { bodyStartLine, extractDocFacts } from '../kb/doc-facts.ts';
import { loadRegistries } from '../kb/load-registries.ts';
import { normalizeHeading, REGISTRY_SPECS } from '../model/index.ts';
import { mayUseAnyVariant, synonymGroups, synonymsFor, usesVariant, type SynonymGroup } from './search-index.ts';

let glossary: { key: string; groups: readonly SynonymGroup[] } | undefined;

/** The glossary's synonym groups, read again only when glossary.yaml changes (`astro dev` edits). */
export function glossarySynonymGroups(contentDir: string): readonly SynonymGroup[] {
  const file = join(contentDir, REGISTRY_SPECS.glossary.file);
  const key = `${file}:${statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 'none'}`;
  if (glossary?.key !== key) glossary = { key, groups: synonymGroups(loadRegistries(contentDir).glossary) };
  return glossary.groups;
}

function textOf(node: Root | ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

/** The region a table scrolls in: focusable, and named by the table's header cells. */
export function tableRegion(table: Element): Element {
  const cells: string[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th') cells.push(textOf(child).trim());
      else if (child.tagName !== 'tbody') visit(child);
    }
  };
  visit(table);
  const columns = cells.filter(Boolean).join(', ');
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: columns ? `Table: ${columns}` : 'Table' },
    children: [],
  };
}

/** A hidden list of synonyms and the heading of the section it belongs to (undefined: before the first). */
export type SectionList = { readonly heading: string | undefined; readonly list: Element };

/**
 * For each section of a doc's Markdown `source` (the text under a heading, and the text before the
 * first one) that uses a glossary term, a hidden list of the term's other names, lightly weighted
 * for Pagefind. `data-terms` keeps the words the section does use, for highlighting on arrival.
 * Read from the source, so the build never hands a whole tree to JavaScript for it.
 */
export function sectionSynonymLists(source: string, groups: readonly SynonymGroup[]): SectionList[] {
  const lines = source.split(/\r?\n/);
  const bodyStart = bodyStartLine(source) - 1;
  const { headings } = extractDocFacts(source);
  const bounds = [{ heading: undefined as string | undefined, from: bodyStart }, ...headings.map((heading) => ({ heading: heading.text, from: heading.line }))];
  const lists: SectionList[] = [];
  bounds.forEach(({ heading, from }, index) => {
    const to = bounds[index + 1] ? bounds[index + 1]!.from - 1 : lines.length;
    const text = lines.slice(from, to).join('\n');
    const synonyms = synonymsFor(text, groups);
    if (synonyms.length === 0) return;
    const used = groups.flat().filter((variant) => !synonyms.includes(variant) && usesVariant(text, variant));
    lists.push({
      heading,
      list: {
        type: 'element',
        tagName: 'p',
        properties: { hidden: true, className: [SYNONYMS_CLASS], dataPagefindWeight: '0.5', dataTerms: used.join('|') },
        children: [{ type: 'text', value: synonyms.join(' · ') }],
      },
    });
  });
  return lists;
}

/**
 * The Sätteri plugins of a doc page. Only the elements they change cross from Sätteri to
 * JavaScript (tables, headings), and only in docs that have a table or use a glossary term.
 */
export function docHastPlugins(options: { groups: () => readonly SynonymGroup[] }): HastPluginEntry[] {
  const tables: HastPluginDefinition = {
    name: 'opskb-scrollable-tables',
    element: {
      filter: ['table'],
      visit(table, context) {
        context.wrapNode(table, tableRegion(table));
      },
    },
  };
  // Each list goes right after its section's heading (Pagefind files it under that heading's
  // anchor); the one for the text before the first heading, before that heading.
  const synonyms = (lists: readonly SectionList[]): HastPluginDefinition => {
    const intro = lists.find((entry) => entry.heading === undefined)?.list;
    const byHeading = new Map<string, Element[]>();
    for (const { heading, list } of lists) {
      if (heading !== undefined) byHeading.set(normalizeHeading(heading), [...(byHeading.get(normalizeHeading(heading)) ?? []), list]);
    }
    let first = true;
    return {
      name: 'opskb-section-synonyms',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(heading, context) {
          if (first && intro) context.insertBefore(heading, intro);
          first = false;
          const list = byHeading.get(normalizeHeading(context.textContent(heading)))?.shift();
          if (list) context.insertAfter(heading, list);
        },
      },
    };
  };
  return [
    (context) => (context.source.includes('|') ? tables : null),
    (context) => {
      const groups = options.groups();
      const lists = mayUseAnyVariant(context.source, groups) ? sectionSynonymLists(context.source, groups) : [];
      return lists.length > 0 ? synonyms(lists) : null;
    },
  ];
}
