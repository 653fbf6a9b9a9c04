/** The query parameter that carries search terms to the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The class of a section's hidden list of glossary synonyms (src/lib/site/doc-html.ts). */
export const SYNONYMS_CLASS = 'search-synonyms';
