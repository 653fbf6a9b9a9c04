// `npm start`: builds the knowledge base when dist/ is missing or out of date, then serves it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../src/lib/kb/content-dir.ts';
import { explainBuildFailure } from '../src/lib/lint/build-failure.ts';
import { buildSite } from '../src/lib/site/build-site.ts';
import { isBuildCurrent } from '../src/lib/site/build-stamp.ts';
import { startStaticServer } from '../src/lib/site/static-server.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
// OPSKB_OUT_DIR: serve (and build into) another folder than dist/, e.g. one build per knowledge base.
const outDir = resolve(projectDir, process.env['OPSKB_OUT_DIR'] ?? 'dist');
const contentDir = resolveContentDir();

if (!isBuildCurrent(outDir, { projectDir, contentDir })) {
  console.log(`Building the knowledge base in ${contentDir} (dist/ is missing or out of date)…`);
  // The same build as `npm run build`: astro build, then the Pagefind index and the stamp.
  const status = await buildSite({ projectDir, outDir, contentDir });
  if (status !== 0) {
    const lines = await explainBuildFailure({ contentDir, cwd: process.cwd(), today: new Date().toISOString().slice(0, 10) });
    console.error(`\n${lines.join('\n')}`);
    process.exit(status);
  }
}

const port = Number(process.env['PORT'] ?? 4321);
const { url } = await startStaticServer({ root: outDir, port });
console.log(`\nopskb is serving ${contentDir} at ${url}\nPress Ctrl-C to stop.`);
