/** Export for the home page: one indicator's latest values for all 400 Kreise, with its metadata. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {listValue} from "@duckdb/node-api";
import {queryRows} from "../warehouse/sql.ts";
import type {Indicator, Source} from "../snapshot/format.ts";

export interface KreiseOverview {
  indicator: Indicator;
  /** The sources of the values shown (a series can change source between years). */
  sources: Source[];
  period: string;
  rows: {id: string; name: string; land: string; land_name: string; type: string; value: number | null; flag: string | null}[];
}

export async function kreiseOverview(connection: DuckDBConnection, indicatorId: string): Promise<KreiseOverview> {
  const [meta] = await queryRows(connection, "SELECT meta AS indicator FROM indicators WHERE id = $id", {id: indicatorId});
  if (!meta) throw new Error(`Indikator ${indicatorId} ist nicht im Warehouse`);
  const rows = await queryRows(connection, readFileSync(join(import.meta.dirname, "sql", "kreise-latest.sql"), "utf-8"), {indicator: indicatorId});
  const period = rows.find((r) => r.period !== null)?.period;
  if (typeof period !== "string") throw new Error(`Indikator ${indicatorId} hat keine Werte`);
  return {
    indicator: JSON.parse(String(meta.indicator)) as Indicator,
    sources: await usedSources(connection, [...new Set(rows.map((r) => r.source).filter((s): s is string => typeof s === "string"))]),
    period,
    rows: rows.map((r) => ({id: String(r.id), name: String(r.name), land: String(r.land), land_name: String(r.land_name), type: String(r.type), value: r.value === null ? null : Number(r.value), flag: r.flag === null ? null : String(r.flag)}))
  };
}

async function usedSources(connection: DuckDBConnection, ids: string[]): Promise<Source[]> {
  const rows = await queryRows(connection, "SELECT meta FROM sources WHERE list_contains($ids, id) ORDER BY id", {ids: listValue(ids)});
  return rows.map((r) => JSON.parse(String(r.meta)) as Source);
}
