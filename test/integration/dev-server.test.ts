// `npm run dev` for authors: pages render from the sources, and search uses the last build's index.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { FIXTURE_KB, PROJECT_DIR } from '../support/fixtures.ts';

let child: ChildProcess | undefined;
let log = '';
afterAll(() => {
  child?.kill('SIGTERM');
});

function startDevServer(env: Record<string, string>): Promise<string> {
  const port = 4800 + Math.floor(Math.random() * 800);
  child = spawn(process.execPath, [join(PROJECT_DIR, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: PROJECT_DIR,
    // Without vitest's own variables: with VITEST set, Astro's dev server does not serve pages.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV')), ...env, FORCE_COLOR: '0' },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log = output;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}

describe('npm run dev', () => {
  test('renders docs from the content root and serves the last build’s search index', { timeout: 120_000 }, async () => {
    const url = await startDevServer({ OPSKB_CONTENT_DIR: FIXTURE_KB, OPSKB_OUT_DIR: inject('fixtureBuild').outDir });
    // The dev server answers before its first content sync is done: wait for the page.
    let doc = await fetch(new URL('/runbooks/checkout/checkout-5xx/', url));
    for (let attempt = 0; doc.status !== 200 && attempt < 60; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      doc = await fetch(new URL('/runbooks/checkout/checkout-5xx/', url));
    }
    expect(doc.status, log).toBe(200);
    expect(await doc.text()).toContain('Checkout returns 5xx errors');
    const index = await fetch(new URL('/pagefind/pagefind.js', url));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('pagefind');
  });
});
