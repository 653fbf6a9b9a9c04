// The 404 page on `/alerts/<Name>/`: an alert without a runbook. Fills the page's hidden
// "No runbook for <Name> yet" part from the path (or goes to the alert's page when the path only
// spelled a known name differently, `%3A` for `:`). The name comes from the address bar, so it is
// only ever set as text (textContent, attributes), never parsed as HTML.
import { ALERT_LOOKUP_DATA_ID, alertNameFromPath, knownAlertRedirect, localDay, missingRunbook, parseAlertLookupData } from '../lib/site/alerts.ts';

const data = parseAlertLookupData(document.getElementById(ALERT_LOOKUP_DATA_ID)?.textContent);
const redirect = knownAlertRedirect(window.location.pathname, data.alerts);
const name = alertNameFromPath(window.location.pathname);
const page = document.getElementById('missing-runbook');
if (redirect) {
  window.location.replace(redirect);
} else if (name !== undefined && page) {
  const model = missingRunbook(name, data, localDay(new Date()));

  const fill = (selector: string, text: string) => {
    for (const element of page.querySelectorAll(selector)) element.textContent = text;
  };
  fill('[data-alert-name]', model.name);
  fill('[data-file-path]', model.filePath);
  fill('[data-template]', model.template);
  fill('[data-lint-command]', model.lintCommand);
  for (const link of page.querySelectorAll<HTMLAnchorElement>('a[data-search-link]')) link.href = model.searchUrl;

  const suggestions = document.getElementById('missing-runbook-suggestions');
  const list = suggestions?.querySelector('[data-suggestions]');
  if (suggestions && list && model.suggestions.length > 0) {
    model.suggestions.forEach((suggestion, index) => {
      if (index > 0) list.append(' or ');
      const link = document.createElement('a');
      link.href = suggestion.url;
      const code = document.createElement('code');
      code.textContent = suggestion.name;
      link.append(code);
      list.append(link);
    });
    suggestions.hidden = false;
  }
  document.getElementById('missing-runbook-invalid')?.toggleAttribute('hidden', model.valid);
  document.getElementById('missing-runbook-howto')?.toggleAttribute('hidden', !model.valid);

  // Prefill the header's search box, so one key press searches for the alert.
  for (const input of document.querySelectorAll<HTMLInputElement>('form[action="/search/"] input[name="q"]')) input.value = model.name;

  document.title = `No runbook for ${model.name} yet · opskb`;
  document.getElementById('not-found')?.setAttribute('hidden', '');
  page.hidden = false;
}
