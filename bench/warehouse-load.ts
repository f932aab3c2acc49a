/**
 * warehouse_load_vs_duckdb_ratio: the build's load stage alone (regions, registry, snapshot
 * observations, updates into their tables; BuildResult.stages.load) against DuckDB's bare
 * read_csv of the same files into tables (CREATE TABLE … AS SELECT * FROM read_csv(…), types
 * auto-detected), both into a new database file. Medians of `repeat` runs.
 */
import {DuckDBInstance, listValue} from "@duckdb/node-api";
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {buildWarehouse, listUpdateFiles} from "../pipelines/warehouse/build.ts";
import {runScript} from "../pipelines/warehouse/sql.ts";
import {median, round, type Measurement} from "./types.ts";

export const warehouseLoad: Measurement = {
  keys: ["warehouse_load_vs_duckdb_ratio"],
  async run({root, tmp, repeat}) {
    const snapshotDir = join(root, "data/snapshot");
    const updatesDir = join(root, "data/updates");
    const updates = listUpdateFiles(updatesDir);
    const files = 2 + updates.length;
    const sql = (name: string) => readFileSync(join(import.meta.dirname, "sql", `${name}.sql`), "utf-8");
    const load: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const target = join(tmp, `load-${i}.duckdb`);
      const result = await buildWarehouse({snapshotDir, target, updatesDir});
      load.push(result.stages.load!);
      rmSync(target, {force: true});

      const path = join(tmp, `bare-${i}.duckdb`);
      const started = performance.now();
      const instance = await DuckDBInstance.create(path);
      const connection = await instance.connect();
      await runScript(connection, sql("bare-read-csv"), {regions: join(snapshotDir, "regions.csv"), observations: join(snapshotDir, "observations.csv")});
      if (updates.length > 0) await runScript(connection, sql("bare-read-updates"), {files: listValue(updates)});
      connection.closeSync();
      instance.closeSync();
      bare.push((performance.now() - started) / 1000);
      rmSync(path, {force: true});
    }
    const ratio = median(load) / median(bare);
    return [{
      key: "warehouse_load_vs_duckdb_ratio",
      value: round(ratio),
      unit: "×",
      target: "≤ 2",
      note: `load stage ${round(median(load), 3)} s vs bare read_csv ${round(median(bare), 3)} s of ${files} files (medians of ${repeat})`
    }];
  }
};
