// Debian's Chromium driven by playwright-core, with the flags that work on these machines.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/ensure-chromium.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
