/**
 * Hook for further warehouse tables built from other inputs, e.g. the programme sheets
 * (reach tracking, another issue). An extension runs inside the atomic build: after the
 * base and derived tables exist and before the checks, on the temp file, so a failing
 * extension leaves the previous warehouse in place like any failed check.
 *
 * To add one: implement WarehouseExtension in its own module (SQL in its own .sql files,
 * named parameters only) and append it to WAREHOUSE_EXTENSIONS below. An extension whose
 * input folder does not exist yet should log that and return, not fail.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {ownExtension} from "../own/warehouse.ts";
import {programmeExtension} from "../programme/warehouse.ts";

export interface WarehouseContext {
  /** The snapshot folder (data/snapshot). */
  snapshotDir: string;
  /** Its parent, the data folder (data/): inputs such as data/programme/ live here. */
  dataDir: string;
  log: (message: string) => void;
}

export interface WarehouseExtension {
  name: string;
  /** Creates and fills the extension's tables. */
  load(connection: DuckDBConnection, context: WarehouseContext): Promise<void>;
  /** Further named check queries (`-- name: x` sections); each returns offending rows. */
  checks?: string;
  /** Tables whose row counts the build reports. */
  tables?: string[];
}

/** Extensions every `kbm data` runs, in order. The programme sheets go here. */
export const WAREHOUSE_EXTENSIONS: WarehouseExtension[] = [programmeExtension, ownExtension];
