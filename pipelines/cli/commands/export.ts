import {resolve} from "node:path";
import {profileCsv, regionInfo, regionProfile} from "../../exports/profile.ts";
import {withWarehouse} from "../../warehouse/open.ts";
import {choice, defineCommand} from "../command.ts";
import {regionOption} from "../region-option.ts";

export const exportCommand = defineCommand({
  name: "export",
  summary: "Das ganze Profil einer Region aus dem Warehouse ausgeben (JSON oder CSV für Excel)",
  help: `Aufruf: kbm export --region ID [--format json|csv] [--warehouse FILE]

  --region ID       Region: Schlüssel (Kreis "05315" oder "5315", Land "05", Bund "DG", Berliner Bezirk
                    "11001001") oder Name ("Köln", "Koeln", "Hannover" → Region Hannover); mehrdeutige
                    Namen: Liste der Kandidaten und Exit-Code 2
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
    const format = choice(values.format, ["json", "csv"] as const, "format", "json");
    const region = regionOption(values.region, io);
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
