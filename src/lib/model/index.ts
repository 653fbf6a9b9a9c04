// The document model: one definition read by the site, the lint rules and the CLI, and the facts
// every layer shares (findings, rule ids, alert names, "today"). Imports only zod.
export * from './duration.ts';
export * from './fields.ts';
export * from './frontmatter.ts';
export * from './doc-types.ts';
export * from './registry-schemas.ts';
export * from './config.ts';
export * from './alert-name.ts';
export * from './finding.ts';
export * from './rules.ts';
export * from './today.ts';
export * from './zod-issues.ts';
