/**
 * Own data in the warehouse: `kbm data` loads every region in data/own/ into the own_* tables
 * (sql/schema.sql), checked again with the shared module. A region whose files have errors
 * fails the build, listing them; the previous warehouse stays.
 */
import type {DuckDBConnection, DuckDBValue} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ownIndicators} from "../../src/shared/own-data/index.ts";
import type {WarehouseExtension} from "../warehouse/extensions.ts";
import {insertRows} from "../warehouse/insert-rows.ts";
import {queryRows, runScript} from "../warehouse/sql.ts";
import {OWN_LABEL, ownRegions, readOwnData} from "./store.ts";

const sql = (name: string) => readFileSync(join(import.meta.dirname, "sql", `${name}.sql`), "utf-8");

export const OWN_TABLES = ["own_files", "own_indicators", "own_observations", "own_areas"];

export async function loadOwnIntoWarehouse(connection: DuckDBConnection, dataDir: string): Promise<{regions: string[]; counts: Record<string, number>}> {
  await runScript(connection, sql("schema"));
  const regions = ownRegions(dataDir);
  const rows: Record<string, Record<string, DuckDBValue>[]> = {own_files: [], own_indicators: [], own_observations: [], own_areas: []};
  for (const region of regions) {
    const result = readOwnData(dataDir, region);
    if (!result.dataset) throw new Error(`Eigene Daten in own/${region}/ haben Fehler:\n${result.problems.filter((p) => p.severity === "fehler").map((p) => p.message).join("\n")}`);
    const d = result.dataset;
    for (const f of result.origin?.files ?? []) {
      rows.own_files!.push({region, role: f.role, original: f.original, sha256: f.sha256, encoding: f.role === "data" ? d.encoding.data : f.role === "meta" ? d.encoding.meta : null, crs: f.role === "geo" ? d.crs : null});
    }
    for (const i of ownIndicators(d)) {
      rows.own_indicators!.push({region, kennzahl: i.id, name: i.name, unit: i.unit, definition: i.definition, source: i.source, stichtag: i.stichtag, polarity: i.polarity, decimals: i.decimals, origin: OWN_LABEL});
    }
    for (const r of d.rows) {
      rows.own_observations!.push({region, area_id: r.gebiet_id, area_name: r.gebiet_name, kennzahl: r.kennzahl, year: r.jahr, value: r.value, flag: r.flag, numerator: r.zaehler, denominator: r.nenner, note: r.hinweis, origin: OWN_LABEL});
    }
    for (const f of d.areas?.features ?? []) rows.own_areas!.push({region, area_id: f.properties.id, name: f.properties.name, geometry: JSON.stringify(f.geometry)});
  }
  await connection.run("BEGIN TRANSACTION");
  try {
    for (const [table, tableRows] of Object.entries(rows)) await insertRows(connection, table, tableRows);
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
  const counts: Record<string, number> = {};
  for (const table of OWN_TABLES) {
    // Table names come from the constant list above, never from input.
    const [row] = await queryRows(connection, `SELECT count(*)::INTEGER AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return {regions, counts};
}

/** For `kbm data`: data/own/<region>/ → own_* tables (empty tables when there is none). */
export const ownExtension: WarehouseExtension = {
  name: "own",
  async load(connection, {dataDir, log}) {
    const {regions, counts} = await loadOwnIntoWarehouse(connection, dataDir);
    log(regions.length === 0 ? "Eigene Daten: keine in data/own/" : `Eigene Daten (nicht veröffentlicht ohne KBM_OWN=1): ${regions.join(", ")} – ${counts.own_observations} Werte, ${counts.own_areas} Gebiete`);
  },
  checks: sql("checks"),
  tables: OWN_TABLES
};
