/** `npm run clean`: removes everything a build produces; the snapshot stays. */
import {rm} from "node:fs/promises";
import {join, resolve} from "node:path";

const root = resolve(import.meta.dirname, "../..");
for (const path of ["dist", "src/.observablehq/cache", "data/warehouse.duckdb", "data/warehouse.duckdb.wal", "data/reports"]) {
  await rm(join(root, path), {recursive: true, force: true});
}
process.stderr.write("entfernt: dist/, Framework-Cache, Warehouse, Berichte\n");
