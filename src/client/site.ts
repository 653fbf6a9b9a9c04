// Every page: the search dialog (`/` or Ctrl/⌘-K, or the header search box) and the theme toggle.
import { SearchUI } from './search/search-ui.ts';

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');
let dialogSearch: SearchUI | undefined;

function openSearch(query = ''): void {
  if (!dialog) return;
  dialogSearch ??= new SearchUI(dialog, { syncUrl: false });
  if (!dialog.open) dialog.showModal();
  if (query) dialogSearch.setQuery(query);
  dialogSearch.input.focus();
  dialogSearch.input.select();
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

document.addEventListener('keydown', (event) => {
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (commandK || (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target))) {
    event.preventDefault();
    // The search page has its own box: the keys go there instead of opening the dialog over it.
    const pageBox = document.querySelector<HTMLInputElement>('#search-page input[type="search"]');
    if (pageBox) {
      pageBox.focus();
      pageBox.select();
    } else {
      openSearch();
    }
  }
});

// The header form goes to /search/ without JavaScript; with it, it opens the dialog in place.
const headerForm = document.querySelector<HTMLFormElement>('.header-search');
headerForm?.addEventListener('submit', (event) => {
  if (!dialog || document.querySelector('#search-page')) return;
  event.preventDefault();
  openSearch(new FormData(headerForm).get('q')?.toString() ?? '');
});
dialog?.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
// Escape closes at once: a search box would otherwise spend the first press clearing its text.
dialog?.addEventListener(
  'keydown',
  (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialog.close();
  },
  { capture: true },
);
dialog?.addEventListener('click', (event) => {
  if (event.target === dialog) dialog.close(); // a click on the backdrop
});

// Theme: follows the OS until the reader picks one; the choice is remembered.
const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
function currentTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
function labelToggle(): void {
  if (!toggle) return;
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  toggle.setAttribute('aria-label', `Switch to ${next} theme`);
  toggle.textContent = next === 'dark' ? '☾' : '☀';
}
toggle?.addEventListener('click', () => {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset['theme'] = next;
  try {
    localStorage.setItem('opskb-theme', next);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
  labelToggle();
});
if (toggle) toggle.hidden = false;
labelToggle();
