// Carries `?q=` from the header search form into Pagefind's input, so a search started on any
// page (or from a bookmarked URL) runs on arrival.
const query = new URLSearchParams(window.location.search).get('q');
if (query) {
  customElements.whenDefined('pagefind-input').then(() => {
    const input = document.querySelector<HTMLInputElement>('#search-input input');
    if (!input) return;
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
