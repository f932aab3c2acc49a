/**
 * `kbm export` for people: each profile record with the indicator's German name, its source
 * (producer, table), reference date and licence; as JSON (machine field names plus
 * indicator_name, source_label, licence) or as German CSV with German headers.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {germanCsv, type CsvCell} from "../../src/shared/german-csv.ts";
import type {Indicator, Source} from "../snapshot/format.ts";
import {queryRows} from "../warehouse/sql.ts";
import {PEER_FIELDS, type ProfileRecord} from "./profile.ts";
import {sourceLabelParts} from "../../src/shared/source-label.ts";
import {referenceDate} from "./source-label.ts";

export interface PeopleRecord extends ProfileRecord {
  indicator_name: string;
  /** The whole line, producer first: "Quelle: … · Stand: … · Lizenz: …" (src/shared/source-label.ts). */
  source_label: string;
  /** Its first part alone (producer, publication, table), the CSV's "Quelle". */
  source_origin: string;
  licence: string;
  reference_date: string;
}

export interface Catalogue {
  indicators: Map<string, Indicator>;
  sources: Map<string, Source>;
  /** Peer-group id → German name ("Großstädte"), for the CSV headers. */
  groupNames: Map<string, string>;
}

export async function readCatalogue(connection: DuckDBConnection): Promise<Catalogue> {
  const parse = <T extends {id: string}>(rows: Record<string, unknown>[]) => new Map(rows.map((r) => JSON.parse(String(r.meta)) as T).map((m) => [m.id, m]));
  return {
    indicators: parse<Indicator>(await queryRows(connection, "SELECT meta FROM indicators")),
    sources: parse<Source>(await queryRows(connection, "SELECT meta FROM sources")),
    groupNames: new Map((await queryRows(connection, "SELECT id, name FROM peer_groups")).map((r) => [String(r.id), String(r.name)]))
  };
}

export function describeRecords(records: readonly ProfileRecord[], {indicators, sources}: Catalogue): PeopleRecord[] {
  return records.map((r) => {
    const indicator = indicators.get(r.indicator);
    const source = sources.get(r.source);
    if (!indicator || !source) throw new Error(`Warehouse unvollständig: ${indicator ? `Quelle ${r.source}` : `Indikator ${r.indicator}`} fehlt im Katalog`);
    return {
      ...r,
      indicator_name: indicator.name,
      source_label: r.source_label,
      source_origin: sourceLabelParts(indicator, source, r.period).quelle,
      licence: source.licence,
      reference_date: referenceDate(indicator, r.year)
    };
  });
}

/** The CSV's columns: German header → field. Listed in the README and in `kbm export --help`. */
export const PEOPLE_COLUMNS: [string, (r: PeopleRecord) => CsvCell][] = [
  ["Regionalschlüssel", (r) => r.region],
  ["Kennzahl", (r) => r.indicator_name],
  ["Kennzahl-ID", (r) => r.indicator],
  ["Jahr", (r) => r.year],
  ["Zeitraum", (r) => r.period],
  ["Wert", (r) => r.value],
  ["Zeichen", (r) => r.flag],
  ["Einheit", (r) => r.unit],
  ["Land", (r) => r.land],
  ["Land: Herkunft", (r) => statusWord(r.land_status)],
  ["Deutschland", (r) => r.bund],
  ["Deutschland: Herkunft", (r) => statusWord(r.bund_status)],
  ["Veränderung 1 Jahr", (r) => r.change_1y],
  ["Veränderung 5 Jahre", (r) => r.change_5y],
  ["Veränderung 10 Jahre", (r) => r.change_10y],
  ["Quelle", (r) => r.source_origin],
  ["Stichtag", (r) => r.reference_date],
  ["Lizenz", (r) => r.licence]
];

const PEER_HEADERS: Record<(typeof PEER_FIELDS)[number], string> = {rank: "Rang", of: "von", percentile: "Perzentil", median: "Median", q1: "unteres Quartil", q3: "oberes Quartil"};

/** "Vergleich Großstädte: Rang" … for each of the region's peer groups, in their order. */
export function peerHeaders(groupName: string): string[] {
  return PEER_FIELDS.map((f) => `Vergleich ${groupName}: ${PEER_HEADERS[f]}`);
}

function statusWord(status: string | null): string | null {
  return status === "published" ? "veröffentlicht" : status === "computed" ? "berechnet" : status === "absent" ? "fehlt" : null;
}

export function profileCsvForPeople(records: readonly PeopleRecord[], groups: readonly string[], groupNames: ReadonlyMap<string, string> = new Map()): string {
  const header = [...PEOPLE_COLUMNS.map(([h]) => h), ...groups.flatMap((g) => peerHeaders(groupNames.get(g) ?? g))];
  const rows = records.map((r): CsvCell[] => [...PEOPLE_COLUMNS.map(([, get]) => get(r)), ...groups.flatMap((g) => PEER_FIELDS.map((f) => r.peers[g]?.[f] ?? null))]);
  return germanCsv(header, rows);
}
