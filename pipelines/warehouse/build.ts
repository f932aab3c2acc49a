/**
 * `kbm data`: builds data/warehouse.duckdb from the snapshot. The build writes a temp
 * file, checks it, and only then renames it over the old warehouse, so a build that is
 * killed at any moment leaves the previous warehouse usable.
 */
import {DuckDBInstance} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {rename, rm} from "node:fs/promises";
import {join} from "node:path";
import {SNAPSHOT_FILES, indicatorSchema, sourceSchema} from "../snapshot/format.ts";
import {namedQueries, queryRows, readSql, runScript} from "./sql.ts";
import {z} from "zod";

export interface BuildOptions {
  snapshotDir: string;
  target: string;
  log?: (message: string) => void;
}

export interface BuildResult {
  counts: Record<string, number>;
  seconds: number;
}

export class WarehouseCheckError extends Error {
  override name = "WarehouseCheckError";
  constructor(readonly check: string, readonly rows: Record<string, unknown>[]) {
    super(`Prüfung "${check}" fehlgeschlagen: ${rows.length} Zeile(n), z. B. ${JSON.stringify(rows[0])}`);
  }
}

export async function buildWarehouse({snapshotDir, target, log = () => {}}: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const temp = `${target}.tmp-${process.pid}`;
  await removeDatabase(temp);
  const instance = await DuckDBInstance.create(temp);
  const connection = await instance.connect();
  try {
    await runScript(connection, readSql("schema"));
    await loadRegistry(connection, snapshotDir);
    await runScript(connection, readSql("load-snapshot"), {
      regions: join(snapshotDir, SNAPSHOT_FILES.regions),
      observations: join(snapshotDir, SNAPSHOT_FILES.observations)
    });
    for (const check of namedQueries(readSql("checks"))) {
      const rows = await queryRows(connection, check.sql);
      if (rows.length > 0) throw new WarehouseCheckError(check.name, rows);
    }
    const counts: Record<string, number> = {};
    for (const table of ["regions", "indicators", "sources", "observations"]) {
      const [row] = await queryRows(connection, `SELECT count(*)::INTEGER AS n FROM ${table}`);
      counts[table] = Number(row!.n);
    }
    await connection.run("CHECKPOINT");
    connection.closeSync();
    instance.closeSync();
    await rename(temp, target);
    const seconds = (performance.now() - started) / 1000;
    log(`Warehouse ${target}: ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(", ")} in ${seconds.toFixed(2)} s`);
    return {counts, seconds};
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    await removeDatabase(temp);
    throw error;
  }
}

async function removeDatabase(path: string): Promise<void> {
  await rm(path, {force: true});
  await rm(`${path}.wal`, {force: true});
}

async function loadRegistry(connection: import("@duckdb/node-api").DuckDBConnection, snapshotDir: string): Promise<void> {
  const indicators = z.array(indicatorSchema).parse(JSON.parse(readFileSync(join(snapshotDir, SNAPSHOT_FILES.indicators), "utf-8")));
  const sources = z.array(sourceSchema).parse(JSON.parse(readFileSync(join(snapshotDir, SNAPSHOT_FILES.sources), "utf-8")));
  for (const i of indicators) {
    await connection.run(
      "INSERT INTO indicators VALUES ($id, $name, $short_name, $unit, $decimals, $area, $min, $max, $polarity, $source_id, $meta)",
      {id: i.id, name: i.name, short_name: i.short_name, unit: i.unit, decimals: i.decimals, area: i.area, min: i.range.min, max: i.range.max, polarity: i.polarity, source_id: i.source.source_id, meta: JSON.stringify(i)}
    );
  }
  for (const s of sources) await connection.run("INSERT INTO sources VALUES ($id, $meta)", {id: s.id, meta: JSON.stringify(s)});
}
