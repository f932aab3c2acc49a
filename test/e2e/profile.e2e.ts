import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {regionProfile, type ProfileRecord} from "../../pipelines/exports/profile.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";
import {formatValue} from "../../src/components/format.ts";
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
      nodes.map((n) => ({id: (n as HTMLElement).dataset.indicator!, value: n.querySelector(".kpi-value")?.textContent ?? "", facts: n.querySelector(".kpi-facts")?.textContent ?? ""}))
    );
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      const record = latest.get(card.id)!;
      expect(record, card.id).toBeDefined();
      if (record.value !== null) expect(card.value, card.id).toBe(formatValue(record.value, record.unit, DECIMALS.get(card.id)));
      const peers = record.peers[group];
      if (peers?.rank != null) expect(card.facts, card.id).toContain(`Rang ${peers.rank} von ${peers.of}`);
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
    expect(await page.textContent(".indicator-card .kpi-facts")).toContain("Median Alle Kreise");
    await page.close();
  });

  it("a picked comparison set of regions ranks within the set and survives a reload", async () => {
    const page = await open("/profil/05315?vergleich=05111,05913,08111");
    await page.waitForFunction(() => document.querySelector<HTMLElement>(".indicator-card[data-drawn-for]")?.dataset.drawnFor === "vergleich:05111,05913,08111");
    expect(await page.$$eval(".chips li", (items) => items.length)).toBe(3);
    expect(await page.textContent(".indicator-card .kpi-facts")).toMatch(/Rang [1-4] von [1-4]/);
    await page.close();
  });
});
