import {resolve} from "node:path";
import {describeRecords, PEOPLE_COLUMNS, peerHeaders, profileCsvForPeople, readCatalogue} from "../../exports/profile-people.ts";
import {regionInfo, regionProfile} from "../../exports/profile.ts";
import {withWarehouse} from "../../warehouse/open.ts";
import {choice, defineCommand} from "../command.ts";
import {regionOption} from "../region-option.ts";

/** The CSV header line as `export --help` and the README list it. */
export const EXPORT_CSV_HEADERS = `${PEOPLE_COLUMNS.map(([h]) => h).join(";")};${peerHeaders("<Gruppe>").join(";")};…`;

export const exportCommand = defineCommand({
  name: "export",
  summary: "Das ganze Profil einer Region aus dem Warehouse ausgeben (JSON oder CSV für Excel)",
  help: `Aufruf: kbm export --region REGION [--format json|csv] [--warehouse FILE]

  --region REGION   Schlüssel (Kreis "05315" oder "5315", Land "05", Bund "DG", Berliner Bezirk
                    "11001001") oder Name ("Köln", "Koeln", "Hannover" → Region Hannover); mehrdeutige
                    Namen: Liste der Kandidaten und Exit-Code 2
  --format FORMAT   json (Standard): ein Array, ein Eintrag je Indikator × Zeitraum mit region, indicator,
                    indicator_name, year, period, value, flag, unit, source, source_label, licence,
                    reference_date, land, land_status, bund, bund_status (published/computed/absent),
                    change_1y/5y/10y und peers (Vergleichsgruppe → rank, of, percentile, median, q1, q3);
                    csv: für Excel (";" als Trenner, Dezimalkomma, UTF-8 mit BOM), deutsche Spalten:
                    ${EXPORT_CSV_HEADERS.split(";").reduce((lines, h) => {
                      const last = lines.length - 1;
                      if ((lines[last]! + h).length > 80) lines.push(h);
                      else lines[last] = lines[last] ? `${lines[last]};${h}` : h;
                      return lines;
                    }, [""]).join(";\n                    ")}
                    (die Vergleichsspalten je Vergleichsgruppe der Region, mit ihrem Namen)
  --warehouse FILE  Warehouse (Standard: data/warehouse.duckdb)

Schreibt die Daten auf stdout. Unbekannte Region: Exit-Code 1.`,
  options: {region: {type: "string"}, format: {type: "string"}, warehouse: {type: "string"}},
  async run({values}, io) {
    const format = choice(values.format, ["json", "csv"] as const, "format", "json");
    const region = regionOption(values.region, io);
    const path = resolve(io.cwd, typeof values.warehouse === "string" ? values.warehouse : "data/warehouse.duckdb");
    const output = await withWarehouse(path, async (connection) => {
      const info = await regionInfo(connection, region);
      const catalogue = await readCatalogue(connection);
      const records = describeRecords(await regionProfile(connection, region), catalogue);
      if (format === "csv") return profileCsvForPeople(records, info.groups, catalogue.groupNames);
      return records.length === 0 ? "[]\n" : `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
    });
    await new Promise<void>((done, fail) => io.stdout.write(output, (error) => (error ? fail(error) : done())));
  }
});
