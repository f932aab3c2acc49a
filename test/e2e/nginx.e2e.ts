import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {NGINX, serveWithNginx, type NginxServer} from "../support/nginx.ts";
import {checkPage} from "../support/page-check.ts";
import {INDICATOR_SAMPLE, REGION_SAMPLE, SITE_PAGES} from "./pages.ts";
import {htmlFiles, inlineScriptHashes} from "../../pipelines/site/finalize-dist.ts";
import {readFile} from "node:fs/promises";

const root = resolve(import.meta.dirname, "../..");
const available = existsSync(NGINX);
if (!available && process.env.CI) throw new Error(`nginx fehlt unter ${NGINX}, unter CI=true ist das ein Fehler`);
if (!available) console.warn(`nginx fehlt unter ${NGINX}: Test der Auslieferung über nginx übersprungen`);

describe.skipIf(!available)("Auslieferung über nginx mit docs/deploy/kbm-site.conf", () => {
  let server: NginxServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveWithNginx(join(root, "dist"));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // In the browser: one page of each kind (each loads its own scripts and data), an indicator
  // page and a Kreis profile; every other page's inline scripts are checked below without a browser.
  const kinds = ["/", "/programm/?stand=2015-08-28", "/daten/", "/karte/", "/eigene-daten/", "/indikatoren/", "/fortbildung/", "/fortbildung/berlin-kinderarmut-kita"];
  const inBrowser = [...SITE_PAGES.filter((p) => kinds.includes(p.path)), INDICATOR_SAMPLE()[0]!, REGION_SAMPLE.find((p) => p.path === "/profil/05315")!];
  it.each(inBrowser.map((p) => [p.path, p] as const))("%s läuft ohne CSP-Verstoß", async (_path, expectation) => {
    await checkPage(browser, server.url, expectation);
  });

  // The other pages differ only in their inline scripts: each one's hash must be in its own CSP.
  it("every page of dist/ allows exactly its own inline scripts", async () => {
    let pages = 0;
    const missing: string[] = [];
    for await (const file of htmlFiles(join(root, "dist"))) {
      const html = await readFile(file, "utf-8");
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
      const allowed = new Set(/script-src ([^;]*)/.exec(csp ?? "")?.[1]?.split(" ").filter((s) => s.startsWith("'sha256-")));
      for (const hash of inlineScriptHashes(html)) if (!allowed.has(hash)) missing.push(`${file.slice(root.length)}: ${hash}`);
      if (csp === undefined) missing.push(`${file.slice(root.length)}: keine CSP`);
      pages++;
    }
    expect(pages).toBeGreaterThan(450);
    expect(missing).toEqual([]);
  });

  it("sends the security headers and a CSP meta with script hashes on pages", async () => {
    const response = await fetch(server.url + "/");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const html = await response.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'sha256-/);
    expect(html).not.toContain("unsafe-eval");
  });

  it("compresses scripts and caches hashed assets for a year", async () => {
    const html = await (await fetch(server.url + "/")).text();
    const asset = /href="\.\/(_observablehq\/client\.[0-9a-f]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const response = await fetch(`${server.url}/${asset}`, {headers: {"accept-encoding": "gzip"}});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("serves clean URLs and answers unknown pages with the German 404 page", async () => {
    expect((await fetch(server.url + "/daten/")).status).toBe(200);
    const missing = await fetch(server.url + "/gibt-es-nicht");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Seite nicht gefunden");
  });
});
