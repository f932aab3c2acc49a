/**
 * Where a region stands among its peers in one year: every peer as a tick on one axis,
 * the region highlighted, the median marked. Peers without a number are not drawn (and
 * not counted); the caption says how many there are.
 */
import * as Plot from "@observablehq/plot";
import {ticks as niceTicks} from "d3";
import {describeChart} from "./a11y.js";
import {formatNumber, formatValue} from "./format.js";
import {quantile} from "../shared/quantile.js";

// Re-exported for the training pages that import it from here.
export {quantile};

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

/** Estimated width of a tick label in px at the strip's 10 px type (a generous 0.62 em per character). */
export function labelWidth(text: string, fontPx = 10): number {
  return Math.ceil(text.length * fontPx * 0.62);
}

/**
 * Tick values whose labels do not touch: the most ticks d3 offers for the domain such that
 * neighbouring labels keep 8 px apart. Labels carry the unit only when it is short ("%").
 */
export function stripTicks(min: number, max: number, width: number, format: (d: number) => string): number[] {
  if (!(max > min)) return [min];
  for (let count = Math.max(2, Math.floor(width / 50)); count >= 1; count--) {
    const values = niceTicks(min, max, count).filter((t) => t >= min && t <= max);
    const x = (t: number) => ((t - min) / (max - min)) * width;
    const fits = values.every((t, i) => i === 0 || x(t) - x(values[i - 1]!) >= (labelWidth(format(t)) + labelWidth(format(values[i - 1]!))) / 2 + 8);
    if (fits && values.length) return values;
  }
  return [min, max].slice(0, 1);
}

export function positionStrip(values: StripValue[], {width, unit, decimals, highlight, peerLabel}: StripOptions): SVGSVGElement | HTMLElement {
  const shown = values.filter((v): v is StripValue & {value: number} => v.value !== null);
  const sorted = shown.map((v) => v.value).sort((a, b) => a - b);
  const median = sorted.length ? quantile(sorted, 0.5) : null;
  const self = shown.find((v) => v.id === highlight);
  // Long units ("Personen", "je 1.000 Einwohner") go into the axis label, not every tick.
  const short = unit.length <= 3;
  const format = (d: number) => (short ? formatValue(d, unit, Number.isInteger(d) ? 0 : decimals) : formatNumber(d, Number.isInteger(d) ? 0 : decimals));
  const lo = sorted[0] ?? 0;
  const hi = sorted.at(-1) ?? 1;
  const margin = Math.max(labelWidth(format(lo)), labelWidth(format(hi))) / 2 + 4;
  const ticks = stripTicks(lo, hi, width - 2 * margin, format);
  const chart = Plot.plot({
    width,
    height: short ? 64 : 78,
    marginTop: 8,
    marginBottom: short ? 28 : 42,
    marginLeft: margin,
    marginRight: margin,
    style: {fontSize: "10px"},
    x: {label: short ? null : unit, labelAnchor: "right", tickFormat: format, ticks, domain: hi > lo ? [lo, hi] : [lo - 1, hi + 1]},
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

