/** Debian's Chromium driven by playwright-core, for the browser tests. CI installs it (.ci/run);
 * elsewhere the tests skip when it is missing. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests run here: Chromium is installed, or this is CI (where it must be). */
export const hasChromium = existsSync(CHROMIUM) || Boolean(process.env.CI);

/** Headless, as root, and quiet on a closed network: without the background-networking flags
 * Chromium keeps trying (and failing) to reach Google's hosts. The disabled features make each
 * navigation swap documents (and often renderer processes) for the back-forward cache, which a
 * test never goes back to: without them, loading the 130 pages of the docs site one after another
 * took 23.5 CPU-s instead of 18. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=BackForwardCache,RenderDocument,ProactivelySwapBrowsingInstance',
    ],
  });
}
