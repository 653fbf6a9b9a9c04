// Search under `astro dev`, and a reminder under a bare `astro build`: the site is indexed with
// Pagefind (pages mark their searchable part with data-pagefind-body) and stamped after Astro has
// exited, by src/lib/site/build-site.ts (`npm run build`), so the two never hold memory at once.
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { INDEXED_AFTER_BUILD_VARIABLE } from '../lib/site/build-site.ts';

export default function pagefind(): AstroIntegration {
  return {
    name: 'opskb:pagefind',
    hooks: {
      // Pagefind indexes built HTML, so dev serves the index of the last build.
      'astro:server:setup': ({ server, logger }) => {
        const index = resolve(process.env['OPSKB_OUT_DIR'] ?? 'dist', 'pagefind');
        if (!existsSync(index)) logger.warn(`No search index at ${index}: run \`npm run build\` once for search to work in dev.`);
        server.middlewares.use('/pagefind', sirv(index, { dev: true }));
      },
      'astro:build:done': ({ logger }) => {
        if (process.env[INDEXED_AFTER_BUILD_VARIABLE] !== '1')
          logger.warn('Built without a search index: `npm run build` (scripts/build.ts) runs astro build and then indexes the site with Pagefind.');
      },
    },
  };
}
