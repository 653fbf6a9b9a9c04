/**
 * # opskb:alerts-unique
 *
 * An alert name belongs to exactly one runbook across the knowledge base. The finding names
 * both files; the other runbook is attached as the finding's cause (its location).
 *
 * ## Why
 * Alertmanager's `runbook_url` can point at one page. When two runbooks claim the same alert,
 * the on-call engineer gets whichever one search ranks first, and the two drift apart: one gets
 * the fix from the last incident, the other does not.
 *
 * ## Options
 * None. Reads the alert index of the knowledge base once per run.
 *
 * ## Examples
 * ok (`runbooks/payments-api/auth-latency.md`; no other runbook names the alert):
 * ```yaml
 * title: Card authorization latency
 * summary: What to do when card authorizations slow down.
 * owner: payments-core
 * services: [card-authorizer]
 * last_reviewed: 2026-11-20
 * alerts: [CardAuthLatencyHigh]
 * ```
 * not ok (`runbooks/payments-api/auth-errors.md`; the card-authorizer runbook names the same alert):
 * ```yaml
 * title: Card authorization errors
 * summary: What to do when card authorizations fail.
 * owner: payments-core
 * services: [card-authorizer]
 * last_reviewed: 2026-11-20
 * alerts: [CardAuthErrorRateHigh]
 * ```
 * → `` Alert `CardAuthErrorRateHigh` already has a runbook: runbooks/card-authorizer/card-auth-errors
 * (runbooks/card-authorizer/card-auth-errors.mdx:6). One alert, one runbook: merge the two, or remove the alert from one of them. ``
 */
import { relative } from 'node:path';
import { VFileMessage } from 'vfile-message';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import { getDocContext } from '../src/lib/lint/doc-context.ts';

export default defineRule('alerts-unique', (tree, file, settings) => {
  const { type, id, frontmatter } = getDocContext(tree, file, settings);
  const alerts = frontmatter?.data?.['alerts'];
  if (type !== 'runbook' || !frontmatter || !Array.isArray(alerts)) return;
  const seen = new Map<string, number>();
  alerts.forEach((alert: unknown, index) => {
    if (typeof alert !== 'string') return;
    // Looked up only for a finding: positions cost a second, positioned YAML parse.
    const place = () => frontmatter.positionOf(['alerts', index]);
    const earlier = seen.get(alert);
    if (earlier !== undefined) {
      file.message(`Alert \`${alert}\` is listed twice in this runbook (also item ${earlier + 1}): remove the duplicate.`, { place: place() });
      return;
    }
    seen.set(alert, index);
    const others = (settings.kb.alerts.get(alert) ?? []).filter((owner) => owner.id !== id && owner.path !== file.path);
    const other = others[0];
    if (!other) return;
    const cause = new VFileMessage(`\`${alert}\` is also the alert of this runbook`, { place: { line: other.line, column: other.column } });
    cause.file = other.path;
    const where = `${other.id} (${relative(settings.contentDir, other.path)}:${other.line})`;
    const more = others.length > 1 ? ` and ${others.length - 1} more` : '';
    file.message(`Alert \`${alert}\` already has a runbook: ${where}${more}. One alert, one runbook: merge the two, or remove the alert from one of them.`, {
      place: place(),
      cause,
    });
  });
});
