// @ts-check
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import csp from './src/integrations/csp.ts';
import mdxSafety from './src/integrations/mdx-safety.ts';
import pagefind from './src/integrations/pagefind.ts';
import { resolveContentDir } from './src/lib/kb/content-dir.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { docHastPlugins, glossarySynonymGroups } from './src/lib/site/doc-html.ts';
import { isHeadInjectDirectiveWarning } from './src/integrations/warnings.ts';

// One build cache per content root: builds of different knowledge bases (the demo, test
// fixtures) never share Astro's content data store, even when they run at the same time.
const contentCache = createHash('sha256').update(resolveContentDir()).digest('hex').slice(0, 12);

export default defineConfig({
  cacheDir: `./node_modules/.astro/${contentCache}`,
  // Where the site is published; used for absolute links (OPSKB_SITE_URL overrides).
  site: process.env.OPSKB_SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  // optimize: static HTML in an MDX doc (prose, Shiki's token spans) compiles to one string instead
  // of a JSX call per element, so the bundler parses and holds far smaller modules (peak RSS on
  // 2,000 docs -0.3 GB, render -30%); the pages come out the same. Components (callouts) stay live.
  // mdxSafety first: its check of each doc's MDX runs before @astrojs/mdx compiles the doc.
  integrations: [mdxSafety(), mdx({ optimize: true }), csp(), pagefind()],
  markdown: {
    // Query languages runbooks use that Shiki has no grammar for: shown as plain text, no warning.
    // Focusable scrolling tables; glossary synonyms per section, for search (src/lib/site/doc-html.ts).
    processor: satteri({ hastPlugins: docHastPlugins({ groups: () => glossarySynonymGroups(resolveContentDir()) }) }),
    shikiConfig: {
      // Token colours keep a 4.5:1 contrast on the code background in both schemes (axe-core).
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-default' },
      defaultColor: false,
      langAlias: { promql: 'plaintext', logql: 'plaintext', traceql: 'plaintext' },
    },
  },
  vite: {
    resolve: {
      // MDX docs may import the callouts as `@opskb/mdx` (opskb:mdx-safety allows that source).
      alias: { '@opskb/mdx': fileURLToPath(new URL('./src/components/mdx/index.ts', import.meta.url)) },
    },
    build: {
      // Never inline scripts into pages: the CSP allows inline scripts only in <head> (ours),
      // so anything a doc's raw HTML puts in the body is refused.
      assetsInlineLimit: 0,
      rollupOptions: {
        // @astrojs/mdx emits one harmless warning per MDX file (withastro/astro#18087); keep the rest.
        onwarn(warning, warn) {
          if (!isHeadInjectDirectiveWarning(warning)) warn(warning);
        },
      },
    },
  },
});
