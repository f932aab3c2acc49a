/**
 * The four worked examples on Kreis level, each as one function of (data, region, group):
 * the sentences the trainer reads out and the rows the charts draw. Everything is computed
 * from the export; nothing about a particular city is written down.
 */
import type {TrainingData} from "../../pipelines/exports/training.ts";
import type {Indicator} from "../../pipelines/snapshot/format.ts";
import {
  changeText, countWord, coverageSentence, missingText, findRegion, fmt, gapYears, groupInfo, groupMembers, groupPhrase, groupStats, landBundSentence,
  latestYear, peerComparison, peerSentence, periodMean, points, polaritySentence, rankSentence, regionName,
  sourceRuns, sourceSentence, trendSentence, valueAt, yearRanges
} from "./training-model.js";
import {formatNumber} from "./format.js";
import {withSimilarGroup} from "./training-similar.js";
import type {GroupValue, LevelRow, ScatterPoint, TrendRow} from "./training-charts.js";

/** Chart rows of one indicator: the region, its group's median and middle half, Land and Bund. */
export function trendRows(data: TrainingData, indicator: string, region: string, group: string | null): TrendRow[] {
  const r = findRegion(data, region);
  return points(data, indicator, region).map((p) => {
    const stats = group ? groupStats(data, indicator, group, p.year) : null;
    return {
      year: p.year,
      value: p.value,
      flag: p.flag,
      median: stats?.median ?? null,
      q1: stats?.q1 ?? null,
      q3: stats?.q3 ?? null,
      land: r ? valueAt(data, indicator, r.land, p.year).value : null,
      bund: valueAt(data, indicator, "DG", p.year).value
    };
  });
}

/** Every member of a group with its value in one year (no value: null, drawn as missing). */
export function groupValues(data: TrainingData, indicator: string, group: string, year: number): GroupValue[] {
  return groupMembers(data, group).map((id) => ({id, name: regionName(data, id), value: valueAt(data, indicator, id, year).value}));
}

/** Region, group median, Land and Bund in one year. */
export function levelRows(data: TrainingData, indicator: string, region: string, group: string | null, year: number): LevelRow[] {
  const r = findRegion(data, region);
  const stats = group ? groupStats(data, indicator, group, year) : null;
  const rows: LevelRow[] = [{label: regionName(data, region), value: valueAt(data, indicator, region, year).value, kind: "region"}];
  if (group && stats) rows.push({label: `Median ${groupInfo(data, group).name}`, value: stats.median, kind: "median"});
  if (r) rows.push({label: data.places[r.land] ?? r.land, value: valueAt(data, indicator, r.land, year).value, kind: "land"});
  rows.push({label: "Deutschland", value: valueAt(data, indicator, "DG", year).value, kind: "bund"});
  return rows;
}

export function medianLabel(data: TrainingData, group: string | null): string | null {
  return group ? `Median ${groupInfo(data, group).name}` : null;
}

/** The date of the legal entitlement named in the registry's caveats ("… seit dem 01.08.2013"), if any. */
export function entitlementDate(indicator: Pick<Indicator, "caveats">): {text: string; year: number; x: number} | null {
  for (const caveat of indicator.caveats) {
    const match = /Rechtsanspruch[^.]*?(\d{2})\.(\d{2})\.(\d{4})/.exec(caveat);
    if (match) {
      const [, day, month, year] = match;
      return {text: `${day}.${month}.${year}`, year: Number(year), x: Number(year) + (Number(month) - 1) / 12 + (Number(day) - 1) / 365 - 0.0};
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 1. Kita unter 3

export const KITA = "betreuungsquote_u3";

export function kitaView(all: TrainingData, region: string, group: string | null) {
  const data = withSimilarGroup(all, region, group);
  const ind = data.indicators[KITA]!;
  const name = regionName(data, region);
  const latest = latestYear(data, KITA, region);
  const runs = sourceRuns(data, KITA);
  const firstRun = runs[0];
  const lastOfFirst = firstRun?.to ?? null;
  const entitlement = entitlementDate(ind);
  const gaps = gapYears(data, KITA);
  const trend = entitlement && lastOfFirst !== null && entitlement.year <= lastOfFirst
    ? `Der Rechtsanspruch gilt laut Register seit dem ${entitlement.text}; der letzte Stichtag davor war der ${ind.reference_date.replace(" des Jahres", "")}${entitlement.year}. ${trendSentence(data, KITA, region, entitlement.year, lastOfFirst, group)}`
    : trendSentence(data, KITA, region, firstRun?.from ?? 0, lastOfFirst ?? 0, group);
  let bridge: string | null = null;
  if (latest !== null && lastOfFirst !== null && latest > lastOfFirst) {
    const a = valueAt(data, KITA, region, lastOfFirst);
    const b = valueAt(data, KITA, region, latest);
    if (a.value !== null && b.value !== null) {
      const missing = gaps.filter((y) => y > lastOfFirst && y < latest);
      bridge = `Von ${lastOfFirst} auf ${latest} änderte sich der Wert für ${name} um ${changeText(ind, b.value - a.value)} (${fmt(ind, a.value)} → ${fmt(ind, b.value)}) – über ${missing.length ? `${countWord(missing.length, "Jahr", "Jahre")} ohne Kreiswerte (${yearRanges(missing)}) und ` : ""}einen Quellenwechsel hinweg.`;
    }
  }
  const comparison = latest === null || !group ? null : peerComparison(data, KITA, region, group, latest);
  return {
    name,
    latest,
    entitlement,
    gaps,
    sourceBreak: runs.length > 1 ? runs[1]!.from : null,
    sentences: {
      peers: latest === null || !group ? `Für ${name} gibt es keinen Wert.` : peerSentence(data, KITA, region, group, latest),
      rank: latest === null || !group ? null : rankSentence(data, KITA, region, group, latest),
      polarity: polaritySentence(ind, comparison?.relation ?? null, name),
      trend,
      bridge,
      landBund: latest === null ? "" : landBundSentence(data, KITA, region, latest),
      coverage: coverageSentence(data, KITA),
      source: sourceSentence(data, KITA)
    },
    trend: trendRows(data, KITA, region, group),
    group: latest === null || !group ? [] : groupValues(data, KITA, group, latest),
    levels: latest === null ? [] : levelRows(data, KITA, region, group, latest)
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Ohne Hauptschulabschluss

export const NO_DEGREE = "schulabgaenger_ohne_hsa";
export const LEAVERS_PER_1000 = "schulabgaenger_je_1000_ew";
export const POPULATION = "bevoelkerung";

/** Mean absolute change from one year to the next over the last `years` changes with two numbers. */
export function meanAbsChange(data: TrainingData, indicator: string, region: string, years = 10): {mean: number | null; from: number | null; to: number | null; n: number} {
  const pts = points(data, indicator, region);
  const changes: {year: number; d: number}[] = [];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (a.value !== null && b.value !== null && b.year === a.year + 1) changes.push({year: b.year, d: Math.abs(b.value - a.value)});
  }
  const last = changes.slice(-years);
  if (!last.length) return {mean: null, from: null, to: null, n: 0};
  return {mean: last.reduce((s, c) => s + c.d, 0) / last.length, from: last[0]!.year - 1, to: last.at(-1)!.year, n: last.length};
}

/** Leavers of a year, estimated as leavers per 1,000 inhabitants × inhabitants / 1,000. */
export function leaversEstimate(data: TrainingData, region: string, year: number): number | null {
  if (!data.series[LEAVERS_PER_1000] || !data.series[POPULATION]) return null;
  const per = valueAt(data, LEAVERS_PER_1000, region, year).value;
  const pop = valueAt(data, POPULATION, region, year).value;
  return per === null || pop === null ? null : (per * pop) / 1000;
}

/** Rounds an estimate for a sentence: to 10 below 10,000, else to 100. */
export function roughly(n: number): string {
  const step = n < 10_000 ? 10 : 100;
  return formatNumber(Math.round(n / step) * step, 0);
}

export function noDegreeView(all: TrainingData, region: string, group: string | null) {
  const data = withSimilarGroup(all, region, group);
  const ind = data.indicators[NO_DEGREE]!;
  const name = regionName(data, region);
  const latest = latestYear(data, NO_DEGREE, region);
  const comparison = latest === null || !group ? null : peerComparison(data, NO_DEGREE, region, group, latest);
  const sentences: Record<string, string | null> = {
    peers: latest === null || !group ? `Für ${name} gibt es keinen Wert.` : peerSentence(data, NO_DEGREE, region, group, latest),
    rank: latest === null || !group ? null : rankSentence(data, NO_DEGREE, region, group, latest),
    polarity: polaritySentence(ind, comparison?.relation ?? null, name),
    coverage: coverageSentence(data, NO_DEGREE),
    source: sourceSentence(data, NO_DEGREE),
    landBund: latest === null ? "" : landBundSentence(data, NO_DEGREE, region, latest),
    trend: null,
    means: null,
    noise: null,
    people: null
  };
  if (latest !== null) {
    sentences.trend = trendSentence(data, NO_DEGREE, region, latest - 10, latest, group);
    const now = periodMean(data, NO_DEGREE, region, latest - 2, latest);
    const then = periodMean(data, NO_DEGREE, region, latest - 12, latest - 10);
    if (now.mean !== null && then.mean !== null && now.years === 3 && then.years === 3) {
      sentences.means = `Im Mittel der drei Jahre ${latest - 2}–${latest} lag der Anteil für ${name} bei ${fmt(ind, now.mean)}, ${latest - 12}–${latest - 10} bei ${fmt(ind, then.mean)} (${changeText(ind, now.mean - then.mean)}); Dreijahresmittel glätten Zufallsschwankungen kleiner Jahrgänge.`;
    }
    const noise = meanAbsChange(data, NO_DEGREE, region, 10);
    if (noise.mean !== null) sentences.noise = `Von einem Jahr zum nächsten änderte sich der Anteil für ${name} ${noise.from}–${noise.to} im Mittel um ${formatNumber(noise.mean, ind.decimals)} Prozentpunkte (ohne Vorzeichen) – eine einzelne Veränderung dieser Größe ist noch kein Trend.`;
    const leavers = leaversEstimate(data, region, latest);
    const share = valueAt(data, NO_DEGREE, region, latest).value;
    if (leavers !== null && share !== null) {
      sentences.people = `${name}: ${latest} verließen rund ${roughly(leavers)} Jugendliche die allgemeinbildenden Schulen (geschätzt aus Abgängern je 1.000 Einwohner und Einwohnerzahl); ${fmt(ind, share)} davon sind rund ${roughly((leavers * share) / 100)} junge Menschen ohne Hauptschulabschluss.`;
    }
  }
  return {
    name,
    latest,
    sentences,
    trend: trendRows(data, NO_DEGREE, region, group),
    group: latest === null || !group ? [] : groupValues(data, NO_DEGREE, group, latest),
    levels: latest === null ? [] : levelRows(data, NO_DEGREE, region, group, latest)
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Abitur and G8/G9

export const ABITUR = "schulabgaenger_allg_hochschulreife";
export const ABITUR_FHR = "schulabgaenger_hochschulreife_fhr";

export interface Jump {
  year: number;
  median: number;
  prev: number;
  next: number;
  direction: "hoch" | "tief";
}

/** Jump threshold in percentage points: a year's Land median differs by at least this from both neighbours. */
export const JUMP_POINTS = 4;

/**
 * Years in which the median of a Land's Kreise stands out against both neighbouring years in
 * the same direction by at least JUMP_POINTS: what a double or missing Abitur cohort does.
 */
export function landJumps(data: TrainingData, indicator: string, group: string): Jump[] {
  const series = data.series[indicator];
  const stats = data.stats[indicator]?.[group];
  if (!series || !stats) return [];
  const jumps: Jump[] = [];
  for (let i = 1; i < series.years.length - 1; i++) {
    const [p, m, n] = [stats.median[i - 1], stats.median[i], stats.median[i + 1]];
    if (p === null || m === null || n === null || p === undefined || m === undefined || n === undefined) continue;
    if (series.years[i - 1] !== series.years[i]! - 1 || series.years[i + 1] !== series.years[i]! + 1) continue;
    if (m - p >= JUMP_POINTS && m - n >= JUMP_POINTS) jumps.push({year: series.years[i]!, median: m, prev: p, next: n, direction: "hoch"});
    if (p - m >= JUMP_POINTS && n - m >= JUMP_POINTS) jumps.push({year: series.years[i]!, median: m, prev: p, next: n, direction: "tief"});
  }
  return jumps;
}

/** A Kreis's distance to its Land's median, per year. */
export function distanceToMedian(data: TrainingData, indicator: string, region: string, group: string): {year: number; diff: number | null}[] {
  return points(data, indicator, region).map((p) => {
    const stats = groupStats(data, indicator, group, p.year);
    return {year: p.year, diff: p.value === null || !stats ? null : p.value - stats.median};
  });
}

export function abiturView(all: TrainingData, region: string, group: string | null) {
  const data = withSimilarGroup(all, region, group);
  const ind = data.indicators[ABITUR]!;
  const name = regionName(data, region);
  const r = findRegion(data, region);
  const land = r?.groups.find((g) => g.startsWith("land_")) ?? null;
  const landName = r ? data.places[r.land] ?? r.land : "";
  const latest = latestYear(data, ABITUR, region);
  const jumps = land ? landJumps(data, ABITUR, land) : [];
  const focus = jumps.at(-1) ?? null;
  const n = land && focus ? groupStats(data, ABITUR, land, focus.year)?.n ?? 0 : 0;
  const sentences: Record<string, string | null> = {
    jumps: null,
    region: null,
    distance: null,
    distanceTrend: null,
    zeros: null,
    ownZeros: null,
    peers: latest === null || !group ? `Für ${name} gibt es keinen Wert.` : peerSentence(data, ABITUR, region, group, latest),
    polarity: polaritySentence(ind, null, name),
    coverage: coverageSentence(data, ABITUR),
    definition: null,
    landBund: null
  };
  if (land) {
    // Inside "In Niedersachsen …" the group is just "the Kreise".
    const phrase = `der Median ${groupPhrase({...groupInfo(data, land), id: "land"}, n || groupInfo(data, land).members)}`;
    sentences.jumps = jumps.length
      ? `In ${landName} springt ${phrase} ${jumps.map((j) => `${j.year} nach ${j.direction === "hoch" ? "oben" : "unten"} auf ${fmt(ind, j.median)} (${j.year - 1}: ${fmt(ind, j.prev)}, ${j.year + 1}: ${fmt(ind, j.next)})`).join(" und ")}. Ein Sprung, den alle Kreise eines Landes im selben Jahr zeigen, passt zu einem doppelten (nach oben) oder fehlenden (nach unten) Abiturjahrgang bei der Umstellung zwischen G8 und G9 – nicht zu einer Veränderung vor Ort.`
      : `In ${landName} zeigt ${phrase} keinen Sprung von ${JUMP_POINTS} Prozentpunkten oder mehr gegenüber beiden Nachbarjahren.`;
  }
  if (focus && land) {
    const [a, b, c] = [focus.year - 1, focus.year, focus.year + 1].map((y) => valueAt(data, ABITUR, region, y));
    if (a!.value === 0 && b!.value === 0 && c!.value === 0) {
      sentences.region = `${name} meldet ${a!.year}, ${b!.year} und ${c!.year} jeweils 0 % – hier wirkt nicht der Abiturjahrgang, sondern der Schulort (siehe unten).`;
    } else if (a!.value !== null && b!.value !== null && c!.value !== null) {
      sentences.region = `${name}: ${a!.year} ${fmt(ind, a!.value)}, ${b!.year} ${fmt(ind, b!.value)}, ${c!.year} ${fmt(ind, c!.value)}. Wer nur ${a!.year} und ${b!.year} vergleicht, sieht ${changeText(ind, b!.value - a!.value)}.`;
      const d = distanceToMedian(data, ABITUR, region, land).filter((x) => x.year >= a!.year && x.year <= c!.year);
      if (d.every((x) => x.diff !== null)) {
        sentences.distance = `Der Abstand von ${name} zum Median von ${landName} betrug ${d.map((x) => `${x.year} ${changeText(ind, x.diff!)}`).join(", ")} – der Abstand zum Land ${Math.max(...d.map((x) => x.diff!)) - Math.min(...d.map((x) => x.diff!)) < Math.abs(b!.value - a!.value) / 2 ? "bleibt viel stabiler als der Wert selbst" : "schwankt ebenfalls"}.`;
      }
    } else {
      sentences.region = `Für ${name} fehlt um ${focus.year} ein Wert: ${[a, b, c].filter((p) => p!.value === null).map((p) => p!.year).join(", ")}.`;
    }
    const zeros = groupMembers(data, land).filter((id) => valueAt(data, ABITUR, id, focus.year).value === 0);
    if (zeros.length) sentences.zeros = `${focus.year} meldeten ${zeros.length} der ${n} Kreise in ${landName} 0 % (${zeros.map((id) => regionName(data, id)).join(", ")}): eine veröffentlichte Null, keine Lücke – in diesem Jahr gab es dort an allgemeinbildenden Schulen keine Abschlüsse mit allgemeiner Hochschulreife.`;
  }
  if (land && latest !== null) {
    const d = distanceToMedian(data, ABITUR, region, land);
    const last = d.find((x) => x.year === latest);
    const before = d.find((x) => x.year === latest - 10);
    if (last?.diff != null && before?.diff != null) {
      sentences.distanceTrend = `Der Abstand von ${name} zum Median der Kreise in ${landName} betrug ${latest - 10} ${changeText(ind, before.diff)} und ${latest} ${changeText(ind, last.diff)}: So lässt sich die eigene Entwicklung vom Landestrend trennen, auch über Umstellungsjahre hinweg.`;
    }
  }
  const ownZeroYears = points(data, ABITUR, region).filter((p) => p.value === 0).map((p) => p.year);
  if (ownZeroYears.length) sentences.ownZeros = `${name} meldet in ${ownZeroYears.length} Jahren 0 % (${yearRanges(ownZeroYears)}). Gezählt wird am Schulort: Wo es im Kreis kein Gymnasium gibt, machen die Jugendlichen ihr Abitur in der Nachbarstadt.`;
  const fhr = data.series[ABITUR_FHR] ? latestYear(data, ABITUR_FHR, region) : null;
  if (fhr !== null) {
    const a = valueAt(data, ABITUR, region, fhr);
    const b = valueAt(data, ABITUR_FHR, region, fhr);
    const indF = data.indicators[ABITUR_FHR]!;
    const differing = data.regions.filter((r) => {
      const x = valueAt(data, ABITUR, r.id, fhr).value;
      const z = valueAt(data, ABITUR_FHR, r.id, fhr).value;
      return x !== null && z !== null && Math.abs(x - z) > 0.05 + 1e-9;
    }).length;
    // The sources of the year shown are in the source note under the chart; the sentence names the definitions.
    sentences.definition = `${fhr}: ${ind.short_name} (nur allgemeine Hochschulreife) ${a.value === null ? "kein Wert" : fmt(ind, a.value)}; ${indF.short_name} (einschließlich Fachhochschulreife) ${b.value === null ? missingText(b) : fmt(indF, b.value)}. In ${formatNumber(differing, 0)} der ${formatNumber(data.regions.length, 0)} Kreise liegen die beiden Werte mehr als 0,05 Prozentpunkte auseinander: zwei Definitionen, nicht eine Reihe.`;
    sentences.landBund = landBundSentence(data, ABITUR_FHR, region, fhr);
  }
  return {
    name,
    land,
    landName,
    latest,
    jumps,
    focus,
    sentences,
    trend: trendRows(data, ABITUR, region, land),
    distance: land ? distanceToMedian(data, ABITUR, region, land) : [],
    landValues: land && focus ? groupValues(data, ABITUR, land, focus.year) : [],
    landMedian: land && focus ? groupStats(data, ABITUR, land, focus.year)?.median ?? null : null,
    group: latest === null || !group ? [] : groupValues(data, ABITUR, group, latest),
    levels: fhr === null ? [] : levelRows(data, ABITUR_FHR, region, null, fhr),
    fhrYear: fhr
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Übergang Schule – Beruf

export const YOUTH = "jugendarbeitslosenquote";
/** Sources whose youth unemployment rate is an October value, not an annual average. */
const OCTOBER_SOURCES: ReadonlySet<string> = new Set(["ew24_strukturdaten"]);
export const APPRENTICES = "auszubildende_je_100_15_25";

export function transitionView(all: TrainingData, region: string, group: string | null) {
  const data = withSimilarGroup(all, region, group);
  const y = data.indicators[YOUTH]!;
  const a = data.indicators[APPRENTICES]!;
  const name = regionName(data, region);
  // The EW 2024 Strukturdaten carry an October value; every other year is an annual average.
  const octoberRun = sourceRuns(data, YOUTH).find((r) => r.sources.some((id) => OCTOBER_SOURCES.has(id)));
  const octoberY = octoberRun ? octoberRun.to : null;
  const annualYears = points(data, YOUTH, region)
    .filter((p) => p.value !== null && p.year !== octoberY)
    .map((p) => p.year);
  // The latest annual average before the October value is the one to compare it with.
  const annualBefore = octoberY === null ? null : annualYears.filter((y) => y < octoberY).at(-1) ?? null;
  const annualAfter = octoberY === null ? null : annualYears.filter((y) => y > octoberY).at(-1) ?? null;
  const annual = annualYears.at(-1) ?? latestYear(data, YOUTH, region);
  const latestY = latestYear(data, YOUTH, region);
  const latestA = latestYear(data, APPRENTICES, region);
  const common = annual !== null && latestA !== null ? Math.min(annual, latestA) : null;
  const cy = common === null || !group ? null : peerComparison(data, YOUTH, region, group, common);
  const ca = common === null || !group ? null : peerComparison(data, APPRENTICES, region, group, common);
  const sentences: Record<string, string | null> = {
    youth: common === null || !group ? null : peerSentence(data, YOUTH, region, group, common),
    youthPolarity: polaritySentence(y, cy?.relation ?? null, name),
    apprentices: common === null || !group ? null : peerSentence(data, APPRENTICES, region, group, common),
    apprenticesPolarity: polaritySentence(a, ca?.relation ?? null, name),
    youthTrend: annual === null ? null : trendSentence(data, YOUTH, region, annual - 10, annual, group),
    apprenticesTrend: latestA === null ? null : trendSentence(data, APPRENTICES, region, Math.max(latestA - 10, data.series[APPRENTICES]!.years[0]!), latestA, group),
    referenceDate: null,
    landBund: latestY === null ? null : landBundSentence(data, YOUTH, region, latestY),
    quadrant: null,
    coverageYouth: coverageSentence(data, YOUTH),
    coverageApprentices: coverageSentence(data, APPRENTICES),
    sourceYouth: sourceSentence(data, YOUTH)
  };
  if (octoberY !== null && annualBefore !== null) {
    const before = valueAt(data, YOUTH, region, annualBefore);
    const october = valueAt(data, YOUTH, region, octoberY);
    if (before.value !== null && october.value !== null) {
      sentences.referenceDate = `Für ${octoberY} steht ein Oktoberwert (${fmt(y, october.value)}), für ${annualBefore} ein Jahresdurchschnitt (${fmt(y, before.value)}). Die Differenz (${changeText(y, october.value - before.value)}) mischt Entwicklung, Stichtag und Jahreszeit – im Herbst beginnen viele Ausbildungen.`;
      const after = annualAfter === null ? null : valueAt(data, YOUTH, region, annualAfter);
      if (after?.value != null) {
        sentences.referenceDate += ` ${annualAfter} ist wieder ein Jahresdurchschnitt (${fmt(y, after.value)}): mit ${annualBefore} verglichen ${changeText(y, after.value - before.value)} – ein Vergleich gleicher Art.`;
      }
    }
  }
  if (cy && ca) {
    const phrase = groupPhrase(groupInfo(data, group!), Math.min(ca.n, cy.n));
    sentences.quadrant = `${common}: ${name} liegt bei den Auszubildenden je 100 Einwohner von 15 bis 25 Jahren ${ca.relation} dem Median, bei der Jugendarbeitslosenquote ${cy.relation} dem Median ${phrase}. Beides zusammen beschreibt eine Lage, erklärt sie aber nicht: Auszubildende werden am Betriebsort gezählt, Arbeitslose am Wohnort.`;
  }
  const members = group ? new Set(groupMembers(data, group)) : new Set<string>();
  const scatter: ScatterPoint[] = [];
  if (common !== null) {
    for (const r of data.regions) {
      const xv = valueAt(data, APPRENTICES, r.id, common).value;
      const yv = valueAt(data, YOUTH, r.id, common).value;
      if (xv !== null && yv !== null) scatter.push({id: r.id, name: regionName(data, r.id), x: xv, y: yv, group: members.has(r.id)});
    }
  }
  return {
    name,
    annual,
    latestY,
    octoberY,
    /** The years with Land and Bund values and their kind, for the page text. */
    landBundYears: [octoberY === null ? null : `${octoberY} (Oktober)`, annualAfter === null ? null : `${annualAfter} (Jahresdurchschnitt)`].filter(Boolean).join(" und "),
    common,
    sentences,
    youthTrend: trendRows(data, YOUTH, region, group),
    apprenticesTrend: trendRows(data, APPRENTICES, region, group),
    sourceBreak: octoberY,
    scatter,
    medians: common === null || !group ? {x: null, y: null} : {x: groupStats(data, APPRENTICES, group, common)?.median ?? null, y: groupStats(data, YOUTH, group, common)?.median ?? null},
    levels: latestY === null ? [] : levelRows(data, YOUTH, region, group, latestY)
  };
}

