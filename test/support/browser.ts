/**
 * Headless Chromium (Debian package) driven by playwright-core, with the flags that keep
 * it off the network. Records what a page does wrong: console errors, page errors,
 * failed requests and any request to a host other than the local server. Playwright gives
 * every launch a fresh, empty profile.
 */
import {chromium, type Browser, type Page} from "playwright-core";
import {existsSync} from "node:fs";

export const CHROMIUM = process.env.KBM_CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium fehlt unter ${CHROMIUM}: "apt-get install -y chromium" (oder KBM_CHROMIUM setzen)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"
    ]
  });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Starts recording problems on a page; `origin` is the only host it may talk to. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = {consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []};
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:") && url !== "about:blank") problems.foreignRequests.push(url);
  });
  page.on("requestfailed", (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "?"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  return problems;
}
