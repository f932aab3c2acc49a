import {resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {profileCsv, regionInfo, regionProfile} from "../../exports/profile.ts";
import {withWarehouse} from "../../warehouse/open.ts";
import {choice, defineCommand} from "../command.ts";

export const exportCommand = defineCommand({
  name: "export",
  summary: "Das ganze Profil einer Region aus dem Warehouse ausgeben (JSON oder CSV für Excel)",
  help: `Aufruf: kbm export --region ID [--format json|csv] [--warehouse FILE]

  --region ID       Regionalschlüssel: Kreis "05315", Land "05", Bund "DG", Berliner Bezirk "11001001"
  --format FORMAT   json (Standard): ein Array, ein Eintrag je Indikator × Zeitraum mit region, indicator,
                    year, period, value, flag, unit, source, land, land_status, bund, bund_status
                    (published/computed/absent), change_1y/5y/10y und peers
                    (Vergleichsgruppe → rank, of, percentile, median, q1, q3);
                    csv: dieselben Spalten, peers als peers_<gruppe>_<feld>; ";" als Trenner, Dezimalkomma,
                    UTF-8 mit BOM (öffnet in Excel mit Doppelklick)
  --warehouse FILE  Warehouse (Standard: data/warehouse.duckdb)

Schreibt die Daten auf stdout. Unbekannte Region: Exit-Code 1.`,
  options: {region: {type: "string"}, format: {type: "string"}, warehouse: {type: "string"}},
  async run({values}, io) {
    if (typeof values.region !== "string" || values.region === "") throw new UsageError("--region ID fehlt");
    const region = values.region;
    const format = choice(values.format, ["json", "csv"] as const, "format", "json");
    const path = resolve(io.cwd, typeof values.warehouse === "string" ? values.warehouse : "data/warehouse.duckdb");
    const output = await withWarehouse(path, async (connection) => {
      const info = await regionInfo(connection, region);
      const records = await regionProfile(connection, region);
      if (format === "csv") return profileCsv(records, info.groups);
      return records.length === 0 ? "[]\n" : `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
    });
    await new Promise<void>((done, fail) => io.stdout.write(output, (error) => (error ? fail(error) : done())));
  }
});
