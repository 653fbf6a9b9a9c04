// When a doc is due for review, and whether it is fresh, due soon or overdue on a given day.
import { addDuration, daysBetween, parseDuration } from './duration.ts';
import { DOC_TYPE_SPECS, type DocType } from './doc-types.ts';

export type ReviewState = 'fresh' | 'due-soon' | 'overdue';

export type ReviewStatus = {
  readonly state: ReviewState;
  /** `YYYY-MM-DD`: the last day the review is still current. */
  readonly dueDate: string;
  /** Days from today until the due date; negative once overdue. */
  readonly daysLeft: number;
  /** The interval applied, as written (`90d`), after defaults. */
  readonly interval: string;
};

export const DEFAULT_DUE_SOON_DAYS = 14;

export function reviewStatus(
  doc: { readonly type: DocType; readonly lastReviewed: string; readonly reviewEvery?: string | undefined },
  today: string,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): ReviewStatus {
  const interval = doc.reviewEvery ?? DOC_TYPE_SPECS[doc.type].defaultReviewEvery;
  const duration = parseDuration(interval) ?? parseDuration(DOC_TYPE_SPECS[doc.type].defaultReviewEvery);
  if (!duration) throw new Error(`Invalid review interval \`${interval}\``);
  const dueDate = addDuration(doc.lastReviewed, duration);
  const daysLeft = daysBetween(today, dueDate);
  const state: ReviewState = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due-soon' : 'fresh';
  return { state, dueDate, daysLeft, interval };
}

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** "Fresh", "Due in 3 days", "Due today", "Overdue by 12 days". */
export function reviewLabel(status: ReviewStatus): string {
  if (status.state === 'overdue') return `Overdue by ${days(-status.daysLeft)}`;
  if (status.state === 'due-soon') return status.daysLeft === 0 ? 'Due today' : `Due in ${days(status.daysLeft)}`;
  return 'Fresh';
}
