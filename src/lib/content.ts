// The site's one gateway to content: collections and registries are queried here, nowhere else.
import { getCollection, type CollectionEntry } from 'astro:content';
import { join, relative, resolve } from 'node:path';
import { resolveContentDir } from './kb/content-dir.ts';
import { listDocFiles } from './kb/knowledge-base.ts';
import { loadConfig } from './kb/config.ts';
import { loadRegistries, type Registries } from './kb/load-registries.ts';
import type { OpskbConfig } from './model/config.ts';
import { searchAttributes, synonymGroups, synonymsFor, type SearchAttributes } from './site/search-index.ts';
import { DOC_TYPE_SPECS, DOC_TYPES, type DocType } from './model/doc-types.ts';
import type { Service, Team } from './model/registry-schemas.ts';
import { reviewStatus, type ReviewStatus } from './model/review-status.ts';
import { docUrl, type DocSummary } from './site/doc-list.ts';
import type { Gameday } from './model/frontmatter.ts';
import { localToday } from './model/today.ts';

export type DocEntry = CollectionEntry<DocType>;

export type DocView = DocSummary & {
  readonly entry: DocEntry;
  readonly services: readonly string[];
  readonly tags: readonly string[];
  readonly alerts: readonly string[];
  readonly severity: string | undefined;
  readonly review: ReviewStatus;
};

/** The day the site was built: review badges are as of this day. */
export const buildDay = localToday();

let docsCache: Promise<DocView[]> | undefined;
let registriesCache: Registries | undefined;
let configCache: OpskbConfig | undefined;

/** Memoised for a build; under `astro dev` every request reads the live collections (edits show). */
const memoise = import.meta.env.PROD;

export function getDocs(): Promise<DocView[]> {
  if (!memoise) docsCache = undefined;
  // Only types with docs are queried: Astro warns about every empty collection.
  const contentDir = resolveContentDir();
  const present = DOC_TYPES.filter((type) => listDocFiles(join(contentDir, DOC_TYPE_SPECS[type].folder)).length > 0);
  docsCache ??= Promise.all(present.map((type) => getCollection(type))).then((lists) => lists.flat().map((entry) => toView(entry as DocEntry)));
  return docsCache;
}

export function getRegistries(): Registries {
  if (!memoise) registriesCache = undefined;
  registriesCache ??= loadRegistries(resolveContentDir());
  return registriesCache;
}

export function getConfig(): OpskbConfig {
  if (!memoise) configCache = undefined;
  configCache ??= loadConfig(resolveContentDir()).config;
  return configCache;
}

export function findTeam(id: string): Team | undefined {
  return getRegistries().teams.get(id);
}

export function findService(id: string): Service | undefined {
  return getRegistries().services.get(id);
}

function toView(entry: DocEntry): DocView {
  const type = entry.collection;
  const data = entry.data;
  const view = {
    id: entry.id,
    type,
    title: data.title,
    summary: data.summary,
    owner: data.owner,
    lastReviewed: data.last_reviewed,
    services: data.services ?? [],
    tags: data.tags ?? [],
    alerts: 'alerts' in data ? (data.alerts ?? []) : [],
    severity: 'severity' in data ? data.severity : undefined,
    entry,
  };
  return { ...view, review: reviewStatus({ type, lastReviewed: data.last_reviewed, reviewEvery: data.review_every }, buildDay) };
}

export type DocPresentation = {
  readonly typeLabel: string;
  readonly team: Team | undefined;
  readonly services: readonly { id: string; name: string; tier: number | undefined }[];
  readonly search: SearchAttributes;
  /** Glossary variants of the terms the doc uses, for search (hidden, lightly weighted). */
  readonly synonyms: readonly string[];
  readonly editUrl: string | undefined;
};

/** What Pagefind indexes about a doc besides its text: its filters and the meta of its result card. */
export function docSearchAttributes(doc: DocView): SearchAttributes {
  return searchAttributes({
    typeLabel: DOC_TYPE_SPECS[doc.type].label,
    ownerName: findTeam(doc.owner)?.name ?? doc.owner,
    serviceNames: doc.services.map((id) => findService(id)?.name ?? id),
    severity: doc.severity,
    tags: doc.tags,
    review: doc.review,
    lastReviewed: doc.lastReviewed,
    summary: doc.summary,
  });
}

/** Everything the doc page shows about a doc besides its body. */
export function presentDoc(doc: DocView): DocPresentation {
  const team = findTeam(doc.owner);
  const services = doc.services.map((id) => {
    const service = findService(id);
    return { id, name: service?.name ?? id, tier: service?.tier };
  });
  const typeLabel = DOC_TYPE_SPECS[doc.type].label;
  const search = docSearchAttributes(doc);
  const text = [doc.title, doc.summary].join('\n');
  const synonyms = synonymsFor(text, synonymGroups(getRegistries().glossary));
  const pattern = getConfig().site.editUrl;
  const filePath = doc.entry.filePath ? relative(resolveContentDir(), resolve(doc.entry.filePath)) : undefined;
  const editUrl = pattern && filePath && !filePath.startsWith('..') ? pattern.replace('{path}', filePath.replaceAll('\\', '/')) : undefined;
  return { typeLabel, team, services, search, synonyms, editUrl };
}

export type RuleEntry = CollectionEntry<'rules'>;

/** The lint rule reference pages, by id. */
export async function getRuleEntries(): Promise<RuleEntry[]> {
  return (await getCollection('rules')).sort((a, b) => a.id.localeCompare(b.id));
}

export type ReadingStep = { readonly id: string; readonly url: string; readonly title: string; readonly type: string | undefined; readonly why: string };

/** An onboarding doc's reading path: each step's doc (its title and type), in order, and why. */
export async function readingPath(doc: DocView): Promise<{ audience: string; steps: ReadingStep[] } | undefined> {
  const data = doc.entry.data;
  if (!('steps' in data) || !('audience' in data)) return undefined;
  const byId = new Map((await getDocs()).map((other) => [other.id, other]));
  const steps = data.steps.map(({ doc: id, why }) => {
    const target = byId.get(id);
    return { id, url: docUrl(id), title: target?.title ?? id, type: target ? DOC_TYPE_SPECS[target.type].label : undefined, why };
  });
  return { audience: data.audience, steps };
}

export type RecoveryFacts = {
  readonly strategy: string;
  readonly rto: string;
  readonly rpo: string;
  readonly testEvery: string | undefined;
  /** Latest first. */
  readonly gamedays: readonly Gameday[];
};

/** A DR plan's targets and its gamedays, for the page. */
export function recoveryFacts(doc: DocView): RecoveryFacts | undefined {
  const data = doc.entry.data;
  if (!('rto' in data) || !('gamedays' in data)) return undefined;
  const gamedays = [...data.gamedays].sort((a, b) => b.date.localeCompare(a.date));
  return { strategy: data.strategy, rto: data.rto, rpo: data.rpo, testEvery: data.test_every, gamedays };
}
