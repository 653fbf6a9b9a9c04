// Schemas of the registries under the content root: teams, services, tools, glossary.
import { z } from 'zod';
import { enumField, idField, nonEmptyText, stringList } from './fields.ts';

export const TOOL_KINDS = ['dashboard', 'logs', 'traces', 'paging', 'chat', 'ci', 'other'] as const;
export const SERVICE_TIERS = [1, 2, 3] as const;

const url = z.url({ error: 'expected an absolute URL such as `https://grafana.example.com/d/abc`' });

export const teamSchema = z.strictObject({
  id: idField,
  name: nonEmptyText('the team name'),
  channel: nonEmptyText('the chat channel, e.g. `#payments-oncall`'),
  oncall: nonEmptyText('the on-call rotation name or URL'),
  email: z.email({ error: 'expected an email address' }).optional(),
});

export const serviceSchema = z.strictObject({
  id: idField,
  name: nonEmptyText('the service name'),
  owner: idField,
  tier: z
    .number({ error: 'expected tier 1, 2 or 3 (1 = most critical)' })
    .int({ error: 'expected tier 1, 2 or 3 (1 = most critical)' })
    .min(1, { error: 'expected tier 1, 2 or 3 (1 = most critical)' })
    .max(3, { error: 'expected tier 1, 2 or 3 (1 = most critical)' }),
  description: nonEmptyText('a description'),
  dashboards: z.array(z.strictObject({ tool: idField, url }), { error: 'expected a list of `{tool, url}` dashboards' }).default([]),
  repository: url.optional(),
  depends_on: z.array(idField, { error: 'expected a list of service ids' }).default([]),
});

export const toolSchema = z.strictObject({
  id: idField,
  name: nonEmptyText('the tool name'),
  kind: enumField('kind', TOOL_KINDS),
  url_prefixes: z.array(url, { error: 'expected a list of URL prefixes' }).min(1, { error: 'expected at least one URL prefix' }),
});

export const glossaryTermSchema = z.strictObject({
  term: nonEmptyText('the term'),
  aliases: stringList('alias').default([]),
  definition: nonEmptyText('a definition'),
  see_also: stringList('term').optional(),
});

export type Team = z.output<typeof teamSchema>;
export type Service = z.output<typeof serviceSchema>;
export type Tool = z.output<typeof toolSchema>;
export type GlossaryTerm = z.output<typeof glossaryTermSchema>;

/** The registry files, their entry schemas and the key that identifies an entry. */
export const REGISTRY_SPECS = {
  teams: { file: 'teams.yaml', schema: teamSchema, key: 'id' },
  services: { file: 'services.yaml', schema: serviceSchema, key: 'id' },
  tools: { file: 'tools.yaml', schema: toolSchema, key: 'id' },
  glossary: { file: 'glossary.yaml', schema: glossaryTermSchema, key: 'term' },
} as const;
export type RegistryName = keyof typeof REGISTRY_SPECS;
