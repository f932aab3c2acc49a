import {resolve} from "node:path";
import {buildWarehouse} from "../../warehouse/build.ts";
import {defineCommand} from "../command.ts";

export const dataCommand = defineCommand({
  name: "data",
  summary: "Warehouse data/warehouse.duckdb aus dem Snapshot bauen (atomar, geprüft)",
  help: `Aufruf: kbm data [--snapshot DIR] [--out FILE]

  --snapshot DIR  Snapshot-Ordner (Standard: data/snapshot)
  --out FILE      Ziel (Standard: data/warehouse.duckdb)

Baut in eine temporäre Datei, prüft sie und ersetzt erst dann das alte Warehouse.`,
  options: {snapshot: {type: "string"}, out: {type: "string"}},
  async run({values}, io) {
    await buildWarehouse({
      snapshotDir: resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot"),
      target: resolve(io.cwd, typeof values.out === "string" ? values.out : "data/warehouse.duckdb"),
      log: (m) => io.stderr.write(m + "\n")
    });
  }
});
