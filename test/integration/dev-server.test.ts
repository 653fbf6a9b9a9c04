// `npm run dev` for authors: pages render from the sources, and search uses the last build's index.
import { afterAll, describe, expect, inject, test } from 'vitest';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { FIXTURE_KB } from '../support/fixtures.ts';

let server: DevServer | undefined;
afterAll(() => server?.stop());

describe('npm run dev', () => {
  test('renders docs from the content root and serves the last build’s search index', { timeout: 120_000 }, async () => {
    server = await startDevServer({ OPSKB_CONTENT_DIR: FIXTURE_KB, OPSKB_OUT_DIR: inject('fixtureBuild').outDir });
    const doc = await server.get('/runbooks/checkout/checkout-5xx/');
    expect(doc.status, server.log()).toBe(200);
    expect(await doc.text()).toContain('Checkout returns 5xx errors');
    const index = await server.get('/pagefind/pagefind.js');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('pagefind');
  });
});
