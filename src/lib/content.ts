// The site's one gateway to content: collections and registries are queried here, nowhere else.
import { getCollection, type CollectionEntry } from 'astro:content';
import { join } from 'node:path';
import { resolveContentDir } from './kb/content-dir.ts';
import { listDocFiles } from './kb/knowledge-base.ts';
import { loadRegistries, type Registries } from './kb/registries.ts';
import { localToday } from './lint/settings.ts';
import { DOC_TYPE_SPECS, DOC_TYPES, type DocType } from './model/doc-types.ts';
import type { Service, Team } from './model/registries.ts';
import { reviewStatus, type ReviewStatus } from './review-status.ts';
import type { DocSummary } from './site/doc-list.ts';

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

export function getDocs(): Promise<DocView[]> {
  // Only types with docs are queried: Astro warns about every empty collection.
  const contentDir = resolveContentDir();
  const present = DOC_TYPES.filter((type) => listDocFiles(join(contentDir, DOC_TYPE_SPECS[type].folder)).length > 0);
  docsCache ??= Promise.all(present.map((type) => getCollection(type))).then((lists) =>
    lists.flat().map((entry) => toView(entry as DocEntry)),
  );
  return docsCache;
}

export function getRegistries(): Registries {
  registriesCache ??= loadRegistries(resolveContentDir());
  return registriesCache;
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
