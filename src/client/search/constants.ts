/** The query parameter that carries search terms to the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';
