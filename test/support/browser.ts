/**
 * Records what a page does wrong in the browser test: console errors (CSP violations
 * included), page errors, failed requests and any request to a host other than the local server.
 */
import type {Page} from "playwright-core";

export {CHROMIUM, launchBrowser} from "../../pipelines/site/chromium.ts";

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
