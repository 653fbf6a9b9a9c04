// The site as readers get it: a real `astro build` of the fixture knowledge base, the real
// Pagefind index, served over HTTP and searched in Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ruleDocsPath } from '../../src/lib/model/index.ts';
import { isBuildCurrent } from '../../src/lib/site/build-stamp.ts';
import { DOCUMENTED_RULES, ruleDocs } from '../../src/lib/site/rule-reference.ts';
import type { Build } from '../support/build.ts';
import { FIXTURE_KB, PROJECT_DIR } from '../support/fixtures.ts';

let build: Build;
const page = (path: string) => readFileSync(join(build.outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(() => {
  build = inject('fixtureBuild');
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.log}`);
});

describe('astro build of a knowledge base', () => {
  test('renders home, a list page per type, search, 404 and one page per doc at /<id>/', () => {
    for (const path of [
      '',
      'runbooks',
      'dr-plans',
      'knowledge',
      'onboarding',
      'search',
      'runbooks/checkout/checkout-5xx',
      'runbooks/orders-db/replication-lag',
      'dr-plans/orders-db',
      'knowledge/why-batch-window',
      'onboarding/first-week',
    ]) {
      expect(existsSync(join(build.outDir, path, 'index.html')), `/${path}/`).toBe(true);
    }
    expect(existsSync(join(build.outDir, '404.html'))).toBe(true);
  });

  test('a doc page shows title, summary, owner team with channel and on-call, services with tier, review dates', () => {
    const html = text(page('runbooks/orders-db/replication-lag'));
    expect(html).toContain('Orders database replication lag');
    expect(html).toContain('What to do when a replica of the orders database falls more than 30 seconds behind.');
    expect(html).toContain('Data Platform · #data-platform · on-call: https://pager.shop.example/schedules/data-platform');
    expect(html).toContain('Orders database (tier 1)');
    expect(html).toContain('OrdersReplicaLagging');
    // review_every 60d from 2026-10-20
    expect(html).toMatch(/2026-10-20 .*next review due 2026-12-19/);
    expect(html).toContain('SELECT client_addr, replay_lag FROM pg_stat_replication;');
  });

  test('an onboarding doc shows its reading path: each step linked, in order, with why; and its audience', () => {
    const html = page('onboarding/first-week');
    const section = html.slice(html.indexOf('class="reading-path"'), html.indexOf('</section>', html.indexOf('class="reading-path"')));
    const steps = [...section.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(steps).toEqual(['/knowledge/why-batch-window/ Why the export batch runs at 02:00', '/runbooks/checkout/checkout-5xx/ Checkout returns 5xx errors']);
    expect(text(html)).toContain('The nightly batch explains most 03:00 pages.');
    expect(text(html)).toContain('Reading path For Engineers joining the storefront on-call rotation. Read in this order:');
  });

  test('a DR plan shows its strategy, RTO and RPO targets and its gamedays', () => {
    const html = text(page('dr-plans/orders-db'));
    expect(html).toContain('Strategy warm-standby');
    expect(html).toContain('RTO / RPO 2h / 5m');
    expect(html).toContain('Tested every 6mo');
    expect(html).toMatch(/2026-08-12 Primary zone outage pass 1h40m \/ 2m/);
  });

  test('the glossary lists every term with its aliases and definition, each at its own anchor', () => {
    const html = page('glossary');
    expect(text(html)).toContain('Out of memory · also OOM, OOMKilled A process killed because it used more memory than its limit. See also: PostgreSQL');
    expect(text(html)).toContain('PostgreSQL · also Postgres, PG The relational database behind orders.');
    expect(html).toContain('<div id="postgresql">');
    expect(html).toContain('See also: <a href="#postgresql">PostgreSQL</a>.');
  });

  test('each section of a doc carries the glossary synonyms of the terms it uses, for search', () => {
    const html = page('knowledge/why-batch-window');
    const list = /<p hidden class="search-synonyms" data-pagefind-weight="0.5" data-terms="Out of memory">OOM · OOMKilled<\/p>/.exec(html);
    expect(list).not.toBeNull();
    // Right after the heading of the section that says "out of memory": Pagefind files it under that anchor.
    expect(html.slice(html.lastIndexOf('<h2', list!.index), list!.index)).toMatch(/^<h2 id="when-the-export-dies">When the export dies<\/h2>\s*$/);
    expect(html.indexOf('out of memory', list!.index)).toBeGreaterThan(list!.index);
  });

  test('a doc table scrolls inside a region keyboards can focus', () => {
    expect(page('dr-plans/orders-db')).toMatch(
      /<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Audience, Channel, Update every"><table>/,
    );
  });

  test('home lists docs by type and the recently reviewed ones', () => {
    const html = text(page(''));
    expect(html).toMatch(/Runbooks 3 DR plans 1 Knowledge 1 Onboarding paths 1/);
    expect(html.indexOf('Storefront on-call, first week')).toBeLessThan(html.indexOf('Checkout returns 5xx errors'));
  });

  test('Pagefind indexed exactly the doc pages, and its UI is in the bundle', () => {
    const entry = JSON.parse(readFileSync(join(build.outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(6);
    expect(existsSync(join(build.outDir, 'pagefind/pagefind-component-ui.js'))).toBe(true);
  });

  test('the build log carries no MODULE_LEVEL_DIRECTIVE flood', () => {
    expect(build.log).toContain('Complete!');
    expect(build.log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(build.log).not.toContain('astro:head-inject');
  });

  test('the build is stamped with its inputs, so npm start knows it is current', () => {
    expect(isBuildCurrent(build.outDir, { projectDir: PROJECT_DIR, contentDir: FIXTURE_KB })).toBe(true);
    expect(isBuildCurrent(build.outDir, { projectDir: PROJECT_DIR, contentDir: join(PROJECT_DIR, 'content') })).toBe(false);
  });
});

describe('the rule reference', () => {
  test('every rule has a page rendered from its header: summary and every section of the header', () => {
    for (const doc of ruleDocs()) {
      // Compared without whitespace and Markdown code marks: the page is the header, rendered.
      const squash = (value: string) => value.replace(/[\s`]/g, '').replaceAll('’', "'");
      const html = squash(text(page(`rules/${doc.id}`)));
      expect(html, doc.id).toContain(`opskb:${doc.id}`);
      expect(html, doc.id).toContain(squash(doc.summary));
      for (const heading of doc.markdown.match(/^## .+$/gm) ?? []) expect(html, `${doc.id} ${heading}`).toContain(squash(heading.slice(3)));
    }
    expect(text(page('rules'))).toContain('opskb:no-secrets');
  });

  test('findings link to pages that exist', () => {
    for (const id of DOCUMENTED_RULES) expect(existsSync(join(build.outDir, ruleDocsPath(id), 'index.html')), id).toBe(true);
  });
});

describe('npm start', () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill());

  test('serves a current build without rebuilding, prints the URL, answers unknown paths with the 404 page', async () => {
    child = spawn(process.execPath, [join(PROJECT_DIR, 'scripts/start.ts')], {
      cwd: PROJECT_DIR,
      env: { ...process.env, OPSKB_CONTENT_DIR: FIXTURE_KB, OPSKB_OUT_DIR: build.outDir, PORT: '0' },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving .* at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child!.on('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
    });
    expect(output).not.toContain('Building');
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Operational knowledge base');
    const missing = await fetch(new URL('/no/such/page/', url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });
});
