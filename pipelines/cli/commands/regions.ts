import Papa from "papaparse";
import {resolve} from "node:path";
import {REGION_COLUMNS, REGION_LEVELS} from "../../snapshot/format.ts";
import {readSnapshotRegions} from "../../snapshot/read.ts";
import {choice, defineCommand} from "../command.ts";

export const regionsCommand = defineCommand({
  name: "regions",
  summary: "Regionen des Snapshots ausgeben (Bund, Länder, Kreise, Berliner Bezirke und Planungsräume)",
  help: `Aufruf: kbm regions [--level EBENE] [--format csv|json] [--snapshot DIR]

  --level EBENE   nur eine Ebene: ${REGION_LEVELS.join("|")}
  --format F      csv (Standard) oder json
  --snapshot DIR  Snapshot-Ordner (Standard: data/snapshot)

csv: UTF-8, Trennzeichen Komma, Dezimalpunkt, Spalten wie data/snapshot/regions.csv
(${REGION_COLUMNS.join(", ")}); Schlüssel mit führenden Nullen.
json: ein Array von Objekten mit denselben Feldern (Zahlen als Zahlen, leer als null).
Sortiert nach Schlüssel. Ausgabe auf stdout.`,
  options: {level: {type: "string"}, format: {type: "string"}, snapshot: {type: "string"}},
  async run({values}, io) {
    const format = choice(values.format, ["csv", "json"] as const, "format", "csv");
    const level = values.level === undefined ? undefined : choice(values.level, REGION_LEVELS, "level", "kreis");
    const dir = resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot");
    const regions = readSnapshotRegions(dir)
      .filter((r) => level === undefined || r.level === level)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (format === "json") {
      io.stdout.write(JSON.stringify(regions, null, 2) + "\n");
      return;
    }
    const data = regions.map((r) => REGION_COLUMNS.map((c) => (r[c] === null ? "" : String(r[c]))));
    io.stdout.write(Papa.unparse({fields: [...REGION_COLUMNS], data}, {newline: "\n"}) + "\n");
  }
});
