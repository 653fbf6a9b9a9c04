// No doc can run code in the build or the dev server: a doc's export that would write a file and a
// doc's expression that would copy an environment variable into its page stop `npm run build` (and
// fail their page under `astro dev`) before any of their code is evaluated. Allowed MDX still builds.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { buildSite, type Build } from '../support/build.ts';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import { copyFixtureKb } from '../support/temp-kb.ts';

const FRONTMATTER = (title: string) => `---
title: ${title}
summary: A knowledge doc the build-safety test writes.
owner: storefront
last_reviewed: 2026-11-01
---
`;

const canaryName = 'OPSKB_TEST_CANARY';
const canary = `canary-${randomBytes(8).toString('hex')}`;
const scratch = mkdtempSync(join(tmpdir(), 'opskb-build-safety-'));
const marker = join(scratch, 'marker');

/** A knowledge base with two hostile docs beside an allowed one. */
function hostileKb(): string {
  const kb = copyFixtureKb('kb');
  writeFileSync(
    join(kb, 'knowledge/cache-warmup.mdx'),
    `${FRONTMATTER('Cache warm-up')}
export const warm = (() => { globalThis.process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return 1 })();

Caches warm up in about five minutes.
`,
  );
  writeFileSync(join(kb, 'knowledge/env-note.mdx'), `${FRONTMATTER('Environment note')}\nThe deploy key is {process.env.${canaryName}}.\n`);
  writeFileSync(
    join(kb, 'knowledge/allowed-mdx.mdx'),
    `${FRONTMATTER('Allowed MDX')}
import { Warning } from '@opskb/mdx';

{/* An MDX comment: allowed, it runs nothing. */}

<Warning title="Irreversible">Purging drops every queued message.</Warning>

<Note>Notes need no import.</Note>

<details>
  <summary>Why</summary>

  Press <kbd>Ctrl</kbd>+<kbd>C</kbd> once.
</details>
`,
  );
  return kb;
}

/** Every file under `dir` whose bytes contain `text`. */
function filesContaining(dir: string, text: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile() && readFileSync(path).includes(text)) found.push(name);
  }
  return found;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run build refuses doc code', () => {
  let kb: string;
  let build: Build;
  beforeAll(() => {
    kb = hostileKb();
    process.env[canaryName] = canary;
    try {
      build = buildSite(kb);
    } finally {
      delete process.env[canaryName];
    }
  }, 240_000);
  afterAll(() => {
    rmSync(kb, { recursive: true, force: true });
    rmSync(build.outDir, { recursive: true, force: true });
  });

  test('fails, naming the doc, the rule and the line and column of the code', () => {
    expect(build.status).not.toBe(0);
    expect(build.log).toContain('opskb:mdx-safety');
    expect(build.log).toMatch(/knowledge\/cache-warmup\.mdx:8:1 .*Export `export const warm/);
    // Every doc's errors are listed after the failure, not only the one the compile stopped on.
    expect(build.log).toContain('The build failed. These errors in the docs stop it:');
    expect(build.log).toMatch(/knowledge\/cache-warmup\.mdx:8:1 {2}error {2}Export .* opskb:mdx-safety/);
    expect(build.log).toMatch(
      new RegExp(`knowledge/env-note\\.mdx:8:19 {2}error {2}JavaScript expression \`\\{process\\.env\\.${canaryName}\\}\` is not allowed.* opskb:mdx-safety`),
    );
    expect(build.log).not.toMatch(/allowed-mdx\.mdx:\d+:\d+ {2}error/);
    expect(build.log).not.toContain('Stack trace:');
  });

  test("ran none of the docs' code: no marker file, the variable's value nowhere", () => {
    expect(existsSync(marker)).toBe(false);
    expect(build.log).not.toContain(canary);
    expect(filesContaining(build.outDir, canary)).toEqual([]);
  });

  test('allowed MDX (callouts, @opskb/mdx imports, {/* */} comments, allowlisted HTML) builds once the code is gone', () => {
    rmSync(join(kb, 'knowledge/cache-warmup.mdx'));
    rmSync(join(kb, 'knowledge/env-note.mdx'));
    const rebuilt = buildSite(kb);
    try {
      expect(rebuilt.status, rebuilt.log).toBe(0);
      const page = readFileSync(join(rebuilt.outDir, 'knowledge/allowed-mdx/index.html'), 'utf8');
      expect(page).toContain('Purging drops every queued message.');
      expect(page).toContain('Notes need no import.');
      expect(page).toContain('<kbd>Ctrl</kbd>');
      expect(page).not.toContain('An MDX comment');
    } finally {
      rmSync(rebuilt.outDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('npm run dev refuses doc code', () => {
  let kb: string;
  let server: DevServer;
  beforeAll(async () => {
    kb = hostileKb();
    server = await startDevServer({ OPSKB_CONTENT_DIR: kb, [canaryName]: canary });
  }, 120_000);
  afterAll(() => {
    server?.stop();
    rmSync(kb, { recursive: true, force: true });
  });

  test("the page of a doc with code shows the error; the code never runs and the variable's value is nowhere", { timeout: 120_000 }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const [path, expected] of [
        ['/knowledge/cache-warmup/', 'cache-warmup.mdx:8:1  Export export const warm'],
        ['/knowledge/env-note/', `env-note.mdx:8:19  JavaScript expression {process.env.${canaryName}}`],
      ] as const) {
        const response = await server.get(path);
        expect(response.status, path).toBe(500);
        expect(await response.text()).not.toContain(canary);
        // The page shows Astro's error overlay (its Markdown rendered: no backticks) with the refused code.
        await page.goto(new URL(path, server.url).href);
        const overlay = page.locator('vite-error-overlay');
        await overlay.waitFor({ state: 'attached', timeout: 30_000 });
        const shown = await page.evaluate("document.querySelector('vite-error-overlay').shadowRoot.textContent");
        expect(shown).toContain('opskb:mdx-safety');
        expect(shown).toContain(expected);
        expect(shown).not.toContain(canary);
        expect(await page.content()).not.toContain(canary);
      }
    } finally {
      await browser.close();
    }
    expect(server.log()).toContain('opskb:mdx-safety');
    expect(server.log()).not.toContain(canary);
    expect(existsSync(marker)).toBe(false);
    const allowed = await server.get('/knowledge/allowed-mdx/');
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('Purging drops every queued message.');
  });
});
