// Doc pages: a copy button on every code block (copies the commands without prompts), and the
// search terms highlighted when the reader arrived from a search result (`?highlight=`).
import { copyableText } from '../lib/site/copy-text.ts';
import { HIGHLIGHT_PARAM, SYNONYMS_CLASS } from './search/constants.ts';

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (no permission, plain http on a LAN address): fall back.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

for (const pre of document.querySelectorAll<HTMLPreElement>('.doc-body pre')) {
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.append(pre);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code to the clipboard');
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('aria-live', 'polite');
  button.addEventListener('click', async () => {
    await copy(copyableText(pre.textContent ?? '', pre.dataset['language']));
    button.textContent = 'Copied';
    status.textContent = 'Copied to the clipboard';
    setTimeout(() => {
      button.textContent = 'Copy';
      status.textContent = '';
    }, 1500);
  });
  wrapper.append(button, status);
}

/**
 * A search for a glossary alias ("OOM") matched the hidden synonym list of a section that says
 * "out of memory": highlight what the section says, which the reader can see. Adds those words
 * to the URL's highlight terms, where Pagefind's highlighter reads them.
 */
function addSynonymTerms(): void {
  const params = new URLSearchParams(location.search);
  const terms = params.getAll(HIGHLIGHT_PARAM);
  const lists = [...document.querySelectorAll<HTMLElement>(`.doc .${SYNONYMS_CLASS}`)];
  const added = new Set<string>();
  for (const list of lists) {
    const words = (list.textContent ?? '').split(' · ').map((word) => word.trim().toLowerCase());
    if (!terms.some((term) => words.includes(term.trim().toLowerCase()))) continue;
    for (const used of (list.dataset['terms'] ?? '').split('|')) if (used && !terms.includes(used)) added.add(used);
  }
  if (added.size === 0) return;
  for (const term of added) params.append(HIGHLIGHT_PARAM, term);
  history.replaceState(history.state, '', `${location.pathname}?${params.toString()}${location.hash}`);
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  addSynonymTerms();
  const url = '/pagefind/pagefind-highlight.js';
  import(/* @vite-ignore */ url)
    .then(({ default: PagefindHighlight }: { default: new (options: object) => unknown }) => {
      new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
      if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
    })
    .catch(() => {
      // No search index (a dev server without a build): the page reads fine without highlights.
    });
}
