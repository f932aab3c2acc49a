import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {existsSync} from "node:fs";
import {resolve} from "node:path";

export const DEFAULT_WAREHOUSE = resolve(import.meta.dirname, "../../data/warehouse.duckdb");

/** Opens the warehouse read-only for exports; several loaders may read it at once. */
export async function withWarehouse<T>(path: string, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  if (!existsSync(path)) throw new Error(`Warehouse ${path} fehlt: zuerst "kbm data" ausführen`);
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
