// Turns Pagefind's result data into what a result card shows, and carries the query to the page
// it opens so the terms are highlighted there.
import { HIGHLIGHT_PARAM } from '../../client/search/constants.ts';

/** The parts of Pagefind's `PagefindSearchFragment` we use. */
export type PagefindFragment = {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly sub_results?: readonly { readonly title: string; readonly url: string; readonly excerpt?: string }[];
};

export type ResultCard = {
  readonly title: string;
  readonly url: string;
  readonly type: string | undefined;
  readonly services: string | undefined;
  readonly owner: string | undefined;
  readonly severity: string | undefined;
  readonly review: { readonly label: string; readonly state: string } | undefined;
  /** Pagefind's excerpt: HTML-escaped text with `<mark>` around matches. */
  readonly excerpt: string;
  /** Sections of the page that match, deep-linked (`/runbooks/x/?highlight=…#diagnosis`). */
  readonly sections: readonly { readonly title: string; readonly url: string }[];
};

/** `/runbooks/x/#diagnosis` + `oom killed` → `/runbooks/x/?highlight=oom%20killed#diagnosis` */
export function withHighlight(url: string, query: string): string {
  const terms = query.trim();
  if (terms === '') return url;
  const [path = '', hash] = url.split('#');
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}${HIGHLIGHT_PARAM}=${encodeURIComponent(terms)}${hash === undefined ? '' : `#${hash}`}`;
}

export function toResultCard(fragment: PagefindFragment, query: string, maxSections = 3): ResultCard {
  const meta = fragment.meta;
  const pageUrl = fragment.url.split('#')[0];
  const sections = (fragment.sub_results ?? [])
    .filter((sub) => sub.url.includes('#') && sub.url.split('#')[0] === pageUrl)
    .slice(0, maxSections)
    .map((sub) => ({ title: sub.title, url: withHighlight(sub.url, query) }));
  return {
    title: meta['title'] ?? fragment.url,
    url: withHighlight(fragment.url, query),
    type: meta['type'],
    services: meta['services'],
    owner: meta['owner'],
    severity: meta['severity'],
    review: meta['review'] && meta['review_state'] ? { label: meta['review'], state: meta['review_state'] } : undefined,
    excerpt: fragment.excerpt,
    sections,
  };
}

/** The order filter groups appear in, and their labels; others follow alphabetically. */
export const FILTER_LABELS: Readonly<Record<string, string>> = {
  type: 'Type',
  review: 'Review',
  severity: 'Severity',
  service: 'Service',
  owner: 'Owner',
  tag: 'Tag',
};

export function orderedFilterGroups(
  filters: Readonly<Record<string, Readonly<Record<string, number>>>>,
): { key: string; label: string; values: { value: string; count: number }[] }[] {
  const known = Object.keys(FILTER_LABELS);
  return Object.keys(filters)
    .sort((a, b) => (known.includes(a) ? known.indexOf(a) : 99) - (known.includes(b) ? known.indexOf(b) : 99) || a.localeCompare(b))
    .map((key) => ({
      key,
      label: FILTER_LABELS[key] ?? key,
      values: Object.entries(filters[key] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => a.value.localeCompare(b.value)),
    }))
    .filter((group) => group.values.length > 0);
}
