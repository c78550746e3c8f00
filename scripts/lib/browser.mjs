// Debian's Chromium driven by playwright-core (Playwright's own browser builds cannot be downloaded here).
// One place for how it is launched, used by the extension-host runner and by the UI tests (which connect
// to a browser server started here, so they never launch a browser of their own).
import { chromium } from 'playwright-core';

const options = (executablePath) => ({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // The runner stops the whole process tree itself, in order, on Ctrl+C and on errors.
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
});

/** A browser for this process. */
export function launchBrowser(executablePath) {
  return chromium.launch(options(executablePath));
}

/** A browser other processes connect to with `chromium.connect(server.wsEndpoint())`. */
export function launchBrowserServer(executablePath) {
  return chromium.launchServer({ ...options(executablePath), host: '127.0.0.1' });
}
