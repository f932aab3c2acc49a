// Issue #12 §5 in the browser: type into the home page's search, press Enter, land on the profile.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {launchBrowser, watchPage} from "../support/browser.ts";
import {ENTER_OPENS} from "../support/region-queries.ts";

const root = resolve(import.meta.dirname, "../..");
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(join(root, "dist"));
  browser = await launchBrowser();
  const context = await browser.newContext({locale: "de-DE", viewport: {width: 1280, height: 800}});
  page = await context.newPage();
  // Only the search matters here: skip loading what the profile draws, so each query is quick.
  await page.route(/\/_file\/data\/(profiles|kreis-series|latest-values)/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("home page search: Enter opens the best match", () => {
  it("has at least 20 queries, including every example of the issue", () => {
    expect(ENTER_OPENS.length).toBeGreaterThanOrEqual(20);
  });

  // Every query is checked against the resolver in test/shared/region-resolver.test.ts; in the
  // browser CI takes every fourth (a full page load each), KBM_E2E_FULL=1 all of them.
  const queries = process.env.KBM_E2E_FULL === "1" ? ENTER_OPENS : ENTER_OPENS.filter((_, i) => i % 4 === 0);
  it.each(queries)("%s → /profil/%s", async (query, id) => {
    await page.goto(`${server.url}/`, {waitUntil: "domcontentloaded"});
    const input = page.getByRole("combobox", {name: "Kommunalprofil öffnen"});
    await input.fill(query);
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(`**/profil/${id}`), input.press("Enter")]);
    expect(new URL(page.url()).pathname).toBe(`/profil/${id}`);
  });

  it("lists kind and Land, and the line that a Gemeinde belongs to its Kreis, without page errors", async () => {
    // A fresh page without the aborted profile requests of the queries above.
    const context = await browser.newContext({locale: "de-DE", viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/`, {waitUntil: "networkidle"});
    const input = page.getByRole("combobox", {name: "Kommunalprofil öffnen"});
    await input.fill("Offenbach");
    const options = page.getByRole("option");
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    expect(await options.nth(0).innerText()).toContain("kreisfreie Stadt · Hessen · 06413");
    expect(await options.nth(1).innerText()).toContain("Landkreis · Hessen · 06438");
    await input.fill("Neuss");
    await expect.poll(() => options.nth(0).innerText()).toContain("Neuss ist kein Kreis: gehört zu Rhein-Kreis Neuss");
    await page.screenshot({path: join(root, "test-results", "region-search-neuss.png")});
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });
});
