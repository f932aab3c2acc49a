/**
 * The profile's report buttons in a real browser: the generator loads only on click (the
 * eager page does not fetch it), the Word file carries one PNG figure with alt text per
 * numbered figure for the chosen group, Markdown the same tables; nothing goes to other hosts.
 * And `kbm bericht` with figures from headless Chromium: every figure a PNG with alt text.
 */
import {readFileSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {strFromU8, unzipSync} from "fflate";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EXIT_OK, runCli} from "../../pipelines/cli/main.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {captureIO} from "../support/capture-io.ts";
import {launchBrowser, watchPage} from "../support/browser.ts";

const root = resolve(import.meta.dirname, "../..");
let server: StaticServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await serveStatic(join(root, "dist"));
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "kbm-bericht-e2e-"));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, {recursive: true, force: true});
});

/** Figures of a DOCX read from its parts: the images and each drawing's alt text (wp:docPr descr). */
function docxFigures(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]!);
  const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
  const captions = [...xml.matchAll(/<w:t(?: [^>]*)?>(Abbildung \d+: [^<]*)<\/w:t>/g)].map((m) => m[1]!);
  const pngs = Object.entries(files).filter(([name]) => name.startsWith("word/media/") && name.endsWith(".png"));
  return {descriptions, captions, pngs, xml};
}

function pngSize(bytes: Uint8Array): {width: number; height: number} {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  return {width: view.getUint32(16), height: view.getUint32(20)};
}

describe("Berichtsentwurf", () => {
  it("kbm bericht draws every figure as a PNG with alt text", async () => {
    const out = join(dir, "koeln.docx");
    const c = captureIO(root);
    expect(await runCli(["bericht", "--region", "05315", "--out", out], c.io)).toBe(EXIT_OK);
    const {descriptions, captions, pngs} = docxFigures(new Uint8Array(readFileSync(out)));
    expect(captions.length).toBeGreaterThan(10);
    expect(pngs).toHaveLength(captions.length);
    expect(descriptions).toHaveLength(captions.length);
    for (const d of descriptions) expect(d).toMatch(/^Liniendiagramm .+ in Köln, Stadt/);
    // 640 CSS pixels at twice the density; wider where a label runs past the chart's edge.
    for (const [, png] of pngs) expect(pngSize(png).width).toBeGreaterThanOrEqual(1280);
  }, 120_000);

  it("the profile's buttons load the generator on click and save Word and Markdown for the chosen group", async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE", acceptDownloads: true});
    const page: Page = await context.newPage();
    const problems = watchPage(page, server.url);
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(`${server.url}/profil/05315?gruppe=kreisfrei`, {waitUntil: "networkidle"});
    await page.waitForSelector(".indicator-card");
    const eager = [...requested];
    expect(eager.some((u) => /report-download|docx/.test(u))).toBe(false);

    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 90_000}), page.getByRole("button", {name: "Berichtsentwurf (Word)"}).click()]);
    expect(download.suggestedFilename()).toBe("Bildungsbericht-Entwurf_05315_Koeln_Stadt.docx");
    const path = join(dir, "browser.docx");
    await download.saveAs(path);
    expect(requested.slice(eager.length).some((u) => /report-download/.test(u))).toBe(true);
    const {descriptions, captions, pngs, xml} = docxFigures(new Uint8Array(readFileSync(path)));
    expect(captions.length).toBeGreaterThan(10);
    expect(pngs).toHaveLength(captions.length);
    expect(descriptions).toHaveLength(captions.length);
    expect(xml).toContain("Vergleichsgruppe: Kreisfreie Städte");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("gespeichert");

    const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Berichtsentwurf (Markdown)"}).click()]);
    const text = readFileSync(await md.path(), "utf-8");
    expect(text).toContain("# Bildungsbericht Köln, Stadt – Entwurf");
    expect(text).toContain("Median Kreisfreie Städte");
    // The browser's Markdown equals the CLI's for the same region and group.
    const c = captureIO(root);
    expect(await runCli(["bericht", "--region", "05315", "--gruppe", "kreisfrei", "--format", "md"], c.io)).toBe(EXIT_OK);
    expect(text.replace(/Datenbestand erstellt am [\d.]+/, "")).toBe(c.stdout().replace(/Datenbestand erstellt am [\d.]+/, ""));

    expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    await context.close();
  }, 180_000);
});
