import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {regionProfile, type ProfileRecord} from "../../pipelines/exports/profile.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";
import {formatValue} from "../../src/components/format.ts";
import {formatValue as formatGerman} from "../../src/components/format.ts";
import {signedChange} from "../../src/components/profile-overview.ts";
import {SITE_PAGES} from "./pages.ts";
import {launchBrowser} from "../support/browser.ts";

const root = resolve(import.meta.dirname, "../..");
const DECIMALS = new Map((JSON.parse(readFileSync(join(root, "data/snapshot/indicators.json"), "utf-8")) as {id: string; decimals: number}[]).map((i) => [i.id, i.decimals]));
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

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1280, height: 2400}, locale: "de-DE"});
  await page.goto(server.url + path, {waitUntil: "networkidle"});
  // Cards draw when they come into view; "Auf einen Blick" (50+ rows) now fills the first screen.
  await page.locator(".indicator-card").first().scrollIntoViewIfNeeded();
  await page.waitForSelector(".indicator-card[data-drawn-for]");
  return page;
}

/** The latest record with a number or a flag per indicator, as kbm export writes it. */
function latestByIndicator(records: ProfileRecord[]): Map<string, ProfileRecord> {
  const out = new Map<string, ProfileRecord>();
  for (const r of records) if (r.value !== null || r.flag !== null) out.set(r.indicator, r);
  return out;
}

describe("Profilseite im Browser", () => {
  it.each([["05315", "grossstaedte"], ["09184", "landkreise"], ["11008008", "bezirke"]])("%s zeigt die Werte von kbm export (Rang und Median in %s)", async (region, group) => {
    const records = await withWarehouse(DEFAULT_WAREHOUSE, (c) => regionProfile(c, region));
    const latest = latestByIndicator(records);
    const page = await open(`/profil/${region}?gruppe=${group}`);
    const cards = await page.$$eval(".indicator-card[data-drawn-for]", (nodes) =>
      nodes.map((n) => ({id: (n as HTMLElement).dataset.indicator!, value: n.querySelector(".kpi-value")?.textContent ?? "", position: n.querySelector(".kpi-position")?.textContent ?? ""}))
    );
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      const record = latest.get(card.id)!;
      expect(record, card.id).toBeDefined();
      if (record.value !== null) expect(card.value, card.id).toBe(formatValue(record.value, record.unit, DECIMALS.get(card.id)));
      const peers = record.peers[group];
      if (peers?.rank != null) expect(card.position, card.id).toContain(`Platz ${peers.rank} von ${peers.of}`);
    }
    await page.close();
  });

  it("switching the peer group redraws the cards and puts the choice into the URL", async () => {
    const page = await open("/profil/05315");
    await page.focus("#peer-group");
    await page.selectOption("#peer-group", "kreise");
    // Cards in the viewport redraw at once; the others when they scroll into view.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>(".indicator-card")]
        .filter((c) => c.getBoundingClientRect().top < innerHeight && c.getBoundingClientRect().bottom > 0)
        .every((c) => c.dataset.drawnFor === "gruppe:kreise")
    );
    for (const card of await page.locator(".indicator-card").all()) await card.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll(".indicator-card[data-drawn-for='gruppe:grossstaedte']").length === 0);
    expect(new URL(page.url()).search).toBe("?gruppe=kreise");
    expect(await page.textContent(".indicator-card .kpi-median")).toContain("Median Alle Kreise");
    await page.close();
  });

  it("a picked comparison set of regions ranks within the set and survives a reload", async () => {
    const page = await open("/profil/05315?vergleich=05111,05913,08111");
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".indicator-card[data-drawn-for]")?.dataset.drawnFor === "vergleich:05111,05913,08111");
    expect(await page.$$eval(".chips li", (items) => items.length)).toBe(3);
    expect(await page.textContent(".indicator-card .kpi-position")).toMatch(/Platz [1-4] von [1-4]/);
    // The median of a picked set includes the region, and the page says so.
    expect(await page.textContent(".indicator-card .kpi-median")).toContain("einschließlich Köln");
    await page.close();
  });
});

describe("Auf einen Blick", () => {
  it.each([["05315", "grossstaedte"], ["09184", "landkreise"], ["11008008", "bezirke"], ["11000", "grossstaedte"]])("%s: a row for every indicator the region has, with the values of kbm export (group %s)", async (region, group) => {
    const records = await withWarehouse(DEFAULT_WAREHOUSE, (c) => regionProfile(c, region));
    const latest = latestByIndicator(records);
    const page = await browser.newPage({viewport: {width: 1280, height: 800}, locale: "de-DE"});
    await page.goto(`${server.url}/profil/${region}?gruppe=${group}`, {waitUntil: "networkidle"});
    await page.waitForSelector("table.overview-table tbody tr[data-indicator]");
    expect(await page.textContent("table.overview-table caption")).toContain("Auf einen Blick");
    const rows = await page.$$eval("table.overview-table tbody tr[data-indicator]", (trs) => trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.indicator!,
      href: tr.querySelector("a")?.getAttribute("href"),
      value: tr.querySelector("td.value strong")?.textContent ?? "",
      change: tr.querySelector("td.change")?.firstChild?.textContent ?? "",
      position: tr.querySelector("td.position")?.textContent ?? "",
      land: tr.querySelector("td.land")?.textContent ?? "",
      bund: tr.querySelector("td.bund")?.textContent ?? ""
    })));
    expect(rows.map((r) => r.id).sort()).toEqual([...latest.keys()].sort());
    const withLand = region !== "11000";
    // Long units may wrap under the number: the overview writes a plain space there.
    const formatValue = (v: number | null, unit: string, decimals?: number) => (unit.length > 3 ? formatGerman(v, unit, decimals).replace("\u00a0", " ") : formatGerman(v, unit, decimals));
    for (const row of rows) {
      const r = latest.get(row.id)!;
      const decimals = DECIMALS.get(row.id);
      if (r.value !== null) expect(row.value, row.id).toBe(formatValue(r.value, r.unit, decimals));
      expect(row.change, row.id).toBe(signedChange(r.change_5y, decimals ?? 1, r.unit));
      expect(row.bund, row.id).toBe(formatValue(r.bund, r.unit, decimals));
      expect(row.land, row.id).toBe(formatValue(withLand ? r.land : null, r.unit, decimals));
      const peers = r.peers[group];
      if (peers?.rank != null && peers.of > 1) expect(row.position, row.id).toMatch(new RegExp(`^Platz ${peers.rank} von ${peers.of} · höchster Wert\u00a0=\u00a0Platz\u00a01`));
      expect(row.href, row.id).toBe(`#i-${row.id}`);
      expect(await page.locator(`#i-${row.id}`).count(), row.id).toBe(1);
    }
    // At 1280×800 the heading, the picker and the first rows show without scrolling.
    const bottom = await page.$eval("table.overview-table tbody tr[data-indicator]:nth-of-type(3)", (tr) => tr.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(800);
    expect(await page.$eval("#peer-group", (s) => s.getBoundingClientRect().bottom)).toBeLessThan(800);
    await page.close();
  });

  it("the position strips' tick labels never overlap (Köln, every card, real text boxes)", async () => {
    const page = await open("/profil/05315");
    for (const card of await page.locator(".indicator-card").all()) await card.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll(".indicator-card:not([data-drawn-for])").length === 0);
    const overlaps = await page.$$eval("figure.strip svg", (svgs) => svgs.flatMap((svg) => {
      const boxes = [...svg.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => (t as SVGGraphicsElement).getBoundingClientRect()).sort((a, b) => a.left - b.left);
      return boxes.flatMap((b, i) => (i > 0 && b.left < boxes[i - 1]!.right ? [`${svg.closest(".indicator-card")?.getAttribute("data-indicator")}: ${boxes[i - 1]!.right} > ${b.left}`] : []));
    }));
    expect(await page.$$eval("figure.strip svg", (s) => s.length)).toBeGreaterThan(10);
    expect(overlaps).toEqual([]);
    await page.close();
  });

  it("no page scrolls sideways at 390 px", {timeout: 300_000}, async () => {
    const paths = [...SITE_PAGES.map((p) => p.path).filter((p) => !p.startsWith("/indikatoren/") || p === "/indikatoren/"), "/indikatoren/betreuungsquote_u3", "/profil/05315", "/profil/09184", "/profil/11008008", "/profil/11000"];
    const wide: string[] = [];
    for (const path of paths) {
      const page = await browser.newPage({viewport: {width: 390, height: 844}, locale: "de-DE"});
      await page.goto(server.url + path, {waitUntil: "networkidle"});
      // Charts drawn by resize() settle to the container's width a few frames after load. Waited
      // from outside: a script awaiting animation frames inside the page now and then froze
      // headless Chromium for good (see test/support/page-check.ts).
      await page.waitForTimeout(400);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width}`);
      await page.close();
    }
    expect(wide).toEqual([]);
  });
});
