// The document model: one definition read by the site, the lint rules and the CLI. Imports only zod.
export * from './duration.ts';
export * from './fields.ts';
export * from './frontmatter.ts';
export * from './doc-types.ts';
export * from './registries.ts';
export * from './config.ts';
