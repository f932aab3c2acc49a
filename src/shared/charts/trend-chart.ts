/**
 * The one trend chart of the project: a region's series against its comparison group's median
 * and middle half, the Land and the Bund. The profile cards, the training examples and the
 * report draft (from the CLI, with jsdom's `document`) all draw it with this function.
 *
 * Grammar that cannot mislead:
 * - the legend is part of the SVG and lists exactly the marks drawn, each with its own swatch;
 * - every series is a line with a dot per value, so a single published year still shows;
 * - missing years break the lines (never 0), a year with a special value is a red tick;
 * - years are whole numbers; a break in a series (source change, census basis, G8/G9) is a
 *   labelled rule and the lines do not run across it;
 * - counts of very different size never share an axis: Land and Bund are left out and the
 *   plan says why (the card prints it).
 */
import * as Plot from "@observablehq/plot";
import {describeChart} from "./a11y.js";
import {formatNumber, formatValue} from "../format.js";

export interface TrendRow {
  year: number;
  value: number | null;
  flag: string | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  land: number | null;
  bund: number | null;
}

export interface TrendBreak {
  /** First year on the new basis. */
  year: number;
  label: string;
}

export interface TrendChartOptions {
  width: number;
  /** Presentation mode: larger type, taller chart. */
  big?: boolean;
  /** Height of the plot area (without legend); a default follows from width and `big`. */
  height?: number;
  unit: string;
  decimals: number;
  regionName: string;
  /** e.g. "Median Großstädte" (null: no comparison line). */
  medianLabel: string | null;
  /** The band's legend text. */
  bandLabel?: string;
  landName: string | null;
  /** A user-picked set: one labelled line each. */
  others?: {name: string; points: {year: number; value: number | null}[]}[];
  /** Vertical rules with a label, e.g. the legal entitlement on 01.08.2013 (x may be fractional). */
  events?: {x: number; label: string}[];
  /** Shaded spans of years, e.g. years without any Kreis value. */
  gaps?: {from: number; to: number; label: string}[];
  /** Years to highlight (e.g. a missing Abitur cohort), with their legend text. */
  marked?: number[];
  markedLabel?: string;
  /** Breaks in the series. */
  breaks?: TrendBreak[];
  /** Shorthand for one break labelled "andere Quelle". */
  sourceBreak?: number | null;
  /** Leads the text alternative. */
  title?: string;
  /** Another document (jsdom in Node). */
  document?: Document;
}

export const TREND_COLORS = {region: "#1b5e9e", median: "#444", band: "#c9d7e6", land: "#b35806", bund: "#222", flag: "#b00", highlight: "#d95f02", gap: "#eeeeee", break: "#7a0177"};
const OTHER_COLORS = ["#7b3294", "#1b7837", "#a6611a", "#c2185b", "#5e6b78"];

export type LegendKind = "region" | "median" | "band" | "land" | "bund" | "other" | "flag" | "marked" | "break";

export interface LegendEntry {
  kind: LegendKind;
  label: string;
  color: string;
}

export interface TrendPlan {
  rows: TrendRow[];
  /** What the chart draws, in legend order. */
  legend: LegendEntry[];
  drawLand: boolean;
  drawBund: boolean;
  breaks: TrendBreak[];
  /** Sentences a page shows under the chart: why a line is missing. */
  notes: string[];
}

/** Years without a row become empty rows, so lines break there instead of bridging the gap. */
export function fillYears(rows: TrendRow[]): TrendRow[] {
  if (!rows.length) return rows;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const byYear = new Map(sorted.map((r) => [r.year, r]));
  const out: TrendRow[] = [];
  for (let year = sorted[0]!.year; year <= sorted.at(-1)!.year; year++) {
    out.push(byYear.get(year) ?? {year, value: null, flag: null, median: null, q1: null, q3: null, land: null, bund: null});
  }
  return out;
}

function numbers(rows: TrendRow[], key: "value" | "median" | "land" | "bund" | "q1" | "q3"): number[] {
  return rows.map((r) => r[key]).filter((v): v is number => v !== null && Number.isFinite(v));
}

function yearSpan(rows: TrendRow[], key: "land" | "bund"): string {
  const years = rows.filter((r) => r[key] !== null).map((r) => r.year);
  if (!years.length) return "";
  return years.length === 1 ? `nur ${years[0]}` : `${years[0]}–${years.at(-1)}`;
}

/**
 * What the chart will draw and what the page must say about what it leaves out. Land and Bund
 * are left out when their size differs from the region's by more than a factor of 4 (counts
 * such as population): on one axis the region would be a flat line at zero.
 */
export function planTrend(input: TrendRow[], options: TrendChartOptions): TrendPlan {
  const rows = fillYears(input);
  const {regionName, medianLabel, landName, others = [], marked = []} = options;
  const bandLabel = options.bandLabel ?? "mittlere Hälfte der Vergleichsgruppe";
  const notes: string[] = [];
  const own = [...numbers(rows, "value"), ...numbers(rows, "median")].map(Math.abs);
  const ownMax = own.length ? Math.max(...own) : 0;
  const outOfScale = (key: "land" | "bund") => {
    const v = numbers(rows, key).map(Math.abs);
    return v.length > 0 && ownMax > 0 && Math.max(...v) > 4 * ownMax;
  };
  const hasLand = landName !== null && numbers(rows, "land").length > 0;
  const hasBund = numbers(rows, "bund").length > 0;
  const scaleLand = hasLand && outOfScale("land");
  const scaleBund = hasBund && outOfScale("bund");
  const drawLand = hasLand && !scaleLand;
  const drawBund = hasBund && !scaleBund;
  if (scaleLand || scaleBund) {
    const who = [scaleLand ? landName : null, scaleBund ? "Deutschland" : null].filter(Boolean).join(" und ");
    notes.push(`${who} ${scaleLand && scaleBund ? "sind" : "ist"} um ein Vielfaches größer und deshalb nicht eingezeichnet: auf einer Achse wäre ${regionName} eine flache Linie. Die Werte stehen in der Tabelle.`);
  }
  const withValues = rows.filter((r) => r.value !== null);
  const first = withValues[0]?.year;
  const last = withValues.at(-1)?.year;
  const partial = (key: "land" | "bund", name: string, drawn: boolean) => {
    if (!drawn || first === undefined || last === undefined) return;
    const missing = rows.filter((r) => r.year >= first && r.year <= last && r.value !== null && r[key] === null).length;
    if (missing > 0) notes.push(`${name}: Werte ${yearSpan(rows, key)}; für die übrigen Jahre ist kein Wert veröffentlicht oder berechenbar.`);
  };
  if (landName !== null && !hasLand) notes.push(`Für ${landName} liegt kein Wert vor.`);
  if (!hasBund) notes.push("Für Deutschland liegt kein Wert vor.");
  partial("land", landName ?? "Land", drawLand);
  partial("bund", "Deutschland", drawBund);

  const breaks = [...(options.breaks ?? []), ...(options.sourceBreak != null ? [{year: options.sourceBreak, label: "andere Quelle"}] : [])]
    .filter((b) => rows.length > 0 && b.year > rows[0]!.year && b.year <= rows.at(-1)!.year)
    .sort((a, b) => a.year - b.year);

  const legend: LegendEntry[] = [{kind: "region", label: regionName, color: TREND_COLORS.region}];
  if (medianLabel && numbers(rows, "median").length) legend.push({kind: "median", label: medianLabel, color: TREND_COLORS.median});
  if (rows.some((r) => r.q1 !== null && r.q3 !== null)) legend.push({kind: "band", label: bandLabel, color: TREND_COLORS.band});
  if (drawLand) legend.push({kind: "land", label: landName!, color: TREND_COLORS.land});
  if (drawBund) legend.push({kind: "bund", label: "Deutschland", color: TREND_COLORS.bund});
  others.forEach((o, i) => {
    if (o.points.some((p) => p.value !== null)) legend.push({kind: "other", label: o.name, color: OTHER_COLORS[i % OTHER_COLORS.length]!});
  });
  if (rows.some((r) => r.value === null && r.flag !== null)) legend.push({kind: "flag", label: "kein Zahlenwert (Sonderzeichen)", color: TREND_COLORS.flag});
  if (marked.some((y) => rows.some((r) => r.year === y))) legend.push({kind: "marked", label: options.markedLabel ?? "auffälliges Jahr", color: TREND_COLORS.highlight});
  if (breaks.length) legend.push({kind: "break", label: "Bruch in der Reihe", color: TREND_COLORS.break});
  return {rows, legend, drawLand, drawBund, breaks, notes};
}

/** Whether a band value has a neighbouring band value in the same stretch (so the area shows it). */
function bandNeighbour(rows: TrendRow[], i: number, segment: (year: number) => number): boolean {
  const has = (j: number) => rows[j] !== undefined && rows[j]!.q1 !== null && rows[j]!.q3 !== null && segment(rows[j]!.year) === segment(rows[i]!.year);
  return has(i - 1) || has(i + 1);
}

/** Whole-number year ticks that fit the width. */
export function yearTicks(x0: number, x1: number, width: number, big = false): number[] {
  const room = Math.max(2, Math.floor(width / (big ? 90 : 60)));
  const span = x1 - x0 + 1;
  const step = [1, 2, 5, 10, 20].find((s) => Math.ceil(span / s) <= room) ?? 25;
  const ticks: number[] = [];
  for (let y = Math.ceil(x0 / step) * step; y <= x1; y += step) ticks.push(y);
  if (!ticks.length) ticks.push(x0);
  return ticks;
}

interface LegendLayout {
  items: {entry: LegendEntry; x: number; row: number}[];
  rows: number;
}

const SWATCH = 26;

function layoutLegend(entries: LegendEntry[], width: number, fontPx: number): LegendLayout {
  const items: LegendLayout["items"] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    // A generous estimate of the label's width: labels never overlap the next entry.
    const w = SWATCH + 6 + Math.ceil(entry.label.length * fontPx * 0.58) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    items.push({entry, x, row});
    x += w;
  }
  return {items, rows: entries.length ? row + 1 : 0};
}

function swatch(doc: Document, entry: LegendEntry, big: boolean): SVGGElement {
  const ns = "http://www.w3.org/2000/svg";
  const g = doc.createElementNS(ns, "g");
  const line = (attrs: Record<string, string>) => {
    const l = doc.createElementNS(ns, "line");
    for (const [k, v] of Object.entries({x1: "0", x2: String(SWATCH), y1: "0", y2: "0", stroke: entry.color, ...attrs})) l.setAttribute(k, v);
    g.append(l);
  };
  const dot = (fill: string) => {
    const c = doc.createElementNS(ns, "circle");
    for (const [k, v] of Object.entries({cx: String(SWATCH / 2), cy: "0", r: big ? "4" : "3", fill, stroke: entry.color, "stroke-width": "1.5"})) c.setAttribute(k, v);
    g.append(c);
  };
  const rect = (attrs: Record<string, string>) => {
    const r = doc.createElementNS(ns, "rect");
    for (const [k, v] of Object.entries(attrs)) r.setAttribute(k, v);
    g.append(r);
  };
  switch (entry.kind) {
    case "region": line({"stroke-width": big ? "4" : "2.5"}); dot(entry.color); break;
    case "median": line({"stroke-width": big ? "2.5" : "1.5", "stroke-dasharray": "5,3"}); dot("white"); break;
    case "band": rect({x: "0", y: "-6", width: String(SWATCH), height: "12", fill: entry.color, "fill-opacity": "0.8"}); break;
    case "land": line({"stroke-width": big ? "2.5" : "1.5"}); dot("white"); break;
    case "bund": line({"stroke-width": big ? "2.5" : "1.5", "stroke-dasharray": "1.5,2.5"}); dot("white"); break;
    case "other": line({"stroke-width": "1.5"}); dot(entry.color); break;
    case "flag": line({x1: String(SWATCH / 2), x2: String(SWATCH / 2), y1: "-7", y2: "7", "stroke-width": "2"}); break;
    case "marked": rect({x: String(SWATCH / 2 - 6), y: "-7", width: "12", height: "14", fill: entry.color, "fill-opacity": "0.2"}); break;
    case "break": line({x1: String(SWATCH / 2), x2: String(SWATCH / 2), y1: "-7", y2: "7", "stroke-width": "1.5", "stroke-dasharray": "3,2"}); break;
  }
  g.setAttribute("data-kind", entry.kind);
  return g;
}

/**
 * The line of each label (0 = lowest) so that labels written rightwards from x never overlap:
 * two breaks a year apart on a narrow card ("Quellenwechsel", "Basis Zensus 2022") stack.
 * Text width is estimated at 0.6 × font size per character (no layout engine on the CLI side).
 */
export function labelRows(labels: readonly {x: number; text: string}[], fontPx: number): number[] {
  const ends: number[] = [];
  return labels.map(({x, text}) => {
    let row = ends.findIndex((end) => end + 4 <= x);
    if (row === -1) row = ends.length;
    ends[row] = x + 3 + text.length * fontPx * 0.6;
    return row;
  });
}

export function trendChart(input: TrendRow[], options: TrendChartOptions): SVGSVGElement {
  const {width, big = false, unit, decimals, regionName, medianLabel, others = [], events = [], gaps = [], marked = [], title = "Zeitreihe"} = options;
  const doc = options.document ?? globalThis.document;
  const plan = planTrend(input, options);
  const {rows, legend, drawLand, drawBund, breaks} = plan;
  const nan = (v: number | null) => (v === null ? NaN : v);
  const years = rows.map((r) => r.year);
  const x0 = years.length ? Math.min(...years) : 0;
  const x1 = years.length ? Math.max(...years) : 1;
  const fontPx = big ? 17 : 12;
  const layout = layoutLegend(legend, width, fontPx);
  const legendHeight = layout.rows * (fontPx + 8) + 6;
  const plotHeight = options.height ?? (big ? Math.max(300, Math.min(420, width * 0.55)) : Math.max(200, Math.min(280, width * 0.5)));
  // Lines do not run across a break: each stretch between breaks is its own line (z).
  const segment = (year: number) => breaks.filter((b) => year >= b.year).length;
  const has = (kind: LegendKind) => legend.some((l) => l.kind === kind);
  const line = (y: (d: TrendRow) => number, stroke: string, width: number, dash?: string) =>
    Plot.lineY(rows, {x: "year", y, z: (d: TrendRow) => segment(d.year), stroke, strokeWidth: width, strokeDasharray: dash});
  const dots = (y: (d: TrendRow) => number, stroke: string, fill: string, r: number, label: string, key: keyof TrendRow) =>
    Plot.dot(rows, {x: "year", y, stroke, fill, r, strokeWidth: 1.5, title: (d: TrendRow) => `${label} ${d.year}: ${formatValue(d[key] as number | null, unit, decimals)}`});
  const marginLeft = big ? 64 : 52;
  const breakRows = labelRows(breaks.map((b) => ({x: marginLeft + ((b.year - 0.5 - (x0 - 0.5)) / (x1 - x0 + 1)) * (width - marginLeft - 12), text: b.label})), fontPx);
  const thin = big ? 2.5 : 1.5;
  const r = big ? 4.5 : 3;
  const chart = Plot.plot({
    document: doc,
    width,
    height: plotHeight + legendHeight,
    marginLeft,
    marginRight: 12,
    marginTop: 24,
    marginBottom: (big ? 36 : 30) + legendHeight,
    style: {fontSize: `${fontPx}px`},
    x: {label: null, tickFormat: (d: number) => String(d), ticks: yearTicks(x0, x1, width, big), domain: [x0 - 0.5, x1 + 0.5]},
    y: {label: unit, grid: true, tickFormat: (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : decimals), nice: true, zero: unit === "%"},
    marks: [
      ...gaps.map((g) => Plot.rectX([g], {x1: g.from - 0.5, x2: g.to + 0.5, fill: TREND_COLORS.gap})),
      ...gaps.map((g) => Plot.text([g], {x: (g.from + g.to) / 2, frameAnchor: "top", dy: 4, text: () => g.label, fill: "#444", lineWidth: 8})),
      ...marked.map((y) => Plot.rectX([y], {x1: y - 0.45, x2: y + 0.45, fill: TREND_COLORS.highlight, fillOpacity: 0.15})),
      has("band") ? Plot.areaY(rows, {x: "year", y1: (d: TrendRow) => nan(d.q1), y2: (d: TrendRow) => nan(d.q3), z: (d: TrendRow) => segment(d.year), fill: TREND_COLORS.band, fillOpacity: 0.8}) : null,
      // A band year without a neighbour draws no area: a broad bar shows it.
      has("band") ? Plot.ruleX(rows.filter((d, i) => d.q1 !== null && d.q3 !== null && !bandNeighbour(rows, i, segment)), {x: "year", y1: "q1", y2: "q3", stroke: TREND_COLORS.band, strokeOpacity: 0.8, strokeWidth: big ? 14 : 10}) : null,
      has("median") ? line((d) => nan(d.median), TREND_COLORS.median, thin, "5,3") : null,
      has("median") ? dots((d) => nan(d.median), TREND_COLORS.median, "white", r - 0.5, medianLabel!, "median") : null,
      drawLand ? line((d) => nan(d.land), TREND_COLORS.land, thin) : null,
      drawLand ? dots((d) => nan(d.land), TREND_COLORS.land, "white", r - 0.5, options.landName!, "land") : null,
      drawBund ? line((d) => nan(d.bund), TREND_COLORS.bund, thin, "1.5,2.5") : null,
      drawBund ? dots((d) => nan(d.bund), TREND_COLORS.bund, "white", r - 0.5, "Deutschland", "bund") : null,
      ...others.flatMap((o, i) => {
        const color = OTHER_COLORS[i % OTHER_COLORS.length]!;
        const pts = o.points.map((p) => ({...p, value: nan(p.value)}));
        return [
          Plot.lineY(pts, {x: "year", y: "value", z: (d: {year: number}) => segment(d.year), stroke: color, strokeWidth: 1.5}),
          Plot.dot(pts, {x: "year", y: "value", fill: color, r: 2, title: (d: {year: number; value: number}) => `${o.name} ${d.year}: ${formatValue(d.value, unit, decimals)}`})
        ];
      }),
      line((d) => nan(d.value), TREND_COLORS.region, big ? 4 : 2.5),
      Plot.dot(rows, {x: "year", y: (d: TrendRow) => nan(d.value), fill: TREND_COLORS.region, stroke: "white", strokeWidth: 1, r: r + 0.5, title: (d: TrendRow) => `${regionName} ${d.year}: ${formatValue(d.value, unit, decimals)}`, tip: true}),
      ...breaks.map((b) => Plot.ruleX([b.year - 0.5], {stroke: TREND_COLORS.break, strokeDasharray: "3,2", strokeWidth: 1.5})),
      ...breaks.map((b, i) => Plot.text([b], {x: b.year - 0.5, frameAnchor: "bottom", dy: -4 - breakRows[i]! * (fontPx + 3), dx: 3, textAnchor: "start", text: () => b.label, fill: TREND_COLORS.break})),
      ...events.map((e) => Plot.ruleX([e.x], {stroke: "#333", strokeDasharray: "2,2"})),
      ...events.map((e) => Plot.text([e], {x: "x", frameAnchor: "top", dy: 4, dx: 4, textAnchor: "start", lineAnchor: "top", lineWidth: 9, text: "label", fill: "#222"})),
      has("flag") ? Plot.tickX(rows.filter((d) => d.value === null && d.flag !== null), {x: "year", stroke: TREND_COLORS.flag, strokeWidth: 2, title: (d: TrendRow) => `${d.year}: kein Zahlenwert (${d.flag})`}) : null
    ]
  }) as SVGSVGElement;

  // The legend, drawn under the x axis: one SVG holds everything (PDF, report).
  const ns = "http://www.w3.org/2000/svg";
  const g = doc.createElementNS(ns, "g");
  g.setAttribute("class", "trend-legend");
  g.setAttribute("aria-hidden", "true");
  g.setAttribute("text-anchor", "start");
  const top = plotHeight + (big ? 4 : 2);
  for (const item of layout.items) {
    const entry = doc.createElementNS(ns, "g");
    entry.setAttribute("transform", `translate(${item.x + 4},${top + item.row * (fontPx + 8) + fontPx / 2})`);
    entry.append(swatch(doc, item.entry, big));
    const text = doc.createElementNS(ns, "text");
    text.setAttribute("x", String(SWATCH + 6));
    text.setAttribute("dy", "0.35em");
    text.setAttribute("fill", "currentColor");
    text.textContent = item.entry.label;
    entry.append(text);
    g.append(entry);
  }
  chart.append(g);

  const withValue = rows.filter((d) => d.value !== null);
  const first = withValue[0];
  const last = withValue.at(-1);
  const message = first && last
    ? `${title} ${regionName}: von ${formatValue(first.value, unit, decimals)} (${first.year}) auf ${formatValue(last.value, unit, decimals)} (${last.year})${has("median") && last.median !== null ? `; ${medianLabel} ${last.year}: ${formatValue(last.median, unit, decimals)}` : ""}.`
    : `${title} ${regionName}: keine Werte.`;
  return describeChart(chart, message);
}
