/**
 * Arrow IPC stream exports for pages (`FileAttachment(…).arrow()`), with only the columns
 * charts use. Strings are dictionary-encoded (indicator and region ids repeat a lot).
 */
import type {DuckDBConnection, DuckDBValue} from "@duckdb/node-api";
import {Bool, Dictionary, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector} from "apache-arrow";
import {exportSql} from "./sql.ts";

type ColumnKind = "string" | "float" | "int" | "bool";

async function arrowStream(connection: DuckDBConnection, sql: string, params: Record<string, DuckDBValue>, columns: Record<string, ColumnKind>): Promise<Uint8Array> {
  const reader = await connection.runAndReadAll(sql, params);
  const data = reader.getColumnsObjectJS();
  const vectors: Record<string, Vector> = {};
  for (const [name, kind] of Object.entries(columns)) {
    const values = data[name];
    if (!values) throw new Error(`Spalte ${name} fehlt in der Abfrage`);
    if (kind === "string") vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : String(v))), new Dictionary(new Utf8(), new Int32()));
    else if (kind === "float") vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Float64());
    else if (kind === "int") vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Int32());
    else vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : Boolean(v))), new Bool());
  }
  return tableToIPC(new Table(vectors), "stream");
}

/**
 * Observations plus computed Land/Bund values.
 * Columns: indicator, region, period (dictionary strings), year (int32), value (float64, null =
 * no number), flag (dictionary string, null = none), computed (bool: Land/Bund value computed
 * from the Kreise, not published).
 */
export async function observationsArrow(connection: DuckDBConnection, filter: {indicator?: string; level?: string} = {}): Promise<Uint8Array> {
  return arrowStream(connection, exportSql("observations-arrow"), {indicator: filter.indicator ?? null, level: filter.level ?? null}, {
    indicator: "string", region: "string", year: "int", period: "string", value: "float", flag: "string", computed: "bool"
  });
}

/**
 * One peer group's comparisons, for rankings and distribution charts.
 * Columns: indicator, region, period, flag (strings), year, rank (1 = highest, null = not
 * ranked), of (ranked members) (int32), value, percentile, median, q1, q3 (float64).
 */
export async function comparisonsArrow(connection: DuckDBConnection, group: string, filter: {indicator?: string} = {}): Promise<Uint8Array> {
  const reader = await connection.runAndReadAll("SELECT 1 FROM peer_groups WHERE id = $group", {group});
  if (reader.currentRowCount === 0) throw new Error(`Vergleichsgruppe ${JSON.stringify(group)} gibt es nicht`);
  return arrowStream(connection, exportSql("comparisons-arrow"), {group, indicator: filter.indicator ?? null}, {
    indicator: "string", region: "string", year: "int", period: "string", value: "float", flag: "string",
    rank: "int", of: "int", percentile: "float", median: "float", q1: "float", q3: "float"
  });
}
