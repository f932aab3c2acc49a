/**
 * The pitfalls page: for each pitfall a real example, computed from the warehouse rows in
 * pipelines/exports/training-pitfalls.ts. Only the rule itself is written down (e.g. that NRW
 * rounds counts to multiples of 5 since school year 2019/20); every number is computed here.
 */
import type {PitfallData} from "../../pipelines/exports/training-pitfalls.ts";
import {FLAG_LABELS} from "../shared/flags.js";
import {formatNumber, formatPeriod, formatValue} from "./format.js";
import {quantile} from "./position-strip.js";
import {medianOf, pearson, strength} from "./training-berlin.js";
import {displayNames, yearRanges} from "./training-model.js";

const pct = (v: number | null, decimals = 1) => formatValue(v, "%", decimals);
const pts = (v: number, decimals = 1) => `${formatNumber(v, decimals)}\u00a0Prozentpunkte`;
const signed = (v: number, decimals = 1) => `${Number(v.toFixed(decimals)) > 0 ? "+" : ""}${formatNumber(v, decimals)}`;

function and(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} und ${items.at(-1)}` : items[0] ?? "";
}

function names(data: PitfallData): Map<string, string> {
  return displayNames(data.leavers.map((r) => ({id: r.id, name: r.name, kreisfrei: null})));
}

// ---------------------------------------------------------------------------------------------
// 1. Small numbers and rounding

/** How many Kreise form "the smallest" and "the largest" group: a tenth of those with a change. */
export function smallLargeGroups(data: PitfallData) {
  const rows = data.leavers.filter((r) => r.change_1y !== null).sort((a, b) => a.leavers - b.leavers || a.id.localeCompare(b.id));
  const k = Math.floor(rows.length / 10);
  const small = rows.slice(0, k);
  const large = rows.slice(-k);
  const medAbs = (list: typeof rows) => quantile(list.map((r) => Math.abs(r.change_1y!)).sort((a, b) => a - b), 0.5);
  return {k, n: rows.length, small: {max: small.at(-1)!.leavers, medianAbsChange: medAbs(small)}, large: {min: large[0]!.leavers, medianAbsChange: medAbs(large)}};
}

export function smallNumbersSentence(data: PitfallData): string {
  const g = smallLargeGroups(data);
  return `Von 2021 auf 2022 änderte sich der Anteil ohne Hauptschulabschluss in den ${g.k} Kreisen mit den wenigsten Schulabgängerinnen und -abgängern (höchstens rund ${formatNumber(Math.round(g.small.max / 10) * 10, 0)}) im Median um ${pts(g.small.medianAbsChange)}, in den ${g.k} Kreisen mit den meisten (mindestens rund ${formatNumber(Math.round(g.large.min / 100) * 100, 0)}) um ${pts(g.large.medianAbsChange)} – ohne Vorzeichen gerechnet. Bei kleinen Jahrgängen bewegen wenige Jugendliche den Anteil.`;
}

/** The NRW Kreis with the fewest leavers and what rounding counts to multiples of 5 does to its share. */
export function roundingExample(data: PitfallData) {
  const nrw = data.leavers.filter((r) => r.land === "05" && r.share !== null).sort((a, b) => a.leavers - b.leavers)[0];
  if (!nrw) return null;
  // A count rounded to a multiple of 5 is off by at most 2 (whole persons); the share then by 2 / leavers.
  const shift = (2 / nrw.leavers) * 100;
  return {id: nrw.id, name: names(data).get(nrw.id) ?? nrw.name, leavers: nrw.leavers, share: nrw.share!, shift};
}

export function roundingSentence(data: PitfallData): string {
  const ex = roundingExample(data);
  if (!ex) return "";
  const beyond = ex.shift > 0.1 ? " – mehr als die letzte veröffentlichte Stelle (0,1)" : "";
  return `Nordrhein-Westfalen veröffentlicht die Zählungen der Schulstatistik seit dem Schuljahr 2019/20 auf Vielfache von 5 gerundet; Anteile, die daraus berechnet werden, erben die Rundung. Im NRW-Kreis mit den wenigsten Abgängerinnen und Abgängern, ${ex.name} (2022 rund ${formatNumber(Math.round(ex.leavers / 10) * 10, 0)}), verschiebt eine Rundung des Zählers um bis zu 2 Personen den Anteil ohne Hauptschulabschluss (${pct(ex.share)}) um bis zu ${pts(ex.shift, 2)}${beyond}.`;
}

// ---------------------------------------------------------------------------------------------
// 2. School location, place of care

export function schoolLocationSentence(data: PitfallData): string {
  const rows = data.school_location.filter((r) => r.city !== null);
  if (!rows.length) return "";
  const year = rows[0]!.year;
  const lk = rows.map((r) => r.landkreis_name.split(",")[0]!);
  const cities = rows.map((r) => `${r.city_name!.split(",")[0]} ${pct(r.city_value)}`);
  return `${year} hatten ${rows.length === 1 ? "der Landkreis" : "die Landkreise"} ${and(lk)} ${pct(0)} Abgängerinnen und Abgänger mit allgemeiner Hochschulreife, ${rows.length === 1 ? "die gleichnamige kreisfreie Stadt" : "die gleichnamigen kreisfreien Städte"} ${and(cities)}. Gezählt wird am Schulort: Die Gymnasien stehen in der Stadt, die Jugendlichen wohnen auch im Landkreis.`;
}

export function placeOfCareSentence(data: PitfallData): string {
  const rows = data.childcare_over_100;
  if (!rows.length) return "";
  const n = names(data);
  return `${rows[0]!.year} lag die Betreuungsquote der Kinder von 3 bis unter 6 Jahren in ${rows.map((r) => `${n.get(r.id) ?? r.name} bei ${pct(r.value)}`).join(" und in ")}: Gezählt wird am Ort der Betreuung, Kinder aus dem Umland werden mitgezählt.`;
}

// ---------------------------------------------------------------------------------------------
// 3. Reference dates

export function berlinDatesExample(data: PitfallData) {
  const rows = data.berlin_dates.filter((r) => r.plr_2022_06_30 !== null && r.bezirk_2023_12_31 !== null);
  const top = [...rows].sort((a, b) => (b.bezirk_2023_12_31! - b.plr_2022_06_30!) / b.plr_2022_06_30! - (a.bezirk_2023_12_31! - a.plr_2022_06_30!) / a.plr_2022_06_30!)[0];
  return top ? {...top, diff: top.bezirk_2023_12_31! - top.plr_2022_06_30!, rel: ((top.bezirk_2023_12_31! - top.plr_2022_06_30!) / top.plr_2022_06_30!) * 100} : null;
}

export function referenceDateSentences(data: PitfallData): string[] {
  const out: string[] = [];
  const b = berlinDatesExample(data);
  if (b) out.push(`${b.name}: ${formatNumber(b.plr_2022_06_30, 0)} Einwohnerinnen und Einwohner als Summe der Planungsräume am 30.06.2022, ${formatNumber(b.bezirk_2022_12_31, 0)} am 31.12.2022 und ${formatNumber(b.bezirk_2023_12_31, 0)} am 31.12.2023 (${signed(b.rel)} % in anderthalb Jahren, der größte Unterschied der zwölf Bezirke). Ein Anteil, dessen Zähler und Nenner verschiedene Stichtage haben, erbt diesen Unterschied.`);
  const changes = data.youth_changes;
  const last = changes.at(-1);
  const earlier = changes.slice(0, -1);
  if (last && earlier.length) {
    const lo = Math.min(...earlier.map((c) => c.median_change));
    const hi = Math.max(...earlier.map((c) => c.median_change));
    out.push(`Jugendarbeitslosenquote: Bis ${last.year - 1} sind die Kreiswerte Jahresdurchschnitte, ${last.year} ist ein Oktoberwert. Von ${last.year - 1} auf ${last.year} änderte sie sich im Median der ${formatNumber(last.n, 0)} Kreise um ${signed(last.median_change)} Prozentpunkte, in den Jahren davor zwischen ${signed(lo)} und ${signed(hi)}. Wie viel davon Stichtag und Jahreszeit sind, sagen die Daten nicht – deshalb die beiden Jahre nicht als Veränderung lesen; der Monitor weist für ${last.year} keine Veränderung aus und nennt den Grund.`);
  }
  const ind = data.indicators;
  const dates = ["betreuungsquote_u3", "schulabgaenger_ohne_hsa", "jugendarbeitslosenquote", "mss_kinderarmut", "kitas_anzahl"].filter((id) => ind[id]).map((id) => `${ind[id]!.short_name}: ${ind[id]!.reference_date}`);
  out.push(`Stichtage laut Register: ${dates.join("; ")}.`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Definitions

export function definitionExample(data: PitfallData) {
  const rows = data.definitions.filter((r) => r.abitur !== null && r.abitur_fhr !== null).map((r) => ({...r, diff: r.abitur_fhr! - r.abitur!}));
  const differing = rows.filter((r) => Math.abs(r.diff) > 0.05 + 1e-9).sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff) || a.id.localeCompare(b.id));
  const byLand = new Map<string, number>();
  for (const r of differing) byLand.set(r.land_name, (byLand.get(r.land_name) ?? 0) + 1);
  return {compared: rows.length, differing, byLand: [...byLand].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "de"))};
}

export function definitionSentence(data: PitfallData): string {
  const ex = definitionExample(data);
  const n = names(data);
  const top = ex.differing.slice(0, 3).map((r) => `${n.get(r.id) ?? r.name} (${pct(r.abitur)} gegenüber ${pct(r.abitur_fhr)})`);
  const lands = ex.byLand.slice(0, 3).map(([land, count]) => `${land} ${count}`);
  return `„Abitur“ ist nicht gleich „Abitur“: INKAR zählt nur die allgemeine Hochschulreife, die Strukturdaten zur Europawahl 2024 die allgemeine und die Fachhochschulreife. Für 2022 liegen beide Werte in ${ex.differing.length} von ${ex.compared} Kreisen mehr als 0,05 Prozentpunkte auseinander (nach Ländern: ${lands.join(", ")}); am weitesten in ${top.join(", ")}.`;
}

// ---------------------------------------------------------------------------------------------
// 5. Territorial reforms

export function reformSentences(data: PitfallData): string[] {
  const spans = new Map(data.spans.map((s) => [s.id, s]));
  const out: string[] = [];
  for (const reform of data.reforms.filter((r) => r.date >= "2016-01-01")) {
    for (const key of reform.formed) {
      const s = spans.get(key);
      if (!s) continue;
      const gone = reform.dissolved.filter((d) => !data.dissolved_present.includes(d));
      const missing = s.missing.length ? `; es fehlt ${yearRanges(s.missing)}` : "";
      out.push(`${formatPeriod(reform.date)}: ${reform.label}. Die Reihe unter dem heutigen Schlüssel ${s.id} (${s.name}) reicht von ${s.first_year} bis ${s.last_year} (${s.years} Jahre${missing}) – auch vor der Reform, weil INKAR auf das heutige Gebiet umrechnet. ${reform.enlarged?.includes(key) ? "Derselbe Schlüssel stand früher für ein kleineres Gebiet: Ältere Veröffentlichungen unter diesem Schlüssel sind nicht vergleichbar." : ""} ${gone.length ? `${gone.length === 1 ? "Den alten Schlüssel" : "Die alten Schlüssel"} ${and(gone)} gibt es im Datenbestand nicht mehr.` : ""}`.replace(/\s+/g, " ").trim());
    }
  }
  const withGap = data.spans.filter((s) => s.missing.length);
  if (withGap.length) {
    const years = [...new Set(withGap.flatMap((s) => s.missing))];
    out.push(`Bei ${withGap.length} der ${data.spans.length} Kreise, die eine der Reformen seit 2001 gebildet hat, fehlt in der Reihe ${years.length === 1 ? "das Jahr" : "die Jahre"} ${yearRanges(years)}: Dort gibt es keinen auf das heutige Gebiet umgerechneten Wert. Eine Lücke ist kein Wert von 0.`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 6. Flags and missing values

export function flagCounts(data: PitfallData): {flag: string; label: string; n: number; withValue: number}[] {
  const by = new Map<string, {n: number; withValue: number}>();
  for (const f of data.flags) {
    const e = by.get(f.flag) ?? {n: 0, withValue: 0};
    e.n += f.n;
    e.withValue += f.with_value;
    by.set(f.flag, e);
  }
  return [...by].map(([flag, e]) => ({flag, label: (FLAG_LABELS as Record<string, string>)[flag] ?? flag, ...e})).sort((a, b) => b.n - a.n || a.flag.localeCompare(b.flag));
}

export function flagSentences(data: PitfallData): string[] {
  const out: string[] = [];
  const counts = flagCounts(data);
  out.push(`Im Datenbestand tragen ${formatNumber(counts.reduce((s, c) => s + c.n, 0), 0)} Werte ein Kennzeichen: ${counts.map((c) => `${formatNumber(c.n, 0)} × „${c.flag}“ (${c.label}${c.withValue === 0 ? ", ohne Zahl" : c.withValue === c.n ? ", mit Zahl" : ""})`).join(", ")}.`);
  const gaps = data.childcare_years.filter((y) => y.kreise === 0).map((y) => y.year);
  if (gaps.length) out.push(`Betreuungsquote unter 3: ${yearRanges(gaps)} hat kein Kreis einen Wert – es gibt diese Jahre nicht, nicht den Wert 0. Ein Diagramm, das die Lücke mit 0 füllt, zeigt einen Einbruch, den es nie gab.`);
  const values = data.mss_values;
  const without = values.filter((v) => v.value === null);
  if (without.length) {
    const right = medianOf(values.map((v) => v.value));
    const wrong = medianOf(values.map((v) => v.value ?? 0));
    const label = without[0]!.flag ? (FLAG_LABELS as Record<string, string>)[without[0]!.flag] ?? without[0]!.flag : "kein Wert";
    out.push(`Kinderarmut (MSS 2021): ${without.length} Planungsräume haben keinen Wert („${without[0]!.flag ?? ""}“, ${label}), z. B. ${without.slice(0, 3).map((v) => v.name).join(", ")}. Der Median der Planungsräume ist ${pct(right)}; wer die fehlenden als 0 mitrechnete, erhielte ${pct(wrong, 2)} statt ${pct(right, 2)} – klein hier, aber falsch, und bei Summen und Mitteln wächst der Fehler.`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 7. Correlation is not causation

export function correlationExample(data: PitfallData) {
  return {...pearson(data.correlation.map((r) => ({x: r.poverty, y: r.no_degree}))), year: 2022};
}

export function correlationSentence(data: PitfallData): string {
  const c = correlationExample(data);
  if (c.r === null) return "";
  return `Über ${formatNumber(c.n, 0)} Kreise hängen 2022 Kinderarmut (Kinder unter 15 in SGB-II-Bedarfsgemeinschaften) und der Anteil der Schulabgängerinnen und -abgänger ohne Hauptschulabschluss ${strength(c.r)} zusammen (r = ${formatNumber(c.r, 2)}). Das heißt nicht, dass das eine das andere verursacht: Förderschulen und Schulort wirken auf den Anteil, beide Größen hängen an der Sozialstruktur, und ein Zusammenhang zwischen Kreisen sagt nichts über einzelne Kinder.`;
}

export function correlationPoints(data: PitfallData) {
  const n = names(data);
  return data.correlation.map((r) => ({id: r.id, name: n.get(r.id) ?? r.name, x: r.poverty, y: r.no_degree, group: true}));
}

export function volatilityPoints(data: PitfallData) {
  const n = names(data);
  return data.leavers.filter((r) => r.change_1y !== null).map((r) => ({id: r.id, name: n.get(r.id) ?? r.name, x: r.leavers, y: Math.abs(r.change_1y!), group: r.land === "05"}));
}


