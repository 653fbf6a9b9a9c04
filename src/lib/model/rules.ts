// Rule ids and where each rule is documented: findings, the registries loader, the site's rule
// reference and the output formats all name rules the same way.

/** Every opskb rule's id is `opskb:<name>`, `<name>` being its file in lint-rules/. */
export const RULE_PREFIX = 'opskb:';

/** The rule whose findings are about the registries and opskb.yaml. */
export const REGISTRIES_RULE_ID = 'opskb:registries';

/** opskb itself failed on a file (a bug, or an unreadable file). */
export const INTERNAL_RULE_ID = 'opskb:internal';

/** Site path of a rule's reference page (`links` or `opskb:links` → `/rules/links/`); every finding links to it. */
export function ruleDocsPath(id: string): string {
  return `/rules/${id.startsWith(RULE_PREFIX) ? id.slice(RULE_PREFIX.length) : id}/`;
}
