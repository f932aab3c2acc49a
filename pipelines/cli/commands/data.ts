import {relative, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {assertReportsWritable, writeReport} from "../../reports/write-report.ts";
import {summarizeQuality} from "../../warehouse/quality.ts";
import {buildWarehouse} from "../../warehouse/build.ts";
import {defineCommand} from "../command.ts";

export const dataCommand = defineCommand({
  name: "data",
  summary: "Warehouse data/warehouse.duckdb aus Snapshot und Aktualisierungen bauen (atomar, geprüft)",
  help: `Aufruf: kbm data [--snapshot DIR] [--updates DIR | --no-updates] [--out FILE] [--stale-years N]

  --snapshot DIR    Snapshot-Ordner (Standard: data/snapshot)
  --updates DIR     Aktualisierungen im Format von observations.csv, *.csv (Standard: data/updates;
                    fehlt der Ordner, wird nichts überlagert). Spätere Dateien (nach Namen sortiert)
                    gewinnen über frühere, alle über den Snapshot.
  --no-updates      Nur den Snapshot verwenden
  --out FILE        Ziel (Standard: data/warehouse.duckdb)
  --stale-years N   Indikatoren, deren letztes Jahr mehr als N Jahre zurückliegt, gelten als veraltet (Standard: 3)

Baut in eine temporäre Datei, prüft sie und ersetzt erst dann das alte Warehouse.
Schreibt den Qualitätsbericht nach data/reports/quality.json und eine Zusammenfassung auf stderr.
Ist data/reports nicht beschreibbar, bricht kbm data vor dem Bau ab; das bisherige Warehouse bleibt.`,
  options: {snapshot: {type: "string"}, updates: {type: "string"}, "no-updates": {type: "boolean"}, out: {type: "string"}, "stale-years": {type: "string"}},
  async run({values}, io) {
    const staleText = values["stale-years"];
    const staleYears = typeof staleText === "string" ? Number(staleText) : undefined;
    if (staleYears !== undefined && !(Number.isInteger(staleYears) && staleYears >= 0)) throw new UsageError(`--stale-years erwartet eine ganze Zahl ≥ 0, bekam ${JSON.stringify(staleText)}`);
    if (values["no-updates"] === true && typeof values.updates === "string") throw new UsageError("--updates und --no-updates schließen sich aus");
    const log = (m: string) => io.stderr.write(m + "\n");
    // The report is written after the warehouse is in place: whether it can be is asked first.
    await assertReportsWritable(io.cwd);
    const result = await buildWarehouse({
      snapshotDir: resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot"),
      target: resolve(io.cwd, typeof values.out === "string" ? values.out : "data/warehouse.duckdb"),
      updatesDir: values["no-updates"] === true ? null : resolve(io.cwd, typeof values.updates === "string" ? values.updates : "data/updates"),
      quality: {staleYears, importReportPath: resolve(io.cwd, "data/reports/import.json")},
      log
    });
    const path = await writeReport(io.cwd, "quality", result.quality);
    for (const line of summarizeQuality(result.quality)) log(line);
    log(`Qualitätsbericht: ${relative(io.cwd, path)}`);
  }
});
