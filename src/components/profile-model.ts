/**
 * What a profile page shows for one indicator, computed from the region's profile file,
 * the chosen comparison (a warehouse peer group or a set of up to 5 regions the user picks)
 * and the shared latest values. Pure functions: the page draws them, tests check them
 * against the warehouse (kbm export).
 */
import type {ProfileFile, ProfileIndicator, ProfileSeries} from "../../pipelines/exports/profile-file.ts";
import {flagLabel} from "../shared/flags.js";
import {afterMit, formatPeriod, formatValue} from "./format.js";
import {quantile} from "../shared/quantile.js";
import type {StripValue} from "./position-strip.js";
import type {TrendRow as TrendPoint} from "../shared/charts/trend-chart.js";
import {sourceBreaks} from "../shared/charts/series-breaks.js";

export {sourceBreaks};

export const MAX_CUSTOM = 5;

export interface PeerGroupInfo {
  id: string;
  name: string;
  member_ids: string[];
}

export interface LatestEntry {
  period: string;
  region: string[];
  value: (number | null)[];
  flag: (string | null)[];
}

/** A warehouse peer group, or the user's own set of regions. */
export type Comparison = {kind: "group"; group: PeerGroupInfo} | {kind: "custom"; regions: string[]};

export interface IndicatorView {
  indicator: ProfileIndicator;
  /** The latest period with a number or a flag for this region. */
  latest: {period: string; year: number; value: number | null; flag: string | null; flagText: string | null} | null;
  change1: number | null;
  change5: number | null;
  /** Why change1/change5 is missing although an earlier value exists (not comparable, flagged). */
  change1Reason: string | null;
  change5Reason: string | null;
  rank: number | null;
  of: number;
  percentile: number | null;
  median: number | null;
  /** For a picked set: that the median includes the region itself. */
  medianNote: string | null;
  comparisonLabel: string;
  trend: TrendPoint[];
  strip: StripValue[];
  stripPeriod: string | null;
  /** Where the series changes source: marked on the chart as a break. */
  breaks: {year: number; label: string}[];
  /** Ids of the sources of the values shown (a series can change source between years). */
  sources: string[];
  sentence: string;
}

/**
 * The "Land" a region is compared with: its Land for a Kreis, Berlin for a Berlin district,
 * none for the city-states Berlin and Hamburg (Land and Kreis are the same).
 */
export function landLabel(file: ProfileFile): string | null {
  const region = file.region;
  if (region.level === "bezirk") return "Berlin";
  if (region.level !== "kreis" || region.id === "11000" || region.id === "02000") return null;
  return region.land_name;
}

/**
 * What a peer-group option says it is: "Großstädte ab 250.000 Einwohnern (25)",
 * "BBSR-Kreistyp 2: städtische Kreise (123)".
 */
export function groupOptionLabel(group: PeerGroupInfo): string {
  const name = group.id === "grossstaedte" ? "Großstädte ab 250.000 Einwohnern" : group.id.startsWith("kreistyp_") ? `BBSR-${group.name}` : group.name;
  return `${name} (${group.member_ids.length})`;
}

export function comparisonLabel(comparison: Comparison): string {
  return comparison.kind === "group" ? comparison.group.name : `eigene Auswahl (${comparison.regions.length})`;
}

/** The region's latest period that carries a number or a flag. */
function latestIndex(series: ProfileSeries): number {
  for (let i = series.period.length - 1; i >= 0; i--) if (series.value[i] !== null || series.flag[i] !== null) return i;
  return -1;
}

/** Rank (1 = highest, ties share the smallest rank), count and percentile as the warehouse computes them. */
export function rankAmong(values: number[], value: number): {rank: number; of: number; percentile: number | null} {
  const higher = values.filter((v) => v > value).length;
  const lower = values.filter((v) => v < value).length;
  const of = values.length;
  return {rank: higher + 1, of, percentile: of > 1 ? Math.round((lower / (of - 1)) * 1000) / 10 : null};
}

export function indicatorView(file: ProfileFile, indicator: ProfileIndicator, comparison: Comparison, latestValues: Record<string, LatestEntry>, names: Map<string, string>): IndicatorView {
  const series = file.series[indicator.id]!;
  const i = latestIndex(series);
  const level = file.region.level;
  const label = comparisonLabel(comparison);
  const peerSeries = comparison.kind === "group" ? series.peers[comparison.group.id] : undefined;
  const latestEntry = latestValues[`${indicator.id}|${level}`];

  // Every member is listed, those without a value in the latest period too, so captions count all.
  const memberIds = comparison.kind === "group" ? comparison.group.member_ids : [file.region.id, ...comparison.regions];
  const latestById = new Map(latestEntry ? latestEntry.region.map((id, k) => [id, latestEntry.value[k] ?? null]) : []);
  const strip: StripValue[] = latestEntry ? memberIds.map((id) => ({id, name: names.get(id) ?? id, value: latestById.get(id) ?? null})) : [];

  let rank: number | null = null;
  let of = 0;
  let percentile: number | null = null;
  let median: number | null = null;
  const value = i >= 0 ? series.value[i]! : null;
  if (i >= 0 && peerSeries) {
    rank = peerSeries.rank[i] ?? null;
    of = peerSeries.of[i] ?? 0;
    percentile = peerSeries.percentile[i] ?? null;
    median = peerSeries.median[i] ?? null;
  } else if (comparison.kind === "custom" && latestEntry && i >= 0 && latestEntry.period === series.period[i]) {
    const numbers = strip.map((s) => s.value).filter((v): v is number => v !== null);
    of = numbers.length;
    median = numbers.length ? quantile([...numbers].sort((a, b) => a - b), 0.5) : null;
    if (value !== null) ({rank, percentile} = rankAmong(numbers, value));
  }

  const withLand = landLabel(file) !== null;
  const trend: TrendPoint[] = series.period.map((_, k) => ({
    year: series.year[k]!,
    value: series.value[k] ?? null,
    flag: series.flag[k] ?? null,
    median: peerSeries?.median[k] ?? null,
    q1: peerSeries?.q1[k] ?? null,
    q3: peerSeries?.q3[k] ?? null,
    land: withLand ? series.land[k] ?? null : null,
    bund: series.bund[k] ?? null
  }));

  const latest = i >= 0 ? {period: series.period[i]!, year: series.year[i]!, value, flag: series.flag[i] ?? null, flagText: value === null ? flagLabel(series.flag[i] ?? null) : null} : null;
  return {
    indicator,
    latest,
    change1: i >= 0 ? series.change_1y[i] ?? null : null,
    change5: i >= 0 ? series.change_5y[i] ?? null : null,
    change1Reason: i >= 0 ? series.change_1y_reason?.[i] ?? null : null,
    change5Reason: i >= 0 ? series.change_5y_reason?.[i] ?? null : null,
    rank,
    of,
    percentile,
    median,
    medianNote: comparison.kind === "custom" && median !== null ? `einschließlich ${file.region.name}, ${of} Regionen mit Wert` : null,
    comparisonLabel: label,
    trend,
    strip,
    stripPeriod: latestEntry?.period ?? null,
    sources: seriesSources(series, indicator),
    breaks: sourceBreaks(series, indicator.bases),
    sentence: sentence(file.region.name, indicator, latest, median, of, label)
  };
}

/**
 * One sentence a city can quote: where the region stands against the comparison's median.
 * "über"/"unter" only, never "besser"/"schlechter": the registry's polarity is shown apart.
 */
export function sentence(regionName: string, indicator: ProfileIndicator, latest: IndicatorView["latest"], median: number | null, of: number, label: string): string {
  const fmt = (v: number | null) => formatValue(v, indicator.unit, indicator.decimals);
  if (!latest) return `Für ${regionName} liegt kein Wert vor.`;
  const when = formatPeriod(latest.period);
  if (latest.value === null) return `Für ${regionName} ist ${when} kein Zahlenwert veröffentlicht (${latest.flagText ?? "ohne Angabe"}).`;
  if (median === null || of < 2) return `${regionName}: ${fmt(latest.value)} (${when}).`;
  const relation = latest.value > median ? "über" : latest.value < median ? "unter" : "genau auf";
  return `${regionName} lag ${when} mit ${afterMit(fmt(latest.value))} ${relation} dem Median der Vergleichsgruppe ${label} (${of} Regionen mit Wert: ${fmt(median)}).`;
}

/** The comparison a URL asks for (?gruppe=… or ?vergleich=a,b,…), or the region's default group. */
export function comparisonFromUrl(search: string, file: ProfileFile, groups: PeerGroupInfo[], known: Set<string>): Comparison {
  const params = new URLSearchParams(search);
  const picked = (params.get("vergleich") ?? "").split(",").map((s) => s.trim()).filter((id) => known.has(id) && id !== file.region.id);
  if (picked.length) return {kind: "custom", regions: [...new Set(picked)].slice(0, MAX_CUSTOM)};
  const allowed = groups.filter((g) => file.region.groups.includes(g.id));
  const chosen = allowed.find((g) => g.id === params.get("gruppe")) ?? allowed[0];
  return chosen ? {kind: "group", group: chosen} : {kind: "custom", regions: []};
}

export function comparisonToSearch(comparison: Comparison): string {
  return comparison.kind === "group" ? `?gruppe=${encodeURIComponent(comparison.group.id)}` : comparison.regions.length ? `?vergleich=${comparison.regions.join(",")}` : "";
}

/** The sources of the periods that have a number or a flag. */
function seriesSources(series: ProfileSeries, indicator: ProfileIndicator): string[] {
  const ids = series.source.filter((s, k): s is string => s !== null && (series.value[k] !== null || series.flag[k] !== null));
  if (!ids.length) ids.push(indicator.source);
  return [...new Set(ids)];
}
