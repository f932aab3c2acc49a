/**
 * Which years an indicator covers at which level: one row per level (Bund, Länder, Kreise,
 * Bezirke, Planungsräume), one cell per year, shaded by the share of the level's regions
 * with a number. Gaps (years without any value) stay empty, so a jump from 2020 to 2023 is
 * visible at a glance.
 */
import * as Plot from "@observablehq/plot";
import {describeChart} from "./a11y.js";
import {formatNumber} from "./format.js";

export interface CoverageCell {
  level: string;
  period: string;
  year: number;
  with_value: number;
  without_value: number;
  expected: number;
}

export const LEVEL_LABELS: Record<string, string> = {
  bund: "Bund",
  land: "Länder",
  kreis: "Kreise",
  gemeinde: "Städte mit eigener Zeile",
  bezirk: "Berliner Bezirke",
  planungsraum: "Planungsräume"
};

const LEVEL_ORDER = ["bund", "land", "kreis", "gemeinde", "bezirk", "planungsraum"];

/** Consecutive years as ranges: [1995…2020, 2023] → "1995–2020, 2023". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(", ");
}

export function coverageMessage(rows: readonly CoverageCell[]): string {
  const levels = LEVEL_ORDER.filter((l) => rows.some((r) => r.level === l && r.with_value > 0));
  if (levels.length === 0) return "Abdeckung: keine Werte.";
  const parts = levels.map((level) => {
    const list = rows.filter((r) => r.level === level && r.with_value > 0);
    const counts = list.map((r) => r.with_value);
    const min = Math.min(...counts);
    const max = Math.max(...counts);
    const expected = list[0]!.expected;
    const share = min === max ? `${formatNumber(max, 0)} von ${formatNumber(expected, 0)}` : `${formatNumber(min, 0)} bis ${formatNumber(max, 0)} von ${formatNumber(expected, 0)}`;
    return `${LEVEL_LABELS[level] ?? level} ${yearRanges(list.map((r) => r.year))} (${share} mit Wert)`;
  });
  return `Abdeckung nach Jahr und Ebene: ${parts.join("; ")}.`;
}

export function coverageChart(rows: readonly CoverageCell[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const shown = rows.filter((r) => r.with_value > 0 || r.without_value > 0);
  const years = shown.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const domain = Array.from({length: last - first + 1}, (_, i) => first + i);
  const levels = LEVEL_ORDER.filter((l) => shown.some((r) => r.level === l)).map((l) => LEVEL_LABELS[l] ?? l);
  const cellWidth = (width - 130) / domain.length;
  // Label every year where there is room, else every fifth.
  const step = cellWidth >= 30 ? 1 : cellWidth >= 14 ? 2 : 5;
  const chart = Plot.plot({
    width,
    height: 44 + 30 * levels.length + 40,
    marginLeft: 130,
    marginBottom: 30,
    x: {type: "band", domain, label: null, tickFormat: (y: number) => (y % step === 0 || domain.length <= 3 ? String(y) : ""), tickSize: 0},
    y: {domain: levels, label: null, tickSize: 0},
    // Classes, not a ramp: "all regions" (the darkest) must not look like "nearly all".
    color: {type: "threshold", domain: [0.25, 0.5, 0.75, 1], range: ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08306b"], legend: true, label: "Anteil der Regionen mit Wert", tickFormat: (d: number) => `${formatNumber(d * 100, 0)}\u00a0%`},
    marks: [
      Plot.cell(shown, {
        x: "year",
        y: (r: CoverageCell) => LEVEL_LABELS[r.level] ?? r.level,
        fill: (r: CoverageCell) => r.with_value / r.expected,
        inset: 1,
        title: (r: CoverageCell) => `${LEVEL_LABELS[r.level] ?? r.level}, ${r.period}: ${formatNumber(r.with_value, 0)} von ${formatNumber(r.expected, 0)} mit Wert${r.without_value ? `, ${formatNumber(r.without_value, 0)} nur mit Kennzeichen` : ""}`,
        tip: true
      }),
      cellWidth >= 30
        ? Plot.text(shown, {
            x: "year",
            y: (r: CoverageCell) => LEVEL_LABELS[r.level] ?? r.level,
            text: (r: CoverageCell) => formatNumber(r.with_value, 0),
            fill: (r: CoverageCell) => (r.with_value / r.expected >= 0.75 ? "white" : "black"),
            fontSize: 10
          })
        : null
    ]
  });
  return describeChart(chart, coverageMessage(rows));
}
