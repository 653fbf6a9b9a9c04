/**
 * # opskb:review-freshness
 *
 * A doc is reviewed every `review_every` (defaults: runbook 90d, dr-plan 180d, knowledge 365d,
 * onboarding 180d). The rule warns when the review falls due within the next `dueSoonDays` days
 * and reports an error once it is overdue. A DR plan is also tested: its latest gameday must be
 * within `test_every` (default 180d), and a DR plan with no gameday at all is an error.
 *
 * ## Why
 * A runbook nobody has read since the last re-architecture sends the on-call engineer to a
 * dashboard that no longer exists. A DR plan that was never exercised is a hope, not a plan.
 * Review dates make rot visible before an incident does.
 *
 * "Today" is the lint run's `--now` (or the current date): the rule never reads the clock itself.
 *
 * ## Options
 * - `dueSoonDays` (number, default `14`): how many days ahead a due review becomes a warning.
 *
 * ## Examples
 * ok (today 2026-11-26):
 * ```yaml
 * last_reviewed: 2026-11-02
 * ```
 * not ok (today 2026-11-26):
 * ```yaml
 * last_reviewed: 2026-05-01
 * review_every: 90d
 * ```
 * → `` Review overdue by 119 days: last reviewed 2026-05-01, due every 90d, so due 2026-07-30. … ``
 */
import { z } from 'zod';
import { asWarning, defineRule } from '../src/lib/lint/define-rule.ts';
import { getDocContext } from '../src/lib/lint/doc-context.ts';
import { addDuration, daysBetween, DOC_TYPE_SPECS, isoDateOf, parseDuration } from '../src/lib/model/index.ts';
import { reviewStatus } from '../src/lib/model/review-status.ts';

const options = z.strictObject({
  dueSoonDays: z.number({ error: 'expected a whole number of days' }).int().min(0).default(14),
});

const DEFAULT_TEST_EVERY = '180d';
const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;
const durationOf = (value: unknown, fallback: string): string => (typeof value === 'string' && parseDuration(value) ? value : fallback);

export default defineRule(
  'review-freshness',
  (tree, file, settings, { dueSoonDays }) => {
    const { type, frontmatter } = getDocContext(tree, file, settings);
    const data = frontmatter?.data;
    if (!type || !frontmatter || !data) return;

    const lastReviewed = isoDateOf(data['last_reviewed']);
    if (lastReviewed && lastReviewed <= settings.today) {
      const interval = durationOf(data['review_every'], DOC_TYPE_SPECS[type].defaultReviewEvery);
      const status = reviewStatus({ type, lastReviewed, reviewEvery: interval }, settings.today, dueSoonDays);
      // Positions are looked up only for a finding: they cost a second, positioned YAML parse.
      const place = () => frontmatter.positionOf(['last_reviewed']);
      const fix = 'Review the doc against reality and set `last_reviewed` to the day you did.';
      if (status.state === 'overdue') {
        file.message(`Review overdue by ${days(-status.daysLeft)}: last reviewed ${lastReviewed}, due every ${interval}, so due ${status.dueDate}. ${fix}`, {
          place: place(),
        });
      } else if (status.state === 'due-soon') {
        asWarning(
          file.message(
            `Review due ${status.daysLeft === 0 ? 'today' : `in ${days(status.daysLeft)}`} (${status.dueDate}): last reviewed ${lastReviewed}, due every ${interval}. ${fix}`,
            { place: place() },
          ),
        );
      }
    }

    if (type !== 'dr-plan') return;
    const testEvery = durationOf(data['test_every'], DEFAULT_TEST_EVERY);
    const gamedays = Array.isArray(data['gamedays']) ? (data['gamedays'] as unknown[]) : [];
    const dates = gamedays
      .map((gameday) => (gameday && typeof gameday === 'object' ? isoDateOf((gameday as Record<string, unknown>)['date']) : undefined))
      .filter((date): date is string => date !== undefined && date <= settings.today)
      .sort();
    const latest = dates.at(-1);
    if (!latest) {
      file.message(
        `No gameday recorded: a DR plan is tested every ${testEvery}. Run a recovery exercise and record it under \`gamedays\` (date, scenario, measured_rto, outcome).`,
        {
          place: data['gamedays'] === undefined ? frontmatter.node.position?.start : frontmatter.positionOf(['gamedays']),
        },
      );
      return;
    }
    const due = addDuration(latest, parseDuration(testEvery)!);
    const left = daysBetween(settings.today, due);
    const index = gamedays.findIndex((gameday) => isoDateOf((gameday as Record<string, unknown> | null)?.['date']) === latest);
    const place = () => frontmatter.positionOf(['gamedays', index, 'date']);
    const fix = 'Run a recovery exercise and record it under `gamedays`.';
    if (left < 0) {
      file.message(`DR test overdue by ${days(-left)}: latest gameday ${latest}, tested every ${testEvery}, so due ${due}. ${fix}`, { place: place() });
    } else if (left <= dueSoonDays) {
      asWarning(
        file.message(`DR test due ${left === 0 ? 'today' : `in ${days(left)}`} (${due}): latest gameday ${latest}, tested every ${testEvery}. ${fix}`, {
          place: place(),
        }),
      );
    }
  },
  options,
);
