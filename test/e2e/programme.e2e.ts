/**
 * /programm/ as a programme lead uses it on a Monday, on the figures published on 28.08.2015:
 * the growth chart with the as-of date and the milestones, the three agencies side by side,
 * the gap list with its threshold in the address, the Fachgruppen, all six modules and the
 * municipalities × modules matrix; at 1280 and 390 px. Runs on the built dist/ (npm run build);
 * KBM_E2E_DIST points it at another build (e.g. one of only this page).
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {launchBrowser, watchPage} from "../support/browser.ts";

const dist = process.env.KBM_E2E_DIST ?? resolve(import.meta.dirname, "../../dist");
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(dist, "programm", "index.html"))) throw new Error(`${dist}: keine gebaute Seite /programm/ (npm run build)`);
  server = await serveStatic(dist);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(width: number, query: string): Promise<{page: Page; problems: ReturnType<typeof watchPage>; close: () => Promise<void>}> {
  const context = await browser.newContext({viewport: {width, height: 900}, locale: "de-DE", timezoneId: "Europe/Berlin"});
  const page = await context.newPage();
  const problems = watchPage(page, server.url);
  const response = await page.goto(`${server.url}/programm/${query}`, {waitUntil: "networkidle"});
  expect(response?.status()).toBe(200);
  await page.waitForFunction(() => document.querySelector("table.matrix tbody tr") && document.querySelector("svg[aria-label^='Wachstum']"), null, {timeout: 30_000});
  return {page, problems, close: () => context.close()};
}

describe("/programm/?stand=2015-08-28", () => {
  it("shows the growth, the agencies, the gaps and the module matrix of that day", async () => {
    const {page, problems, close} = await open(1280, "?stand=2015-08-28");
    try {
      // Growth: ends on the as-of date with 21 in contact of 26, the as-of line labelled, two milestone markers.
      const growth = page.locator("svg[aria-label^='Wachstum']");
      expect(await growth.getAttribute("aria-label")).toBe(
        "Wachstum des Netzwerks bis 28.08.2015: im Austausch 21, Analyseworkshop 5, Vereinbarung 4, Fortbildung 4, Fachgruppe 3 von 26 förderfähigen Kommunen; 2 veröffentlichte Meilensteine markiert."
      );
      expect(await growth.locator("text", {hasText: "Stichtag 28.08.2015"}).count()).toBe(1);
      const milestones = await page.locator("ol.milestones li").allInnerTexts();
      expect(milestones[1]).toContain("28.08.2015: 21 von 26 Städten im Austausch, darunter 10 von 12 Berliner Bezirken");
      expect(milestones[1]).toContain("Quelle: „Ein Jahr Transferagenturen für Großstädte“, Meldung vom 28.08.2015");
      expect(await page.locator("svg[aria-label^='Stattgefundene Veranstaltungen je Monat']").getAttribute("aria-label")).toContain("17 insgesamt");

      // Per agency: three small multiples and a table whose municipality counts add up to the totals.
      expect(await page.locator(".agency-multiples figure h3").allInnerTexts()).toEqual(["Transferagentur Berlin", "Transferagentur Bremen", "Transferagentur Hamburg"]);
      const rows = await page.locator("table.agencies tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent!.trim())));
      expect(rows.map((r) => r.slice(0, 3))).toEqual([["Berlin", "17", "14"], ["Bremen", "6", "5"], ["Hamburg", "3", "2"]]);
      const total = await page.locator("table.agencies tfoot tr").evaluate((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent!.trim()));
      expect(total.slice(0, 3)).toEqual(["zusammen", "26", "21"]);

      // Gap list: 5 without contact first, then those in contact for at least 6 months; profile links.
      const gaps = await page.locator("table.gaps tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((c) => c.textContent!.trim())));
      expect(gaps.slice(0, 5).every((g) => g[2] === "noch kein Kontakt")).toBe(true);
      expect(gaps.length).toBe(16);
      expect(await page.locator("table.gaps a[href='/profil/05711']").innerText()).toBe("Bielefeld");

      // Network: all six modules, also those without sessions; the matrix has 26 rows and 6 module columns.
      const modules = await page.locator("table.modules tbody tr td:first-child").allInnerTexts();
      expect(modules).toEqual([
        "1. Einführung in das kommunale Bildungsmanagement", "2. Datengestütztes Steuern", "3. Bildung und Stadtentwicklung",
        "4. Diversität und soziale Lage", "5. Kooperieren, koordinieren, beteiligen", "6. Qualitätsentwicklung und Wirkungsorientierung"
      ]);
      expect(await page.locator("table.matrix tbody tr").count()).toBe(26);
      expect(await page.locator("table.matrix thead th.mod").count()).toBe(6);
      expect(await page.locator("table.matrix tbody tr").first().locator("td.taken").count()).toBe(2);
      expect(await page.locator("a.template-link").getAttribute("download")).toBe("programmlisten-vorlage.xlsx");
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await close();
    }
  });

  it("keeps the gap threshold in the address", async () => {
    const {page, close} = await open(1280, "?stand=2015-08-28&monate=12");
    try {
      expect(new URL(page.url()).searchParams.get("monate")).toBe("12");
      const months = await page.locator("table.gaps tbody tr td:nth-child(5)").allInnerTexts();
      // Without contact (14 months since the start) or at least 12 months at their stage.
      expect(months.map(Number).every((m) => m >= 12)).toBe(true);
      expect(months.length).toBe(8);
    } finally {
      await close();
    }
  });

  it("fits a phone (390 px): no page-wide horizontal scrolling, Berlin's districts numbered with a key", async () => {
    const {page, problems, close} = await open(390, "?stand=2015-08-28");
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const berlin = page.locator("svg[aria-label^='Berliner Bezirke']");
      expect(await berlin.locator("text", {hasText: /^12$/}).count()).toBe(1);
      expect(await berlin.textContent()).toContain("12 Reinickendorf");
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await close();
    }
  });
});
