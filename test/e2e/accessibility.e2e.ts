import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {launchBrowser} from "../support/browser.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";
import {AXE_PAGES} from "./pages.ts";

const root = resolve(import.meta.dirname, "../..");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf-8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: {target: string[]}[];
}

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

describe("Barrierefreiheit (axe-core)", () => {
  it.each(AXE_PAGES.map((p) => [p] as const))("%s ohne schwere oder kritische Verstöße", async (path) => {
    // axe is injected as a script; the page's CSP would block it, so this context bypasses CSP.
    const context = await browser.newContext({bypassCSP: true, locale: "de-DE", viewport: {width: 1280, height: 900}});
    try {
      const page = await context.newPage();
      await page.goto(server.url + path, {waitUntil: "networkidle"});
      await page.waitForTimeout(300);
      await page.addScriptTag({content: axeSource});
      const violations = (await page.evaluate(async () => {
        const result = await (window as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<{violations: unknown[]}>}}).axe.run(document, {resultTypes: ["violations"]});
        return result.violations;
      })) as AxeViolation[];
      const severe = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
      expect(severe).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
