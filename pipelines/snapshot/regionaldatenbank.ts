/**
 * The seven Regionaldatenbank tables of ../shared/data/regionaldatenbank (SOURCES.md §6) as
 * candidate observations: school leavers 2023/2024, pupils by school type 2023/24, leavers of
 * vocational schools 2023, unemployment 2025, population by age 2023/2024 (Zensus-2022 basis)
 * and the under-3 Betreuungsquote 2025 computed from the official count.
 *
 * Shares are computed from the counts here (the source's `computed` text says how). A share
 * whose denominator is 0 is null with flag `x` and listed in the report, never 0 %; a share
 * with a suppressed part (`.`) stays `.`. Hamburg and Berlin appear only as Länder 02/11 and are
 * also stored as the Kreise 02000/11000. Regierungsbezirke and keys that are not current Kreise
 * are set aside and reported, row by row.
 */
import {AGE_GROUPS, readBevoelkerungExtract, type AgeGroup, type PopulationByAge} from "../../loaders/regionaldatenbank/bevoelkerung-extract.ts";
import {readKitaU3Extract} from "../../loaders/regionaldatenbank/kita-u3-extract.ts";
import {cellOf, readRegionaldatenbankTable, type Cell, type TableRow} from "../../loaders/regionaldatenbank/table.ts";
import {backCalculated, describeNonCurrentKey} from "../../loaders/kreise/territory.ts";
import type {Flag} from "./format.ts";
import type {Candidate, SetAsideObservation} from "./candidates.ts";
import {round, type SetAsideKey} from "./regions.ts";

export interface RegionaldatenbankFiles {
  schulabgaenger2023: {path: string; label: string};
  schulabgaenger2024: {path: string; label: string};
  schueler2023: {path: string; label: string};
  beruflicheSchulen2023: {path: string; label: string};
  arbeitslose2025: {path: string; label: string};
  bevoelkerung: {path: string; label: string};
  kitaU3: {path: string; label: string};
}

export interface PlausibilityNote {
  file: string;
  region: string;
  name: string;
  period: string;
  /** What was compared, in German, with the figures. */
  finding: string;
  /** What the importer did. */
  action: string;
}

export interface RegionaldatenbankResult {
  candidates: Candidate[];
  /** Shares left null because their denominator is 0 (e.g. no vocational school in the Kreis). */
  zeroDenominators: SetAsideObservation[];
  plausibility: PlausibilityNote[];
}

/** The cities that are not Kreise but have rows of their own (stored as Gemeinden under their Kreis). */
export const CITY_ROWS: Readonly<Record<string, string>> = {"03241001": "03241", "05334002": "05334", "10041100": "10041"};
const STADTSTAATEN: Readonly<Record<string, string>> = {"02": "02000", "11": "11000"};

/**
 * Decimals of a computed share. Pages show one; storing four keeps the shown figure equal to the
 * exact quotient (two would round twice: 205 / 2,580 = 7.946 % → 7.95 → "8,0" instead of "7,9").
 */
const SHARE_DECIMALS = 4;

/** A leavers' row with at most this share of the other year's leavers is not plausible. */
const LEAVERS_PLAUSIBLE_RATIO = 0.5;

export async function regionaldatenbankObservations(files: RegionaldatenbankFiles, kreisIds: Set<string>, setAside: SetAsideKey[]): Promise<RegionaldatenbankResult> {
  const out: Candidate[] = [];
  const zeroDenominators: SetAsideObservation[] = [];
  const plausibility: PlausibilityNote[] = [];

  /** The snapshot regions a key of these tables stands for; [] = set aside (with the reason). */
  const targets = (key: string): string[] | string => {
    if (key === "DG" || /^\d{2}$/.test(key)) return STADTSTAATEN[key] ? [key, STADTSTAATEN[key]!] : [key];
    if (/^\d{3}$/.test(key)) return "Regierungsbezirk oder statistische Region: keine Ebene des Snapshots";
    if (/^\d{5}$/.test(key)) return kreisIds.has(key) ? [key] : describeNonCurrentKey(key);
    if (/^11\d{6}$/.test(key) || CITY_ROWS[key]) return [key];
    return "kein Gebiet des Snapshots";
  };
  const existed = (key: string, period: string) => typeof targets(key) !== "string" && !(/^\d{5}$/.test(key) && backCalculated(key, Number(period.slice(0, 4))));

  const setAsideRows = new Map<string, SetAsideKey & {periods: Set<string>; rows: number}>();
  const noteRow = (file: string, row: {region: string; region_name: string; period: string}, reason: string) => {
    const key = `${file}|${row.region}`;
    const entry = setAsideRows.get(key) ?? {file, region: row.region, name: row.region_name, reason, periods: new Set<string>(), rows: 0};
    entry.periods.add(row.period);
    entry.rows++;
    setAsideRows.set(key, entry);
  };

  const push = (file: string, indicator: string, row: {region: string; period: string}, period: string, v: {value: number | null; flag: Flag | null}, source: string) => {
    const t = targets(row.region);
    if (typeof t === "string") return;
    for (const region of t) out.push({indicator, region, period, value: v.value, flag: v.flag, source, file});
  };

  const shareOf = (file: string, indicator: string, region: string, period: string, parts: Cell[], whole: Cell, why: string): {value: number | null; flag: Flag | null} => {
    const unknown = [whole, ...parts].find((c) => c.value === null);
    if (unknown) return {value: null, flag: (unknown.flag ?? ".") as Flag};
    if (whole.value === 0) {
      if (typeof targets(region) !== "string") zeroDenominators.push({file, indicator, region, period, reason: `Nenner 0: ${why}; kein Anteil (nicht 0 %)`});
      return {value: null, flag: "x"};
    }
    return {value: round((parts.reduce((a, c) => a + c.value!, 0) / whole.value!) * 100, SHARE_DECIMALS), flag: null};
  };

  async function table(file: {path: string; label: string}) {
    const t = await readRegionaldatenbankTable(file.path, file.label, existed);
    for (const row of t.setAside) {
      const reason = targets(row.region!);
      setAside.push({file: file.label, line: row.line, region: row.region!, name: row.region_name ?? "", reason: `Zeilen nur mit "-" (Region bestand nicht) für ${row.period}${typeof reason === "string" ? `; ${reason}` : ""}`});
    }
    const kept: TableRow[] = [];
    for (const row of t.rows) {
      const reason = targets(row.region);
      if (typeof reason === "string") noteRow(file.label, row, reason);
      // Some tables publish nothing for Berlin's Bezirke (every cell "."): no observations, a report line.
      else if (row.stub === "" && /^11\d{6}$/.test(row.region) && [...row.cells.values()].every((c) => c.value === null)) noteRow(file.label, row, "Berliner Bezirk: alle Werte der Zeile unbekannt oder geheim (.)");
      else kept.push(row);
    }
    return kept;
  }

  // ── School leavers 2023 and 2024 (21111-02-06-4) ───────────────────────────────────────
  const LEAVERS = "Absolvierende/Abgehende allgemeinbildender Schulen nach dem Abschluss";
  const leaverColumn = (...labels: string[]) => labels.map((l) => `${LEAVERS} / ${l} / Insgesamt`);
  const L = {
    total: leaverColumn("Insgesamt"),
    none: leaverColumn("ohne Hauptschulabschluss", "ohne Ersten Schulabschluss"),
    first: leaverColumn("mit Hauptschulabschluss", "mit Erstem Schulabschluss"),
    msa: leaverColumn("mit Mittlerem Abschluss", "mit Mittlerem Schulabschluss"),
    fhr: leaverColumn("mit Fachhochschulreife"),
    hr: leaverColumn("mit allgemeiner Hochschulreife", "mit Allgemeiner und fachgebundener Hochschulreife")
  };
  const leavers = new Map<string, Map<string, number | null>>();
  const pupils7 = new Map<string, number | null>();
  const leaverRows: {file: string; source: string; row: TableRow}[] = [];
  for (const [file, source] of [
    [files.schulabgaenger2023, "rdb_schulabgaenger_2023"],
    [files.schulabgaenger2024, "rdb_schulabgaenger_2024"]
  ] as const) {
    for (const row of await table(file)) {
      leaverRows.push({file: file.label, source, row});
      const byYear = leavers.get(row.region) ?? new Map<string, number | null>();
      byYear.set(row.period, cellOf(row, L.total, file.label).value);
      leavers.set(row.region, byYear);
    }
  }

  // ── Pupils by school type 2023/24 (21111-01-03-4) ──────────────────────────────────────
  const PUPILS = "Schülerinnen und Schüler an allgemeinbildenden Schulen";
  const P = {
    total: [`${PUPILS} / Geschlecht / Insgesamt`],
    foreign: [`${PUPILS} / Nationalität / ausländisch`],
    grade7: [`${PUPILS} / Klassenstufe / Jahrgangsstufe / Schulbesuchsjahr / 7. Klassenstufe`]
  };
  const schueler = await table(files.schueler2023);
  const byRegion = new Map<string, Map<string, TableRow>>();
  for (const row of schueler) {
    const key = `${row.region}|${row.period}`;
    const types = byRegion.get(key) ?? new Map<string, TableRow>();
    types.set(row.stub, row);
    byRegion.set(key, types);
  }
  const pupilShares: [indicator: string, type: string, column: readonly string[], why: string][] = [
    ["schueler_gymnasium_anteil", "Gymnasien", P.total, "keine Schülerinnen und Schüler"],
    ["schueler_gesamtschule_anteil", "Integrierte Gesamtschulen", P.total, "keine Schülerinnen und Schüler"],
    ["schueler_foerderschule_anteil", "Sonderschulen/Förderschulen", P.total, "keine Schülerinnen und Schüler"],
    ["schueler_hauptschule_anteil", "Hauptschulen", P.total, "keine Schülerinnen und Schüler"],
    ["schueler_realschule_anteil", "Realschulen", P.total, "keine Schülerinnen und Schüler"],
    ["klasse7_gymnasium_anteil", "Gymnasien", P.grade7, "keine Schülerinnen und Schüler in Klassenstufe 7"]
  ];
  for (const [key, types] of byRegion) {
    const all = types.get("Insgesamt");
    if (!all) throw new Error(`${files.schueler2023.label}: Zeile "Insgesamt" fehlt für ${key}`);
    const label = files.schueler2023.label;
    const total = cellOf(all, P.total, label);
    push(label, "schueler_anzahl", all, all.period, {value: total.value, flag: total.value === null ? (total.flag as Flag) : null}, "rdb_schueler_2023");
    push(label, "auslaendische_schueler_anteil", all, all.period, shareOf(label, "auslaendische_schueler_anteil", all.region, all.period, [cellOf(all, P.foreign, label)], total, "keine Schülerinnen und Schüler"), "rdb_schueler_2023");
    pupils7.set(all.region, cellOf(all, P.grade7, label).value);
    for (const [indicator, type, column, why] of pupilShares) {
      const row = types.get(type);
      if (!row) throw new Error(`${label}: Zeile "${type}" fehlt für ${key}`);
      push(label, indicator, all, all.period, shareOf(label, indicator, all.region, all.period, [cellOf(row, column, label)], cellOf(all, column, label), why), "rdb_schueler_2023");
    }
  }

  // Leavers' shares, after the plausibility check against the other year and grade 7.
  for (const {file, source, row} of leaverRows) {
    const total = cellOf(row, L.total, file);
    const other = [...(leavers.get(row.region) ?? new Map()).entries()].find(([p]) => p !== row.period)?.[1] ?? null;
    const grade7 = pupils7.get(row.region) ?? null;
    const implausible = total.value !== null && other !== null && other > 0 && total.value < LEAVERS_PLAUSIBLE_RATIO * other && grade7 !== null && total.value < LEAVERS_PLAUSIBLE_RATIO * grade7;
    if (implausible) {
      plausibility.push({
        file,
        region: row.region,
        name: row.region_name,
        period: row.period,
        finding: `${total.value} Absolvierende/Abgehende gegenüber ${other} im anderen Jahr und ${grade7} Schülerinnen und Schülern in Klassenstufe 7 (Schuljahr 2023/24)`,
        action: "alle Anteile dieser Zeile mit Kennzeichen / (nicht sicher genug) ohne Zahl gespeichert"
      });
    }
    const shares: [string, string[][]][] = [
      ["schulabgaenger_ohne_hsa", [L.none]],
      ["schulabgaenger_hsa", [L.first]],
      ["schulabgaenger_mittlerer_abschluss", [L.msa, L.fhr]],
      ["schulabgaenger_allg_hochschulreife", [L.hr]],
      ["schulabgaenger_hochschulreife_fhr", [L.fhr, L.hr]]
    ];
    for (const [indicator, parts] of shares) {
      const v = implausible ? {value: null, flag: "/" as Flag} : shareOf(file, indicator, row.region, row.period, parts.map((p) => cellOf(row, p, file)), total, "keine Absolvierenden/Abgehenden");
      push(file, indicator, row, row.period, v, source);
    }
  }

  // ── Leavers of vocational schools 2023 (21121-02-02-4) ─────────────────────────────────
  {
    const label = files.beruflicheSchulen2023.label;
    const B = "Absolvierende/Abgehende";
    const col = (l: string) => [`${B} / davon mit / ${l} / Geschlecht / Insgesamt`];
    for (const row of await table(files.beruflicheSchulen2023)) {
      const total = cellOf(row, [`${B} / Geschlecht / Insgesamt`], label);
      const why = "keine berufliche Schule im Kreis (gezählt am Schulort)";
      push(label, "berufliche_abgaenger_hochschulreife_anteil", row, row.period, shareOf(label, "berufliche_abgaenger_hochschulreife_anteil", row.region, row.period, [cellOf(row, col("Fachhochschulreife"), label), cellOf(row, col("Allg. Hochschulreife-einschl.fachge.Hochschulreife"), label)], total, why), "rdb_berufliche_schulen_2023");
      push(label, "berufliche_abgaenger_mittlerer_abschluss_anteil", row, row.period, shareOf(label, "berufliche_abgaenger_mittlerer_abschluss_anteil", row.region, row.period, [cellOf(row, col("mit Mittlerem Abschluss"), label)], total, why), "rdb_berufliche_schulen_2023");
      push(label, "berufliche_abgaenger_anzahl", row, row.period, {value: total.value, flag: total.flag === "-" ? "-" : total.value === null ? (total.flag as Flag) : null}, "rdb_berufliche_schulen_2023");
    }
  }

  // ── Unemployment, annual average 2025 (13211-02-05-4) ──────────────────────────────────
  {
    const label = files.arbeitslose2025.label;
    const RATE = "Arbeitslosenquote bez. auf alle zivile Erwerbsp.";
    for (const row of await table(files.arbeitslose2025)) {
      const rate = cellOf(row, [RATE], label);
      const youth = cellOf(row, [`${RATE} / 15 bis unter 25 Jahre`], label);
      push(label, "arbeitslosenquote", row, row.period, {value: rate.value, flag: rate.value === null ? (rate.flag as Flag) : null}, "rdb_arbeitslose_2025");
      push(label, "jugendarbeitslosenquote", row, row.period, {value: youth.value, flag: youth.value === null ? (youth.flag as Flag) : null}, "rdb_arbeitslose_2025");
      push(label, "langzeitarbeitslose_anteil", row, row.period, shareOf(label, "langzeitarbeitslose_anteil", row.region, row.period, [cellOf(row, ["Arbeitslose / langzeitarbeitslos"], label)], cellOf(row, ["Arbeitslose"], label), "keine Arbeitslosen"), "rdb_arbeitslose_2025");
    }
  }

  // ── Population by age 2023/2024, Zensus-2022 basis (12411-02-03-4 extract) ─────────────
  const population = readBevoelkerungExtract(files.bevoelkerung.path, files.bevoelkerung.label);
  const under3 = new Map<string, number | null>();
  {
    const label = files.bevoelkerung.label;
    const groups = (p: PopulationByAge, list: readonly AgeGroup[]): Cell[] => list.map((g) => ({value: p.counts.get(g) ?? null, flag: p.counts.get(g) === null ? "." : null}));
    const upTo = (last: AgeGroup) => AGE_GROUPS.slice(0, AGE_GROUPS.indexOf(last) + 1);
    for (const p of population) {
      const reason = targets(p.region);
      const row = {region: p.region, region_name: p.name, period: p.year};
      if (typeof reason === "string") {
        noteRow(label, row, reason);
        continue;
      }
      if (p.year === "2024") for (const region of reason) under3.set(region, p.counts.get("unter 3 Jahre") ?? null);
      const [total] = groups(p, ["Insgesamt"]);
      push(label, "bevoelkerung", row, p.year, {value: total!.value, flag: total!.value === null ? "." : null}, "rdb_bevoelkerung_2023_2024");
      push(label, "anteil_unter_6", row, p.year, shareOf(label, "anteil_unter_6", p.region, p.year, groups(p, upTo("3 bis unter 6 Jahre")), total!, "keine Einwohner"), "rdb_bevoelkerung_2023_2024");
      push(label, "anteil_unter_18", row, p.year, shareOf(label, "anteil_unter_18", p.region, p.year, groups(p, upTo("15 bis unter 18 Jahre")), total!, "keine Einwohner"), "rdb_bevoelkerung_2023_2024");
      push(label, "anteil_65_plus", row, p.year, shareOf(label, "anteil_65_plus", p.region, p.year, groups(p, ["65 bis unter 75 Jahre", "75 Jahre und mehr"]), total!, "keine Einwohner"), "rdb_bevoelkerung_2023_2024");
    }
  }

  // ── Betreuungsquote under 3, 2025: count 01.03.2025 / children under 3 on 31.12.2024 ────
  {
    const label = files.kitaU3.label;
    const sums = new Map<string, {count: number; children: number}>();
    for (const {region, count} of readKitaU3Extract(files.kitaU3.path, label)) {
      // The count is official for every row, the cities' too (Länder and Bund: the warehouse sums the Kreise).
      if (CITY_ROWS[region] || kreisIds.has(region)) out.push({indicator: "betreute_kinder_u3", region, period: "2025", value: count, flag: null, source: "rdb_kita_u3_2025_anzahl", file: label});
      if (CITY_ROWS[region]) {
        setAside.push({file: label, region, name: "", reason: "Gemeindezeile ohne Kinder unter 3 Jahren im Nenner (die Bevölkerungstabelle hat nur Kreise): keine Betreuungsquote, nur die Zahl der betreuten Kinder"});
        continue;
      }
      if (!kreisIds.has(region)) {
        setAside.push({file: label, region, name: "", reason: describeNonCurrentKey(region)});
        continue;
      }
      const children = under3.get(region);
      if (children === undefined || children === null) throw new Error(`${label}: keine Kinder unter 3 Jahren am 31.12.2024 für ${region} in ${files.bevoelkerung.label}`);
      out.push({indicator: "betreuungsquote_u3", region, period: "2025", ...shareOf(label, "betreuungsquote_u3", region, "2025", [{value: count, flag: null}], {value: children, flag: null}, "keine Kinder unter 3 Jahren"), source: "rdb_kita_u3_2025", file: label});
      // Länder and Bund from the sums of their Kreise (every Kreis has a count).
      for (const agg of [region.slice(0, 2), "DG"]) {
        const s = sums.get(agg) ?? {count: 0, children: 0};
        s.count += count;
        s.children += children;
        sums.set(agg, s);
      }
    }
    for (const [region, s] of [...sums].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push({indicator: "betreuungsquote_u3", region, period: "2025", value: round((s.count / s.children) * 100, SHARE_DECIMALS), flag: null, source: "rdb_kita_u3_2025", file: label});
    }
  }

  for (const entry of [...setAsideRows.values()].sort((a, b) => (a.file + a.region < b.file + b.region ? -1 : 1))) {
    const {periods, rows, ...key} = entry;
    setAside.push({...key, reason: `${key.reason}; ${rows} Zeile(n) für ${[...periods].sort().join(", ")} nicht übernommen`});
  }
  return {candidates: out, zeroDenominators, plausibility};
}
