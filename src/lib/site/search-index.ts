// What Pagefind indexes about a doc besides its text: filters, meta for result cards, and the
// glossary synonyms of the terms it uses (Pagefind has no synonyms: a doc that says "out of
// memory" gets "OOM OOMKilled" as hidden, lightly weighted text, and the other way round).
import type { GlossaryTerm } from '../model/registry-schemas.ts';
import { reviewLabel, type ReviewState, type ReviewStatus } from '../model/review-status.ts';

export type SynonymGroup = readonly string[];

/** Each glossary term with its aliases: the words that mean the same thing. */
export function synonymGroups(glossary: readonly GlossaryTerm[]): SynonymGroup[] {
  return glossary.map((term) => [term.term, ...term.aliases]).filter((group) => group.length > 1);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Compiled once per variant: a build asks about every section of every doc. */
const variantPatterns = new Map<string, RegExp>();
/** A variant as a pattern: any run of whitespace where it has one (a line break in the text). */
const variantSource = (variant: string) => escape(variant).replace(/\s+/g, '\\s+');
const wholeWord = (pattern: string) => `(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`;
const anyVariantPatterns = new WeakMap<readonly SynonymGroup[], RegExp>();

/**
 * Whether `text` uses `variant`, as a whole word. Acronyms (`PG`, `OOM`, `RTO`) match only in
 * capitals, so "pg" inside a command or "rto" inside a word do not count; other words any case.
 */
export function usesVariant(text: string, variant: string): boolean {
  let pattern = variantPatterns.get(variant);
  if (!pattern) {
    const acronym = /^[A-Z0-9]{2,6}$/.test(variant);
    pattern = new RegExp(wholeWord(variantSource(variant)), acronym ? 'u' : 'iu');
    variantPatterns.set(variant, pattern);
  }
  return pattern.test(text);
}

/** Whether `text` may use a variant of any group (in any case): a cheap test before the exact ones. */
export function mayUseAnyVariant(text: string, groups: readonly SynonymGroup[]): boolean {
  let pattern = anyVariantPatterns.get(groups);
  if (!pattern) {
    const variants = groups.flat().map(variantSource);
    pattern = variants.length === 0 ? /(?!)/ : new RegExp(wholeWord(variants.join('|')), 'iu');
    anyVariantPatterns.set(groups, pattern);
  }
  return pattern.test(text);
}

/** The variants of every group the text uses, minus the ones it already says. */
export function synonymsFor(text: string, groups: readonly SynonymGroup[]): string[] {
  const added = new Set<string>();
  for (const group of groups) {
    const used = group.filter((variant) => usesVariant(text, variant));
    if (used.length === 0) continue;
    for (const variant of group) if (!used.includes(variant)) added.add(variant);
  }
  return [...added];
}

export const REVIEW_FILTER_LABELS: Record<ReviewState, string> = { fresh: 'Fresh', 'due-soon': 'Due soon', overdue: 'Overdue' };

export type SearchAttributes = {
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly meta: Readonly<Record<string, string>>;
};

/** Filters and meta of a doc page; values are what a reader sees (team and service names). */
export function searchAttributes(doc: {
  readonly typeLabel: string;
  readonly ownerName: string;
  readonly serviceNames: readonly string[];
  readonly severity: string | undefined;
  readonly tags: readonly string[];
  readonly review: ReviewStatus;
  readonly lastReviewed: string;
  readonly summary: string;
}): SearchAttributes {
  const filters: Record<string, readonly string[]> = {
    type: [doc.typeLabel],
    owner: [doc.ownerName],
    service: doc.serviceNames,
    review: [REVIEW_FILTER_LABELS[doc.review.state]],
    ...(doc.severity ? { severity: [doc.severity] } : {}),
    ...(doc.tags.length > 0 ? { tag: doc.tags } : {}),
  };
  const meta: Record<string, string> = {
    type: doc.typeLabel,
    owner: doc.ownerName,
    summary: doc.summary,
    last_reviewed: doc.lastReviewed,
    review: reviewLabel(doc.review),
    review_state: doc.review.state,
    ...(doc.serviceNames.length > 0 ? { services: doc.serviceNames.join(', ') } : {}),
    ...(doc.severity ? { severity: doc.severity } : {}),
  };
  return { filters, meta };
}

export type FilterCounts = Record<string, Record<string, number>>;

/**
 * How many pages carry each value of each filter: what Pagefind's `filters()` answers, worked out
 * at build time so that the search UI can show its chips without loading Pagefind's filter files
 * (once those are loaded, Pagefind also counts every filter value on every search).
 */
export function filterCounts(pages: readonly SearchAttributes['filters'][]): FilterCounts {
  const counts: FilterCounts = {};
  for (const filters of pages) {
    for (const [key, values] of Object.entries(filters)) {
      const group = (counts[key] ??= {});
      for (const value of new Set(values)) group[value] = (group[value] ?? 0) + 1;
    }
  }
  return counts;
}
