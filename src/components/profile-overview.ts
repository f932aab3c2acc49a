/**
 * "Auf einen Blick": one table with every indicator a region has, grouped by the guideline's
 * areas. The profile opens with it and the printed Steckbrief is this table, so both always
 * show the same figures. Rows are computed by a pure function (tested against kbm export);
 * the table builder only lays them out.
 */
import type {ProfileFile} from "../../pipelines/exports/profile-file.ts";
import {AREA_ORDER} from "./areas.js";
import {formatNumber, formatPeriod, formatValue} from "./format.js";
import type {IndicatorView} from "./profile-model.js";

export interface OverviewRow {
  id: string;
  area: string;
  name: string;
  /** Latest value in its unit, or the flag's meaning ("–" when there is none). */
  value: string;
  period: string;
  change5: string;
  /** Why there is no 5-year change, where the warehouse gives a reason. */
  changeReason: string | null;
  position: string;
  land: string;
  bund: string;
  spark: {year: number; value: number | null}[];
}

export interface OverviewAxis {
  from: number;
  to: number;
}

/** "+1,2 Pp." for shares, "+1,2" otherwise; null → "–". */
export function signedChange(value: number | null, decimals: number, unit: string): string {
  if (value === null) return "–";
  const text = formatNumber(Math.abs(value), decimals);
  const points = unit === "%" ? "\u00a0Pp." : "";
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${text}${points}`;
}

/**
 * Rank in words: "Platz 3 von 25 · höchster Wert = Platz 1 · oberes Viertel", and for indicators
 * with a polarity whether the outer quarter counts as favourable. Quarters follow the share of
 * the group with a lower value (the warehouse's percentile).
 */
export function positionText(rank: number | null, of: number, percentile: number | null, polarity: string): string {
  if (rank === null || of < 2) return "–";
  const parts = [`Platz ${rank} von ${of}`, "höchster Wert\u00a0=\u00a0Platz\u00a01"];
  if (percentile !== null) {
    const quarter = percentile >= 75 ? "oberes Viertel" : percentile <= 25 ? "unteres Viertel" : "mittlere Hälfte";
    const high = percentile >= 75;
    const low = percentile <= 25;
    const judged = polarity === "higher_better" ? (high ? " (günstig)" : low ? " (ungünstig)" : "") : polarity === "higher_worse" ? (high ? " (ungünstig)" : low ? " (günstig)" : "") : "";
    parts.push(quarter + judged);
  }
  return parts.join(" · ");
}

/** The reason a change is missing, when the profile file carries one (data-depth adds it). */
function changeReason(file: ProfileFile, id: string, period: string | undefined): string | null {
  const series = file.series[id] as unknown as Record<string, unknown> | undefined;
  if (!series || period === undefined) return null;
  const periods = series.period as string[];
  const k = periods.indexOf(period);
  for (const key of ["change_5y_reason", "change_5y_note"]) {
    const list = series[key];
    if (Array.isArray(list) && typeof list[k] === "string" && list[k]) return list[k] as string;
  }
  return null;
}

export function overviewRows(file: ProfileFile, views: IndicatorView[]): OverviewRow[] {
  const rows: OverviewRow[] = [];
  for (const area of AREA_ORDER) {
    const inArea = views.filter((v) => v.indicator.area === area).sort((a, b) => a.indicator.name.localeCompare(b.indicator.name, "de"));
    for (const v of inArea) {
      const {indicator, latest} = v;
      // A long unit ("Personen", "je 1.000 Einwohner") may wrap under its number in the narrow columns.
      const fmt = (n: number | null) => (indicator.unit.length > 3 ? formatValue(n, indicator.unit, indicator.decimals).replace("\u00a0", " ") : formatValue(n, indicator.unit, indicator.decimals));
      const at = latest ? v.trend.find((p) => p.year === latest.year) : undefined;
      rows.push({
        id: indicator.id,
        area,
        name: indicator.name,
        value: latest ? (latest.value === null ? latest.flagText ?? "–" : fmt(latest.value)) : "–",
        period: latest ? formatPeriod(latest.period) : "–",
        change5: signedChange(v.change5, indicator.decimals, indicator.unit),
        changeReason: v.change5 === null ? changeReason(file, indicator.id, latest?.period) : null,
        position: positionText(v.rank, v.of, v.percentile, indicator.polarity),
        land: fmt(at?.land ?? null),
        bund: fmt(at?.bund ?? null),
        spark: v.trend.map((p) => ({year: p.year, value: p.value}))
      });
    }
  }
  return rows;
}

/** The shared time axis of the sparklines: first to last year with a value in any row. */
export function overviewAxis(rows: OverviewRow[]): OverviewAxis | null {
  const years = rows.flatMap((r) => r.spark.filter((p) => p.value !== null).map((p) => p.year));
  return years.length ? {from: Math.min(...years), to: Math.max(...years)} : null;
}

const SVG = "http://www.w3.org/2000/svg";
const SPARK_W = 110;
const SPARK_H = 18;

/** A line of the region's values on the table's common time axis; gaps stay gaps. */
export function sparkline(points: {year: number; value: number | null}[], axis: OverviewAxis): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", String(SPARK_W));
  svg.setAttribute("height", String(SPARK_H));
  svg.setAttribute("viewBox", `0 0 ${SPARK_W} ${SPARK_H}`);
  svg.setAttribute("aria-hidden", "true");
  svg.classList.add("sparkline");
  const numbers = points.filter((p): p is {year: number; value: number} => p.value !== null).sort((a, b) => a.year - b.year);
  if (!numbers.length) return svg;
  const values = numbers.map((p) => p.value);
  const [y0, y1] = [Math.min(...values), Math.max(...values)];
  const x = (year: number) => (axis.to === axis.from ? SPARK_W / 2 : 3 + ((year - axis.from) / (axis.to - axis.from)) * (SPARK_W - 6));
  const y = (value: number) => (y1 === y0 ? SPARK_H / 2 : SPARK_H - 3 - ((value - y0) / (y1 - y0)) * (SPARK_H - 6));
  let d = "";
  let previous: number | null = null;
  for (const p of numbers) {
    d += `${previous === null || p.year - previous > 1 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`;
    previous = p.year;
  }
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "1.3");
  svg.append(path);
  // The last value as a dot: a single year still shows.
  const last = numbers.at(-1)!;
  const dot = document.createElementNS(SVG, "circle");
  dot.setAttribute("cx", x(last.year).toFixed(1));
  dot.setAttribute("cy", y(last.value).toFixed(1));
  dot.setAttribute("r", "2");
  dot.setAttribute("fill", "currentColor");
  svg.append(dot);
  return svg;
}

function cell(tag: "td" | "th", content: string | Node, className?: string): HTMLTableCellElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(content);
  return node;
}

export interface OverviewOptions {
  caption: string;
  /** A second line of the caption, e.g. the comparison group. */
  subcaption?: string;
  landLabel: string | null;
  /** Rows link to their card on the page (not in print). */
  links: boolean;
}

export function overviewTable(rows: OverviewRow[], {caption, subcaption, landLabel, links}: OverviewOptions): HTMLTableElement {
  const axis = overviewAxis(rows);
  const table = document.createElement("table");
  table.className = "overview-table";
  const cap = document.createElement("caption");
  cap.textContent = caption;
  if (subcaption) {
    const sub = document.createElement("span");
    sub.className = "caption-group";
    sub.textContent = subcaption;
    cap.append(sub);
  }
  table.append(cap);
  const head = document.createElement("tr");
  const columns = ["Kennzahl", "Wert (Stand)", "Veränderung in 5 Jahren", "Position in der Vergleichsgruppe", landLabel ?? "Land", "Deutschland"];
  for (const h of columns) head.append(cell("th", h));
  const sparkHead = cell("th", "");
  sparkHead.className = "spark-head";
  sparkHead.append("Verlauf", document.createElement("br"));
  const years = document.createElement("span");
  years.className = "spark-axis";
  const [a, b] = [document.createElement("span"), document.createElement("span")];
  a.textContent = axis ? String(axis.from) : "";
  b.textContent = axis ? String(axis.to) : "";
  years.replaceChildren(a, b);
  sparkHead.append(years);
  head.append(sparkHead);
  for (const th of head.children) th.setAttribute("scope", "col");
  const thead = document.createElement("thead");
  thead.append(head);
  table.append(thead);
  const body = document.createElement("tbody");
  let area = "";
  for (const r of rows) {
    if (r.area !== area) {
      area = r.area;
      const tr = document.createElement("tr");
      tr.className = "area-row";
      const th = cell("th", area);
      th.colSpan = columns.length + 1;
      th.setAttribute("scope", "colgroup");
      tr.append(th);
      body.append(tr);
    }
    const tr = document.createElement("tr");
    tr.dataset.indicator = r.id;
    let name: Node = document.createTextNode(r.name);
    if (links) {
      const link = document.createElement("a");
      link.href = `#i-${r.id}`;
      link.textContent = r.name;
      name = link;
    }
    const nameCell = cell("th", name);
    nameCell.setAttribute("scope", "row");
    const change = cell("td", r.change5, "num change");
    if (r.changeReason) {
      const reason = document.createElement("span");
      reason.className = "change-reason";
      reason.textContent = r.changeReason;
      change.append(document.createElement("br"), reason);
    }
    const spark = cell("td", axis ? sparkline(r.spark, axis) : "", "spark");
    const value = cell("td", "", "num value");
    const strong = document.createElement("strong");
    strong.textContent = r.value;
    const period = document.createElement("span");
    period.className = "period";
    period.textContent = r.period;
    value.append(strong, document.createElement("br"), period);
    // "Platz 3 von 25" first, the direction in words below it.
    const position = cell("td", "", "position");
    const [place, ...words] = r.position.split(" · ");
    const placeNode = document.createElement("span");
    placeNode.className = "place";
    placeNode.textContent = place!;
    position.append(placeNode);
    if (words.length) {
      const w = document.createElement("span");
      w.className = "direction";
      w.textContent = ` · ${words.join(" · ")}`;
      position.append(w);
    }
    tr.append(nameCell, value, change, position, cell("td", r.land, "num land"), cell("td", r.bund, "num bund"), spark);
    body.append(tr);
  }
  table.append(body);
  return table;
}
