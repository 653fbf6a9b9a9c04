// The search UI on Pagefind's JS API, used by the search dialog (every page) and /search/:
// results with type, services, owner and review status; filter chips; keyboard navigation;
// deep links into matching sections that highlight the query on arrival. Results come five at a
// time, as in Pagefind's own UI: each shown result costs a request for its fragment, and on a busy
// machine requests do not overlap, so the first five appear sooner than ten would.
//
// Latency, for an engineer who pastes an alert name at 3 a.m.: a pasted or dropped query, Enter,
// and a query from the address bar search at once; only typing waits for a pause, and the index
// chunks of what is typed so far load meanwhile. Each result shows as soon as its fragment
// arrives, in rank order, rather than all five together.
import { orderedFilterGroups, toResultCard, type PagefindFragment, type ResultCard } from '../../lib/site/search-results.ts';

type PagefindResult = { data(): Promise<PagefindFragment> };
type Pagefind = {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  preload(query: string, options?: object): Promise<void>;
  search(query: string | null, options?: object): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
};

/** Results shown at first, and added by each "Show more results". */
const PAGE_SIZE = 5;
/** Typing searches once the keys pause this long (Pagefind's own UI waits 300 ms). */
const TYPING_PAUSE_MS = 150;
/** Input that arrives whole, not key by key: searched at once. */
const WHOLE_QUERY_INPUT = new Set(['insertFromPaste', 'insertFromDrop', 'insertReplacementText']);
/** A search that has shown nothing after this long says so: the host stopped answering. */
const SEARCH_TIMEOUT_MS = 10_000;
/** Fetched when a search finds nothing, to tell "no results" from "the site is down". */
const INDEX_PROBE_URL = '/pagefind/pagefind-entry.json';
const UNREACHABLE = 'The site may be unreachable; reload the page to try again.';
/** Filter values and counts, written at build time (src/pages/search-filters.json.ts). */
const FILTER_COUNTS_URL = '/search-filters.json';
const PRIMARY_FILTERS = new Set(['type', 'review', 'severity']);
let pagefindPromise: Promise<Pagefind> | undefined;

/** Pagefind skips an index file it cannot fetch, so "no results" can mean the host is down. */
async function indexReachable(): Promise<boolean> {
  try {
    return (await fetch(INDEX_PROBE_URL, { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefindPromise ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>)
    .then(async (pagefind) => {
      await pagefind.options({ excerptLength: 22 });
      await pagefind.init();
      return pagefind;
    })
    .catch((error: unknown) => {
      pagefindPromise = undefined; // the next search tries again: the host may be back
      throw error;
    });
  return pagefindPromise;
}

/** The filter chips' values and counts: from the build; from Pagefind's filter files when that is missing. */
async function loadFilterCounts(): Promise<Record<string, Record<string, number>>> {
  try {
    const response = await fetch(FILTER_COUNTS_URL);
    if (response.ok) return (await response.json()) as Record<string, Record<string, number>>;
  } catch {
    // Fall through to Pagefind.
  }
  return (await loadPagefind()).filters();
}

/** Pagefind's excerpt is escaped text with `<mark>`: keep the text and the marks, nothing else. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild;
  const nodes: Node[] = [];
  for (const child of parsed?.childNodes ?? []) {
    if (child.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = child.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(child.textContent ?? ''));
    }
  }
  return nodes;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderCard(card: ResultCard): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-title', card.title);
  link.href = card.url;
  item.append(link);
  const facts = element('p', 'search-result-facts');
  for (const fact of [card.type, card.services, card.owner, card.severity && `severity ${card.severity}`]) {
    if (fact) facts.append(element('span', undefined, fact));
  }
  if (card.review) facts.append(element('span', `badge review-${card.review.state}`, card.review.label));
  item.append(facts);
  const excerpt = element('p', 'search-result-excerpt');
  excerpt.append(...excerptNodes(card.excerpt));
  item.append(excerpt);
  if (card.sections.length > 0) {
    const sections = element('ul', 'search-result-sections');
    for (const section of card.sections) {
      const sectionLink = element('a', undefined, section.title);
      sectionLink.href = section.url;
      const entry = element('li');
      entry.append(sectionLink);
      sections.append(entry);
    }
    item.append(sections);
  }
  return item;
}

export class SearchUI {
  readonly input: HTMLInputElement;
  private readonly filtersBox: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly selected = new Map<string, Set<string>>();
  private readonly more: HTMLButtonElement;
  private filtersRendered = false;
  private generation = 0;
  private results: PagefindResult[] = [];
  private query = '';
  /** A search is under way or waiting for the keys to pause: the results shown are an older query's. */
  private pending = false;

  private readonly options: { syncUrl: boolean };

  constructor(root: HTMLElement, options: { syncUrl: boolean }) {
    this.options = options;
    this.input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    this.filtersBox = root.querySelector<HTMLElement>('.search-filters')!;
    this.status = root.querySelector<HTMLElement>('.search-status')!;
    this.list = root.querySelector<HTMLOListElement>('.search-results')!;
    this.more = element('button', 'search-more', 'Show more results');
    this.more.type = 'button';
    this.more.hidden = true;
    this.more.addEventListener('click', () => void this.showMore());
    this.list.after(this.more);
    this.input.addEventListener('input', (event) => void this.run(event instanceof InputEvent && WHOLE_QUERY_INPUT.has(event.inputType)));
    // Warm up on focus; a failure here is reported by the search that needs it.
    this.input.addEventListener(
      'focus',
      () =>
        void loadPagefind().then(
          () => this.renderFilters(),
          () => undefined,
        ),
      { once: true },
    );
    this.input.addEventListener('keydown', (event) => {
      // Keys that pick a candidate of an input method (Japanese, Chinese…) are not ours.
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.links()[0]?.focus();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (this.input.value.trim() === '') return;
        if (!this.pending) {
          this.links()[0]?.click();
          return;
        }
        // Enter before the results are in searches now, then opens the first result, unless the
        // box was closed or its query changed meanwhile.
        void this.run(true).then((shown) => {
          if (shown && this.input.checkVisibility()) this.links()[0]?.click();
        });
      }
    });
    this.list.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  setQuery(query: string): void {
    this.input.value = query;
    void this.run(true);
  }

  private links(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>('a')];
  }

  private moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = this.links();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[index + 1] : index === 0 ? this.input : links[index - 1];
    next?.focus();
  }

  private async renderFilters(): Promise<void> {
    if (this.filtersRendered) return;
    this.filtersRendered = true;
    const groups = orderedFilterGroups(await loadFilterCounts());
    // The few groups that matter most stay in view; the long ones fold away under "More filters".
    const more = element('details', 'more-filters');
    more.append(element('summary', undefined, 'More filters'));
    for (const group of groups) {
      const box = element('div', 'filter-group');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', `Filter by ${group.label.toLowerCase()}`);
      box.append(element('span', 'filter-label', group.label));
      for (const { value, count } of group.values) {
        const chip = element('button', 'filter-chip', `${value} (${count})`);
        chip.type = 'button';
        chip.setAttribute('aria-pressed', 'false');
        chip.dataset['filter'] = group.key;
        chip.dataset['value'] = value;
        chip.addEventListener('click', () => {
          const values = this.selected.get(group.key) ?? new Set<string>();
          if (values.has(value)) values.delete(value);
          else values.add(value);
          this.selected.set(group.key, values);
          chip.setAttribute('aria-pressed', String(values.has(value)));
          void this.run(true);
        });
        box.append(chip);
      }
      if (PRIMARY_FILTERS.has(group.key)) this.filtersBox.append(box);
      else more.append(box);
    }
    if (more.childElementCount > 1) this.filtersBox.append(more);
  }

  private filterOption(): Record<string, { any: string[] }> {
    const filters: Record<string, { any: string[] }> = {};
    for (const [key, values] of this.selected) if (values.size > 0) filters[key] = { any: [...values] };
    return filters;
  }

  /**
   * Searches for what the box holds: at once, or (`immediate` false) once the keys pause. Resolves
   * true when this search's results were shown, false when a newer one overtook it or it failed.
   */
  private async run(immediate = false): Promise<boolean> {
    const generation = ++this.generation;
    const query = this.input.value.trim();
    if (this.options.syncUrl) {
      const url = new URL(location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }
    const filters = this.filterOption();
    if (query === '' && Object.keys(filters).length === 0) {
      this.results = [];
      this.pending = false;
      this.list.replaceChildren();
      this.list.removeAttribute('aria-busy');
      this.more.hidden = true;
      this.status.textContent = '';
      return false;
    }
    this.pending = true;
    this.more.hidden = true;
    this.list.setAttribute('aria-busy', 'true');
    this.status.textContent = 'Searching…';
    let pagefind: Pagefind;
    try {
      pagefind = await loadPagefind();
    } catch {
      if (generation === this.generation)
        this.fail(`Search is not available: the search index did not load (on a new checkout, run \`npm run build\`). ${UNREACHABLE}`);
      return false;
    }
    void this.renderFilters();
    if (!immediate) {
      if (query !== '') void pagefind.preload(query, { filters }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
      if (generation !== this.generation) return false;
    }
    const timeout = setTimeout(() => {
      if (generation !== this.generation) return;
      this.generation += 1;
      this.fail(`No answer from the site after ${SEARCH_TIMEOUT_MS / 1000} s. ${UNREACHABLE}`);
    }, SEARCH_TIMEOUT_MS);
    try {
      const search = await pagefind.search(query === '' ? null : query, { filters });
      if (generation !== this.generation) return false;
      if (search.results.length === 0 && !(await indexReachable())) {
        if (generation === this.generation) this.fail(`The search index did not load. ${UNREACHABLE}`);
        return false;
      }
      // Fragments load together; each card shows once it and every card above it are in.
      const fragments = search.results.slice(0, PAGE_SIZE).map((result) => result.data());
      for (const fragment of fragments) fragment.catch(() => undefined); // those not awaited after a newer search or a failure
      let shown = 0;
      for (const fragment of fragments) {
        const card = renderCard(toResultCard(await fragment, query));
        if (generation !== this.generation) return false;
        if (shown === 0) this.list.replaceChildren(card);
        else this.list.append(card);
        shown += 1;
      }
      if (generation !== this.generation) return false;
      if (shown === 0) this.list.replaceChildren();
      this.results = search.results;
      this.query = query;
      this.pending = false;
      this.list.setAttribute('aria-busy', 'false');
      this.showCount();
      return true;
    } catch (error) {
      if (generation === this.generation) this.fail(`Search failed: ${(error as Error).message || String(error)}. ${UNREACHABLE}`);
      return false;
    } finally {
      clearTimeout(timeout);
    }
  }

  private fail(message: string): void {
    this.pending = false;
    this.results = [];
    this.list.replaceChildren();
    this.list.setAttribute('aria-busy', 'false');
    this.more.hidden = true;
    this.status.textContent = message;
  }

  /** The next five results, after the ones shown; focus moves to the first of them. */
  private async showMore(): Promise<void> {
    if (this.pending) return;
    const generation = this.generation;
    const results = this.results;
    const shown = this.list.childElementCount;
    let fragments: PagefindFragment[];
    try {
      fragments = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    } catch (error) {
      if (generation === this.generation) this.status.textContent = `Could not load more results: ${(error as Error).message || String(error)}. ${UNREACHABLE}`;
      return;
    }
    if (generation !== this.generation || results !== this.results || this.list.childElementCount !== shown) return;
    const cards = fragments.map((fragment) => renderCard(toResultCard(fragment, this.query)));
    this.list.append(...cards);
    this.showCount();
    cards[0]?.querySelector('a')?.focus();
  }

  private showCount(): void {
    const total = this.results.length;
    const shown = this.list.childElementCount;
    this.more.hidden = shown >= total;
    this.status.textContent =
      total === 0
        ? `No results for “${this.query}”. Try fewer words, the alert name, or an error string as it appears in logs.`
        : `${total} result${total === 1 ? '' : 's'}${total > shown ? `, showing the first ${shown}` : ''}`;
  }
}
