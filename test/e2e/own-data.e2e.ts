/**
 * Eigene Daten in the browser.
 * 1. /eigene-daten/ of the built dist/: the worked example (the three files the build made from
 *    the snapshot) and then a file with errors go in through the file inputs; the map, the table
 *    and the problem list appear, HTML in names stays text, and not one request goes out after the
 *    first file is chosen. A profile page loads none of the page's code.
 * 2. A copy of the project with own data for Köln (kbm own add): a default build publishes none
 *    of it; a KBM_OWN=1 build shows "Eigene Kennzahlen" with maps on Köln's profile.
 */
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import type {Browser, BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {launchBrowser, watchPage} from "../support/browser.ts";

const root = resolve(import.meta.dirname, "../..");
const fixtures = join(root, "test/fixtures/own-data");
const OWN_MARKERS = ["Gesundheitsamt Musterstadt", "Jugendamt Musterstadt", "Neustadt-Nord", "Kinder mit Sprachförderbedarf (Einschulungsuntersuchung)"];

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** The built file of a data loader: dist/_file/data/<name>.<hash>.<ext>. */
function builtFile(dist: string, name: string, ext: string): string {
  const found = readdirSync(join(dist, "_file", "data")).find((f) => f.startsWith(`${name}.`) && f.endsWith(`.${ext}`) && f.split(".").length === 3);
  if (!found) throw new Error(`${name}.*.${ext} fehlt in dist/_file/data`);
  return join(dist, "_file", "data", found);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("/eigene-daten/ in the browser", () => {
  let server: StaticServer;
  let context: BrowserContext;
  const dist = join(root, "dist");
  beforeAll(async () => {
    server = await serveStatic(dist);
    context = await browser.newContext({viewport: {width: 1280, height: 720}, locale: "de-DE", timezoneId: "Europe/Berlin"});
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("checks and draws the worked example and lists the problems of a bad file, with zero requests after the files are chosen", async () => {
    const page = await context.newPage();
    const problems = watchPage(page, server.url);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${server.url}/eigene-daten/`, {waitUntil: "networkidle"});
    await page.waitForSelector("#own-daten");
    const before = requests.length;

    await page.selectOption("#own-kreis", "11000");
    await page.setInputFiles("#own-daten", builtFile(dist, "eigene-daten-beispiel", "csv"));
    await page.setInputFiles("#own-kennzahlen", builtFile(dist, "eigene-daten-beispiel-kennzahlen", "csv"));
    await page.setInputFiles("#own-gebiete", builtFile(dist, "eigene-daten-beispiel", "geojson"));
    await page.waitForFunction(() => document.querySelectorAll(".own-map svg g[aria-label='geo'] path").length === 542, null, {timeout: 30_000});
    expect(await page.innerText(".own-status")).toMatch(/2\.168 Zeilen \(UTF-8 mit BOM\), 542 Gebiete \(WGS84\), keine Fehler\./);
    expect(await page.locator(".own-report table.data-table tbody tr").count()).toBe(542);
    expect(await page.innerText(".own-report h3")).toBe("Arbeitslose (SGB II und III) je 100 Einwohner von 15 bis unter 65 Jahren, 2020");
    expect(await page.innerText(".own-kreis strong")).toMatch(/^Zum Vergleich: Berlin, Stadt, 2020: \d+,\d\u00a0%/);
    // Another kennzahl redraws map and table.
    await page.selectOption("select[name=kennzahl]", "mss_kinderarmut");
    await page.waitForFunction(() => document.querySelector(".own-report h3")?.textContent?.startsWith("Kinderarmut"));
    expect(await page.locator(".own-map svg g[aria-label='geo'] path").count()).toBe(542);

    // A file with errors: the problem list, no map, no table.
    await page.setInputFiles("#own-daten", join(fixtures, "musterstadt-fehler.csv"));
    await page.setInputFiles("#own-kennzahlen", []);
    await page.setInputFiles("#own-gebiete", join(fixtures, "musterstadt-gebiete-25832.geojson"));
    await page.waitForFunction(() => document.querySelector(".own-problems.has-errors"));
    // Each chosen file re-checks at once: the bad CSV is first checked against Berlin's 542 areas,
    // then against the Musterstadt areas. Wait for the last check.
    await expect.poll(() => page.locator(".own-problem-table tbody tr").count(), {timeout: 15_000}).toBe(9);
    const rows = await page.locator(".own-problem-table tbody tr").allInnerTexts();
    expect(rows[0]!.split("\t")).toEqual(["Fehler", "musterstadt-fehler.csv", "Zeile 2", "wert", "Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig", "21.4"]);
    expect(rows[4]!.split("\t")).toEqual(["Fehler", "musterstadt-fehler.csv", "Zeile 6", "gebiet_id", "ein Gebiet aus musterstadt-gebiete-25832.geojson", "SR09"]);
    expect(await page.locator(".own-report").count()).toBe(0);

    // HTML in names is shown as text.
    await page.setInputFiles("#own-daten", join(fixtures, "musterstadt-namen.csv"));
    await page.waitForFunction(() => document.querySelectorAll(".own-map svg g[aria-label='geo'] path").length === 4);
    expect(await page.locator(".own-report table.data-table tbody tr td:nth-child(2)").allInnerTexts()).toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator("img[src='x'], img[onerror]").count()).toBe(0);

    expect(requests.slice(before)).toEqual([]);
    expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    await page.close();
  });

  it("a profile page loads none of the page's code and no own data", async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/profil/05315`, {waitUntil: "networkidle"});
    expect(requests.filter((p) => /own-data|own-indicators|papaparse|zod|proj4|eigene-daten/.test(p))).toEqual([]);
    await page.close();
  });
});

describe("own data is published only with KBM_OWN=1", () => {
  let work: string;
  const build = (env: Record<string, string>, args: string[] = []) => {
    const result = spawnSync(join(root, "node_modules/.bin/tsx"), ["pipelines/site/build-site.ts", ...args], {cwd: work, encoding: "utf-8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}});
    if (result.status !== 0) throw new Error(`Bau der Kopie fehlgeschlagen:\n${result.stderr.slice(-3000)}`);
  };

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "kbm-own-"));
    const skip = /^(node_modules|dist|\.git|test-results|data\/reports|data\/own|src\/\.observablehq)(\/|$)|^data\/warehouse\.duckdb/;
    cpSync(root, work, {recursive: true, filter: (src) => !skip.test(relative(root, src))});
    symlinkSync(join(root, "node_modules"), join(work, "node_modules"));
    const add = spawnSync(join(root, "node_modules/.bin/tsx"), ["bin/kbm.js", "own", "add", join(fixtures, "musterstadt-zwei-jahre.csv"), "--meta", join(fixtures, "musterstadt-kennzahlen.csv"), "--geo", join(fixtures, "musterstadt-gebiete-25832.geojson"), "--region", "05315"], {cwd: work, encoding: "utf-8"});
    if (add.status !== 0) throw new Error(add.stderr);
    // Only Köln's profile: the site's config without the other pages.
    renameSync(join(work, "observablehq.config.ts"), join(work, "observablehq.site.config.ts"));
    writeFileSync(join(work, "observablehq.config.ts"), 'import site from "./observablehq.site.config.ts";\nexport default {...site, dynamicPaths: ["/profil/05315"], pages: []};\n');
    for (const entry of readdirSync(join(work, "src"), {withFileTypes: true, recursive: true})) {
      const rel = relative(join(work, "src"), join(entry.parentPath, entry.name));
      if (entry.isFile() && entry.name.endsWith(".md") && rel !== "profil/[region].md" && rel !== "404.md") rmSync(join(entry.parentPath, entry.name));
    }
  }, 60_000);
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true});
  });

  it("a default build's dist/ holds none of the own data, although data/own/ and the warehouse have it", () => {
    build({KBM_OWN: ""});
    expect(existsSync(join(work, "data/own/05315/daten.csv"))).toBe(true);
    const found: string[] = [];
    for (const file of files(join(work, "dist"))) {
      const text = readFileSync(file).toString("utf-8");
      for (const marker of OWN_MARKERS) if (text.includes(marker)) found.push(`${relative(work, file)}: ${marker}`);
    }
    expect(found).toEqual([]);
    expect(JSON.parse(readFileSync(builtFile(join(work, "dist"), "eigene-kennzahlen", "json"), "utf-8"))).toEqual({included: false, regions: {}});
  }, 600_000);

  it("with KBM_OWN=1, Köln's profile shows Eigene Kennzahlen with a map per kennzahl", async () => {
    build({KBM_OWN: "1"}, ["--skip-data"]);
    const server = await serveStatic(join(work, "dist"));
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    try {
      const problems = watchPage(page, server.url);
      await page.goto(`${server.url}/profil/05315`, {waitUntil: "networkidle"});
      await page.waitForSelector("#eigene-kennzahlen", {timeout: 30_000});
      const section = page.locator("section.own-indicators");
      expect(await section.locator("h3").allInnerTexts()).toEqual(["Kinder mit Sprachförderbedarf (Einschulungsuntersuchung), 2023", "Betreuungsquote unter 3 Jahren, 2023"]);
      expect(await section.locator("svg g[aria-label='geo']").count()).toBe(2);
      expect(await section.innerText()).toContain("Quelle: Gesundheitsamt Musterstadt (erfunden) · Stichtag: Schuljahr · Eigene Daten der Kommune");
      await page.screenshot({path: join(tmpdir(), "kbm-own-profile.png"), fullPage: true});
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await page.close();
      await server.close();
    }
  }, 600_000);
});
