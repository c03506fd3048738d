import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's chromium (installed by tools/ensure-chromium); never a downloaded Playwright build. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless Debian Chromium driven by playwright-core. The flags keep it off the network it cannot
 * reach here (background services, component updates, QUIC) and make it start quickly as root.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run tools/ensure-chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
