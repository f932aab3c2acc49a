/**
 * The small-area example: child poverty (MSS 2021) against Kita supply in Berlin's
 * Planungsräume, for one Bezirk at a time. Children under 6 per Planungsraum are computed from
 * inhabitants × share under 6 (both from the Einwohnerregister, 30.06.2022); Kitas per 1,000
 * children only where at least MIN_CHILDREN children live (small numbers would swing wildly).
 * Pure functions of the export (pipelines/exports/training-berlin.ts).
 */
import type {BerlinIndicator, BerlinLevel, BerlinTrainingData} from "../../pipelines/exports/training-berlin.ts";
import {formatNumber, formatPeriod, formatValue} from "./format.js";
import {quantile} from "./position-strip.js";
import {polaritySentence, relationTo} from "./training-model.js";

/** Planungsräume with fewer children under 6 get no Kitas-per-1,000 figure. */
export const MIN_CHILDREN = 100;

export interface PlrRow {
  id: string;
  name: string;
  bezirk: string;
  poverty: number | null;
  povertyFlag: string | null;
  inhabitants: number | null;
  shareUnder6: number | null;
  /** Inhabitants × share under 6 / 100, rounded: the share has two decimals, so ± about one child. */
  children: number | null;
  kitas: number | null;
  kitasPer1000: number | null;
}

export interface BezirkRow {
  id: string;
  name: string;
  poverty: number | null;
  povertyFlag: string | null;
  placesPer100: number | null;
  kitas: number | null;
}

function column(level: BerlinLevel, indicator: BerlinIndicator, i: number): {value: number | null; flag: string | null} {
  return {value: level.value[indicator]?.[i] ?? null, flag: level.flag[indicator]?.[i] ?? null};
}

export function plrRows(data: BerlinTrainingData): PlrRow[] {
  const p = data.planungsraeume;
  return p.id.map((id, i) => {
    const inhabitants = column(p, "einwohner_melderegister", i).value;
    const share = column(p, "anteil_unter_6", i).value;
    const children = inhabitants === null || share === null ? null : Math.round((inhabitants * share) / 100);
    const kitas = column(p, "kitas_anzahl", i).value;
    const poverty = column(p, "mss_kinderarmut", i);
    return {
      id,
      name: p.name[i]!,
      bezirk: p.parent[i]!,
      poverty: poverty.value,
      povertyFlag: poverty.flag,
      inhabitants,
      shareUnder6: share,
      children,
      kitas,
      kitasPer1000: kitas === null || children === null || children < MIN_CHILDREN ? null : (kitas / children) * 1000
    };
  });
}

export function bezirkRows(data: BerlinTrainingData): BezirkRow[] {
  const b = data.bezirke;
  return b.id.map((id, i) => {
    const poverty = column(b, "mss_kinderarmut", i);
    return {id, name: b.name[i]!, poverty: poverty.value, povertyFlag: poverty.flag, placesPer100: column(b, "kita_plaetze_je_100_u6", i).value, kitas: column(b, "kitas_anzahl", i).value};
  });
}

export function medianOf(values: readonly (number | null)[]): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return sorted.length ? quantile(sorted, 0.5) : null;
}

/** Pearson's r over pairs with two numbers (null below three pairs). */
export function pearson(pairs: readonly {x: number | null; y: number | null}[]): {r: number | null; n: number} {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of pairs) if (p.x !== null && p.y !== null) (xs.push(p.x), ys.push(p.y));
  const n = xs.length;
  if (n < 3) return {r: null, n};
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return {r: sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy), n};
}

/** "schwach", "mittel", "stark" for |r| – a reading aid, not a test. */
export function strength(r: number): string {
  const a = Math.abs(r);
  return a < 0.1 ? "praktisch nicht" : a < 0.3 ? "schwach" : a < 0.5 ? "mittelstark" : "stark";
}

function list(names: string[], max = 5): string {
  return names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} und ${names.length - max} weitere`;
}

export function berlinView(data: BerlinTrainingData, bezirk: string) {
  const ind = data.indicators;
  const pov = ind.mss_kinderarmut!;
  const all = plrRows(data);
  const own = all.filter((r) => r.bezirk === bezirk);
  const bezirke = bezirkRows(data);
  const self = bezirke.find((b) => b.id === bezirk);
  const name = self?.name ?? bezirk;
  const povertyMedian = medianOf(all.map((r) => r.poverty));
  const supplyMedian = medianOf(all.map((r) => r.kitasPer1000));
  const ownWithPoverty = own.filter((r) => r.poverty !== null);
  const above = povertyMedian === null ? [] : ownWithPoverty.filter((r) => relationTo(r.poverty!, povertyMedian, pov.decimals) === "über");
  const both = supplyMedian === null ? [] : above.filter((r) => r.kitasPer1000 !== null && r.kitasPer1000 < supplyMedian).sort((a, b) => b.poverty! - a.poverty!);
  const smallOwn = own.filter((r) => r.children !== null && r.children < MIN_CHILDREN);
  const smallAll = all.filter((r) => r.children !== null && r.children < MIN_CHILDREN);
  const noPoverty = own.filter((r) => r.poverty === null);
  const highest = [...ownWithPoverty].sort((a, b) => b.poverty! - a.poverty!)[0];
  const ownSupply = medianOf(own.map((r) => r.kitasPer1000));
  const corr = pearson(all.map((r) => ({x: r.poverty, y: r.kitasPer1000})));
  const bezirkPovertyMedian = medianOf(bezirke.map((b) => b.poverty));
  const bezirkPlacesMedian = medianOf(bezirke.map((b) => b.placesPer100));
  const places = ind.kita_plaetze_je_100_u6!;
  const period = (i: BerlinIndicator, level: BerlinLevel) => formatPeriod(level.period[i] ?? "");
  const p = data.planungsraeume;
  const povertyDate = pov.reference_date;
  const fmtPov = (v: number | null) => formatValue(v, pov.unit, pov.decimals);
  const sentences = {
    poverty: povertyMedian === null
      ? `Für die Planungsräume gibt es keine Werte zur Kinderarmut.`
      : `In ${name} liegt die Kinderarmut (MSS 2021, Stand ${povertyDate}) in ${above.length} von ${ownWithPoverty.length} Planungsräumen mit Wert über dem Median aller ${all.filter((r) => r.poverty !== null).length} Berliner Planungsräume (${fmtPov(povertyMedian)})${highest ? `; am höchsten in ${highest.name} (${fmtPov(highest.poverty)})` : ""}.`,
    supply: supplyMedian === null
      ? `Kitas je 1.000 Kinder unter 6 Jahren lassen sich nicht berechnen.`
      : `Kitas je 1.000 Kinder unter 6 Jahren: in den Planungsräumen von ${name} im Median ${formatNumber(ownSupply, 1)}, in ganz Berlin ${formatNumber(supplyMedian, 1)}. ${smallOwn.length ? `${smallOwn.length === 1 ? "Ein Planungsraum" : `${smallOwn.length} Planungsräume`} mit weniger als ${MIN_CHILDREN} Kindern unter 6 ${smallOwn.length === 1 ? "bleibt" : "bleiben"} ohne diese Zahl (kleine Zahlen: eine Kita mehr oder weniger verdoppelt dort den Wert).` : `Alle Planungsräume mit Wert haben mindestens ${MIN_CHILDREN} Kinder unter 6.`}`,
    overlap: povertyMedian === null || supplyMedian === null
      ? null
      : both.length
        ? `${both.length === 1 ? "Ein Planungsraum" : `${both.length} Planungsräume`} in ${name} ${both.length === 1 ? "hat" : "haben"} zugleich eine Kinderarmut über und weniger Kitas je 1.000 Kinder als der Berliner Median: ${list(both.map((r) => `${r.name} (${fmtPov(r.poverty)}; ${formatNumber(r.kitasPer1000, 1)})`))}. Dort zuerst nachsehen – nicht dort zuerst handeln: Kitas in Nachbarräumen, Platzzahlen und Wartelisten fehlen in diesen Zahlen.`
        : `Kein Planungsraum in ${name} hat zugleich eine Kinderarmut über und weniger Kitas je 1.000 Kinder als der Berliner Median.`,
    missing: noPoverty.length ? `${noPoverty.length === 1 ? "Ein Planungsraum" : `${noPoverty.length} Planungsräume`} in ${name} ohne veröffentlichten Wert zur Kinderarmut (${list(noPoverty.map((r) => r.name))}) – grau in der Karte, nicht 0.` : null,
    bezirk: self
      ? `${name} als Bezirk: Kinderarmut ${fmtPov(self.poverty)}${self.povertyFlag === "s" ? " (Schätzung: mit der Kinderzahl gewichtetes Mittel der Planungsräume)" : ""}, Median der 12 Bezirke ${fmtPov(bezirkPovertyMedian)}; genehmigte Kita-Plätze je 100 Kinder unter 6 Jahren ${formatValue(self.placesPer100, "", places.decimals)} (${places.reference_date}), Median der 12 Bezirke ${formatNumber(bezirkPlacesMedian, places.decimals)}.`
      : "",
    polarity: polaritySentence(pov, null, name),
    correlation: corr.r === null
      ? null
      : `Über alle ${formatNumber(corr.n, 0)} Berliner Planungsräume mit beiden Zahlen hängen Kinderarmut und Kitas je 1.000 Kinder ${strength(corr.r)} zusammen (r = ${formatNumber(corr.r, 2)}). Ob stark oder schwach: Ein Zusammenhang sagt nicht, was was verursacht, und ein Mittel über Planungsräume nichts über einzelne Familien.`,
    dates: `Verschiedene Stichtage: Kinderarmut ${povertyDate} (MSS 2021), Einwohner und Kinder unter 6 ${period("einwohner_melderegister", p)}, Kitas ${ind.kitas_anzahl!.reference_date}; Kita-Plätze der Bezirke: ${places.reference_date}.`,
    small: `In ganz Berlin haben ${smallAll.length} der ${all.length} Planungsräume weniger als ${MIN_CHILDREN} Kinder unter 6 Jahren.`
  };
  return {
    name,
    povertyMedian,
    supplyMedian,
    sentences,
    map: own.map((r) => ({id: r.id, name: r.name, value: r.poverty, flag: r.povertyFlag})),
    include: new Set(own.map((r) => r.id)),
    /** Planungsräume with child poverty above and Kitas per 1,000 children below the Berlin median. */
    both: new Set(both.map((r) => r.id)),
    scatter: all.filter((r) => r.poverty !== null && r.kitasPer1000 !== null).map((r) => ({id: r.id, name: r.name, x: r.poverty!, y: r.kitasPer1000!, group: r.bezirk === bezirk})),
    bezirke: bezirke.map((b) => ({id: b.id, name: b.name, value: b.poverty})),
    bezirkePlaces: bezirke.map((b) => ({id: b.id, name: b.name, value: b.placesPer100})),
    bezirkPovertyMedian,
    bezirkPlacesMedian,
    rows: own
  };
}
