/**
 * Text from the programme sheets is rendered as text. A copy of the project gets sheets whose
 * municipality name and event title are HTML with script; its site (only /programm/, to keep the
 * build short) is built with the normal build and opened in Chromium: the payload must show
 * literally, no element or script may come of it, no dialog may open, no request for "x" may go
 * out, no console error (a CSP violation would be one) may occur.
 */
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {launchBrowser, watchPage} from "../support/browser.ts";

const root = resolve(import.meta.dirname, "../..");
const NAME = "<script>alert(2)</script>";
const TITLE = "<img src=x onerror=alert(1)>";

let work: string;
let server: StaticServer;
let browser: Browser;

/** Replaces exactly one occurrence (fails loudly when the example sheets change). */
function replaceOnce(path: string, search: string, replacement: string): void {
  const text = readFileSync(path, "utf-8");
  const count = text.split(search).length - 1;
  if (count !== 1) throw new Error(`${path}: ${JSON.stringify(search)} kommt ${count}-mal vor`);
  writeFileSync(path, text.replace(search, replacement));
}

/** Every page except /programm/ (and the 404 page) is removed from the copy. */
function keepOnlyProgrammePage(dir: string): void {
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    const path = join(entry.parentPath, entry.name);
    const rel = relative(join(work, "src"), path);
    if (entry.isFile() && entry.name.endsWith(".md") && rel !== "programm/index.md" && rel !== "404.md") rmSync(path);
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "kbm-injection-"));
  const skip = /^(node_modules|dist|\.git|test-results|data\/reports|src\/\.observablehq)(\/|$)|^data\/warehouse\.duckdb/;
  cpSync(root, work, {recursive: true, filter: (src) => !skip.test(relative(root, src))});
  symlinkSync(join(root, "node_modules"), join(work, "node_modules"));

  replaceOnce(join(work, "data/programme/kommunen.csv"), "\nberlin-mitte;Berlin-Mitte;", `\nberlin-mitte;${NAME};`);
  replaceOnce(join(work, "data/programme/veranstaltungen.csv"), "V001;Auftaktveranstaltung;26.06.2014;berlin-mitte;Auftaktveranstaltung der Transferagenturen für Großstädte;", `V001;Auftaktveranstaltung;26.06.2014;berlin-mitte;${TITLE};`);

  // Only the programme page: the site's config without the per-region and per-indicator pages.
  renameSync(join(work, "observablehq.config.ts"), join(work, "observablehq.site.config.ts"));
  writeFileSync(
    join(work, "observablehq.config.ts"),
    'import site from "./observablehq.site.config.ts";\nexport default {...site, dynamicPaths: [], pages: site.pages.filter((p) => p.path === "/programm/")};\n'
  );
  keepOnlyProgrammePage(join(work, "src"));

  const build = spawnSync(join(root, "node_modules/.bin/tsx"), ["pipelines/site/build-site.ts"], {cwd: work, encoding: "utf-8", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
  if (build.status !== 0) throw new Error(`Bau der Kopie fehlgeschlagen:\n${build.stderr.slice(-3000)}`);
  server = await serveStatic(join(work, "dist"));
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, {recursive: true, force: true});
});

describe("Text aus den Programmlisten bleibt Text", () => {
  it("/programm/ shows an HTML name and title literally and runs nothing", async () => {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE", timezoneId: "Europe/Berlin"});
    try {
      const page = await context.newPage();
      const problems = watchPage(page, server.url);
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const requests: string[] = [];
      page.on("request", (request) => requests.push(request.url()));

      const response = await page.goto(`${server.url}/programm/`, {waitUntil: "networkidle"});
      expect(response?.status()).toBe(200);
      await page.waitForFunction(() => document.querySelectorAll("main svg[class^='plot']").length >= 5, null, {timeout: 30_000});

      // The municipality table shows the name as text.
      expect(await page.innerText("main")).toContain(NAME);
      // The event timeline shows the title in the tip of its first event (V001) on hover; Plot wraps
      // the tip's lines at spaces (a zero-width space marks each break).
      const timeline = page.locator("main svg[aria-label^='Zeitleiste']");
      await timeline.locator("g[aria-label='dot'] > *").first().hover();
      await page.waitForFunction(() => document.querySelector("main svg[aria-label^='Zeitleiste'] g[aria-label='tip']")?.textContent, null, {timeout: 5_000});
      const tip = await timeline.locator("g[aria-label='tip']").evaluate((g) => g.textContent ?? "");
      const squeeze = (text: string) => text.replace(/[\s\u200b]/g, "");
      expect(squeeze(tip)).toContain(squeeze(TITLE));
      expect(squeeze(tip)).toContain(squeeze(NAME));

      // Nothing of the payload became markup or ran.
      expect(await page.locator("img[src='x'], img[onerror]").count()).toBe(0);
      expect(await page.$$eval("script", (scripts) => scripts.filter((s) => /alert\(/.test(s.textContent ?? "")).length)).toBe(0);
      expect(dialogs).toEqual([]);
      expect(requests.filter((url) => new URL(url).pathname.endsWith("/x"))).toEqual([]);
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await context.close();
    }
  });
});
