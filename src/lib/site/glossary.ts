// The glossary page's entries: terms in alphabetical order, each at its own anchor, with its
// see-also references resolved to the anchors of the terms they name (unknown ones stay text).
import GithubSlugger from 'github-slugger';
import type { GlossaryTerm } from '../model/registry-schemas.ts';

export type GlossaryEntry = {
  readonly term: string;
  readonly slug: string;
  readonly aliases: readonly string[];
  readonly definition: string;
  /** `slug` is undefined for a reference to a term the glossary does not have. */
  readonly seeAlso: readonly { readonly term: string; readonly slug: string | undefined }[];
};

export function glossaryEntries(glossary: readonly GlossaryTerm[]): GlossaryEntry[] {
  const slugger = new GithubSlugger();
  const sorted = [...glossary].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const slugs = sorted.map((term) => slugger.slug(term.term));
  const slugOf = new Map(sorted.map((term, index) => [term.term.toLowerCase(), slugs[index]]));
  return sorted.map((term, index) => ({
    term: term.term,
    slug: slugs[index] ?? '',
    aliases: term.aliases,
    definition: term.definition,
    seeAlso: (term.see_also ?? []).map((other) => ({ term: other, slug: slugOf.get(other.toLowerCase()) })),
  }));
}
