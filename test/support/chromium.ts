// Where the browser tests find Chromium: TRIALSIM_CHROMIUM, else Debian's /usr/bin/chromium.
// Never downloaded: without it the browser tests are skipped and the closing reporter says so.
import { existsSync } from 'node:fs';

/** The Chromium executable, or null when there is none. */
export function chromiumPath(): string | null {
  const path = process.env.TRIALSIM_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

/** What `npm test` prints when the browser tests cannot run, naming the path it looked at. */
export function browserSkipNotice(): string {
  const path = process.env.TRIALSIM_CHROMIUM ?? '/usr/bin/chromium';
  return (
    `browser tests SKIPPED: no Chromium at ${path}. To run them, install Debian's chromium ` +
    '(apt-get install chromium) or set TRIALSIM_CHROMIUM=/path/to/chromium.'
  );
}

/**
 * Flags for headless Chromium on a closed network: without the background-networking ones it
 * keeps trying to reach update and sync servers.
 */
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
