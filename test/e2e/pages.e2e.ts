import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdirSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {launchBrowser, watchPage} from "../support/browser.ts";
import {serveStatic, type StaticServer} from "../support/static-server.ts";
import {REGION_SAMPLE, SITE_PAGES, type PageExpectation} from "./pages.ts";

const root = resolve(import.meta.dirname, "../..");
const screenshots = join(root, "test-results", "screenshots");
const full = process.env.KBM_E2E_FULL === "1";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, {recursive: true});
  server = await serveStatic(join(root, "dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function checkPage({path, charts, texts}: PageExpectation) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE", timezoneId: "Europe/Berlin"});
  const page = await context.newPage();
  const problems = watchPage(page, server.url);
  const response = await page.goto(server.url + path, {waitUntil: "networkidle"});
  expect(response?.status(), `HTTP-Status von ${path}`).toBe(200);
  expect(await page.getAttribute("html", "lang")).toBe("de");
  await page.waitForFunction((n) => document.querySelectorAll("main svg[class^='plot']").length >= n, charts, {timeout: 15_000});
  const body = await page.innerText("main");
  for (const text of texts) expect(body, `Text auf ${path}`).toContain(text);
  // Framework shows a failed cell as an inline error instead of throwing.
  expect(await page.locator(".observablehq--error").count(), `fehlerhafte Zellen auf ${path}`).toBe(0);
  await page.screenshot({path: join(screenshots, `${path.replace(/\W+/g, "_") || "index"}.png`), fullPage: true});
  await context.close();
  expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
}

describe("Seiten im Browser", () => {
  const pages = full ? [...SITE_PAGES, ...REGION_SAMPLE] : [...SITE_PAGES, ...REGION_SAMPLE];
  it.each(pages.map((p) => [p.path, p] as const))("%s", async (_path, expectation) => {
    await checkPage(expectation);
  });
});
