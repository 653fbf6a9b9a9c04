// Alert names as Prometheus accepts them (metric-name rules: letters, digits, `_` and `:`, not a
// digit first). One pattern for the frontmatter schema, the knowledge-base index and the site's
// alert pages; a leaf module, so that the browser code that reads alert addresses stays small.
export const ALERT_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_:]*$/;

export function isAlertName(name: string): boolean {
  return ALERT_NAME_PATTERN.test(name);
}
