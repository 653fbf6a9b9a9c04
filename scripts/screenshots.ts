// `npm run screenshots`: pictures of the built demo site (home, a runbook, search results) for the
// README, from dist/ (run `npm run build` first). The browser tests write the same three views of
// the fixture site to test-results/screenshots/ on every run.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../src/lib/site/static-server.ts';
import { launchChromium } from './support/chromium.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${projectDir}.github/screenshots`;
if (!existsSync(`${projectDir}dist/pagefind`)) {
  console.error('No build in dist/: run `npm run build` first.');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer({ root: `${projectDir}dist` });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(server.url);
  await page.screenshot({ path: `${outDir}/home.png` });
  await page.goto(new URL('/runbooks/card-authorizer/card-auth-errors/', server.url).href);
  await page.screenshot({ path: `${outDir}/runbook.png` });
  await page.keyboard.press('/');
  await page.locator('#dialog-q').fill('card_auth_declined');
  await page.locator('#search-dialog .search-result').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/search-results.png` });
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
