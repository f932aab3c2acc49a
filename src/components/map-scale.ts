/**
 * Colour classes and wording shared by every choropleth: class breaks from quantiles,
 * colour-blind-safe schemes (ColorBrewer YlGnBu sequential, RdBu diverging), the text for a
 * region without a number (a flag's meaning or "keine Angabe", never 0) and the polarity in
 * plain German.
 */
import {interpolateRdBu, interpolateYlGnBu, quantileSorted} from "d3";
import {formatNumber, formatValue} from "./format.js";
import {flagLabel} from "../shared/flags.js";

export type Polarity = "higher_better" | "higher_worse" | "neutral";

/** Grey for regions without a number; a hatch on top tells it apart from the palest class. */
export const MISSING_COLOR = "#d9d9d9";

/**
 * Thresholds between colour classes: the quantiles 1/n … (n−1)/n of the values, rounded to
 * the decimals the page shows (so the legend reads "12,3" and not "12,2875"), without
 * duplicates and inside (min, max]. Equal-count classes keep one outlier (students in a
 * university town) from pushing every other region into the first class.
 */
export function classBreaks(values: readonly number[], decimals: number, n = 6): number[] {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  if (sorted.length < 2) return [];
  const min = sorted[0]!;
  const factor = 10 ** decimals;
  const breaks: number[] = [];
  for (let k = 1; k < n; k++) {
    const q = Math.round(quantileSorted(sorted, k / n)! * factor) / factor;
    if (q > min && !breaks.includes(q)) breaks.push(q);
  }
  return breaks;
}

export interface ColorClasses {
  /** Thresholds (ascending); class i holds values in [breaks[i−1], breaks[i]). */
  breaks: number[];
  colors: string[];
  diverging: boolean;
  /** The pivot of a diverging scale: the median. */
  pivot: number | null;
}

/**
 * The classes of a map. With a polarity the colours diverge around the median: blue on the
 * favourable side, red on the unfavourable one (RdBu is safe for the common colour-vision
 * deficiencies); without one they run from light yellow to dark blue (YlGnBu).
 */
export function colorClasses(values: readonly number[], {decimals, polarity, classes = 6}: {decimals: number; polarity: Polarity; classes?: number}): ColorClasses {
  const breaks = classBreaks(values, decimals, classes);
  const k = breaks.length + 1;
  if (polarity === "neutral" || breaks.length < 2) {
    // Start at 0.15: the palest yellow would vanish on the page background.
    const colors = Array.from({length: k}, (_, i) => interpolateYlGnBu(k === 1 ? 0.6 : 0.15 + (0.85 * i) / (k - 1)));
    return {breaks, colors, diverging: false, pivot: null};
  }
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b);
  const median = quantileSorted(sorted, 0.5)!;
  // Classes whose upper bound is at or below the median are "below"; the rest "above".
  const below = breaks.filter((b) => b <= Math.round(median * 10 ** decimals) / 10 ** decimals).length;
  const above = k - below;
  // RdBu runs red (0) → blue (1). Higher is better: high values blue. Higher is worse: red.
  const side = (i: number, count: number) => 0.1 + (0.35 * i) / Math.max(count - 1, 1);
  const low = Array.from({length: below}, (_, i) => 0.5 - side(below - 1 - i, below));
  const high = Array.from({length: above}, (_, i) => 0.5 + side(i, above));
  const t = [...low, ...high];
  const colors = t.map((x) => interpolateRdBu(polarity === "higher_better" ? x : 1 - x));
  return {breaks, colors, diverging: true, pivot: median};
}

/** The Plot colour scale of a map (threshold classes, German tick labels; the label names the unit). */
export function colorScale(classes: ColorClasses, {decimals, label}: {decimals: number; label: string}) {
  return {
    type: "threshold" as const,
    domain: classes.breaks,
    range: classes.colors,
    unknown: MISSING_COLOR,
    legend: true,
    label,
    tickFormat: tickNumber(decimals)
  };
}

/** What a region's cell says: the value with its unit and flag, or why there is none. */
export function valueText(value: number | null | undefined, flag: string | null | undefined, {unit, decimals, flagLabels = {}}: {unit: string; decimals: number; flagLabels?: Record<string, string>}): string {
  const meaning = flag ? flagLabels[flag] ?? flagLabel(flag) ?? flag : null;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return meaning ? `kein Wert: ${meaning} (Kennzeichen „${flag}“)` : "keine Angabe";
  }
  const text = formatValue(value, unit, decimals);
  return meaning && flag !== "-" ? `${text} (${meaning})` : text;
}

/** The indicator's polarity in plain German, for the page and the legend. */
export function polarityText(polarity: Polarity): string {
  if (polarity === "higher_better") return "Höhere Werte gelten als günstiger.";
  if (polarity === "higher_worse") return "Höhere Werte gelten als ungünstiger.";
  return "Ein höherer Wert ist weder besser noch schlechter: Der Indikator beschreibt Lage und Bedarf, er bewertet nicht.";
}

/** One sentence under a legend that says how to read the colours. */
export function legendNote(classes: ColorClasses, {polarity, unit, decimals, regions, range}: {polarity: Polarity; unit: string; decimals: number; regions: string; range?: [number, number] | null}): string {
  const span = range ? `Werte von ${formatValue(range[0], unit, decimals)} bis ${formatValue(range[1], unit, decimals)} in ` : "";
  const classesText = `${span}${classes.colors.length} Klassen mit etwa gleich vielen ${regions} (gleiche Werte bleiben in einer Klasse)`;
  if (!classes.diverging) return `${classesText}; je dunkler, desto höher der Wert. Grau schraffiert: kein Wert.`;
  const median = formatValue(classes.pivot, unit, decimals);
  const worse = polarity === "higher_worse" ? "über" : "unter";
  const better = polarity === "higher_worse" ? "unter" : "über";
  return `${classesText}, geteilt am Median (${median}): Rot ${worse} dem Median (ungünstiger), Blau ${better} dem Median (günstiger). Grau schraffiert: kein Wert.`;
}

/**
 * Decimals that show a derived figure (median, quartile) exactly enough: one more than the
 * indicator's when the figure falls between two shown values (the median 4,5 of counts).
 */
export function statDecimals(value: number, decimals: number): number {
  for (let d = decimals; d < Math.max(decimals, 2) + 1; d++) {
    if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-6) return d;
  }
  return Math.max(decimals, 2);
}

/** "1.234" for counts, "12,3" with decimals: the number alone, for axes and legends. */
export function tickNumber(decimals: number): (d: number) => string {
  return (d) => formatNumber(d, decimals);
}
