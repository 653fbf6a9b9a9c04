// Alert lookup: which runbook answers each alert (`/alerts/<Name>/`), and what the 404 page says
// for an alert that has none yet. The 404 page's browser script imports this module, so it
// imports nothing that would carry zod or `astro:*` into the bundle (the alert-name pattern comes
// from its own leaf module, not from the model's index).
import { isAlertName } from '../model/alert-name.ts';

export { isAlertName };

export const ALERTS_URL = '/alerts/';
export const SEARCH_URL = '/search/';
/** The id of the 404 page's JSON data block. */
export const ALERT_LOOKUP_DATA_ID = 'alert-lookup-data';

/**
 * `/alerts/<name>/`, the name percent-encoded except `:`, which a path segment may hold as is
 * (RFC 3986 `pchar`) and which static servers look up literally (sirv does not decode `%3A`).
 */
export function alertUrl(name: string): string {
  return `${ALERTS_URL}${encodeURIComponent(name).replaceAll('%3A', ':')}/`;
}

/** `/search/?q=<text>`: the search page runs `?q=` on arrival. */
export function searchUrl(text: string): string {
  return `${SEARCH_URL}?${new URLSearchParams({ q: text }).toString()}`;
}

/** Case-insensitive first, as a reader scans the list; then by code point, so the order is total. */
export function compareAlertNames(a: string, b: string): number {
  const [lowerA, lowerB] = [a.toLowerCase(), b.toLowerCase()];
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A doc as the site's content gateway has it (a `DocView` fits); only runbooks name alerts. */
export type AlertSource = {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly services: readonly string[];
  readonly severity: string | undefined;
  readonly alerts: readonly string[];
};

/** Display names for ids; an id missing here is shown as itself. */
export type RegistryNames = {
  readonly teams?: ReadonlyMap<string, { readonly name: string }>;
  readonly services?: ReadonlyMap<string, { readonly name: string }>;
};

export type Named = { readonly id: string; readonly name: string };

export type AlertRunbook = {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly owner: Named;
  readonly services: readonly Named[];
  readonly severity: string | undefined;
};

export type AlertEntry = {
  readonly name: string;
  readonly url: string;
  /** Usually one; more means the knowledge base has an `opskb:alerts-unique` error. */
  readonly runbooks: readonly AlertRunbook[];
};

/** Every alert named by a runbook, by name; each with its runbook(s), by id. */
export function alertIndex(docs: readonly AlertSource[], names: RegistryNames = {}): AlertEntry[] {
  const byAlert = new Map<string, Map<string, AlertRunbook>>();
  const named = (id: string, registry: RegistryNames['teams']): Named => ({ id, name: registry?.get(id)?.name ?? id });
  for (const doc of docs) {
    for (const alert of doc.alerts) {
      const runbooks = byAlert.get(alert) ?? new Map<string, AlertRunbook>();
      runbooks.set(doc.id, {
        id: doc.id,
        url: `/${doc.id}/`, // docUrl's rule (a unit test holds them equal); doc-list.ts would bring zod along
        title: doc.title,
        owner: named(doc.owner, names.teams),
        services: doc.services.map((id) => named(id, names.services)),
        severity: doc.severity,
      });
      byAlert.set(alert, runbooks);
    }
  }
  return [...byAlert]
    .map(([name, runbooks]) => ({
      name,
      url: alertUrl(name),
      runbooks: [...runbooks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }))
    .sort((a, b) => compareAlertNames(a.name, b.name));
}

export type AlertPage = {
  readonly entry: AlertEntry;
  /** The runbook to send the reader to; absent when runbooks conflict over the alert. */
  readonly target: AlertRunbook | undefined;
  /** The absolute URL of the target, for `<link rel="canonical">`. */
  readonly canonical: string | undefined;
  /** `0; url=…` for `<meta http-equiv="refresh">`. */
  readonly refresh: string | undefined;
};

/** What `/alerts/<Name>/` shows: a redirect to the one runbook, or the conflicting runbooks. */
export function alertPage(entry: AlertEntry, site: URL | string | undefined): AlertPage {
  const target = entry.runbooks.length === 1 ? entry.runbooks[0] : undefined;
  return {
    entry,
    target,
    canonical: target && site ? new URL(target.url, site).href : target?.url,
    refresh: target && `0; url=${target.url}`,
  };
}

/**
 * The alert name in a `/alerts/<Name>` path (trailing slash optional, `alerts` in any case),
 * percent-decoded; `undefined` for any other path.
 */
export function alertNameFromPath(pathname: string): string | undefined {
  const segment = /^\/alerts\/([^/]+)\/?$/i.exec(pathname)?.[1];
  if (segment === undefined) return undefined;
  let name = segment;
  try {
    name = decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4%A`): show the segment as it came.
  }
  name = name.trim();
  return name === '' ? undefined : name;
}

/**
 * Where to send a reader whose path names a known alert exactly but missed its page: a link that
 * encoded `:` as `%3A`, say. `undefined` when the path is that page already (no redirect loop).
 */
export function knownAlertRedirect(pathname: string, known: readonly string[]): string | undefined {
  const name = alertNameFromPath(pathname);
  if (name === undefined || !known.includes(name)) return undefined;
  const url = alertUrl(name);
  return pathname === url || `${pathname}/` === url ? undefined : url;
}

/** Known alerts spelled like `name` but for case (the exact name too, for a host that missed it). */
export function similarAlerts(name: string, known: readonly string[]): string[] {
  const lower = name.toLowerCase();
  return [...new Set(known.filter((alert) => alert.toLowerCase() === lower))].sort(compareAlertNames);
}

/** `CheckoutHighErrorRate` → `checkout-high-error-rate`, a file name for its runbook. */
export function alertSlug(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** What the 404 page needs to know about the site, embedded in it as a JSON data block. */
export type AlertLookupData = {
  /** Every alert that has a runbook. */
  readonly alerts: readonly string[];
  /** The runbook's required H2 sections, in order. */
  readonly sections: readonly string[];
  readonly severities: readonly string[];
};

/** The data block of the 404 page, from the alert index and the runbook model. */
export function alertLookupData(
  index: readonly AlertEntry[],
  runbookSections: readonly { readonly title: string }[],
  severities: readonly string[],
): AlertLookupData {
  return { alerts: index.map((entry) => entry.name), sections: runbookSections.map((section) => section.title), severities: [...severities] };
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Reads the data block; anything malformed reads as "nothing known", never as an error. */
export function parseAlertLookupData(json: string | null | undefined): AlertLookupData {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    value = undefined;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const list = (key: string) => {
    const item = record[key];
    return isStringList(item) ? item : [];
  };
  return { alerts: list('alerts'), sections: list('sections'), severities: list('severities') };
}

/**
 * JSON for a `<script type="application/json">` block: `<` escaped, so no value can close the
 * element or open a comment, whatever it holds.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

export type MissingRunbook = {
  readonly name: string;
  /** Whether Prometheus would accept the name; only then is there a runbook to write. */
  readonly valid: boolean;
  readonly searchUrl: string;
  readonly suggestions: readonly { readonly name: string; readonly url: string }[];
  readonly filePath: string;
  /** A starting file: frontmatter naming the alert, then the required sections. */
  readonly template: string;
  readonly lintCommand: string;
};

/** The "No runbook for <Name> yet" page: search, the alert spelled right, how to add a runbook. */
export function missingRunbook(name: string, data: AlertLookupData, today: string): MissingRunbook {
  const valid = isAlertName(name);
  const folder = 'content/runbooks/<service-id>';
  const filePath = `${folder}/${valid ? alertSlug(name) : '<what-is-wrong>'}.mdx`;
  const severities = data.severities.length > 0 ? data.severities.join(' | ') : 'severity';
  const template = [
    '---',
    'title: <What is wrong, in a few words>',
    `summary: What to do when ${name} fires.`,
    'owner: <team-id from teams.yaml>',
    'services: [<service-id from services.yaml>]',
    `last_reviewed: ${today}`,
    `alerts: [${name}]`,
    `severity: <${severities}>`,
    '---',
    ...data.sections.flatMap((section) => ['', `## ${section}`]),
    '',
  ].join('\n');
  return {
    name,
    valid,
    searchUrl: searchUrl(name),
    suggestions: similarAlerts(name, data.alerts).map((alert) => ({ name: alert, url: alertUrl(alert) })),
    filePath,
    template,
    lintCommand: `npx opskb lint ${filePath}`,
  };
}

/** The local calendar day, `YYYY-MM-DD`: the reader's "today" for `last_reviewed`. */
export function localDay(clock: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${clock.getFullYear()}-${pad(clock.getMonth() + 1)}-${pad(clock.getDate())}`;
}

/**
 * How alerts link here, with the site's address: a Prometheus rule spells its own name (its
 * annotation templates run before Prometheus adds the `alertname` label, so
 * `{{ $labels.alertname }}` is empty there); Alertmanager's notification templates have the label.
 */
export function alertLinkSnippets(site: URL | string | undefined, example: string): { rule: string; alertmanager: string } {
  const base = new URL(ALERTS_URL, site ?? 'https://kb.example.com').href;
  return {
    rule: [`- alert: ${example}`, '  annotations:', `    runbook_url: ${base}${alertUrl(example).slice(ALERTS_URL.length)}`].join('\n'),
    alertmanager: [
      'route:',
      '  group_by: [alertname]',
      'receivers:',
      '  - name: on-call',
      '    slack_configs:',
      `      - title_link: '${base}{{ .GroupLabels.alertname }}/'`,
    ].join('\n'),
  };
}
