/**
 * The profile's trend chart: the region's series against its peer group's median and
 * interquartile band, the Land and the Bund. Missing years break the lines instead of
 * being drawn as 0; a year with a flag but no number is marked on the axis.
 */
import * as Plot from "@observablehq/plot";
import {describeChart} from "./a11y.js";
import {formatNumber, formatValue} from "./format.js";

export interface TrendPoint {
  year: number;
  value: number | null;
  flag: string | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  land: number | null;
  bund: number | null;
}

export interface TrendOptions {
  width: number;
  unit: string;
  decimals: number;
  regionName: string;
  peerLabel: string;
  landName: string | null;
  /** Optional extra regions (a user-picked comparison set): one thin line each. */
  others?: {name: string; points: {year: number; value: number | null}[]}[];
}

const COLORS = {region: "#1b5e9e", median: "#555", band: "#c9d7e6", land: "#b35806", bund: "#333"};

/** Years missing from a series become empty points, so lines break there instead of bridging the gap. */
export function withGaps(points: TrendPoint[]): TrendPoint[] {
  if (points.length < 2) return points;
  const byYear = new Map(points.map((p) => [p.year, p]));
  const years = points.map((p) => p.year);
  const out: TrendPoint[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    out.push(byYear.get(year) ?? {year, value: null, flag: null, median: null, q1: null, q3: null, land: null, bund: null});
  }
  return out;
}

export function trendChart(input: TrendPoint[], {width, unit, decimals, regionName, peerLabel, landName, others = []}: TrendOptions): SVGSVGElement | HTMLElement {
  const points = withGaps(input);
  const nan = (v: number | null) => (v === null ? NaN : v);
  const series = [
    {key: regionName, color: COLORS.region},
    {key: `Median ${peerLabel}`, color: COLORS.median},
    ...(landName ? [{key: landName, color: COLORS.land}] : []),
    {key: "Deutschland", color: COLORS.bund}
  ];
  const hasBand = points.some((p) => p.q1 !== null && p.q3 !== null);
  const flagged = points.filter((p) => p.value === null && p.flag !== null);
  const years = points.map((p) => p.year);
  const chart = Plot.plot({
    width,
    height: Math.max(180, Math.min(260, width * 0.5)),
    marginLeft: 48,
    x: {label: null, tickFormat: (d: number) => String(d), ticks: Math.min(years.length, Math.floor(width / 60)), domain: [Math.min(...years), Math.max(...years)]},
    y: {label: unit, grid: true, tickFormat: (d: number) => formatNumber(d, d % 1 === 0 ? 0 : decimals), nice: true, zero: unit === "%"},
    color: {domain: series.map((s) => s.key), range: series.map((s) => s.color), legend: true},
    marks: [
      hasBand ? Plot.areaY(points, {x: "year", y1: (d: TrendPoint) => nan(d.q1), y2: (d: TrendPoint) => nan(d.q3), fill: COLORS.band, fillOpacity: 0.7, title: () => `mittlere Hälfte ${peerLabel}`}) : null,
      Plot.lineY(points, {x: "year", y: (d: TrendPoint) => nan(d.median), stroke: () => `Median ${peerLabel}`, strokeDasharray: "4,3", strokeWidth: 1.5}),
      // A median standing alone (a year after a gap) would draw no line: mark it.
      Plot.dot(points.filter((p, i) => p.median !== null && points[i - 1]?.median == null && points[i + 1]?.median == null), {x: "year", y: "median", stroke: COLORS.median, symbol: "times", r: 4, strokeWidth: 2}),
      landName ? Plot.lineY(points, {x: "year", y: (d: TrendPoint) => nan(d.land), stroke: () => landName, strokeWidth: 1.2}) : null,
      Plot.lineY(points, {x: "year", y: (d: TrendPoint) => nan(d.bund), stroke: () => "Deutschland", strokeWidth: 1.2, strokeDasharray: "1,2"}),
      // Land and Bund are often published for single years only: a marker shows them where no line can.
      landName ? Plot.dot(points, {x: "year", y: (d: TrendPoint) => nan(d.land), stroke: COLORS.land, r: 2.5, symbol: "square", title: (d: TrendPoint) => `${landName} ${d.year}: ${formatValue(d.land, unit, decimals)}`}) : null,
      Plot.dot(points, {x: "year", y: (d: TrendPoint) => nan(d.bund), stroke: COLORS.bund, r: 2.5, symbol: "diamond", title: (d: TrendPoint) => `Deutschland ${d.year}: ${formatValue(d.bund, unit, decimals)}`}),
      ...others.map((o) => Plot.lineY(o.points, {x: "year", y: (d: {value: number | null}) => nan(d.value), stroke: "#888", strokeWidth: 1, strokeOpacity: 0.8})),
      Plot.lineY(points, {x: "year", y: (d: TrendPoint) => nan(d.value), stroke: () => regionName, strokeWidth: 2.5}),
      Plot.dot(points, {x: "year", y: (d: TrendPoint) => nan(d.value), fill: COLORS.region, r: 2.5, title: (d: TrendPoint) => `${regionName} ${d.year}: ${formatValue(d.value, unit, decimals)}`, tip: true}),
      flagged.length ? Plot.tickX(flagged, {x: "year", stroke: "#b00", strokeWidth: 2, title: (d: TrendPoint) => `${d.year}: kein Zahlenwert (${d.flag})`}) : null
    ]
  });
  const withValue = points.filter((p) => p.value !== null);
  const first = withValue[0];
  const last = withValue.at(-1);
  const message = first && last
    ? `Zeitreihe ${regionName}: von ${formatValue(first.value, unit, decimals)} (${first.year}) auf ${formatValue(last.value, unit, decimals)} (${last.year}); ${last.median === null ? "kein Median der Vergleichsgruppe" : `Median ${peerLabel} ${last.year}: ${formatValue(last.median, unit, decimals)}`}.`
    : `Zeitreihe ${regionName}: keine Werte.`;
  return describeChart(chart, message);
}
