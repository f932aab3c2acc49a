/**
 * Headless Chromium (Debian package) driven by playwright-core, with the flags that keep
 * it off the network. Used by `kbm pdf`, the browser tests and the benchmarks. Playwright
 * gives every launch a fresh, empty profile.
 */
import {chromium, type Browser} from "playwright-core";
import {existsSync} from "node:fs";

export const CHROMIUM = process.env.KBM_CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium fehlt unter ${CHROMIUM}: "apt-get install -y chromium" (oder KBM_CHROMIUM setzen)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}
