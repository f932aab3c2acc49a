/**
 * Cross-source check: where two sources carry the same fact, compare them cell by cell and
 * write every disagreement beyond TOLERANCE (percentage points, or the unit of the values) to
 * the import report, grouped by Land and period. Nothing here changes the snapshot: which
 * source wins is fixed in the registry (SOURCE_PRECEDENCE) and documented in docs/data.md.
 *
 * Old GENESIS tables are on the territorial state of each year; INKAR recalculates to the
 * current one. Keys that no longer exist are set aside (reported), and a disagreement under a
 * current key whose territory changed later is annotated with the reform.
 */
import {parseDecimal, readCsvFile} from "../../loaders/common/csv.ts";
import {InputError} from "../../loaders/common/errors.ts";
import {BERLIN_BEZIRKE, BERLIN_KREIS} from "../../loaders/berlin/bezirke.ts";
import type {EinwohnerBericht} from "../../loaders/berlin/statistik-bb.ts";
import {parseGenesisFile, type GenesisRecord} from "../../loaders/genesis/index.ts";
import type {InkarValue} from "../../loaders/inkar/kreise.ts";
import {backCalculated, describeNonCurrentKey, germanDate, olderTerritory} from "../../loaders/kreise/territory.ts";
import type {Btw25BerlinRow} from "../../loaders/strukturdaten/btw25-berlin.ts";
import {readStrukturdatenTidy} from "../../loaders/strukturdaten/ew24-tidy.ts";
import type {StrukturdatenFile} from "../../loaders/strukturdaten/ew24.ts";
import type {Region} from "./format.ts";
import type {SetAsideKey} from "./regions.ts";
import type {SourceFile, SourceFileKey} from "./import.ts";

/** Two values agree when they differ by at most this much (0.05 percentage points for shares). */
export const TOLERANCE = 0.05;

export interface Disagreement {
  region: string;
  name: string;
  period: string;
  measure: string;
  a: number;
  b: number;
  diff: number;
  note?: string;
}

export interface DisagreementGroup {
  land: string;
  land_name: string;
  period: string;
  cells: number;
  max_abs_diff: number;
}

export interface CrossCheck {
  id: string;
  title: string;
  /** Source a (the one that wins in the snapshot, where it matters) and source b. */
  a: string;
  b: string;
  measures: string[];
  compared: number;
  agreeing: number;
  disagreeing: number;
  /** agreeing / compared, 4 decimals. */
  share_agreeing: number;
  /** Cells where one side has no number (empty, `.`, `x`, total 0). */
  not_comparable: number;
  /** The same counts for each measure. */
  by_measure: {measure: string; compared: number; agreeing: number; share_agreeing: number}[];
  groups: DisagreementGroup[];
  disagreements: Disagreement[];
  note: string;
}

export interface CrossCheckReport {
  tolerance: number;
  checks: CrossCheck[];
}

export interface CrossCheckInputs {
  file: (key: SourceFileKey) => SourceFile;
  kreisIds: Set<string>;
  regions: Region[];
  inkar: InkarValue[];
  inkar2024: InkarValue[];
  ew24: StrukturdatenFile;
  einwohner: EinwohnerBericht;
  btw25: Btw25BerlinRow[];
  setAsideRegions: SetAsideKey[];
}

interface Cell {
  region: string;
  period: string;
  measure: string;
  a: number | null;
  b: number | null;
  note?: string;
}

export async function runCrossChecks(inputs: CrossCheckInputs): Promise<CrossCheckReport> {
  const names = new Map(inputs.regions.map((r) => [r.id, r.name]));
  const landOf = (region: string) => (region === "DG" ? "DG" : region.slice(0, 2));
  const summarise = (id: string, title: string, a: string, b: string, measures: string[], cells: Cell[], note: string, tolerance = TOLERANCE): CrossCheck => {
    let compared = 0;
    let agreeing = 0;
    let notComparable = 0;
    const disagreements: Disagreement[] = [];
    const perMeasure = new Map<string, {compared: number; agreeing: number}>(measures.map((m) => [m, {compared: 0, agreeing: 0}]));
    for (const c of cells) {
      if (c.a === null || c.b === null) {
        notComparable++;
        continue;
      }
      compared++;
      const m = perMeasure.get(c.measure) ?? {compared: 0, agreeing: 0};
      perMeasure.set(c.measure, m);
      m.compared++;
      const diff = Math.round((c.a - c.b) * 1e6) / 1e6;
      if (Math.abs(diff) <= tolerance + 1e-9) {
        agreeing++;
        m.agreeing++;
        continue;
      }
      disagreements.push({region: c.region, name: names.get(c.region) ?? c.region, period: c.period, measure: c.measure, a: c.a, b: round(c.b, 4), diff: round(diff, 4), ...(c.note ? {note: c.note} : {})});
    }
    disagreements.sort((x, y) => cmp(x.region, y.region) || cmp(x.period, y.period) || cmp(x.measure, y.measure));
    const groups = new Map<string, DisagreementGroup>();
    for (const d of disagreements) {
      const land = landOf(d.region);
      const key = `${land}|${d.period}`;
      const g = groups.get(key) ?? {land, land_name: names.get(land) ?? land, period: d.period, cells: 0, max_abs_diff: 0};
      g.cells++;
      g.max_abs_diff = Math.max(g.max_abs_diff, Math.abs(d.diff));
      groups.set(key, g);
    }
    return {
      id,
      title,
      a,
      b,
      measures,
      compared,
      agreeing,
      disagreeing: disagreements.length,
      share_agreeing: compared === 0 ? 0 : round(agreeing / compared, 4),
      not_comparable: notComparable,
      by_measure: [...perMeasure].map(([measure, m]) => ({measure, ...m, share_agreeing: m.compared === 0 ? 0 : round(m.agreeing / m.compared, 4)})),
      groups: [...groups.values()].sort((x, y) => cmp(x.land, y.land) || cmp(x.period, y.period)),
      disagreements,
      note
    };
  };

  const inkarIndex = indexInkar(inputs.inkar);
  const inkar2024Index = indexInkar(inputs.inkar2024);
  const checks: CrossCheck[] = [];

  // 1. INKAR school-leaver shares vs GENESIS 21111-02-06-4 counts (1995–2015).
  {
    const f = inputs.file("genesisSchulabgaenger");
    const table = await readGenesisKreise(f, inputs, "21111-02-06-4");
    const TOTAL = "Schulabschluss / Insgesamt / Insgesamt";
    const measures: [string, string][] = [
      ["share_no_degree", "Schulabschluss / ohne Hauptschulabschluss / Insgesamt"],
      ["share_abitur", "Schulabschluss / mit allgemeiner Hochschulreife / Insgesamt"]
    ];
    const cells: Cell[] = [];
    for (const [key, values] of table) {
      const [region, period] = key.split("|") as [string, string];
      const total = values.get(TOTAL);
      for (const [inkarColumn, variable] of measures) {
        const count = values.get(variable);
        const share = total && total.value !== null && total.value > 0 && count && count.value !== null ? (count.value / total.value) * 100 : null;
        cells.push({region, period, measure: inkarColumn, a: inkarIndex.get(`${inkarColumn}|${region}|${period}`) ?? null, b: share, note: territoryNote(region, Number(period))});
      }
    }
    checks.push(
      summarise(
        "inkar_vs_genesis_21111",
        "INKAR-Anteile der Schulabgänger ohne Hauptschulabschluss und mit allgemeiner Hochschulreife gegen die Zählungen der Regionaldatenbank 21111-02-06-4",
        "inkar",
        "genesis_21111_02_06_4",
        measures.map(([m]) => m),
        cells,
        "GENESIS-Anteil = Zahl mit dem Abschluss / Absolventen und Abgänger insgesamt × 100 (allgemeine Hochschulreife ohne Fachhochschulreife). Berlin und Hamburg stehen in der Tabelle nur als Länder 11 und 02 und werden als Kreise 11000 und 02000 verglichen. Regierungsbezirke, Länder, Deutschland und die Gemeindezeilen (03241001, 05334002, 10041100) werden nicht verglichen. Es gewinnt INKAR (auf den heutigen Gebietsstand umgerechnet)."
      )
    );
  }

  // 2. INKAR unemployment vs GENESIS 13211-02-05-4 (2001–2016).
  {
    const f = inputs.file("genesisArbeitslose");
    const table = await readGenesisKreise(f, inputs, "13211-02-05-4");
    const cells: Cell[] = [];
    for (const [key, values] of table) {
      const [region, period] = key.split("|") as [string, string];
      // In this table "-" fills whole columns that were not published (rates by group before 2009,
      // the new Kreise of 2011 in their first year): compared as "no number", not as 0.
      const v = (variable: string) => {
        const record = values.get(variable);
        return record === undefined || record.flag === "-" ? null : record.value;
      };
      const all = v("Arbeitslose");
      const longTerm = v("Arbeitslose / langzeitarbeitslos");
      const note = territoryNote(region, Number(period));
      cells.push({region, period, measure: "unemployment_rate", a: inkarIndex.get(`unemployment_rate|${region}|${period}`) ?? null, b: v("Arbeitslosenquote bez. auf alle zivile Erwerbsp."), note});
      cells.push({region, period, measure: "youth_unemployment_rate", a: inkarIndex.get(`youth_unemployment_rate|${region}|${period}`) ?? null, b: v("Arbeitslosenquote bez. auf alle zivile Erwerbsp. / 15 bis unter 25 Jahre"), note});
      cells.push({region, period, measure: "share_longterm_unemployed", a: inkarIndex.get(`share_longterm_unemployed|${region}|${period}`) ?? null, b: all && longTerm !== null ? (longTerm / all) * 100 : null, note});
    }
    checks.push(
      summarise(
        "inkar_vs_genesis_13211",
        "INKAR-Arbeitslosenquote, Jugendarbeitslosenquote und Anteil Langzeitarbeitsloser gegen die Regionaldatenbank 13211-02-05-4 (Jahresdurchschnitte)",
        "inkar",
        "genesis_13211_02_05_4",
        ["unemployment_rate", "youth_unemployment_rate", "share_longterm_unemployed"],
        cells,
        "Quoten bezogen auf alle zivilen Erwerbspersonen; GENESIS mit einer Nachkommastelle, INKAR mit zwei. Langzeitarbeitslose: Anteil aus den Zählungen berechnet. '-' steht in dieser Tabelle für nicht veröffentlichte Spalten (Quoten nach Personengruppen vor 2009) und wird nicht als 0 verglichen. Es gewinnt INKAR."
      )
    );
  }

  // 3. INKAR 2022 vs EW 2024 Strukturdaten 2022 (Kreise).
  {
    const cells: Cell[] = [];
    const pairs: [string, Map<string, number>, number, string][] = [
      ["share_no_degree", inkarIndex, 28, "inkar"],
      ["share_hauptschulabschluss", inkar2024Index, 29, "inkar_2024"],
      ["share_mittlerer_abschluss", inkar2024Index, 30, "inkar_2024"],
      ["share_abitur", inkarIndex, 31, "inkar"],
      ["share_foreign", inkarIndex, 5, "inkar"]
    ];
    for (const row of inputs.ew24.rows) {
      if (row.kind !== "kreis") continue;
      for (const [measure, index, column] of pairs) {
        const cell = row.cells.get(column);
        if (!cell) continue;
        cells.push({
          region: row.region,
          period: "2022",
          measure,
          a: index.get(`${measure}|${row.region}|2022`) ?? null,
          b: cell.value,
          ...(measure === "share_abitur" ? {note: "Definitionsunterschied: EW 2024 schließt die Fachhochschulreife ein, INKAR nicht"} : {})
        });
      }
    }
    checks.push(
      summarise(
        "inkar_vs_ew24_2022",
        "INKAR 2022 gegen die Strukturdaten zur Europawahl 2024 (Schulabgänger 2022, Ausländeranteil 31.12.2022)",
        "inkar",
        "ew24_strukturdaten",
        pairs.map(([m]) => m),
        cells,
        "EW 2024 mit einer Nachkommastelle. Bei share_abitur vergleicht der Abgleich INKARs allgemeine Hochschulreife mit EW 2024 'allgemeine und Fachhochschulreife': Abweichungen dort sind ein Definitionsunterschied; im Snapshot sind es zwei Indikatoren. Für Kreise gewinnt INKAR."
      )
    );
  }

  // 4. The two INKAR extracts (GERDA 1995–2022 and INKAR 2024) where both have the value.
  {
    const cells: Cell[] = [];
    for (const v of inputs.inkar2024) {
      const measure = v.column === "share_hochschulreife" ? "share_abitur" : v.column;
      if (measure !== "share_no_degree" && measure !== "share_abitur") continue;
      cells.push({region: v.region, period: String(v.year), measure, a: inkarIndex.get(`${measure}|${v.region}|${v.year}`) ?? null, b: v.value});
    }
    checks.push(summarise("inkar_vs_inkar2024", "Die beiden INKAR-Auszüge (GERDA 1995–2022 und INKAR 2024): Schulabgänger ohne Hauptschulabschluss und mit Hochschulreife", "inkar", "inkar_2024", ["share_no_degree", "share_abitur"], cells, "Beide Auszüge sollen dieselben Werte tragen."));
  }

  // 5. The tidy EW 2024 extract against the original file (Kreise).
  {
    const f = inputs.file("ew24Tidy");
    const columns: [string, number][] = [
      ["schulabg_allg_je1000ew_2022", 27],
      ["schulabg_ohne_hsa_pct_2022", 28],
      ["schulabg_hsa_pct_2022", 29],
      ["schulabg_mittlerer_pct_2022", 30],
      ["schulabg_hochschul_fh_reife_pct_2022", 31],
      ["kita_quote_u3_2023", 32],
      ["kita_quote_3bis6_2023", 33],
      ["sgb2_empf_je1000ew_2023_08", 42],
      ["alq_2023_10", 45],
      ["alq_15_24_2023_10", 48]
    ];
    const tidy = new Map(readStrukturdatenTidy(f.path, f.label, columns.map(([c]) => c)).map((r) => [r.ags, r]));
    const cells: Cell[] = [];
    for (const row of inputs.ew24.rows) {
      if (row.kind !== "kreis") continue;
      const t = tidy.get(row.region);
      if (!t) throw new InputError({file: f.label, field: "ags"}, `eine Zeile für ${row.region} wie in der Originaldatei`, "fehlt");
      for (const [column, number] of columns) {
        const original = row.cells.get(number)!;
        // The extract turned "–" (nothing) into an empty cell: compare it as 0.
        const tidyValue = t.values[column] ?? (original.flag === "-" ? 0 : null);
        cells.push({region: row.region, period: column.match(/(20\d\d)/)![1]!, measure: column, a: original.value, b: tidyValue});
      }
    }
    if (tidy.size !== inputs.ew24.rows.filter((r) => r.kind === "kreis").length) throw new InputError({file: f.label}, "dieselben 400 Kreise wie die Originaldatei", `${tidy.size}`);
    checks.push(summarise("ew24_original_vs_tidy", "EW-2024-Strukturdaten: Originaldatei gegen den aufbereiteten Auszug", "ew24_strukturdaten", "ew24_strukturdaten", columns.map(([c]) => c), cells, "Der Snapshot liest die Originaldatei; der Auszug wird nur verglichen.", 0));
  }

  // 6. The Berlin Land row of the BTW 2025 Strukturdaten against the Kreis 11000 of EW 2024.
  {
    const land = inputs.btw25.find((r) => r.kind === "land");
    const berlin = inputs.ew24.rows.find((r) => r.region === BERLIN_KREIS);
    const cells: Cell[] = [];
    if (land && berlin) {
      const pairs: [string, number, string, string?][] = [
        ["schulabg_ohne_hsa_pct_2022", 28, "2022"],
        ["schulabg_hsa_pct_2022", 29, "2022"],
        ["schulabg_mittlerer_pct_2022", 30, "2022"],
        ["schulabg_hochschul_fh_reife_pct_2022", 31, "2022"],
        ["schulabg_allg_je1000ew_2022", 27, "2022", "Nenner: Bevölkerung auf Zensus-2022-Basis (BTW 2025) gegen Zensus-2011-Basis (EW 2024)"],
        ["kita_quote_u3_2023", 32, "2023", "Nenner: Kinder auf Zensus-2022-Basis (BTW 2025) gegen Zensus-2011-Basis (EW 2024)"],
        ["kita_quote_3bis6_2023", 33, "2023", "Nenner: Kinder auf Zensus-2022-Basis (BTW 2025) gegen Zensus-2011-Basis (EW 2024)"]
      ];
      for (const [column, number, period, note] of pairs) {
        if (!(column in land.values)) continue;
        cells.push({region: BERLIN_KREIS, period, measure: column, a: berlin.cells.get(number)?.value ?? null, b: land.values[column] ?? null, ...(note ? {note} : {})});
      }
    }
    checks.push(
      summarise(
        "ew24_vs_btw25_berlin",
        "Berlin insgesamt: EW 2024 (Kreis 11000) gegen die Landeszeile der BTW-2025-Strukturdaten",
        "ew24_strukturdaten",
        "btw25_strukturdaten_berlin",
        cells.map((c) => c.measure),
        cells,
        "Für den Kreis 11000 gewinnt EW 2024; die BTW-2025-Datei liefert nur Bezirkswerte."
      )
    );
  }

  // 7. The derived CSV of Bezirk populations against Tabelle 3 of the original report.
  {
    const f = inputs.file("berlinEinwohnerCsv");
    const rows = readCsvFile(f.path, f.label, {required: ["district"]});
    const cells: Cell[] = [];
    for (const {line, fields} of rows) {
      const bezirk = BERLIN_BEZIRKE.find((b) => b.name === fields.district);
      if (!bezirk) throw new InputError({file: f.label, line, field: "district"}, "einen Berliner Bezirk", fields.district);
      for (const [column, raw] of Object.entries(fields)) {
        if (column === "district") continue;
        const fromXlsx = inputs.einwohner.population.find((p) => p.bezirk === bezirk.nr && p.date === column);
        cells.push({region: `110${bezirk.nr}0${bezirk.nr}`, period: column.slice(0, 4), measure: "einwohner", a: fromXlsx?.insgesamt ?? null, b: parseDecimal(raw, f.label, line, column)});
      }
    }
    checks.push(summarise("statistik_bb_xlsx_vs_csv", "Einwohner der Bezirke 2013–2023: Originalbericht (Tabelle 3) gegen die abgeleitete CSV-Datei", "statistik_bb_einwohner_2023", "statistik_bb_einwohner_2023", ["einwohner"], cells, "Der Snapshot liest den Originalbericht; die CSV wird nur verglichen.", 0));
  }

  return {tolerance: TOLERANCE, checks};
}

/** GENESIS table rows of current Kreise (Berlin and Hamburg from their Land rows): "region|period" → variable → record. */
async function readGenesisKreise(f: SourceFile, inputs: CrossCheckInputs, table: string): Promise<Map<string, Map<string, GenesisRecord>>> {
  const out = new Map<string, Map<string, GenesisRecord>>();
  const nonCurrent = new Map<string, {name: string; periods: string[]; reason: string}>();
  const stadtstaaten: Record<string, string> = {"02": "02000", "11": "11000"};
  const summary = await parseGenesisFile(f.path, {
    file: f.label,
    table,
    onRecord: (r) => {
      let region = r.region;
      if (stadtstaaten[region]) region = stadtstaaten[region]!;
      else if (!/^\d{5}$/.test(region)) {
        // DG, Länder, Regierungsbezirke: aggregates, not compared. 8-digit keys: Gemeinden with a row of their own.
        if (/^\d{8}$/.test(region)) note(nonCurrent, region, r.region_name, r.period, "Gemeindezeile (Stadt mit Sonderstatus innerhalb eines Kreises), kein Kreis");
        return;
      }
      if (!inputs.kreisIds.has(region)) {
        note(nonCurrent, region, r.region_name, r.period, describeNonCurrentKey(region));
        return;
      }
      const key = `${region}|${r.period}`;
      if (!out.has(key)) out.set(key, new Map());
      out.get(key)!.set(r.variable, r);
    }
  });
  const dashRows = new Map<string, {name: string; periods: string[]}>();
  for (const row of summary.setAside) {
    if (row.reason !== "all-dash" || row.region === undefined) continue;
    const d = dashRows.get(row.region) ?? {name: row.region_name ?? "", periods: []};
    d.periods.push(row.period ?? "");
    dashRows.set(row.region, d);
  }
  for (const [region, d] of [...dashRows].sort(([a], [b]) => cmp(a, b))) {
    inputs.setAsideRegions.push({file: f.label, region, name: d.name, reason: `Zeilen nur mit "-" (Region bestand nicht) für ${yearsText(d.periods)}${inputs.kreisIds.has(region) ? "" : `; ${describeNonCurrentKey(region)}`}`});
  }
  for (const [region, n] of [...nonCurrent].sort(([a], [b]) => cmp(a, b))) {
    inputs.setAsideRegions.push({file: f.label, region, name: n.name, reason: `${n.reason}; Werte für ${yearsText(n.periods)} nicht verglichen und nicht übernommen`});
  }
  return out;
}

function note(map: Map<string, {name: string; periods: string[]; reason: string}>, region: string, name: string, period: string, reason: string): void {
  const n = map.get(region) ?? {name, periods: [], reason};
  if (!n.periods.includes(period)) n.periods.push(period);
  map.set(region, n);
}

function yearsText(periods: string[]): string {
  const years = [...new Set(periods)].map(Number).sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = years[0]!;
  let prev = start;
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    ranges.push(start === prev ? String(start) : `${start}–${prev}`);
    start = y;
    prev = y;
  }
  return ranges.join(", ");
}

function territoryNote(region: string, year: number): string | undefined {
  const older = olderTerritory(region, year);
  if (older) return `GENESIS auf dem Gebietsstand vor dem ${germanDate(older.date)} (${older.label}), INKAR auf dem heutigen`;
  const back = backCalculated(region, year);
  if (back) return `Kreis erst seit dem ${germanDate(back.date)} (${back.label}); beide Quellen rechnen auf ihn zurück`;
  return undefined;
}

function indexInkar(values: InkarValue[]): Map<string, number> {
  return new Map(values.map((v) => [`${v.column}|${v.region}|${v.year}`, v.value]));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
