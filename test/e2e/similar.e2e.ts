/**
 * "Warum diese?" in the browser: the panel loads only on demand, shows the warehouse's
 * neighbours (kbm peers), and own weights recompute the group, live in the URL and are
 * labelled as not the default peers.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {similarPeers} from "../../pipelines/exports/similar.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";
import {launchBrowser, watchPage} from "../support/browser.ts";

const root = resolve(import.meta.dirname, "../..");
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(join(root, "dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Ähnliche Kommunen auf der Profilseite", () => {
  it("lädt das Panel erst auf Klick und zeigt die Nachbarn aus dem Warehouse; eigene Gewichte stehen in der URL", async () => {
    const peers = await withWarehouse(DEFAULT_WAREHOUSE, (c) => similarPeers(c, "05315"));
    const page = await browser.newPage({viewport: {width: 1280, height: 900}, locale: "de-DE"});
    const problems = watchPage(page, server.url);
    await page.goto(`${server.url}/profil/05315?gruppe=aehnliche`, {waitUntil: "networkidle"});
    expect(server.requests.some((p) => p.includes("similar-context") || p.includes("similar-panel"))).toBe(false);
    await page.click(".similar-entry button");
    await page.waitForSelector(".similar-panel table");
    const names = await page.$$eval(".similar-panel tbody tr td:first-child", (cells) => cells.map((c) => c.textContent?.trim()));
    expect(names).toEqual(["Köln, Stadt", ...peers.neighbours.map((n) => n.name)]);
    expect(await page.locator(".similar-own").isVisible()).toBe(false);
    await page.locator('.similar-panel input[aria-label="Gewicht Kinderarmut (SGB II, unter 15)"]').fill("3");
    await page.waitForSelector(".similar-own:not([hidden])");
    expect(await page.locator(".similar-own").innerText()).toContain("NICHT die Standard-Vergleichsregionen");
    expect(new URL(page.url()).searchParams.get("gewichte")).toBe("kinderarmut:3");
    await page.reload({waitUntil: "networkidle"});
    await page.waitForSelector(".similar-panel table");
    expect(await page.locator(".similar-own").isVisible()).toBe(true);
    expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    await page.close();
  });
});
