/**
 * All observations for analysts: Parquet (DuckDB COPY) and German CSV (Excel: `;`, decimal
 * comma, UTF-8 with BOM). Published values only; computed Land/Bund values are not mixed in.
 * Columns: indicator, indicator_name, region, region_name, level, period, year, value, flag,
 * unit, source, origin.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {runScript} from "../warehouse/sql.ts";
import {germanCsvBytes, type CsvCell} from "./german-csv.ts";
import {exportSql} from "./sql.ts";

export const ANALYST_COLUMNS = ["indicator", "indicator_name", "region", "region_name", "level", "period", "year", "value", "flag", "unit", "source", "origin"] as const;

export async function observationsParquet(connection: DuckDBConnection): Promise<Uint8Array> {
  await runScript(connection, exportSql("analyst-observations"));
  const dir = await mkdtemp(join(tmpdir(), "kbm-parquet-"));
  try {
    const path = join(dir, "observations.parquet");
    await runScript(connection, exportSql("observations-parquet"), {path});
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

export async function observationsCsv(connection: DuckDBConnection): Promise<Uint8Array> {
  await runScript(connection, exportSql("analyst-observations"));
  const reader = await connection.runAndReadAll("SELECT * FROM analyst_observations");
  const columns = reader.getColumnsObjectJS();
  const n = reader.currentRowCount;
  const vectors = ANALYST_COLUMNS.map((c) => columns[c]!);
  function* rows(): Generator<CsvCell[]> {
    for (let i = 0; i < n; i++) yield vectors.map((v) => v[i] as CsvCell);
  }
  return germanCsvBytes(ANALYST_COLUMNS, rows());
}
