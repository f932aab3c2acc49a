/**
 * The streaming GENESIS parser (loaders/genesis) on a generated new-layout ffcsv of `rows`
 * rows (default 5 million, ≈ 900 MB) in a temp folder, against DuckDB's read_csv of the same
 * file into region, period, value, flag (bench/sql/ffcsv-duckdb.sql). The parser runs in a
 * child process so that its peak RSS is its own. The file is deleted afterwards.
 */
import {DuckDBInstance} from "@duckdb/node-api";
import {spawnSync} from "node:child_process";
import {existsSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {runScript} from "../pipelines/warehouse/sql.ts";
import {generateFfcsv} from "./ffcsv-generate.ts";
import {round, type Figure, type Measurement} from "./types.ts";

const KEYS = ["ffcsv_rows_per_s", "ffcsv_peak_rss_mb", "ffcsv_vs_duckdb_ratio"];

export const ffcsv: Measurement = {
  keys: KEYS,
  async run({root, tmp, rows, log}) {
    const parser = join(root, "loaders/genesis/index.ts");
    if (!existsSync(parser)) return KEYS.map((key) => ({key, value: null, unit: "", note: "loaders/genesis/index.ts (streaming parser) not found"}));
    const path = join(tmp, "bench_ffcsv_de_flat.csv");
    try {
      let started = performance.now();
      const generated = generateFfcsv(path, rows);
      log(`ffcsv erzeugt: ${generated.rows} Zeilen, ${(generated.bytes / 1e6).toFixed(0)} MB, ${generated.special} Sonderzeichen in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "ffcsv-child.ts"), path], {cwd: root, encoding: "utf-8", maxBuffer: 1 << 20});
      if (child.status !== 0) throw new Error(`Parser fehlgeschlagen: ${child.stderr.slice(0, 2000)}`);
      const result = JSON.parse(child.stdout.trim().split("\n").pop()!) as {records: number; seconds: number; peak_rss_mb: number; with_value: number};
      if (result.records !== generated.rows) log(`Achtung: Parser lieferte ${result.records} Datensätze für ${generated.rows} Zeilen`);

      const db = join(tmp, "ffcsv.duckdb");
      started = performance.now();
      const instance = await DuckDBInstance.create(db);
      const connection = await instance.connect();
      await runScript(connection, readFileSync(join(import.meta.dirname, "sql/ffcsv-duckdb.sql"), "utf-8"), {path});
      const reader = await connection.runAndReadAll("SELECT count(*)::BIGINT AS n, count(value)::BIGINT AS with_value FROM ffcsv");
      const duckdbSeconds = (performance.now() - started) / 1000;
      const [counts] = reader.getRowObjectsJS();
      connection.closeSync();
      instance.closeSync();
      rmSync(db, {force: true});
      if (Number(counts!.n) !== generated.rows || Number(counts!.with_value) !== result.with_value) {
        log(`Achtung: DuckDB ${counts!.n} Zeilen/${counts!.with_value} Werte, Parser ${result.records}/${result.with_value}`);
      }
      const figures: Figure[] = [
        {key: "ffcsv_rows_per_s", value: Math.round(generated.rows / result.seconds), unit: "rows/s", note: `${generated.rows} rows, ${(generated.bytes / 1e6).toFixed(0)} MB in ${round(result.seconds)} s (parse only, child process)`},
        {key: "ffcsv_peak_rss_mb", value: round(result.peak_rss_mb, 0), unit: "MB", note: "maxRSS of the parser's process"},
        {key: "ffcsv_vs_duckdb_ratio", value: round(result.seconds / duckdbSeconds), unit: "×", note: `parser ${round(result.seconds)} s vs DuckDB read_csv into region, period, value, flag ${round(duckdbSeconds)} s`}
      ];
      return figures;
    } finally {
      rmSync(path, {force: true});
    }
  }
};
