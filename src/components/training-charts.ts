/**
 * Charts of the worked examples: the shared trend chart (src/shared/charts/trend-chart.ts, with
 * events, gaps, marked years and breaks); the comparison group in one year; region, median, Land and Bund
 * side by side; a scatter plot; a map of Berlin's Planungsräume. Every chart states its message
 * as a text alternative and takes `big` for the presentation mode (larger type, taller).
 */
import * as Plot from "@observablehq/plot";
import {feature} from "topojson-client";
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {GeometryCollection, Topology} from "topojson-specification";
import {describeChart} from "./a11y.js";
import {formatNumber, formatValue} from "./format.js";

export const COLORS = {region: "#1b5e9e", median: "#444", band: "#c9d7e6", land: "#b35806", bund: "#222", other: "#8c99a6", highlight: "#d95f02", gap: "#eeeeee"};

export interface ChartBase {
  width: number;
  /** Presentation mode: larger type, taller chart. */
  big?: boolean;
}

function fontSize(big?: boolean): string {
  return big ? "17px" : "12px";
}

function tick(decimals: number) {
  return (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : decimals);
}

// ---------------------------------------------------------------------------------------------
// Trend: the project's one trend chart, shared with the profile and the report.

export {fillYears, trendChart as trainingTrend, type TrendRow, type TrendChartOptions as TrendOptions} from "../shared/charts/trend-chart.js";

// ---------------------------------------------------------------------------------------------
// One year, the whole comparison group

export interface GroupValue {
  id: string;
  name: string;
  value: number | null;
}

export interface GroupChartOptions extends ChartBase {
  unit: string;
  decimals: number;
  highlight: string;
  median: number | null;
  /** e.g. "Großstädte 2023". */
  label: string;
}

/**
 * Up to 30 members: sorted bars with names; more: one tick per member on an axis. Members
 * without a number are left out and counted in the text alternative.
 */
export function groupChart(values: GroupValue[], {width, big, unit, decimals, highlight, median, label}: GroupChartOptions): SVGSVGElement | HTMLElement {
  const shown = values.filter((v): v is GroupValue & {value: number} => v.value !== null).sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, "de"));
  const self = shown.find((v) => v.id === highlight);
  const missing = values.length - shown.length;
  const fill = (d: GroupValue) => (d.id === highlight ? COLORS.region : "#b9c4cf");
  const longest = Math.max(8, ...shown.map((d) => d.name.length));
  // Many bars: a little smaller type in presentation mode, so 25 Großstädte fit on one screen.
  const dense = big && shown.length >= 10;
  const charWidth = big ? (dense ? 8.4 : 9.5) : 6.8;
  const chart = shown.length <= 30
    ? Plot.plot({
        width,
        height: shown.length * (big ? (dense ? 19 : 26) : 18) + 60,
        marginBottom: 24,
        marginLeft: Math.min(big ? 300 : 220, Math.round(longest * charWidth) + 12),
        marginRight: big ? 70 : 56,
        style: {fontSize: dense ? "15px" : fontSize(big)},
        // A long unit would collide with the top axis' ticks: the chart's title names it instead.
        x: {label: unit.length <= 3 ? unit : null, grid: true, tickFormat: tick(decimals), nice: true, axis: "top"},
        y: {label: null, domain: shown.map((d) => d.name), tickFormat: (d: string) => (d.length > 32 ? `${d.slice(0, 31)}…` : d)},
        marks: [
          Plot.barX(shown, {x: "value", y: "name", fill, title: (d: GroupValue) => `${d.name}: ${formatValue(d.value, unit, decimals)}`}),
          Plot.text(shown, {x: "value", y: "name", text: (d: GroupValue) => formatNumber(d.value, decimals), dx: 4, textAnchor: "start", fill: "#222"}),
          median === null ? null : Plot.ruleX([median], {stroke: COLORS.median, strokeDasharray: "5,3", strokeWidth: 2}),
          median === null ? null : Plot.text([median], {x: (d: number) => d, frameAnchor: "bottom", dy: 16, text: (d: number) => `Median ${formatNumber(d, decimals)}`, fill: COLORS.median}),
          Plot.ruleX([0])
        ]
      })
    : (() => {
        // Many members: one dot each, stacked where values coincide (four Kreise at 0 % show as four dots).
        const r = shown.length > 120 ? (big ? 3.5 : 2.5) : big ? 5.5 : 4;
        return Plot.plot({
          width,
          height: (shown.length > 120 ? 170 : 120) + (big ? 40 : 0),
          marginTop: 10,
          marginBottom: big ? 40 : 30,
          style: {fontSize: fontSize(big)},
          x: {label: unit, tickFormat: tick(decimals), nice: true, grid: true},
          y: {axis: null},
          marks: [
            Plot.dot(shown.filter((v) => v.id !== highlight), Plot.dodgeY({x: "value", r, anchor: "bottom", fill: "#9aa7b4", title: (d: GroupValue) => `${d.name}: ${formatValue(d.value, unit, decimals)}`})),
            median === null ? null : Plot.ruleX([median], {stroke: COLORS.median, strokeWidth: 2, strokeDasharray: "4,2"}),
            median === null ? null : Plot.text([median], {x: (d: number) => d, frameAnchor: "top", dy: 2, dx: 4, textAnchor: "start", text: (d: number) => `Median ${formatNumber(d, decimals)}`, fill: COLORS.median}),
            self ? Plot.dot([self], Plot.dodgeY({x: "value", r: r + 3, anchor: "bottom", fill: COLORS.region, stroke: "white", strokeWidth: 1.5})) : null,
            self ? Plot.text([self], {x: "value", frameAnchor: "top", dy: 2, text: "name", fill: COLORS.region, fontWeight: "bold"}) : null
          ]
        });
      })();
  const message = `${label}: ${shown.length} Regionen mit Wert${missing ? `, ${missing} ohne` : ""}; ${self ? `${self.name} ${formatValue(self.value, unit, decimals)}` : "die gewählte Region hat keinen Wert"}${median === null ? "" : `, Median ${formatValue(median, unit, decimals)}`}.`;
  return describeChart(chart, message);
}

// ---------------------------------------------------------------------------------------------
// Region, median, Land, Bund in one year

export interface LevelRow {
  label: string;
  value: number | null;
  kind: "region" | "median" | "land" | "bund";
}

export function levelBars(rows: LevelRow[], {width, big, unit, decimals, title}: ChartBase & {unit: string; decimals: number; title: string}): SVGSVGElement | HTMLElement {
  const shown = rows.filter((r): r is LevelRow & {value: number} => r.value !== null);
  const colors = {region: COLORS.region, median: COLORS.median, land: COLORS.land, bund: COLORS.bund};
  const chart = Plot.plot({
    width,
    height: shown.length * (big ? 44 : 30) + 40,
    marginLeft: big ? 260 : 190,
    marginRight: big ? 80 : 60,
    style: {fontSize: fontSize(big)},
    x: {label: unit.length <= 3 ? unit : null, grid: true, tickFormat: tick(decimals), nice: true, axis: "top"},
    y: {label: null, domain: shown.map((r) => r.label)},
    marks: [
      Plot.barX(shown, {x: "value", y: "label", fill: (r: LevelRow) => colors[r.kind], fillOpacity: (r: LevelRow) => (r.kind === "region" ? 1 : 0.75)}),
      Plot.text(shown, {x: "value", y: "label", text: (r: LevelRow) => formatNumber(r.value, decimals), dx: 4, textAnchor: "start", fill: "#222"}),
      Plot.ruleX([0])
    ]
  });
  const missing = rows.filter((r) => r.value === null).map((r) => r.label);
  const message = `${title}: ${shown.map((r) => `${r.label} ${formatValue(r.value, unit, decimals)}`).join(", ")}${missing.length ? `; ohne Wert: ${missing.join(", ")}` : ""}.`;
  return describeChart(chart, message);
}

// ---------------------------------------------------------------------------------------------
// Differences per year (e.g. a Kreis's distance to its Land's median)

export function differenceBars(rows: {year: number; diff: number | null}[], {width, big, unit, decimals, title, marked = []}: ChartBase & {unit: string; decimals: number; title: string; marked?: number[]}): SVGSVGElement | HTMLElement {
  const shown = rows.filter((r): r is {year: number; diff: number} => r.diff !== null);
  const years = rows.map((r) => r.year);
  const chart = Plot.plot({
    width,
    height: big ? 300 : 200,
    marginLeft: big ? 64 : 48,
    style: {fontSize: fontSize(big)},
    x: {label: null, tickFormat: (d: number) => String(d), ticks: Math.max(2, Math.floor(width / (big ? 90 : 60))), domain: [Math.min(...years) - 0.5, Math.max(...years) + 0.5]},
    y: {label: unit, grid: true, tickFormat: tick(decimals), nice: true},
    marks: [
      Plot.rectY(shown, {x1: (d: {year: number}) => d.year - 0.4, x2: (d: {year: number}) => d.year + 0.4, y: "diff", fill: (d: {year: number}) => (marked.includes(d.year) ? COLORS.highlight : COLORS.region), title: (d: {year: number; diff: number}) => `${d.year}: ${formatNumber(d.diff, decimals)}`}),
      Plot.ruleY([0])
    ]
  });
  const last = shown.at(-1);
  const message = `${title}: ${shown.length} Jahre${last ? `, zuletzt ${last.year}: ${formatNumber(last.diff, decimals)} ${unit}` : ""}.`;
  return describeChart(chart, message);
}

// ---------------------------------------------------------------------------------------------
// Scatter

export interface ScatterPoint {
  id: string;
  name: string;
  x: number;
  y: number;
  /** Drawn in colour (e.g. the comparison group or the chosen Bezirk). */
  group?: boolean;
}

export interface ScatterOptions extends ChartBase {
  x: {label: string; unit: string; decimals: number; type?: "linear" | "log"};
  y: {label: string; unit: string; decimals: number};
  highlight?: string | null;
  /** Reference lines, e.g. the medians. */
  xRule?: number | null;
  yRule?: number | null;
  groupLabel: string;
  restLabel?: string;
  title: string;
}

export function scatterChart(pointsIn: ScatterPoint[], {width, big, x, y, highlight = null, xRule = null, yRule = null, groupLabel, restLabel, title}: ScatterOptions): SVGSVGElement | HTMLElement {
  const rest = pointsIn.filter((p) => !p.group);
  const group = pointsIn.filter((p) => p.group);
  const self = pointsIn.find((p) => p.id === highlight);
  const keys = [groupLabel, ...(rest.length && restLabel ? [restLabel] : [])];
  const chart = Plot.plot({
    width,
    height: big ? Math.min(520, width * 0.6) : Math.min(420, Math.max(280, width * 0.6)),
    marginLeft: big ? 64 : 52,
    marginBottom: big ? 48 : 40,
    style: {fontSize: fontSize(big)},
    x: {label: `${x.label} (${x.unit}) →`, grid: true, tickFormat: tick(x.decimals), nice: x.type !== "log", type: x.type ?? "linear", ...(x.type === "log" ? {ticks: 5} : {})},
    y: {label: `↑ ${y.label} (${y.unit})`, grid: true, tickFormat: tick(y.decimals), nice: true},
    color: {domain: keys, range: [COLORS.region, "#c3c9cf"].slice(0, keys.length), legend: true},
    marks: [
      xRule === null ? null : Plot.ruleX([xRule], {stroke: COLORS.median, strokeDasharray: "5,3"}),
      yRule === null ? null : Plot.ruleY([yRule], {stroke: COLORS.median, strokeDasharray: "5,3"}),
      restLabel ? Plot.dot(rest, {x: "x", y: "y", r: big ? 3.5 : 2.5, fill: () => restLabel, fillOpacity: 0.8, title: (p: ScatterPoint) => `${p.name}: ${formatNumber(p.x, x.decimals)} / ${formatNumber(p.y, y.decimals)}`}) : null,
      Plot.dot(group, {x: "x", y: "y", r: big ? 6 : 4, fill: () => groupLabel, fillOpacity: 0.85, stroke: "white", strokeWidth: 0.5, title: (p: ScatterPoint) => `${p.name}: ${formatNumber(p.x, x.decimals)} / ${formatNumber(p.y, y.decimals)}`, tip: true}),
      self ? Plot.dot([self], {x: "x", y: "y", r: big ? 11 : 8, stroke: COLORS.highlight, strokeWidth: 3, fill: "none"}) : null,
      self ? Plot.text([self], {x: "x", y: "y", text: "name", dy: big ? -18 : -14, fill: "#111", stroke: "white", strokeWidth: 4, paintOrder: "stroke", fontWeight: "bold"}) : null
    ]
  });
  const message = `${title}: ${group.length} Punkte ${groupLabel}${rest.length && restLabel ? `, ${rest.length} ${restLabel}` : ""}${self ? `; ${self.name}: ${formatNumber(self.x, x.decimals)} ${x.unit} / ${formatNumber(self.y, y.decimals)} ${y.unit}` : ""}.`;
  return describeChart(chart, message);
}

// ---------------------------------------------------------------------------------------------
// Map of Planungsräume

export interface AreaValue {
  id: string;
  name: string;
  value: number | null;
  flag: string | null;
}

type AreaProps = {id: string; name: string};

export interface AreaMapOptions extends ChartBase {
  unit: string;
  decimals: number;
  label: string;
  title: string;
  /** Which areas to draw (e.g. the Planungsräume of one Bezirk). */
  include: ReadonlySet<string>;
  /** Areas to outline (e.g. high child poverty and few Kitas), named in the text alternative. */
  marked?: ReadonlySet<string>;
  markedLabel?: string;
}

export function areaMap(topology: Topology, values: AreaValue[], {width, big, unit, decimals, label, title, include, marked = new Set(), markedLabel = "markiert"}: AreaMapOptions): SVGSVGElement | HTMLElement {
  const object = Object.values(topology.objects)[0] as GeometryCollection<AreaProps>;
  const all = feature(topology, object) as FeatureCollection<Geometry, AreaProps>;
  const features = all.features.filter((f) => include.has(f.properties.id));
  const shape: FeatureCollection<Geometry, AreaProps> = {type: "FeatureCollection", features};
  const byId = new Map(values.map((v) => [v.id, v]));
  const valueOf = (f: Feature<Geometry, AreaProps>) => byId.get(f.properties.id)?.value ?? null;
  const numbers = features.map(valueOf).filter((v): v is number => v !== null);
  const height = Math.round(Math.min(big ? 560 : 460, width * 0.8));
  const chart = Plot.plot({
    width,
    height,
    style: {fontSize: fontSize(big)},
    projection: {type: "mercator", domain: shape, inset: 6},
    color: {type: "quantize", n: 5, scheme: "blues", domain: numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 1], nice: true, legend: true, label, tickFormat: tick(decimals)},
    marks: [
      Plot.geo(features.filter((f) => valueOf(f) === null), {fill: "#e6e6e6", stroke: "white", strokeWidth: 0.6, title: (f: Feature<Geometry, AreaProps>) => `${f.properties.name}: kein Wert${byId.get(f.properties.id)?.flag ? ` (${byId.get(f.properties.id)!.flag})` : ""}`}),
      Plot.geo(features.filter((f) => valueOf(f) !== null), {fill: (f: Feature<Geometry, AreaProps>) => valueOf(f), stroke: "white", strokeWidth: 0.6, title: (f: Feature<Geometry, AreaProps>) => `${f.properties.name}: ${formatValue(valueOf(f), unit, decimals)}`}),
      Plot.geo(shape, {stroke: "#333", strokeWidth: 1}),
      Plot.geo(features.filter((f) => marked.has(f.properties.id)), {stroke: COLORS.highlight, strokeWidth: big ? 4 : 3, fill: "none"})
    ]
  });
  const missing = features.length - numbers.length;
  const outlined = features.filter((f) => marked.has(f.properties.id)).length;
  const message = `${title}: ${features.length} Planungsräume, ${numbers.length} mit Wert${missing ? `, ${missing} ohne (grau)` : ""}${numbers.length ? `; von ${formatValue(Math.min(...numbers), unit, decimals)} bis ${formatValue(Math.max(...numbers), unit, decimals)}` : ""}${outlined ? `; ${outlined} orange umrandet: ${markedLabel}` : ""}.`;
  return describeChart(chart, message);
}
