/**
 * Figures for `kbm bericht`: the browser code of src/shared/report/figures.ts (the site's chart
 * function, SVG, canvas) bundled once with esbuild and run in headless Chromium, so the CLI's
 * PNGs come from the same drawing and rasterising as the profile page's buttons.
 */
import {build} from "esbuild";
import {resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import type {FigureChart, FigureImage} from "../../src/shared/report/model.ts";
import {launchBrowser} from "../site/chromium.ts";

export interface FigureRenderer {
  render(charts: {number: number; chart: FigureChart}[]): Promise<Map<number, FigureImage>>;
  close(): Promise<void>;
}

const ENTRY = resolve(import.meta.dirname, "../../src/shared/report/figures.ts");

let bundle: Promise<string> | null = null;

/** The figure code as one browser script that sets window.kbmFigures. */
function figureBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents: `import {renderFigureImages} from ${JSON.stringify(ENTRY)};
window.kbmFigures = async (charts) => {
  const images = await renderFigureImages(charts);
  return [...images].map(([number, {png, width, height}]) => {
    let s = ""; for (let i = 0; i < png.length; i += 0x8000) s += String.fromCharCode(...png.subarray(i, i + 0x8000));
    return {number, width, height, png: btoa(s)};
  });
};`,
      resolveDir: resolve(import.meta.dirname),
      loader: "ts"
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    // 557 KB of Plot and d3: minified, the page parses it in less time.
    minify: true,
    write: false,
    logLevel: "silent"
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

export async function renderFigures(): Promise<FigureRenderer> {
  const script = await figureBundle();
  const browser: Browser = await launchBrowser();
  let page: Page;
  try {
    page = await browser.newPage();
    // Nothing to load: the page has no address, the script comes inline.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(`<!doctype html><html lang="de"><body></body></html>`);
    await page.addScriptTag({content: script});
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    async render(charts) {
      const out = new Map<number, FigureImage>();
      if (!charts.length) return out;
      const images = await page.evaluate((c) => (window as unknown as {kbmFigures: (c: unknown) => Promise<{number: number; width: number; height: number; png: string}[]>}).kbmFigures(c), charts);
      for (const image of images) out.set(image.number, {png: new Uint8Array(Buffer.from(image.png, "base64")), width: image.width, height: image.height});
      return out;
    },
    close: () => browser.close()
  };
}
