/**
 * Which GENESIS tables `kbm pull` understands and how their cells become registry indicators.
 * One declarative entry per table: the quantities to pick out of the parsed file (by value
 * variable and dimensions, exactly as loaders/genesis emits them) and the indicators computed
 * from them (a count taken as it is, or a share = sum of numerators / denominator × 100).
 *
 * The matchers are taken from the real files in ../shared/fixtures/genesis:
 *  - 12411-01-01-4: ffcsv (both layouts) value variable `BEVSTD`, dimension `GES` with the
 *    empty attribute code for "Insgesamt" (`GESM`/`GESW` are men/women).
 *  - 21111-02-06-4 and 22543-01-02-4: the table layout ("csv"), whose value variable is the
 *    stacked column label ("Schulabschluss / ohne Hauptschulabschluss / Insgesamt") and whose
 *    row labels become `stub_1` ("Insgesamt (ohne Doppelzählungen)").
 * No ffcsv answer of 21111 or 22543 has been recorded, so their ffcsv variable codes are not
 * known; a file whose cells match none of the quantities is reported, never read as empty.
 */
import type {GenesisSource} from "../../loaders/genesis/client.ts";
import type {Source} from "../snapshot/format.ts";

/** Picks one quantity out of the records: value variable, dimensions (exactly) and unit. */
export interface QuantityMatcher {
  /** Value variable code (ffcsv: "BEVSTD") or stacked column label (table layout). Compared without case and extra spaces. */
  variable: string;
  /** The record's dimensions must be exactly these (attribute "" = Insgesamt in ffcsv). */
  dimensions: Readonly<Record<string, string>>;
  /** Expected unit ("Anzahl"); another unit is an error, not a silent rescale. */
  unit: string;
}

export type MappingOutput =
  | {indicator: string; kind: "count"; quantity: string}
  | {
      indicator: string;
      kind: "share";
      /** Summed; every one must be a number for the share to be one. */
      numerator: readonly string[];
      denominator: string;
    };

/** A registry indicator a table could fill but the registry does not have (yet). */
export interface ProposedIndicator {
  id: string;
  name: string;
  unit: string;
}

export interface TableMapping {
  table: string;
  /** German title for messages and the source entry. */
  title: string;
  /**
   * The day within the year a period must fall on ("12-31", "03-01"); periods become the year,
   * as in the snapshot. null: the file has years or school years ("2014/15" → "2015").
   */
  referenceDate: string | null;
  /** Quantity name → one or more matchers (alternatives, e.g. two layouts). */
  quantities: Readonly<Record<string, readonly QuantityMatcher[]>>;
  outputs: readonly MappingOutput[];
  /** For outputs whose indicator is missing in the registry: what it would be. */
  proposed?: readonly ProposedIndicator[];
  /** Shown when no output indicator exists in the registry. */
  missingNote?: string;
  /** A caveat printed after every pull of the table. */
  note?: string;
}

const ANZAHL = "Anzahl";

/** A stacked column label of the table layout, in the given row (stub) or without one. */
function column(label: string, stub?: string): QuantityMatcher {
  return {variable: label, dimensions: stub === undefined ? {} : {stub_1: stub}, unit: ANZAHL};
}

const SCHOOL = (abschluss: string) => column(`Schulabschluss / ${abschluss} / Insgesamt`);
const KITA_TOTAL = "Insgesamt (ohne Doppelzählungen)";

export const TABLE_MAPPINGS: readonly TableMapping[] = [
  {
    table: "12411-01-01-4",
    title: "Bevölkerung nach Geschlecht, Stichtag 31.12., Kreise und krfr. Städte",
    referenceDate: "12-31",
    quantities: {
      // Both ffcsv layouts (since 2025 and until 2024) carry BEVSTD with GES = "" for Insgesamt.
      insgesamt: [{variable: "BEVSTD", dimensions: {GES: ""}, unit: ANZAHL}]
    },
    outputs: [{indicator: "bevoelkerung", kind: "count", quantity: "insgesamt"}],
    note:
      "Die heutige Fortschreibung beruht auf dem Zensus 2022, die Snapshot-Werte 2021 und 2022 auf dem Zensus 2011 " +
      "(Köln 31.12.2022: 1.084.800, 31.12.2024: 1.024.621): die Reihe bricht, die Veränderung ist kein Bevölkerungsrückgang."
  },
  {
    table: "21111-02-06-4",
    title: "Allgemeinbildende Schulen: Absolventen/Abgänger nach dem Schulabschluss, Schuljahr, Kreise",
    referenceDate: null,
    quantities: {
      insgesamt: [SCHOOL("Insgesamt")],
      ohne_hsa: [SCHOOL("ohne Hauptschulabschluss")],
      hsa: [SCHOOL("mit Hauptschulabschluss")],
      // "dar. schulischer Teil der Fachhochschulreife" is a subset ("darunter"), never added:
      // ohne + HSA + mittlerer + FHR + allgemeine HR = Insgesamt (Köln 2015: 517 + 1676 + 3727 + 2 + 4184 = 10106).
      mittlerer: [SCHOOL("mit Mittlerem Abschluss")],
      fhr: [SCHOOL("mit Fachhochschulreife")],
      allg_hr: [SCHOOL("mit allgemeiner Hochschulreife")]
    },
    outputs: [
      {indicator: "schulabgaenger_ohne_hsa", kind: "share", numerator: ["ohne_hsa"], denominator: "insgesamt"},
      {indicator: "schulabgaenger_hsa", kind: "share", numerator: ["hsa"], denominator: "insgesamt"},
      {indicator: "schulabgaenger_mittlerer_abschluss", kind: "share", numerator: ["mittlerer"], denominator: "insgesamt"},
      // INKAR's definition: allgemeine Hochschulreife without Fachhochschulreife.
      {indicator: "schulabgaenger_allg_hochschulreife", kind: "share", numerator: ["allg_hr"], denominator: "insgesamt"},
      // EW 2024's definition: allgemeine Hochschulreife and Fachhochschulreife. Sachsen and Berlin
      // have `x` for the FHR (only at vocational schools there): no value, never FHR = 0.
      {indicator: "schulabgaenger_hochschulreife_fhr", kind: "share", numerator: ["fhr", "allg_hr"], denominator: "insgesamt"}
    ]
  },
  {
    table: "22543-01-02-4",
    title: "Betreute Kinder nach Art der Kindertagesbetreuung, Stichtag 01.03., Kreise",
    referenceDate: "03-01",
    quantities: {
      insgesamt: [column("Betreute Kinder", KITA_TOTAL)],
      u3: [column("Betreute Kinder / Altersgruppe / unter 3 Jahre", KITA_TOTAL)],
      von3bis6: [column("Betreute Kinder / Altersgruppe / 3 bis unter 6 Jahre", KITA_TOTAL)]
    },
    outputs: [
      {indicator: "betreute_kinder", kind: "count", quantity: "insgesamt"},
      {indicator: "betreute_kinder_u3", kind: "count", quantity: "u3"},
      {indicator: "betreute_kinder_3_6", kind: "count", quantity: "von3bis6"}
    ],
    proposed: [
      {id: "betreute_kinder", name: "Betreute Kinder in Kindertageseinrichtungen und Kindertagespflege (ohne Doppelzählungen)", unit: "Kinder"},
      {id: "betreute_kinder_3_6", name: "Betreute Kinder von 3 bis unter 6 Jahren", unit: "Kinder"}
    ],
    missingNote:
      "Die Betreuungsquoten des Registers (betreuungsquote_u3, betreuungsquote_3_6) brauchen als Nenner die Kinder der Altersgruppe " +
      "(Bevölkerung nach Altersjahren), die diese Tabelle nicht enthält; sie lassen sich aus ihr allein nicht berechnen."
  }
];

export function mappingFor(table: string): TableMapping | undefined {
  return TABLE_MAPPINGS.find((m) => m.table === table);
}

export function supportedTables(): string[] {
  return TABLE_MAPPINGS.map((m) => m.table);
}

/** The source id of a live pull: distinct from the snapshot's `genesis_…` entries (a fixed old download). */
export function sourceIdFor(table: string, source: GenesisSource): string {
  const prefix = source === "regionalstatistik" ? "regionalstatistik" : "genesis_online";
  return `${prefix}_${table.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
}

const DL_DE_BY = {licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)", licence_url: "https://www.govdata.de/dl-de/by-2-0"};

/** The entry for data/updates/sources.json: licence and attribution of a pulled table. */
export function sourceEntryFor(mapping: TableMapping, source: GenesisSource, retrievedAt: string): Source {
  const day = retrievedAt.slice(0, 10);
  const year = retrievedAt.slice(0, 4);
  const regional = source === "regionalstatistik";
  return {
    id: sourceIdFor(mapping.table, source),
    title: `${regional ? "Regionaldatenbank" : "GENESIS-Online"} ${mapping.table}: ${mapping.title}`,
    publisher: regional ? "Statistische Ämter des Bundes und der Länder" : "Statistisches Bundesamt (Destatis)",
    producer: `${regional ? "Statistische Ämter des Bundes und der Länder" : "Statistisches Bundesamt (Destatis)"}, Tabelle ${mapping.table}`,
    ...DL_DE_BY,
    attribution: regional ? `© Statistische Ämter des Bundes und der Länder, Deutschland, ${year}` : `© Statistisches Bundesamt (Destatis), ${year}`,
    url: regional
      ? `https://www.regionalstatistik.de/genesis/online?operation=table&code=${mapping.table}`
      : `https://www-genesis.destatis.de/genesis/online?operation=table&code=${mapping.table}`,
    reference: `Live-Abruf über den GENESIS-Webservice, zuletzt am ${day}; welche Zeiträume, steht in der Aktualisierungsdatei data/updates/<Datum>-${mapping.table}.csv`,
    via: `kbm pull (GENESIS-Webservice REST 2020, data/tablefile, Format ffcsv); Rohantwort unter data/raw/${source}/`,
    role: "snapshot"
  };
}
