// /search/: the search box on the page itself; `?q=` runs on arrival, and the URL follows the query.
import { SearchUI } from './search/search-ui.ts';

const root = document.querySelector<HTMLElement>('#search-page');
if (root) {
  const search = new SearchUI(root, { syncUrl: true });
  const query = new URLSearchParams(location.search).get('q');
  if (query) search.setQuery(query);
  search.input.focus();
}
