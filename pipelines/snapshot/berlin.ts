/**
 * Observations for Berlin's Bezirke and Planungsräume (and, where no national source has a
 * Berlin value, for the Kreis 11000), derived from the Berlin files. Counts are summed from
 * the Planungsräume; MSS shares are averaged with the population the share refers to.
 */
import {InputError} from "../../loaders/common/errors.ts";
import {BERLIN_BEZIRKE, BERLIN_KREIS, bezirkKey} from "../../loaders/berlin/bezirke.ts";
import type {Kitaliste} from "../../loaders/berlin/kitaliste.ts";
import type {MssColumn, MssPlr, Planungsraum, PlrAgeColumn, PlrKitas, PlrPopulation, PlrSchools} from "../../loaders/berlin/planungsraeume.ts";
import type {BezirkAgeGroups, BezirkPopulation} from "../../loaders/berlin/statistik-bb.ts";
import type {BerlinDerivation, RegistryEntry} from "../indicators/registry.ts";
import {PLR_POPULATION_DATE, round} from "./regions.ts";
import type {Candidate} from "./candidates.ts";

export interface BerlinInputs {
  planungsraeume: Planungsraum[];
  population: BezirkPopulation[];
  ages: BezirkAgeGroups[];
  plrPopulation: PlrPopulation[];
  mss: MssPlr[];
  schools: PlrSchools[];
  kitas: PlrKitas[];
  kitaliste: Kitaliste;
  labels: {population: string; plrPopulation: string; mss: string; schools: string; kitas: string; kitaliste: string};
}

export interface MssWeightNote {
  indicator: string;
  region: string;
  weight: string;
  plr_with_value: number;
  plr_total: number;
  weight_share_covered: number;
}

/** Which population a MSS share refers to, from the PLR age groups of 30.06.2022 (or MSS's own EW). */
const MSS_WEIGHTS: Record<MssColumn, {label: string; weight: (p: PlrPopulation | undefined, m: MssPlr) => number}> = {
  S1: {label: "Einwohner 15 bis unter 65 Jahre (30.06.2022)", weight: (p) => (p ? p.ages["15-18"] + p.ages["18-27"] + p.ages["27-45"] + p.ages["45-55"] + p.ages["55-65"] : 0)},
  S3: {label: "Einwohner insgesamt (MSS, 31.12.2020)", weight: (_p, m) => m.ew ?? 0},
  S4: {label: "Einwohner unter 15 Jahren (30.06.2022)", weight: (p) => (p ? p.ages.unter6 + p.ages["6-15"] : 0)},
  KI_04: {label: "Einwohner unter 18 Jahren (30.06.2022)", weight: (p) => (p ? p.ages.unter6 + p.ages["6-15"] + p.ages["15-18"] : 0)}
};

export function berlinObservations(inputs: BerlinInputs, registry: RegistryEntry[], notes: MssWeightNote[]): Candidate[] {
  const plrIds = new Set(inputs.planungsraeume.map((p) => p.id));
  checkSamePlr(plrIds, inputs.plrPopulation.map((p) => p.id), inputs.labels.plrPopulation);
  checkSamePlr(plrIds, inputs.mss.map((p) => p.id), inputs.labels.mss);
  checkSamePlr(plrIds, inputs.schools.map((p) => p.id), inputs.labels.schools);
  checkSamePlr(plrIds, inputs.kitas.map((p) => p.id), inputs.labels.kitas);

  const out: Candidate[] = [];
  for (const entry of registry) {
    const derivation = entry.origin.berlin;
    if (derivation) out.push(...derive(entry.id, derivation, inputs, notes));
  }
  return out;
}

function checkSamePlr(expected: Set<string>, ids: string[], file: string): void {
  for (const id of ids) if (!expected.has(id)) throw new InputError({file, field: "PLR_ID"}, "einen Planungsraum der LOR-Geometrie 2021", id);
  if (ids.length !== expected.size) throw new InputError({file}, `alle ${expected.size} Planungsräume`, `${ids.length}`);
}

function derive(indicator: string, derivation: BerlinDerivation, inputs: BerlinInputs, notes: MssWeightNote[]): Candidate[] {
  const out: Candidate[] = [];
  const add = (region: string, period: string, value: number, source: string, file: string, line?: number, flag: Candidate["flag"] = null) =>
    out.push({indicator, region, period, value, flag, source, file, line});
  const bezirkOrBerlin = (b: string) => (b === "berlin" ? BERLIN_KREIS : bezirkKey(b));
  const pop = inputs.labels.population;
  const plrPop = inputs.labels.plrPopulation;

  /**
   * A PLR share whose numerator cells were all `–` in the source is exactly 0 and keeps the
   * flag '-' (as the count itself would); a partly blank row must not turn it into a plain 0.
   */
  const plrShareFlag = (p: PlrPopulation, columns: readonly string[]): Candidate["flag"] => (columns.every((c) => p.dashes.includes(c)) ? "-" : null);

  /** A share from register counts: Bezirke (and Berlin when `withBerlin`), 31.12.2023 ages. */
  const ageShare = (groups: (a: BezirkAgeGroups) => number, plrColumns: readonly PlrAgeColumn[], withBerlin: boolean) => {
    for (const a of inputs.ages) {
      if (a.bezirk === "berlin" && !withBerlin) continue;
      add(bezirkOrBerlin(a.bezirk), a.date.slice(0, 4), round((groups(a) / a.insgesamt) * 100, 2), "statistik_bb_einwohner_2023", pop, a.row);
    }
    for (const p of inputs.plrPopulation) {
      if (p.total === 0) continue; // uninhabited: no share (the region's population says 0)
      const count = plrColumns.reduce((sum, c) => sum + p.ages[c], 0);
      add(p.id, PLR_POPULATION_DATE, round((count / p.total) * 100, 2), "statistik_bb_einwohner_plr_2022", plrPop, p.line, plrShareFlag(p, plrColumns));
    }
  };

  switch (derivation) {
    case "einwohner_register":
      for (const p of inputs.population) add(bezirkOrBerlin(p.bezirk), p.date.slice(0, 4), p.insgesamt, "statistik_bb_einwohner_2023", pop, p.row);
      for (const p of inputs.plrPopulation) add(p.id, PLR_POPULATION_DATE, p.total, "statistik_bb_einwohner_plr_2022", plrPop, p.line, p.total === 0 ? "-" : null);
      break;
    case "anteil_unter_6":
      ageShare((a) => a.groups["unter 6"], ["unter6"], true);
      break;
    case "anteil_unter_18":
      ageShare((a) => a.groups["unter 6"] + a.groups["6 - 15"] + a.groups["15 - 18"], ["unter6", "6-15", "15-18"], false);
      break;
    case "anteil_65_plus":
      ageShare((a) => a.groups["65 und mehr"], ["65undmehr"], false);
      break;
    case "auslaenderanteil":
      for (const p of inputs.population) {
        if (p.bezirk === "berlin") continue;
        add(bezirkKey(p.bezirk), p.date.slice(0, 4), round((p.auslaender / p.insgesamt) * 100, 2), "statistik_bb_einwohner_2023", pop, p.row);
      }
      for (const p of inputs.plrPopulation) {
        if (p.total > 0) add(p.id, PLR_POPULATION_DATE, round((p.foreign / p.total) * 100, 2), "statistik_bb_einwohner_plr_2022", plrPop, p.line, plrShareFlag(p, ["ausländer"]));
      }
      break;
    case "kita_plaetze":
    case "kita_plaetze_je_100_u6": {
      const places = new Map<string, number>();
      for (const k of inputs.kitaliste.kitas) places.set(k.bezirk, (places.get(k.bezirk) ?? 0) + (k.places ?? 0));
      const children = new Map(inputs.ages.map((a) => [a.bezirk, a.groups["unter 6"]]));
      for (const b of [...BERLIN_BEZIRKE.map((x) => x.nr), "berlin"]) {
        const n = b === "berlin" ? inputs.kitaliste.total : places.get(b) ?? 0;
        const value = derivation === "kita_plaetze" ? n : round((n / children.get(b)!) * 100, 2);
        add(bezirkOrBerlin(b), "2023", value, "senbjf_kitaliste", inputs.labels.kitaliste);
      }
      break;
    }
    case "kitas_anzahl":
      out.push(...sums(indicator, "2022", "berlin_kitas_plr", inputs.labels.kitas, inputs.kitas.map((k) => ({id: k.id, line: k.line, value: k.count}))));
      break;
    case "schulen_anzahl":
    case "grundschulen_oeffentlich":
    case "weiterfuehrende_oeffentlich":
    case "foerderschulen_oeffentlich":
    case "berufliche_schulen_oeffentlich":
    case "schulen_freie_traeger": {
      const pick: Record<typeof derivation, (s: PlrSchools) => number> = {
        schulen_anzahl: (s) => s.total,
        grundschulen_oeffentlich: (s) => s.types.Grundschule,
        weiterfuehrende_oeffentlich: (s) => s.types["Integrierte Sekundarschule"] + s.types.Gymnasium,
        foerderschulen_oeffentlich: (s) => s.types["Schule mit sonderpädagogischem Förderschwerpunkt"],
        berufliche_schulen_oeffentlich: (s) => s.types.Berufsschule,
        schulen_freie_traeger: (s) => s.private
      };
      out.push(...sums(indicator, "2023", "berlin_schulen_plr", inputs.labels.schools, inputs.schools.map((s) => ({id: s.id, line: s.line, value: pick[derivation](s)}))));
      break;
    }
    case "mss_S1":
    case "mss_S3":
    case "mss_S4":
    case "mss_KI_04":
      out.push(...mssObservations(indicator, derivation.slice(4) as MssColumn, inputs, notes));
      break;
  }
  return out;
}

function sums(indicator: string, period: string, source: string, file: string, rows: {id: string; line: number; value: number}[]): Candidate[] {
  const out: Candidate[] = [];
  const byBezirk = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    out.push({indicator, region: r.id, period, value: r.value, flag: null, source, file, line: r.line});
    byBezirk.set(r.id.slice(0, 2), (byBezirk.get(r.id.slice(0, 2)) ?? 0) + r.value);
    total += r.value;
  }
  for (const b of BERLIN_BEZIRKE) out.push({indicator, region: bezirkKey(b.nr), period, value: byBezirk.get(b.nr) ?? 0, flag: null, source, file});
  out.push({indicator, region: BERLIN_KREIS, period, value: total, flag: null, source, file});
  return out;
}

function mssObservations(indicator: string, column: MssColumn, inputs: BerlinInputs, notes: MssWeightNote[]): Candidate[] {
  const out: Candidate[] = [];
  const file = inputs.labels.mss;
  const population = new Map(inputs.plrPopulation.map((p) => [p.id, p]));
  const {label, weight} = MSS_WEIGHTS[column];
  const groups = new Map<string, {sum: number; weights: number; allWeights: number; withValue: number; total: number}>();
  const group = (key: string) => {
    if (!groups.has(key)) groups.set(key, {sum: 0, weights: 0, allWeights: 0, withValue: 0, total: 0});
    return groups.get(key)!;
  };
  for (const m of inputs.mss) {
    const value = m.values[column];
    // MSS publishes no value for Planungsräume with very few inhabitants: "." (unknown), never 0.
    out.push({indicator, region: m.id, period: "2020", value, flag: value === null ? "." : null, source: "mss2021", file, line: m.line});
    const w = weight(population.get(m.id), m);
    for (const key of [m.id.slice(0, 2), "berlin"]) {
      const g = group(key);
      g.total += 1;
      g.allWeights += w;
      if (value !== null) {
        g.withValue += 1;
        g.sum += value * w;
        g.weights += w;
      }
    }
  }
  for (const key of [...BERLIN_BEZIRKE.map((b) => b.nr), "berlin"]) {
    const g = groups.get(key)!;
    const region = key === "berlin" ? BERLIN_KREIS : bezirkKey(key);
    if (g.weights <= 0) throw new InputError({file}, `Gewichte für ${indicator} in ${region}`, "0");
    // An estimate ("s"): a population-weighted mean of published PLR shares, not a published figure.
    out.push({indicator, region, period: "2020", value: round(g.sum / g.weights, 2), flag: "s", source: "mss2021", file});
    notes.push({indicator, region, weight: label, plr_with_value: g.withValue, plr_total: g.total, weight_share_covered: round(g.weights / g.allWeights, 4)});
  }
  return out;
}
