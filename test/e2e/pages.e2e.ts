import {afterAll, beforeAll, describe, it} from "vitest";
import {mkdirSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {checkPage} from "../support/page-check.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {INDICATOR_PAGES_ALL, INDICATOR_SAMPLE, REGION_PAGES_ALL, REGION_SAMPLE, SITE_PAGES} from "./pages.ts";

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

describe("Seiten im Browser", () => {
  const pages = [...SITE_PAGES, ...(full ? [...INDICATOR_PAGES_ALL(), ...REGION_PAGES_ALL()] : [...INDICATOR_SAMPLE(), ...REGION_SAMPLE])];
  it.each(pages.map((p) => [p.path, p] as const))("%s", async (_path, expectation) => {
    await checkPage(browser, server.url, expectation, screenshots);
  });
});
