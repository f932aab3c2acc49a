/**
 * `kbm pdf`: prints profile pages of the built site (dist/) to A4 PDFs with headless
 * Chromium, through the page's own print stylesheet (the "Steckbrief"). Each PDF is
 * written to a temp file and renamed, so an interrupted run leaves no half-written PDF.
 */
import {existsSync} from "node:fs";
import {mkdir, rename, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import type {Browser} from "playwright-core";
import {launchBrowser} from "./chromium.ts";
import {serveStatic} from "./serve-dist.ts";

export interface PdfJob {
  region: string;
  out: string;
}

export class MissingPageError extends Error {
  override name = "MissingPageError";
}

export async function renderProfilePdfs(dist: string, jobs: PdfJob[], {group, log = () => {}}: {group?: string; log?: (m: string) => void} = {}): Promise<void> {
  if (!existsSync(join(dist, "index.html"))) throw new MissingPageError(`${dist} enthält keine gebaute Seite: zuerst "npm run build" ausführen`);
  for (const job of jobs) {
    if (!existsSync(join(dist, "profil", `${job.region}.html`))) throw new MissingPageError(`Kein Profil für "${job.region}" in ${dist} (Kreisschlüssel wie 05315 oder Bezirk wie 11008008)`);
  }
  const server = await serveStatic(dist);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({locale: "de-DE", timezoneId: "Europe/Berlin"});
    for (const [i, job] of jobs.entries()) {
      const page = await context.newPage();
      const query = new URLSearchParams({druck: "1", ...(group ? {gruppe: group} : {})});
      await page.goto(`${server.url}/profil/${job.region}?${query}`, {waitUntil: "networkidle"});
      await page.waitForSelector(".steckbrief table", {state: "attached", timeout: 30_000});
      await page.emulateMedia({media: "print"});
      const pdf = await page.pdf({format: "A4", printBackground: false, preferCSSPageSize: true});
      await mkdir(dirname(job.out), {recursive: true});
      await writeFile(`${job.out}.tmp`, pdf);
      await rename(`${job.out}.tmp`, job.out);
      await page.close();
      log(`${i + 1}/${jobs.length} ${job.out}`);
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}
