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
import { loadRegistries } from '../kb/registries.ts';
import { REGISTRY_SPECS } from '../model/registries.ts';
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
  return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: columns ? `Table: ${columns}` : 'Table' }, children: [] };
}

const HEADING = /^h[2-6]$/;

/** Where a section's hidden synonym list goes: before the heading of the next section, or at the end. */
export type SynonymList = { readonly before: Element | undefined; readonly list: Element };

/**
 * For each section (the content up to the next heading, and the text before the first one) that
 * uses a glossary term, a hidden list of its other names, lightly weighted for Pagefind.
 * `data-terms` keeps the words the section does use, for highlighting on arrival.
 */
export function sectionSynonyms(root: Root, groups: readonly SynonymGroup[]): SynonymList[] {
  const lists: SynonymList[] = [];
  let section: RootContent[] = [];
  const close = (before: Element | undefined) => {
    const text = section.map(textOf).join(' ');
    section = [];
    const synonyms = synonymsFor(text, groups);
    if (synonyms.length === 0) return;
    const used = groups.flat().filter((variant) => !synonyms.includes(variant) && usesVariant(text, variant));
    lists.push({
      before,
      list: {
        type: 'element',
        tagName: 'p',
        properties: { hidden: true, className: [SYNONYMS_CLASS], dataPagefindWeight: '0.5', dataTerms: used.join('|') },
        children: [{ type: 'text', value: synonyms.join(' · ') }],
      },
    });
  };
  for (const child of root.children) {
    if (child.type === 'element' && HEADING.test(child.tagName)) close(child);
    section.push(child);
  }
  close(undefined);
  return lists;
}

/**
 * The Sätteri plugins of a doc page. The synonym plugin reads the whole tree, so it runs only on
 * docs whose source may use a glossary term (one cheap test of the source first).
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
  const synonyms = (groups: readonly SynonymGroup[]): HastPluginDefinition => ({
    name: 'opskb-section-synonyms',
    after(root, context) {
      for (const { before, list } of sectionSynonyms(root, groups)) {
        if (before) context.insertBefore(before, list);
        else context.appendChild(root, list);
      }
    },
  });
  return [
    (context) => (context.source.includes('|') ? tables : null),
    (context) => {
      const groups = options.groups();
      return mayUseAnyVariant(context.source, groups) ? synonyms(groups) : null;
    },
  ];
}
