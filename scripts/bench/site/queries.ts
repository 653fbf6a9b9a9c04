// The queries of the site benchmark: what an on-call engineer types, taken from the synthetic
// knowledge base itself.
import { parse as parseYaml } from 'yaml';
import { type SyntheticKb } from '../synthetic-kb/index.ts';
import { BenchError } from '../errors.ts';

// ---------------------------------------------------------------------------------------------
// Queries: what an on-call engineer types, taken from the synthetic knowledge base itself.

export type QueryKind = 'alert' | 'symptom' | 'service' | 'error';
export type Query = { readonly text: string; readonly kind: QueryKind };
export type QueryPlan = { readonly first: Query; readonly later: readonly Query[] };

/** Error strings the synthetic runbooks quote; those present in the knowledge base are used. */
export const ERROR_STRINGS = ['OOMKilled', 'SERVFAIL', 'pg_cancel_backend', 'OutOfSync', 'exit code 137'] as const;

export type Frontmatter = { title?: unknown; alerts?: unknown };

/**
 * The first query is an alert name (pasted from the page); then 3 more alert names, 2 symptoms,
 * 2 service names and 3 error strings, spread over the knowledge base, all different.
 */
export function pickQueries(kb: Pick<SyntheticKb, 'files'>): QueryPlan {
  const alerts: string[] = [];
  const titles: string[] = [];
  let services: string[] = [];
  for (const file of kb.files) {
    if (file.path === 'services.yaml') {
      const entries = parseYaml(file.content) as { name?: unknown }[] | null;
      services = (entries ?? []).map((entry) => entry.name).filter((name): name is string => typeof name === 'string');
      continue;
    }
    if (!file.path.startsWith('runbooks/')) continue;
    const match = /^---\n([\s\S]*?)\n---\n/.exec(file.content);
    const data = (match ? parseYaml(match[1] ?? '') : null) as Frontmatter | null;
    if (Array.isArray(data?.alerts)) alerts.push(...data.alerts.filter((alert): alert is string => typeof alert === 'string'));
    if (typeof data?.title === 'string') titles.push(data.title);
  }
  // A runbook title is "<service name> <symptom>[ (n)]": the symptom is what is left.
  const byLength = [...services].sort((a, b) => b.length - a.length);
  const symptoms = unique(
    titles.map((title) => {
      const service = byLength.find((name) => title.startsWith(`${name} `));
      return (service ? title.slice(service.length + 1) : title).replace(/\s*\(\d+\)$/, '');
    }),
  );
  const text = kb.files.map((file) => file.content).join('\n');
  const errors = ERROR_STRINGS.filter((error) => text.includes(error));
  const spread = (items: readonly string[], count: number) =>
    items.length <= count ? [...items] : Array.from({ length: count }, (_, index) => items[Math.floor(((index + 0.5) * items.length) / count)] as string);

  const alertPicks = spread(unique(alerts), 4);
  const first = alertPicks[0];
  if (first === undefined) throw new BenchError('the knowledge base has no runbook with alerts to search for');
  const later: Query[] = [
    ...alertPicks.slice(1).map((alert) => ({ text: alert, kind: 'alert' as const })),
    ...spread(symptoms, 2).map((symptom) => ({ text: symptom, kind: 'symptom' as const })),
    ...spread(services, 2).map((service) => ({ text: service, kind: 'service' as const })),
    ...errors.slice(0, 3).map((error) => ({ text: error, kind: 'error' as const })),
  ];
  const seen = new Set([first]);
  return { first: { text: first, kind: 'alert' }, later: later.filter((query) => !seen.has(query.text) && seen.add(query.text)) };
}

export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
