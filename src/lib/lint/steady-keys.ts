// Parts of a finding's message that change while the problem stays the same: "overdue by 119
// days", then 120; the line of the other runbook, which moves with its edits. A baseline matches
// findings on their message without those parts, so a finding it records does not come back as
// new the next day. Applied to findings as they are reported and to baseline entries written
// before entries kept their key.

const STEADY: Readonly<Record<string, (message: string) => string>> = {
  'opskb:review-freshness': (message) => message.replace(/\b(?:by|in) \d+ days?\b|\btoday\b/g, '…'),
  'opskb:alerts-unique': (message) => message.replace(/(\([^()]*):\d+\)/, '$1)'),
};

/** The message of a finding of `ruleId` without the parts that change from day to day. */
export function steadyKey(ruleId: string, message: string): string {
  return STEADY[ruleId]?.(message) ?? message;
}
