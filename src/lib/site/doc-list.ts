// Listing logic for the site: what the home and list pages show, in which order.
import { DOC_TYPE_SPECS, DOC_TYPES, type DocType } from '../model/doc-types.ts';

export type DocSummary = {
  readonly id: string;
  readonly type: DocType;
  readonly title: string;
  readonly summary: string;
  readonly owner: string;
  readonly lastReviewed: string;
};

/** The URL of a doc: `/<id>/`. */
export function docUrl(id: string): string {
  return `/${id}/`;
}

/** The URL of a type's list page: `/runbooks/`. */
export function typeUrl(type: DocType): string {
  return `/${DOC_TYPE_SPECS[type].folder}/`;
}

/** Most recently reviewed first; ties by title, so the order never depends on file order. */
export function recentlyReviewed<T extends DocSummary>(docs: readonly T[], limit: number): T[] {
  return [...docs].sort((a, b) => b.lastReviewed.localeCompare(a.lastReviewed) || a.title.localeCompare(b.title)).slice(0, limit);
}

/** Docs of each type, by title, in the model's type order (types without docs included). */
export function groupByType<T extends DocSummary>(docs: readonly T[]): { type: DocType; docs: T[] }[] {
  return DOC_TYPES.map((type) => ({
    type,
    docs: docs.filter((doc) => doc.type === type).sort((a, b) => a.title.localeCompare(b.title)),
  }));
}
