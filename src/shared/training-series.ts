/**
 * Years, gaps and source changes of a training example's series: pure functions on the examples'
 * data, used by the pages (through training-model.ts) and by the hub's loader.
 */
import type {TrainingData, TrainingSeries} from "../../pipelines/exports/training.ts";

export function seriesOf(data: Pick<TrainingData, "series">, indicator: string): TrainingSeries {
  const series = data.series[indicator];
  if (!series) throw new Error(`Indikator ${indicator} fehlt in den Daten des Beispiels`);
  return series;
}

/** Consecutive years as ranges: [2006, …, 2020, 2023] → "2006–2020 und 2023"; [2021, 2022] → "2021 und 2022". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const y of sorted) {
    const last = ranges.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else ranges.push([y, y]);
  }
  const parts = ranges.flatMap(([a, b]) => (a === b ? [String(a)] : b === a + 1 ? [String(a), String(b)] : [`${a}–${b}`]));
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} und ${parts.at(-1)}` : parts[0] ?? "";
}

/** Consecutive years as spans: [2021, 2022, 2024] → [{from: 2021, to: 2022}, {from: 2024, to: 2024}]. */
export function yearSpans(years: readonly number[]): {from: number; to: number}[] {
  const spans: {from: number; to: number}[] = [];
  for (const y of [...new Set(years)].sort((a, b) => a - b)) {
    const last = spans.at(-1);
    if (last && y === last.to + 1) last.to = y;
    else spans.push({from: y, to: y});
  }
  return spans;
}

/** Years between the first and the last with a Kreis value in which no Kreis has one. */
export function gapYears(data: TrainingData, indicator: string): number[] {
  const series = seriesOf(data, indicator);
  const kreise = data.regions.map((r) => r.id);
  const withValue = series.years.filter((_, i) => kreise.some((id) => (series.values[id]?.[i] ?? null) !== null));
  if (!withValue.length) return [];
  const gaps: number[] = [];
  for (let y = withValue[0]!; y <= withValue.at(-1)!; y++) if (!withValue.includes(y)) gaps.push(y);
  return gaps;
}

/** Runs of consecutive years on one level that share the same sources. */
export function sourceRuns(data: TrainingData, indicator: string, level = "kreis"): {from: number; to: number; sources: string[]}[] {
  const byYear = seriesOf(data, indicator).sources[level] ?? {};
  const years = Object.keys(byYear).map(Number).sort((a, b) => a - b);
  const runs: {from: number; to: number; sources: string[]}[] = [];
  for (const y of years) {
    const sources = [...byYear[y]!].sort();
    const last = runs.at(-1);
    if (last && last.sources.join() === sources.join()) last.to = y;
    else runs.push({from: y, to: y, sources});
  }
  return runs;
}

/**
 * What the hub page says about an example's series, from the data: "2006–2020, 2023 und 2025;
 * ohne Kreiswerte 2021, 2022 und 2024; Quellenwechsel 2023 und 2025".
 */
export function seriesOutline(data: TrainingData, indicator: string): string {
  const series = seriesOf(data, indicator);
  const kreise = data.regions.map((r) => r.id);
  const years = series.years.filter((_, i) => kreise.some((id) => (series.values[id]?.[i] ?? null) !== null));
  const gaps = gapYears(data, indicator);
  const changes = sourceRuns(data, indicator).slice(1).map((run) => run.from);
  return [yearRanges(years), gaps.length ? `ohne Kreiswerte ${yearRanges(gaps)}` : "", changes.length ? `Quellenwechsel ${yearRanges(changes)}` : ""].filter(Boolean).join("; ");
}
