/**
 * Opens one page in the browser and checks what every page of the site must satisfy:
 * HTTP 200, lang="de", the expected charts and texts, no failed cell, no console error
 * (CSP violations included), no failed request, no request to another host.
 */
import {expect} from "vitest";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {watchPage} from "./browser.ts";

export interface PageExpectation {
  path: string;
  /** Minimum number of charts (SVG figures from Plot) that must be drawn. */
  charts: number;
  /** Texts that must appear on the page. */
  texts: string[];
}

/** Internal links already found to answer 200, shared by all pages of one test run. */
const goodLinks = new Set<string>();

/**
 * Scrolls down one screen at a time to the end of the page, so that charts drawn only when
 * they come into view (the profile's cards) are drawn, then back to the top. The steps are
 * driven from here with a short pause, not by a script awaiting animation frames inside the
 * page: headless Chromium 156 now and then stopped rendering that page for good (no frame,
 * no screenshot; seen as a 60 s timeout on a random profile, 1 in 18 pages; 0 in 48 this way).
 */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const screen = await page.evaluate(() => window.innerHeight);
  for (let y = screen; y < height; y += screen) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

export async function checkPage(browser: Browser, origin: string, {path, charts, texts}: PageExpectation, screenshotDir?: string): Promise<void> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE", timezoneId: "Europe/Berlin"});
  try {
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    const response = await page.goto(origin + path, {waitUntil: "networkidle"});
    expect(response?.status(), `HTTP-Status von ${path}`).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("de");
    await scrollThrough(page);
    await page.waitForFunction((n) => document.querySelectorAll("main svg[class^='plot']").length >= n, charts, {timeout: 15_000, polling: 100});
    const body = await page.innerText("main");
    for (const text of texts) expect(body, `Text auf ${path}`).toContain(text);
    // Framework shows a failed cell as an inline error instead of throwing.
    expect(await page.locator(".observablehq--error").count(), `fehlerhafte Zellen auf ${path}`).toBe(0);
    // Links drawn by scripts (tables, maps) are not in the static HTML: check them here.
    const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    const broken: string[] = [];
    for (const href of new Set(hrefs)) {
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        broken.push(`${href} (keine gültige Adresse)`);
        continue;
      }
      if (url.origin !== origin) continue;
      const target = url.origin + url.pathname;
      if (goodLinks.has(target)) continue;
      const status = (await context.request.get(target)).status();
      if (status === 200) goodLinks.add(target);
      else broken.push(`${url.pathname} (HTTP ${status})`);
    }
    expect(broken, `kaputte Links auf ${path}`).toEqual([]);
    // The whole page costs seconds for a long profile: only when asked (KBM_SCREENSHOTS=full), else the first screen.
    if (screenshotDir) await page.screenshot({path: join(screenshotDir, `${path.replace(/\W+/g, "_").replace(/^_|_$/g, "") || "index"}.png`), fullPage: process.env.KBM_SCREENSHOTS === "full"});
    expect(problems, `Probleme auf ${path}`).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
  } finally {
    await context.close();
  }
}
