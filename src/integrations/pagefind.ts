// Indexes the built site with Pagefind as the last build step, so `astro build` alone yields a
// searchable dist/ (pages mark their searchable part with data-pagefind-body), then stamps the
// build with its inputs' fingerprint so `npm start` knows when to rebuild.
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { createIndex, close } from 'pagefind';
import { resolveContentDir } from '../lib/kb/content-dir.ts';
import { writeStamp } from '../lib/site/build-stamp.ts';

export default function pagefind(): AstroIntegration {
  return {
    name: 'opskb:pagefind',
    hooks: {
      // Search under `astro dev`: serve the index of the last build (Pagefind indexes built HTML).
      'astro:server:setup': ({ server, logger }) => {
        const index = resolve(process.env['OPSKB_OUT_DIR'] ?? 'dist', 'pagefind');
        if (!existsSync(index)) logger.warn(`No search index at ${index}: run \`npm run build\` once for search to work in dev.`);
        server.middlewares.use('/pagefind', sirv(index, { dev: true }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await close();
        writeStamp(outDir, { projectDir: process.cwd(), contentDir: resolveContentDir() });
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
