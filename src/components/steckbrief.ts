/**
 * The printed "Steckbrief": every indicator of a profile on one or two A4 pages, as a table
 * with a sparkline, in black and white. Hidden on screen, shown by the print stylesheet.
 * Sparklines are plain SVG paths: cheap enough to keep current with every comparison.
 */
import type {ProfileFile} from "../../pipelines/exports/profile-file.ts";
import type {Source} from "../../pipelines/snapshot/format.ts";
import {formatNumber, formatPeriod, formatValue} from "./format.js";
import type {IndicatorView} from "./profile-model.js";
import {AREA_ORDER} from "./areas.js";
import {sourceOrigin, type LabelIndicator} from "../shared/source-label.js";

const SVG = "http://www.w3.org/2000/svg";

/** A 90×18 line of the region's values; gaps stay gaps. */
export function sparkline(points: {year: number; value: number | null}[]): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", "90");
  svg.setAttribute("height", "18");
  svg.setAttribute("viewBox", "0 0 90 18");
  svg.setAttribute("aria-hidden", "true");
  const numbers = points.filter((p): p is {year: number; value: number} => p.value !== null);
  if (numbers.length < 2) return svg;
  const years = points.map((p) => p.year);
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  const values = numbers.map((p) => p.value);
  const [y0, y1] = [Math.min(...values), Math.max(...values)];
  const x = (year: number) => (x1 === x0 ? 45 : 2 + ((year - x0) / (x1 - x0)) * 86);
  const y = (value: number) => (y1 === y0 ? 9 : 16 - ((value - y0) / (y1 - y0)) * 14);
  let d = "";
  let previous: number | null = null;
  for (const p of [...points].sort((a, b) => a.year - b.year)) {
    if (p.value === null) {
      previous = null;
      continue;
    }
    d += `${previous === null || p.year - previous > 1 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`;
    previous = p.year;
  }
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "1.2");
  svg.append(path);
  return svg;
}

function cell(tag: "td" | "th", text: string | Node, className?: string): HTMLTableCellElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(text);
  return node;
}

export function steckbrief(file: ProfileFile, views: IndicatorView[], sources: Map<string, Source>, comparisonLabel: string, catalog: readonly (LabelIndicator & {id: string})[] = []): HTMLElement {
  const root = document.createElement("section");
  root.className = "steckbrief";
  const heading = document.createElement("h2");
  heading.textContent = `Steckbrief ${file.region.name} – Vergleich: ${comparisonLabel}`;
  root.append(heading);
  const table = document.createElement("table");
  const head = document.createElement("tr");
  for (const h of ["Kennzahl", "Wert", "Stand", "Veränd. 5 J.", "Rang", "Median", "Verlauf"]) head.append(cell("th", h));
  table.append(document.createElement("thead"));
  table.tHead!.append(head);
  const body = document.createElement("tbody");
  const used = new Set<string>();
  const origins = new Set<string>();
  for (const area of AREA_ORDER) {
    const inArea = views.filter((v) => v.indicator.area === area);
    if (!inArea.length) continue;
    const row = document.createElement("tr");
    row.className = "area-row";
    const th = cell("th", area);
    th.colSpan = 7;
    row.append(th);
    body.append(row);
    for (const v of inArea) {
      v.sources.forEach((s) => used.add(s));
      const meta = catalog.find((i) => i.id === v.indicator.id);
      for (const id of v.sources) {
        const source = sources.get(id);
        if (source) origins.add(meta ? sourceOrigin(meta, source) : `${source.producer} – ${source.attribution}`);
      }
      const fmt = (n: number | null) => formatValue(n, v.indicator.unit, v.indicator.decimals);
      const tr = document.createElement("tr");
      tr.append(
        cell("td", v.indicator.name),
        cell("td", v.latest ? (v.latest.value === null ? v.latest.flagText ?? "–" : fmt(v.latest.value)) : "–", "num"),
        cell("td", v.latest ? formatPeriod(v.latest.period) : "–"),
        cell("td", v.change5 === null ? "–" : `${v.change5 > 0 ? "+" : v.change5 < 0 ? "−" : "±"}${formatNumber(Math.abs(v.change5), v.indicator.decimals)}`, "num"),
        cell("td", v.rank === null ? "–" : `${v.rank}/${v.of}`, "num"),
        cell("td", fmt(v.median), "num"),
        cell("td", sparkline(v.trend))
      );
      body.append(tr);
    }
  }
  table.append(body);
  root.append(table);
  const notes = document.createElement("p");
  notes.className = "steckbrief-sources";
  const list = [...used].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  notes.textContent = `Quellen: ${[...origins].join("; ")}. Lizenzen: ${[...new Set(list.map((s) => s.licence))].join("; ")}. Rang: 1 = höchster Wert. Veränderung in Prozentpunkten bei Anteilen. Hinweise zu jeder Kennzahl im Online-Profil /profil/${file.region.id}.`;
  root.append(notes);
  return root;
}
