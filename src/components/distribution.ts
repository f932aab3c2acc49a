/**
 * How one indicator's values spread across the regions of a level: a beeswarm (one dot per
 * region, coloured in the map's classes, tooltip with the name) with the median marked and
 * the middle half (first to third quartile) shaded. Where the dots would pile up too high
 * (many equal values, e.g. 0 students in Kreise without a university) it falls back to a
 * histogram. Regions without a number are left out and counted in the text alternative.
 */
import * as Plot from "@observablehq/plot";
import {scaleLinear} from "d3";
import {describeChart} from "./a11y.js";
import {formatNumber, formatValue} from "./format.js";
import {colorScale, statDecimals, valueText, type ColorClasses} from "./map-scale.js";

export interface DistributionValue {
  id: string;
  name: string;
  value: number | null;
  flag: string | null;
}

export interface DistributionOptions {
  width: number;
  unit: string;
  decimals: number;
  /** Axis label, e.g. "Betreuungsquote unter 3 (%)". */
  label: string;
  /** Median and quartiles as the warehouse computed them (quantile_cont). */
  stats: {median: number; q1: number; q3: number};
  /** Dative plural for the text: "Kreisen", "Planungsräumen". */
  regionsLabel: string;
  /** Singular for the caption: "Kreis" ("Jeder Punkt ist ein Kreis"). */
  regionName: string;
  /** The map's colour classes, so a dot has the colour of its region on the map. */
  classes?: ColorClasses;
  flagLabels?: Record<string, string>;
}

const MARGIN = {top: 28, right: 20, bottom: 36, left: 20};
const MAX_SWARM_HEIGHT = 340;

/** Radius by count: large dots for the 12 Bezirke, small ones for 542 Planungsräume. */
export function dotRadius(n: number): number {
  return n <= 20 ? 7 : n <= 120 ? 5 : n <= 450 ? 3.5 : 3;
}

/**
 * The height a beeswarm needs: places the dots (sorted by value) one by one at the lowest
 * free height, as Plot's dodgeY does, and returns the highest centre plus a radius.
 */
export function swarmHeight(xs: readonly number[], r: number, padding = 1): number {
  const d = 2 * r + padding;
  const placed: {x: number; y: number}[] = [];
  let top = 0;
  for (const x of xs.toSorted((a, b) => a - b)) {
    const near = placed.filter((p) => Math.abs(p.x - x) < d);
    const candidates = [0, ...near.map((p) => p.y + Math.sqrt(d * d - (p.x - x) ** 2))].sort((a, b) => a - b);
    const y = candidates.find((c) => near.every((p) => (p.x - x) ** 2 + (p.y - c) ** 2 >= d * d - 1e-6)) ?? 0;
    placed.push({x, y});
    top = Math.max(top, y);
  }
  return top + r;
}

export function distributionMessage(values: readonly DistributionValue[], {unit, decimals, label, stats, regionsLabel}: Pick<DistributionOptions, "unit" | "decimals" | "label" | "stats" | "regionsLabel">): string {
  const numbers = values.filter((v) => v.value !== null && Number.isFinite(v.value));
  const missing = values.length - numbers.length;
  const head = `Verteilung: ${label} in ${numbers.length} ${regionsLabel}`;
  if (numbers.length === 0) return `${head}: kein Wert.`;
  const sorted = numbers.toSorted((a, b) => a.value! - b.value!);
  return (
    `${head}. Median ${formatValue(stats.median, unit, statDecimals(stats.median, decimals))}, die mittlere Hälfte liegt zwischen ${formatValue(stats.q1, unit, statDecimals(stats.q1, decimals))} und ${formatValue(stats.q3, unit, statDecimals(stats.q3, decimals))}; ` +
    `niedrigster Wert ${formatValue(sorted[0]!.value, unit, decimals)} (${sorted[0]!.name}), höchster ${formatValue(sorted.at(-1)!.value, unit, decimals)} (${sorted.at(-1)!.name}).` +
    (missing ? ` ${missing} ohne Wert.` : "")
  );
}

export function distributionChart(values: readonly DistributionValue[], options: DistributionOptions): SVGSVGElement | HTMLElement {
  const {unit, decimals, label, stats, classes, flagLabels, regionName, regionsLabel} = options;
  const width = Math.max(280, options.width);
  const rows = values.filter((v) => v.value !== null && Number.isFinite(v.value));
  const numbers = rows.map((v) => v.value!);
  const domain = scaleLinear()
    .domain([Math.min(...numbers, stats.q1), Math.max(...numbers, stats.q3)])
    .nice()
    .domain() as [number, number];
  const r = dotRadius(rows.length);
  const toPx = scaleLinear(domain, [MARGIN.left, width - MARGIN.right]);
  const needed = swarmHeight(numbers.map((v) => toPx(v)), r);
  const swarm = needed + MARGIN.top + MARGIN.bottom + r <= MAX_SWARM_HEIGHT;
  const height = swarm ? Math.max(110, Math.ceil(needed + r) + MARGIN.top + MARGIN.bottom) : 220;
  const tick = (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : decimals);
  const band = Plot.rectX([stats], {x1: "q1", x2: "q3", fill: "#e8e8e8", ariaHidden: "true"});
  // The label leans away from the nearer edge so that it is never cut off.
  const at = (stats.median - domain[0]) / (domain[1] - domain[0] || 1);
  const anchor = at < 0.25 ? "start" : at > 0.75 ? "end" : "middle";
  const median = [
    Plot.ruleX([stats.median], {stroke: "#111", strokeWidth: 1.5}),
    Plot.text([stats.median], {
      x: (d: number) => d,
      frameAnchor: "top",
      dy: -18,
      dx: anchor === "start" ? -2 : anchor === "end" ? 2 : 0,
      textAnchor: anchor,
      text: () => `Median ${formatValue(stats.median, unit, statDecimals(stats.median, decimals))}`,
      fontWeight: "bold",
      fill: "#111"
    })
  ];
  const color = classes ? {...colorScale(classes, {decimals, label}), legend: false} : undefined;
  const marks = swarm
    ? [
        band,
        Plot.dot(
          rows,
          Plot.dodgeY({
            x: "value",
            r,
            anchor: "bottom",
            padding: 1,
            fill: classes ? "value" : "#2c7fb8",
            stroke: "#333",
            strokeWidth: 0.4,
            title: (d: DistributionValue) => `${d.name}\n${valueText(d.value, d.flag, {unit, decimals, flagLabels})}`,
            tip: true
          })
        ),
        ...median
      ]
    : [
        band,
        Plot.rectY(numbers, {...Plot.binX({y: "count"}, {x: (d: number) => d, thresholds: 30}), fill: "#2c7fb8", inset: 0.5, tip: true}),
        Plot.ruleY([0]),
        ...median
      ];
  const chart = Plot.plot({
    width,
    height,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    marginLeft: swarm ? MARGIN.left : 44,
    marginRight: MARGIN.right,
    x: {...(swarm ? {domain} : {}), label, labelAnchor: "center", labelArrow: "none", tickFormat: tick},
    y: swarm ? {axis: null} : {label: null, grid: true, tickFormat: (d: number) => formatNumber(d, 0)},
    color,
    caption: swarm
      ? `Jeder Punkt ist ein ${regionName}${classes ? ", in der Farbe der Karte" : ""}. Schwarze Linie: Median; graues Band: mittlere Hälfte (1. bis 3. Quartil).`
      : `Zu viele gleiche Werte für Punkte: Die Balken zeigen, wie viele ${regionsLabel.replace(/n$/, "")} in jeden Wertebereich fallen (senkrechte Achse: Anzahl). Schwarze Linie: Median; graues Band: mittlere Hälfte (1. bis 3. Quartil).`,
    marks
  });
  return describeChart(chart, distributionMessage(values, options));
}
