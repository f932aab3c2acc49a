/**
 * Where a region stands among its peers in one year: every peer as a tick on one axis,
 * the region highlighted, the median marked. Peers without a number are not drawn (and
 * not counted); the caption says how many there are.
 */
import * as Plot from "@observablehq/plot";
import {describeChart} from "./a11y.js";
import {formatValue} from "./format.js";

export interface StripValue {
  id: string;
  name: string;
  value: number | null;
}

export interface StripOptions {
  width: number;
  unit: string;
  decimals: number;
  highlight: string;
  peerLabel: string;
}

export function positionStrip(values: StripValue[], {width, unit, decimals, highlight, peerLabel}: StripOptions): SVGSVGElement | HTMLElement {
  const shown = values.filter((v): v is StripValue & {value: number} => v.value !== null);
  const sorted = shown.map((v) => v.value).sort((a, b) => a - b);
  const median = sorted.length ? quantile(sorted, 0.5) : null;
  const self = shown.find((v) => v.id === highlight);
  const chart = Plot.plot({
    width,
    height: 64,
    marginTop: 8,
    marginBottom: 28,
    x: {label: null, tickFormat: (d: number) => formatValue(d, unit, decimals), ticks: Math.max(2, Math.floor(width / 110)), nice: true},
    y: {axis: null},
    marks: [
      Plot.tickX(shown.filter((v) => v.id !== highlight), {x: "value", stroke: "#8c99a6", strokeWidth: 1.5, title: (d: StripValue) => `${d.name}: ${formatValue(d.value, unit, decimals)}`, tip: true}),
      median === null ? null : Plot.tickX([median], {x: (d: number) => d, stroke: "#222", strokeWidth: 2, strokeDasharray: "3,2", insetTop: -4, insetBottom: -4}),
      self ? Plot.dot([self], {x: "value", r: 7, fill: "#1b5e9e", stroke: "white", strokeWidth: 1.5}) : null
    ]
  });
  const message = self
    ? `Position unter ${shown.length} Regionen der Gruppe ${peerLabel}: ${self.name} ${formatValue(self.value, unit, decimals)}, Median ${formatValue(median, unit, decimals)}.`
    : `Verteilung in der Gruppe ${peerLabel} (${shown.length} Regionen mit Wert); die Region selbst hat keinen Wert.`;
  return describeChart(chart, message);
}

/** Linear-interpolation quantile, the same method as DuckDB's quantile_cont in the warehouse. */
export function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}
