/**
 * A warehouse built from the committed snapshot in a temp folder, with a read-only
 * connection for the tests that check computed sentences against their own SQL.
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {buildWarehouse} from "../../pipelines/warehouse/build.ts";

export const SNAPSHOT = resolve(import.meta.dirname, "../../data/snapshot");

export type Row = Record<string, unknown>;

/** Rows of a query, BIGINT turned into number so that expectations stay plain. */
export async function readRows(sql: DuckDBConnection, query: string, params?: Record<string, string | number>): Promise<Row[]> {
  const reader = await sql.runAndReadAll(query, params);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

export interface RealWarehouse {
  target: string;
  sql: DuckDBConnection;
  rows(query: string, params?: Record<string, string | number>): Promise<Row[]>;
  close(): void;
}

export async function openRealWarehouse(prefix: string): Promise<RealWarehouse> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const target = join(dir, "warehouse.duckdb");
  await buildWarehouse({snapshotDir: SNAPSHOT, target, updatesDir: null});
  const instance = await DuckDBInstance.create(target, {access_mode: "READ_ONLY"});
  const sql = await instance.connect();
  return {
    target,
    sql,
    rows: (query, params) => readRows(sql, query, params),
    close() {
      sql.closeSync();
      instance.closeSync();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}
