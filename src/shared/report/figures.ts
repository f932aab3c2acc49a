/**
 * The report's figures: drawn by the site's trend chart (src/shared/charts/trend-chart.ts),
 * made one standalone SVG (an HTML swatch legend, if any, redrawn as SVG text; fonts named
 * explicitly) and rasterised through a canvas. Runs in a browser: on the profile page when a button is clicked, and for `kbm bericht`
 * inside headless Chromium (pipelines/report-draft/figures.ts), so both give the same pixels.
 */
import {trendChart} from "../charts/trend-chart.js";
import type {FigureChart, FigureImage} from "./model.js";

/** Figure width in CSS pixels (the DOCX scales it to the text width); PNGs carry twice as many pixels. */
export const FIGURE_WIDTH = 640;
export const FIGURE_SCALE = 2;
const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif";
const LEGEND_ROW = 18;

/** Draws one figure with the site's chart function. */
export function drawFigure(chart: FigureChart, width = FIGURE_WIDTH): Element {
  const {points, unit, decimals, regionName, medianLabel, landName, breaks} = chart;
  return trendChart(points, {width, unit, decimals, regionName, medianLabel, landName, breaks});
}

/**
 * One standalone SVG document from a Plot chart (an <svg>, or a <figure> with an HTML swatch
 * legend and the <svg>): the legend becomes SVG rectangles and text above the plot.
 */
export function figureSvg(element: Element, measure: (text: string) => number, bounds: Bounds | null = null): {svg: string; width: number; height: number} {
  const svgs = element.tagName.toLowerCase() === "svg" ? [element] : [...element.querySelectorAll("svg")].filter((s) => !s.closest("[class$='-swatch']"));
  const plot = svgs.at(-1);
  if (!plot) throw new Error("Das Diagramm enthält kein SVG");
  const width = Number(plot.getAttribute("width"));
  const height = Number(plot.getAttribute("height"));
  const swatches = [...element.querySelectorAll("[class$='-swatch']")].map((s) => {
    const svg = s.querySelector("svg");
    const color = svg?.getAttribute("fill") ?? svg?.querySelector("[fill]")?.getAttribute("fill") ?? svg?.getAttribute("stroke") ?? "#333";
    return {color, text: (s.textContent ?? "").trim()};
  });
  const legend: string[] = [];
  let x = 0;
  let row = 0;
  for (const {color, text} of swatches) {
    const w = 16 + measure(text) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const y = row * LEGEND_ROW + 4;
    legend.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${esc(color)}"/><text x="${x + 16}" y="${y + 10}">${esc(text)}</text>`);
    x += w;
  }
  const legendHeight = swatches.length ? (row + 1) * LEGEND_ROW + 6 : 0;
  // Text that runs past the chart's own edges (a long tick label) stays visible: the nested SVG
  // does not clip, and the outer view box grows to the drawn extent.
  const copy = plot.cloneNode(true) as Element;
  copy.setAttribute("overflow", "visible");
  const inner = new XMLSerializer().serializeToString(copy).replace(/system-ui,\s*sans-serif/g, FONT);
  const x0 = Math.min(0, Math.floor(bounds?.x ?? 0));
  const x1 = Math.max(width, Math.ceil((bounds?.x ?? 0) + (bounds?.width ?? 0)));
  const y0 = Math.min(0, Math.floor(bounds?.y ?? 0) + legendHeight);
  const y1 = Math.max(height, Math.ceil((bounds?.y ?? 0) + (bounds?.height ?? 0))) + legendHeight;
  const w = x1 - x0;
  const h = y1 - y0;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x0} ${y0} ${w} ${h}" font-family="${FONT.replace(/"/g, "'")}" font-size="12">` +
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#fff"/><g fill="#222">${legend.join("")}</g>` +
    `<g transform="translate(0,${legendHeight})">${inner}</g></svg>`;
  return {svg, width: w, height: h};
}

/** The extent of everything drawn, in the chart's own coordinates (getBBox, so browser only). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Rasterises an SVG document through an <img> and a canvas (browser only). */
export async function svgToPng(svg: string, width: number, height: number, scale = FIGURE_SCALE): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
    if (!blob) throw new Error("Die Abbildung ließ sich nicht als PNG speichern");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Draws the figures one after another (they share the page's layout), and rasterises them all at
 * once: decoding and PNG encoding run off the page's main thread, so on two cores 39 figures take
 * about half as long as one at a time (browser only).
 */
export async function renderFigureImages(charts: {number: number; chart: FigureChart}[]): Promise<Map<number, FigureImage>> {
  const context = document.createElement("canvas").getContext("2d")!;
  context.font = `12px ${FONT}`;
  const measure = (text: string) => context.measureText(text).width;
  const out = new Map<number, FigureImage>();
  const host = document.createElement("div");
  host.style.cssText = "position:absolute;left:-10000px;top:0";
  document.body.append(host);
  const pending: Promise<void>[] = [];
  try {
    for (const {number, chart} of charts) {
      const element = drawFigure(chart);
      host.replaceChildren(element);
      const plot = element.tagName.toLowerCase() === "svg" ? element : element.querySelector("svg:last-of-type");
      const box = plot ? (plot as SVGGraphicsElement).getBBox() : null;
      const {svg, width, height} = figureSvg(element, measure, box);
      pending.push(svgToPng(svg, width, height).then((png) => void out.set(number, {png, width, height})));
    }
  } finally {
    host.remove();
  }
  await Promise.all(pending);
  // In the order the figures were asked for, as before.
  return new Map(charts.flatMap(({number}) => (out.has(number) ? [[number, out.get(number)!] as const] : [])));
}
