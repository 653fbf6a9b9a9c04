// Build-log hygiene: recognises the one known-harmless warning @astrojs/mdx emits per MDX file.

type RollupWarning = { code?: string | undefined; message?: string | undefined };

/** `MODULE_LEVEL_DIRECTIVE … "use astro:head-inject"` (withastro/astro#18087), and nothing else. */
export function isHeadInjectDirectiveWarning(warning: RollupWarning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && (warning.message ?? '').includes('astro:head-inject');
}
