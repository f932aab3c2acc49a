/**
 * The training pages in the browser: switching the region redraws the charts and recomputes the
 * sentences; the picker works with the keyboard; the presentation mode moves through the steps
 * with ArrowRight/PageDown/Space and ArrowLeft/PageUp, shows its counter and leaves with Escape;
 * ?praesentation=N opens it directly. No console error, failed or foreign request on the way.
 * Screenshots of every example (first presentation step, print; every step with
 * KBM_SCREENSHOTS=full) go to test-results/training/.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdirSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {launchBrowser, watchPage, type PageProblems} from "../support/browser.ts";
import {serveStatic, type StaticServer} from "../../pipelines/site/serve-dist.ts";

const root = resolve(import.meta.dirname, "../..");
const shots = join(root, "test-results", "training");
// Whole pages cost a second or more each: only when asked (KBM_SCREENSHOTS=full), else the first screen.
const FULL_SHOTS = process.env.KBM_SCREENSHOTS === "full";

interface Example {
  slug: string;
  steps: number;
  /** Default region: a computed sentence that names it. */
  before: string;
  /** The region the test switches to and the start of its sentence. */
  switchTo: string;
  after: string;
}

const EXAMPLES: Example[] = [
  {slug: "kita-u3", steps: 9, before: "Köln lag ", switchTo: "14612", after: "Dresden lag "},
  {slug: "ohne-abschluss", steps: 9, before: "Köln lag ", switchTo: "09471", after: "Bamberg (Landkreis) lag "},
  {slug: "abitur-g8-g9", steps: 10, before: "Region Hannover lag ", switchTo: "05315", after: "Köln lag "},
  {slug: "uebergang-beruf", steps: 10, before: "Köln lag 2022 mit", switchTo: "16063", after: "Wartburgkreis lag 2022 mit"},
  {slug: "berlin-kinderarmut-kita", steps: 9, before: "In Neukölln liegt die Kinderarmut", switchTo: "11001001", after: "In Mitte liegt die Kinderarmut"}
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, {recursive: true});
  server = await serveStatic(join(root, "dist"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{context: BrowserContext; page: Page; problems: PageProblems}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "de-DE", timezoneId: "Europe/Berlin"});
  const page = await context.newPage();
  const problems = watchPage(page, server.url);
  await page.goto(server.url + path, {waitUntil: "networkidle"});
  await page.waitForFunction(() => document.querySelectorAll("main svg[class^='plot']").length >= 1 && document.querySelectorAll(".training-sentence").length > 0);
  return {context, page, problems};
}

const sentences = (page: Page) => page.$$eval(".training-sentence", (els) => els.map((e) => (e as HTMLElement).innerText));
const chartLabels = (page: Page) => page.$$eval("main svg[role='img']", (els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
const presenting = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("training-presenting"));
const counter = (page: Page) => page.innerText(".training-counter");
const visibleSteps = (page: Page) => page.$$eval(".training-step", (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);

async function expectStep(page: Page, n: number, of: number): Promise<void> {
  await page.waitForFunction(([k, total]) => document.querySelector(".training-counter")?.textContent?.startsWith(`Schritt ${k} von ${total}`), [n, of] as const);
  expect(await visibleSteps(page)).toBe(1);
  expect(new URL(page.url()).searchParams.get("praesentation")).toBe(String(n));
}

describe("Fortbildung im Browser", () => {
  it.each(EXAMPLES.map((e) => [e.slug, e] as const))("%s: Regionswechsel rechnet Sätze und Diagramme neu", async (slug, example) => {
    const {context, page, problems} = await open(`/fortbildung/${slug}`);
    try {
      const beforeText = await sentences(page);
      const beforeCharts = await chartLabels(page);
      expect(beforeText.some((s) => s.startsWith(example.before))).toBe(true);
      await page.screenshot({path: join(shots, `${slug}.png`), fullPage: FULL_SHOTS});

      await page.selectOption(".training-region select", example.switchTo);
      await page.waitForFunction((start) => [...document.querySelectorAll(".training-sentence")].some((e) => (e as HTMLElement).innerText.startsWith(start)), example.after);
      await page.waitForTimeout(300);
      const afterText = await sentences(page);
      const afterCharts = await chartLabels(page);
      expect(afterText.some((s) => s.startsWith(example.before))).toBe(false);
      expect(afterCharts.length).toBeGreaterThan(0);
      expect(afterCharts).not.toEqual(beforeCharts);
      expect(new URL(page.url()).searchParams.get("region")).toBe(example.switchTo);
      await page.screenshot({path: join(shots, `${slug}-${example.switchTo}.png`), fullPage: FULL_SHOTS});

      // A reload of the address shows the same region.
      await page.reload({waitUntil: "networkidle"});
      await page.waitForFunction((start) => [...document.querySelectorAll(".training-sentence")].some((e) => (e as HTMLElement).innerText.startsWith(start)), example.after);
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await context.close();
    }
  });

  it.each(EXAMPLES.map((e) => [e.slug, e] as const))("%s: Präsentationsmodus mit der Tastatur", async (slug, example) => {
    const {context, page, problems} = await open(`/fortbildung/${slug}`);
    try {
      expect(await presenting(page)).toBe(false);
      await page.click(".training-present-toggle");
      // The pointer would stay over a chart and open its tooltip in the screenshots.
      await page.mouse.move(5, 895);
      expect(await presenting(page)).toBe(true);
      await expectStep(page, 1, example.steps);
      expect(await page.isVisible(".training-counter")).toBe(true);
      expect(await page.isVisible("#observablehq-sidebar")).toBe(false);
      for (let n = 1; n <= example.steps; n++) {
        if (n > 1) await page.keyboard.press("ArrowRight");
        await expectStep(page, n, example.steps);
        // Every step's screenshot costs half a second: the first always, the others with KBM_SCREENSHOTS=full.
        if (n > 1 && !FULL_SHOTS) continue;
        await page.waitForTimeout(250);
        await page.screenshot({path: join(shots, `${slug}-praesentation-${n}.png`)});
      }
      // At the end ArrowRight stays; back with ArrowLeft and PageUp, on with PageDown and Space.
      await page.keyboard.press("ArrowRight");
      await expectStep(page, example.steps, example.steps);
      await page.keyboard.press("Home");
      await expectStep(page, 1, example.steps);
      await page.keyboard.press("PageDown");
      await expectStep(page, 2, example.steps);
      await page.keyboard.press(" ");
      await expectStep(page, 3, example.steps);
      await page.keyboard.press("ArrowLeft");
      await expectStep(page, 2, example.steps);
      await page.keyboard.press("PageUp");
      await expectStep(page, 1, example.steps);
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !document.documentElement.classList.contains("training-presenting"));
      expect(await page.isVisible(".training-counter")).toBe(false);
      expect(await visibleSteps(page)).toBe(example.steps);
      expect(new URL(page.url()).searchParams.has("praesentation")).toBe(false);
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await context.close();
    }
  });

  it("?praesentation=4 opens the mode at step 4 with large charts; the region picker stays usable by keyboard", async () => {
    const {context, page, problems} = await open("/fortbildung/kita-u3?region=05315&praesentation=4");
    try {
      expect(await presenting(page)).toBe(true);
      await expectStep(page, 4, 9);
      expect(await counter(page)).toBe("Schritt 4 von 9 · Vergleich über die Zeit");
      await page.waitForFunction(() => [...document.querySelectorAll(".training-step.is-current svg[role='img']")].some((s) => (s.getAttribute("style") ?? "").includes("font-size: 17px")));
      // Keyboard only: focus the picker, choose the next Kreis with ArrowDown; the step stays.
      await page.focus(".training-region select");
      const before = await page.$eval(".training-region select", (s) => (s as HTMLSelectElement).value);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction((v) => (document.querySelector(".training-region select") as HTMLSelectElement).value !== v, before);
      const chosen = await page.$eval(".training-region select", (s) => (s as HTMLSelectElement).value);
      await page.waitForFunction((id) => new URL(location.href).searchParams.get("region") === id, chosen);
      await expectStep(page, 4, 9);
      expect(await page.$eval(".training-step.is-current svg[role='img']", (s) => s.getAttribute("aria-label"))).not.toContain("Köln");
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await context.close();
    }
  });

  it.each(EXAMPLES.map((e) => [e.slug] as const))("%s: Handout für A4 (Druckansicht ohne Bedienelemente)", async (slug) => {
    const {context, page, problems} = await open(`/fortbildung/${slug}`);
    try {
      await page.emulateMedia({media: "print"});
      expect(await page.isVisible(".training-toolbar")).toBe(false);
      expect(await visibleSteps(page)).toBeGreaterThan(5);
      await page.setViewportSize({width: 794, height: 1123});
      await page.waitForTimeout(300);
      await page.screenshot({path: join(shots, `${slug}-druck.png`), fullPage: FULL_SHOTS});
      const pdf = await page.pdf({format: "A4", printBackground: false});
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(problems).toEqual({consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []});
    } finally {
      await context.close();
    }
  });
});

describe("Präsentation auf dem Beamer", () => {
  /** Walks every step with the keyboard; per step: how it was fitted, its bottom, the bar's top, the smallest text. */
  async function walk(viewport: {width: number; height: number}, slug: string, steps: number) {
    const context = await browser.newContext({viewport, locale: "de-DE", timezoneId: "Europe/Berlin"});
    const page = await context.newPage();
    await page.goto(`${server.url}/fortbildung/${slug}?praesentation=1`, {waitUntil: "networkidle"});
    const out: {step: number; fit: string; bottom: number; barTop: number; smallest: number; text: string}[] = [];
    for (let step = 1; step <= steps; step++) {
      if (step > 1) await page.keyboard.press("ArrowRight");
      await page.waitForFunction((n) => {
        const current = document.querySelector<HTMLElement>(".training-step.is-current");
        return document.querySelector(".training-counter")?.textContent?.startsWith(`Schritt ${n} `) && current?.dataset.fit !== undefined;
      }, step);
      // The step's data-fit is set when fitting ends; a frame later the layout is final.
      await page.waitForTimeout(100);
      out.push({step, ...(await page.evaluate(() => {
        const current = document.querySelector<HTMLElement>(".training-step.is-current")!;
        const barTop = document.querySelector(".training-present-bar")!.getBoundingClientRect().top;
        let bottom = 0;
        let smallest = Infinity;
        let text = "";
        for (const el of current.querySelectorAll<Element>("*")) {
          // A closed <details> (the Lösungshinweis) shows only its summary.
          if (el.closest("details:not([open])") && !el.closest("summary") && el.tagName !== "SUMMARY") continue;
          const box = el.getBoundingClientRect();
          if (!box.width || !box.height || getComputedStyle(el).visibility === "hidden") continue;
          bottom = Math.max(bottom, box.bottom);
          if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
          // Text in an SVG is as large as the SVG is drawn relative to its own width.
          const svg = el.closest("svg");
          const scale = svg ? svg.getBoundingClientRect().width / (Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width) : 1;
          const size = parseFloat(getComputedStyle(el).fontSize) * scale;
          if (size < smallest) [smallest, text] = [size, el.textContent!.slice(0, 40)];
        }
        return {fit: current.dataset.fit!, bottom, barTop, smallest, text};
      }))});
    }
    await context.close();
    return out;
  }

  it.each(EXAMPLES.map((e) => [e.slug, e.steps] as const))("%s: every step fits 1280×720 above the bar", async (slug, steps) => {
    const result = await walk({width: 1280, height: 720}, slug, steps);
    expect(result).toHaveLength(steps);
    const over = result.filter((r) => r.fit === "overflow" || r.bottom > r.barTop + 0.5).map((r) => `Schritt ${r.step}: ${Math.round(r.bottom)} > ${Math.round(r.barTop)} (${r.fit})`);
    expect(over).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.slug, e.steps] as const))("%s: at 1024×768 no text is smaller than 12 px", async (slug, steps) => {
    const result = await walk({width: 1024, height: 768}, slug, steps);
    const small = result.filter((r) => r.smallest < 11.95).map((r) => `Schritt ${r.step}: ${r.smallest.toFixed(1)} px „${r.text}“`);
    expect(small).toEqual([]);
  });
});
