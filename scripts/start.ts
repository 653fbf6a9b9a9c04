// `npm start`: builds the knowledge base when dist/ is missing or out of date, then serves it.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../src/lib/kb/content-dir.ts';
import { isBuildCurrent } from '../src/lib/site/build-stamp.ts';
import { startStaticServer } from '../src/lib/site/static-server.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
// OPSKB_OUT_DIR: serve (and build into) another folder than dist/, e.g. one build per knowledge base.
const outDir = resolve(projectDir, process.env['OPSKB_OUT_DIR'] ?? 'dist');
const contentDir = resolveContentDir();

if (!isBuildCurrent(outDir, { projectDir, contentDir })) {
  console.log(`Building the knowledge base in ${contentDir} (dist/ is missing or out of date)…`);
  const build = spawnSync(process.execPath, [`${projectDir}node_modules/astro/bin/astro.mjs`, 'build', '--outDir', outDir], { stdio: 'inherit', cwd: projectDir });
  if (build.status !== 0) {
    console.error('The build failed (see above). Run `npm run lint` to find the doc at fault.');
    process.exit(build.status ?? 1);
  }
}

const port = Number(process.env['PORT'] ?? 4321);
const { url } = await startStaticServer({ root: outDir, port });
console.log(`\nopskb is serving ${contentDir} at ${url}\nPress Ctrl-C to stop.`);
