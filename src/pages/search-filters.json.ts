// The search UI's filter chips: every filter value of the doc pages and how many pages carry it,
// worked out at build time (Pagefind's `filters()` would load its filter files to answer).
import type { APIRoute } from 'astro';
import { docSearchAttributes, getDocs } from '../lib/content.ts';
import { filterCounts } from '../lib/site/search-index.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(filterCounts((await getDocs()).map((doc) => docSearchAttributes(doc).filters))), {
    headers: { 'Content-Type': 'application/json' },
  });
