/**
 * What the worked examples of the training module compute from the warehouse export: values,
 * peer comparisons, trends, coverage and source changes, and the sentences a trainer reads
 * out. Pure functions of the data (pipelines/exports/training.ts), so that the page, the
 * tests and a participant redoing the example for another Kreis get the same numbers.
 *
 * The sentences never judge where the data cannot: "über"/"unter" the median, "stieg"/"sank";
 * "günstiger"/"ungünstiger" only with the registry's polarity, and the registry's caveats are
 * shown next to every sentence by the page.
 */
import type {TrainingData, TrainingGroup, TrainingRegion, TrainingSeries} from "../../pipelines/exports/training.ts";
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {flagLabel} from "../shared/flags.js";
import {afterMit, formatNumber, formatValue} from "./format.js";
import {gapYears, seriesOf, sourceRuns, yearRanges} from "../shared/training-series.js";

export {gapYears, seriesOf, seriesOutline, sourceRuns, yearRanges, yearSpans} from "../shared/training-series.js";

export interface Point {
  year: number;
  value: number | null;
  flag: string | null;
}

export type Relation = "über" | "unter" | "auf";

export interface PeerComparison {
  year: number;
  value: number;
  median: number;
  q1: number | null;
  q3: number | null;
  /** Members with a number that year (the warehouse's n). */
  n: number;
  members: number;
  /** 1 = highest value among the members with a number (ties share the smallest rank). */
  rank: number;
  relation: Relation;
}

// ---------------------------------------------------------------------------------------------
// Names

/** Kreis names without the official suffix ("Köln, Stadt" → "Köln"), told apart where a city and a Landkreis share one. */
export function displayNames(regions: readonly Pick<TrainingRegion, "id" | "name" | "kreisfrei">[]): Map<string, string> {
  const short = (name: string) => name.split(",")[0]!.trim();
  const count = new Map<string, number>();
  for (const r of regions) count.set(short(r.name), (count.get(short(r.name)) ?? 0) + 1);
  return new Map(regions.map((r) => {
    const s = short(r.name);
    return [r.id, (count.get(s) ?? 0) > 1 ? `${s} (${r.kreisfrei ? "Stadt" : "Landkreis"})` : s];
  }));
}

export function regionName(data: Pick<TrainingData, "regions" | "places">, id: string): string {
  if (data.places[id]) return data.places[id]!;
  return displayNames(data.regions).get(id) ?? id;
}

export function findRegion(data: Pick<TrainingData, "regions">, id: string): TrainingRegion | undefined {
  return data.regions.find((r) => r.id === id);
}

/** The region a URL asks for (?region=05315), else the example's default. */
export function regionFromSearch(search: string, known: readonly {id: string}[], fallback: string): string {
  const wanted = new URLSearchParams(search).get("region");
  return wanted && known.some((r) => r.id === wanted) ? wanted : fallback;
}

// ---------------------------------------------------------------------------------------------
// Values

function yearIndex(series: TrainingSeries, year: number): number {
  return series.years.indexOf(year);
}


/** Every year of the series for one region: number, or null with the flag (never 0 for a gap). */
export function points(data: Pick<TrainingData, "series">, indicator: string, region: string): Point[] {
  const series = seriesOf(data, indicator);
  const values = series.values[region];
  return series.years.map((year, i) => ({year, value: values?.[i] ?? null, flag: series.flags[region]?.[i] ?? null}));
}

export function valueAt(data: Pick<TrainingData, "series">, indicator: string, region: string, year: number): Point {
  const series = seriesOf(data, indicator);
  const i = yearIndex(series, year);
  return {year, value: i < 0 ? null : series.values[region]?.[i] ?? null, flag: i < 0 ? null : series.flags[region]?.[i] ?? null};
}

/** The latest year in which the region has a number (or null). */
export function latestYear(data: Pick<TrainingData, "series">, indicator: string, region: string): number | null {
  const withValue = points(data, indicator, region).filter((p) => p.value !== null);
  return withValue.at(-1)?.year ?? null;
}

/** Mean of the region's numbers in [from, to] and how many years it rests on. */
export function periodMean(data: Pick<TrainingData, "series">, indicator: string, region: string, from: number, to: number): {mean: number | null; years: number} {
  const values = points(data, indicator, region).filter((p) => p.year >= from && p.year <= to && p.value !== null).map((p) => p.value!);
  return {mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, years: values.length};
}

// ---------------------------------------------------------------------------------------------
// Peer groups

export function groupInfo(data: Pick<TrainingData, "groups">, id: string): TrainingGroup {
  const group = data.groups.find((g) => g.id === id);
  if (!group) throw new Error(`Vergleichsgruppe ${id} unbekannt`);
  return group;
}

/** The default comparison of a region: its first peer group (Großstädte, kreisfreie Städte, Landkreise …). */
export function defaultGroup(region: TrainingRegion): string | null {
  return region.groups[0] ?? null;
}

export function landGroup(region: TrainingRegion): string | null {
  return region.groups.find((g) => g.startsWith("land_")) ?? null;
}

export function groupMembers(data: Pick<TrainingData, "regions">, group: string): string[] {
  return data.regions.filter((r) => r.groups.includes(group)).map((r) => r.id);
}

/** "der 25 Großstädte", "aller 400 Kreise", "der 53 Kreise in Nordrhein-Westfalen" – the genitive after "dem Median". */
export function groupPhrase(group: TrainingGroup, n: number): string {
  const withValue = n < group.members ? " mit Wert" : "";
  const typ = /^kreistyp_(\d)$/.exec(group.id);
  if (group.id === "grossstaedte") return `der ${n} Großstädte${withValue}`;
  if (group.id === "kreisfrei") return `der ${n} kreisfreien Städte${withValue}`;
  if (group.id === "landkreise") return `der ${n} Landkreise${withValue}`;
  if (group.id === "kreise") return `${n < group.members ? "der" : "aller"} ${n} Kreise${withValue}`;
  if (group.id === "bezirke") return `der ${n} Berliner Bezirke${withValue}`;
  if (group.id === "aehnliche") return `der ${n} Kreise der Gruppe „Ähnliche Kommunen“${withValue}`;
  if (typ) return `der ${n} Kreise des Kreistyps ${typ[1]} (${group.name.split(": ")[1] ?? ""})${withValue}`;
  if (group.id.startsWith("land_")) return `der ${n} ${group.name}${withValue}`;
  if (group.id === "land") return `der ${n} Kreise${withValue}`;
  return `der Gruppe „${group.name}“ (${n} mit Wert)`;
}

/** The group's statistics in one year, as the warehouse computed them. */
export function groupStats(data: Pick<TrainingData, "series" | "stats">, indicator: string, group: string, year: number): {n: number; median: number; q1: number | null; q3: number | null} | null {
  const series = seriesOf(data, indicator);
  const stats = data.stats[indicator]?.[group];
  const i = yearIndex(series, year);
  if (!stats || i < 0 || stats.median[i] === null || stats.median[i] === undefined) return null;
  return {n: stats.n[i] ?? 0, median: stats.median[i]!, q1: stats.q1[i] ?? null, q3: stats.q3[i] ?? null};
}

/** Above, below or on the median as the reader sees it: compared at the indicator's decimals. */
export function relationTo(value: number, median: number, decimals: number): Relation {
  const a = Number(value.toFixed(decimals));
  const b = Number(median.toFixed(decimals));
  return a > b ? "über" : a < b ? "unter" : "auf";
}

export function peerComparison(data: TrainingData, indicator: string, region: string, group: string, year: number): PeerComparison | null {
  const point = valueAt(data, indicator, region, year);
  const stats = groupStats(data, indicator, group, year);
  if (point.value === null || !stats || stats.n < 2) return null;
  const members = groupMembers(data, group);
  const numbers = members.map((id) => valueAt(data, indicator, id, year).value).filter((v): v is number => v !== null);
  const rank = numbers.filter((v) => v > point.value!).length + 1;
  const ind = data.indicators[indicator]!;
  return {year, value: point.value, median: stats.median, q1: stats.q1, q3: stats.q3, n: stats.n, members: members.length, rank, relation: relationTo(point.value, stats.median, ind.decimals)};
}

/** The registry's caveats that concern a Kreis: those about Berlin's Bezirke only when the Kreis is Berlin. */
export function caveatsFor(indicator: Pick<Indicator, "caveats">, region: string): string[] {
  return indicator.caveats.filter((c) => region === "11000" || !/Bezirk/.test(c));
}

// ---------------------------------------------------------------------------------------------
// Sentences

export function fmt(indicator: Pick<Indicator, "unit" | "decimals">, value: number | null): string {
  return formatValue(value, indicator.unit, indicator.decimals);
}

/** "+10,3 Prozentpunkte", "−0,5 Prozentpunkte", "+1,2 je 100 Einwohner 15–25". */
export function changeText(indicator: Pick<Indicator, "unit" | "decimals">, diff: number): string {
  const sign = Number(diff.toFixed(indicator.decimals)) > 0 ? "+" : "";
  const unit = indicator.unit === "%" ? "Prozentpunkte" : indicator.unit;
  return unit ? `${sign}${formatNumber(diff, indicator.decimals)}\u00a0${unit}` : `${sign}${formatNumber(diff, indicator.decimals)}`;
}

/** A change without sign, after a verb: "10,3 Prozentpunkte". */
export function amountText(indicator: Pick<Indicator, "unit" | "decimals">, diff: number): string {
  return `${formatNumber(Math.abs(diff), indicator.decimals)}\u00a0${indicator.unit === "%" ? "Prozentpunkte" : indicator.unit}`;
}

const COUNT_WORDS = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

/** "zwei Jahre", "ein Jahr", "14 Jahre". */
export function countWord(n: number, singular: string, plural: string): string {
  return `${n < COUNT_WORDS.length ? COUNT_WORDS[n] : formatNumber(n, 0)} ${n === 1 ? singular : plural}`;
}

/** Why a year has no number, in words. */
export function missingText(point: Point): string {
  return point.flag ? `kein Zahlenwert (${flagLabel(point.flag)})` : "kein Wert";
}

/**
 * "Köln lag 2015 mit 28,2 % unter dem Median der 25 Großstädte (28,6 %)." – where the region
 * stands in its comparison group; the only words are über/unter/auf.
 */
export function peerSentence(data: TrainingData, indicator: string, region: string, group: string, year: number): string {
  const ind = data.indicators[indicator]!;
  const name = regionName(data, region);
  const point = valueAt(data, indicator, region, year);
  if (point.value === null) return `Für ${name} gibt es ${year} ${missingText(point)}; ein Vergleich ist für dieses Jahr nicht möglich.`;
  const comparison = peerComparison(data, indicator, region, group, year);
  if (!comparison) return `${name} hatte ${year} ${fmt(ind, point.value)}; für die Vergleichsgruppe gibt es in diesem Jahr zu wenige Werte für einen Median.`;
  const phrase = groupPhrase(groupInfo(data, group), comparison.n);
  return `${name} lag ${year} mit ${afterMit(fmt(ind, comparison.value))} ${comparison.relation} dem Median ${phrase} (${fmt(ind, comparison.median)}).`;
}

/** "Rang 12 von 25 (Rang 1 = höchster Wert); die mittlere Hälfte der Gruppe lag zwischen 30,1 % und 38,2 %." */
export function rankSentence(data: TrainingData, indicator: string, region: string, group: string, year: number): string | null {
  const comparison = peerComparison(data, indicator, region, group, year);
  if (!comparison) return null;
  const ind = data.indicators[indicator]!;
  const band = comparison.q1 !== null && comparison.q3 !== null ? `; die mittlere Hälfte der Gruppe lag zwischen ${fmt(ind, comparison.q1)} und ${fmt(ind, comparison.q3)}` : "";
  return `Rang ${comparison.rank} von ${comparison.n} (Rang 1 = höchster Wert, keine Wertung)${band}.`;
}

/**
 * What over/under the median means – only as far as the registry gives the indicator a
 * direction. Neutral indicators get no judgement at all.
 */
export function polaritySentence(indicator: Pick<Indicator, "polarity">, relation: Relation | null, name: string): string {
  if (indicator.polarity === "neutral") return "Über oder unter dem Median heißt hier weder besser noch schlechter: Das Indikatorenregister gibt diesem Indikator keine Richtung.";
  const lowerIsBetter = indicator.polarity === "higher_worse";
  const rule = lowerIsBetter ? "Laut Indikatorenregister gilt ein niedrigerer Wert als günstiger" : "Laut Indikatorenregister gilt ein höherer Wert als günstiger";
  if (relation === null) return `${rule}.`;
  if (relation === "auf") return `${rule}; ${name} liegt auf dem Median.`;
  const favourable = (relation === "unter") === lowerIsBetter;
  return `${rule}; ${name} liegt damit auf der ${favourable ? "günstigeren" : "ungünstigeren"} Seite des Medians – die Hinweise daneben gelten trotzdem.`;
}

/** Direction of a change in neutral words. */
function moved(indicator: Pick<Indicator, "decimals">, diff: number): "stieg" | "sank" | "blieb gleich" {
  const d = Number(diff.toFixed(indicator.decimals));
  return d > 0 ? "stieg" : d < 0 ? "sank" : "blieb gleich";
}

/**
 * "In Köln stieg der Wert von 23,9 % (2013) auf 34,2 % (2020), um +10,3 Prozentpunkte; der Median
 * der 25 Großstädte stieg im selben Zeitraum von 24,8 % auf 34,2 % (+9,4 Prozentpunkte)."
 */
export function trendSentence(data: TrainingData, indicator: string, region: string, from: number, to: number, group: string | null): string {
  const ind = data.indicators[indicator]!;
  const name = regionName(data, region);
  const a = valueAt(data, indicator, region, from);
  const b = valueAt(data, indicator, region, to);
  if (a.value === null || b.value === null) {
    const gap = a.value === null ? a : b;
    return `Für ${name} lässt sich die Entwicklung ${from}–${to} nicht berechnen: ${gap.year} gibt es ${missingText(gap)}.`;
  }
  const diff = b.value - a.value;
  const verb = moved(ind, diff);
  // Units other than % are named once, not after every number.
  const percent = ind.unit === "%";
  const v = (x: number) => (percent ? fmt(ind, x) : formatNumber(x, ind.decimals));
  const d = (x: number) => (percent ? amountText(ind, x) : formatNumber(Math.abs(x), ind.decimals));
  const signed = (x: number) => (percent ? changeText(ind, x) : changeText({unit: "", decimals: ind.decimals}, x).trim());
  const subject = percent ? `Der Wert für ${name}` : `Der Wert für ${name} (${ind.unit})`;
  let text = verb === "blieb gleich"
    ? `${subject} blieb von ${from} bis ${to} bei ${v(b.value)}`
    : `${subject} ${verb} von ${v(a.value)} (${from}) auf ${v(b.value)} (${to}), um ${d(diff)}`;
  if (group) {
    const ga = groupStats(data, indicator, group, from);
    const gb = groupStats(data, indicator, group, to);
    if (ga && gb) {
      const gd = gb.median - ga.median;
      const gverb = moved(ind, gd);
      const phrase = `der Median ${groupPhrase(groupInfo(data, group), gb.n)}`;
      text += gverb === "blieb gleich"
        ? `; ${phrase} blieb im selben Zeitraum bei ${v(gb.median)}`
        : `; ${phrase} ${gverb} im selben Zeitraum von ${v(ga.median)} auf ${v(gb.median)} (${signed(gd)})`;
    }
  }
  return `${text}.`;
}

/** Whether a Kreis is its Land as well (Berlin, Hamburg): then the Land is not named twice. */
export function isCityState(data: Pick<TrainingData, "regions">, region: TrainingRegion): boolean {
  return data.regions.filter((r) => r.land === region.land).length === 1;
}

/** The Land of a Kreis and the Bund in one year: "2023: Köln 36,2 %, Nordrhein-Westfalen 31,0 %, Deutschland 36,4 %." */
export function landBundSentence(data: TrainingData, indicator: string, region: string, year: number): string {
  const ind = data.indicators[indicator]!;
  const r = findRegion(data, region);
  const name = regionName(data, region);
  const own = valueAt(data, indicator, region, year);
  const cityState = r ? isCityState(data, r) : false;
  const land = r && !cityState ? valueAt(data, indicator, r.land, year) : null;
  const bund = valueAt(data, indicator, "DG", year);
  const landName = r ? data.places[r.land] ?? r.land : "Land";
  if ((land?.value ?? null) === null && bund.value === null) {
    return `Für ${cityState ? "" : `${landName} und `}Deutschland gibt es ${year} keine Werte in diesem Datenbestand. ${ind.aggregation.note}`;
  }
  const parts = [`${name}${cityState ? ` (zugleich Land)` : ""} ${own.value === null ? missingText(own) : fmt(ind, own.value)}`];
  if (!cityState) parts.push(`${landName} ${land?.value === null || !land ? "kein Wert" : fmt(ind, land.value)}`);
  parts.push(`Deutschland ${bund.value === null ? "kein Wert" : fmt(ind, bund.value)}`);
  const computed = [cityState ? null : r?.land, "DG"].filter((id): id is string => !!id && (seriesOf(data, indicator).computed[id] ?? []).includes(year));
  const note = computed.length ? ` (${computed.map((id) => data.places[id] ?? id).join(" und ")}: aus allen Kreiswerten berechnet)` : "";
  return `${year}: ${parts.join(", ")}${note}.`;
}

/** The years in which Land or Bund have a number, for the "with Land and Bund" step. */
export function landBundYears(data: TrainingData, indicator: string, region: string): number[] {
  const r = findRegion(data, region);
  const series = seriesOf(data, indicator);
  return series.years.filter((y) => valueAt(data, indicator, "DG", y).value !== null || (r && valueAt(data, indicator, r.land, y).value !== null));
}




/** "Werte für 400 von 400 Kreisen: 2006–2020 und 2023; 2021 und 2022 hat kein Kreis einen Wert." */
export function coverageSentence(data: TrainingData, indicator: string): string {
  const series = seriesOf(data, indicator);
  const kreise = data.regions.map((r) => r.id);
  const counts = series.years.map((_, i) => kreise.filter((id) => (series.values[id]?.[i] ?? null) !== null).length);
  const years = series.years.filter((_, i) => counts[i]! > 0);
  const max = Math.max(0, ...counts);
  const min = Math.min(...counts.filter((c) => c > 0));
  const regionsWithAny = kreise.filter((id) => (series.values[id] ?? []).some((v) => v !== null)).length;
  const gaps = gapYears(data, indicator);
  const minYear = series.years.find((_, i) => counts[i] === min);
  const count = min === max
    ? `${formatNumber(max, 0)} von ${formatNumber(kreise.length, 0)} Kreisen`
    : `${formatNumber(min, 0)} bis ${formatNumber(max, 0)} von ${formatNumber(kreise.length, 0)} Kreisen (am wenigsten ${minYear}; mit mindestens einem Wert: ${formatNumber(regionsWithAny, 0)})`;
  const gapText = gaps.length ? `; ${gaps.length === 1 ? "im Jahr" : "in den Jahren"} ${yearRanges(gaps)} hat kein Kreis einen Wert` : "";
  const flagged = Object.values(series.flags).reduce((s, f) => s + Object.keys(f).length, 0);
  return `Werte je Jahr für ${count} in den Jahren ${yearRanges(years)}${gapText}${flagged ? `; ${formatNumber(flagged, 0)} Zellen tragen ein Kennzeichen statt einer Zahl oder neben ihr` : ""}.`;
}

function sourceName(sources: readonly Source[], id: string): string {
  const s = sources.find((x) => x.id === id);
  if (!s) return id;
  if (id === "inkar" || id === "inkar_2024") return s.title.split(",")[0]!.replace(/ – .*/, "") + ` (${s.publisher.includes("BBSR") ? "BBSR" : s.publisher})`;
  return `${s.title.replace(/ am \d{2}\.\d{2}\.(\d{4}).*$/, " $1")} (${s.publisher.split(";")[0]})`;
}


/** "Die Kreiswerte 2006–2020 stammen aus INKAR (BBSR), der Wert 2023 aus …" – or one source for all. */
export function sourceSentence(data: TrainingData, indicator: string): string {
  const runs = sourceRuns(data, indicator);
  const span = (r: {from: number; to: number}) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`);
  const names = (r: {sources: string[]}) => r.sources.map((s) => sourceName(data.sources, s)).join(" und ");
  if (runs.length === 1) return `Alle Kreiswerte (${span(runs[0]!)}) stammen aus ${names(runs[0]!)}.`;
  const parts = runs.map((r) => `${span(r)} aus ${names(r)}`);
  return `Die Quelle wechselt: Kreiswerte ${parts.join(", ")}. Ein Vergleich über den Wechsel hinweg verbindet zwei Veröffentlichungen – Definition und Stichtag prüfen.`;
}

/** The sources of the values a chart or sentence shows (for the source note), optionally only some years and levels. */
export function sourcesOf(data: TrainingData, indicator: string, years?: readonly number[], levels?: readonly string[]): Source[] {
  const series = seriesOf(data, indicator);
  const ids = new Set<string>();
  for (const [level, byYear] of Object.entries(series.sources)) {
    if (levels && !levels.includes(level)) continue;
    for (const [year, list] of Object.entries(byYear)) if (!years || years.includes(Number(year))) for (const s of list) ids.add(s);
  }
  return data.sources.filter((s) => ids.has(s.id));
}


/** A period for the source note: "2006–2023". */
export function yearSpan(data: TrainingData, indicator: string): string {
  const years = seriesOf(data, indicator).years;
  return years.length ? (years[0] === years.at(-1) ? String(years[0]) : `${years[0]}–${years.at(-1)}`) : "";
}
