import {resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {similarPeers, similarPeersCsv} from "../../exports/similar.ts";
import {withWarehouse} from "../../warehouse/open.ts";
import {choice, defineCommand} from "../command.ts";

export const peersCommand = defineCommand({
  name: "peers",
  summary: "Die ähnlichen Kommunen einer Region mit Distanz und Beitrag jedes Kontextmerkmals",
  help: `Aufruf: kbm peers --region ID [--format json|csv] [--warehouse FILE]

  --region ID       Kreis "05315" oder Berliner Bezirk "11001001"
  --format FORMAT   json (Standard): {region, indicators: [{id, name, kind, weight, period}],
                    neighbours: [{id, name, distance, contributions: {merkmal: anteil}}]};
                    csv: eine Zeile je Nachbar (region, platz, id, name, distanz, anteil_<merkmal>),
                    ";" als Trenner, Dezimalkomma, UTF-8 mit BOM
  --warehouse FILE  Warehouse (Standard: data/warehouse.duckdb)

Ein Kreis hat 10 ähnliche Kreise, ein Berliner Bezirk 5 ähnliche Bezirke (Vergleichsgruppe
"aehnliche"). distance: gewichtete euklidische Distanz der z-Werte; ein Anteil ist
wᵢ(zᵢ−zⱼ)²/d², die Anteile eines Nachbarn ergeben zusammen 1 (leer: Merkmal fehlt).
Berechnung und Merkmale: docs/data.md, Abschnitt „Ähnliche Kommunen“.`,
  options: {region: {type: "string"}, format: {type: "string"}, warehouse: {type: "string"}},
  async run({values}, io) {
    if (typeof values.region !== "string" || values.region === "") throw new UsageError("--region ID fehlt");
    const region = values.region;
    const format = choice(values.format, ["json", "csv"] as const, "format", "json");
    const path = resolve(io.cwd, typeof values.warehouse === "string" ? values.warehouse : "data/warehouse.duckdb");
    const peers = await withWarehouse(path, (connection) => similarPeers(connection, region));
    const output = format === "csv" ? similarPeersCsv(peers) : JSON.stringify(peers, null, 2) + "\n";
    await new Promise<void>((done, fail) => io.stdout.write(output, (error) => (error ? fail(error) : done())));
  }
});
