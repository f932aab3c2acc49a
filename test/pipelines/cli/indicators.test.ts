import Papa from "papaparse";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {captureIO} from "../../support/capture-io.ts";
import {INDICATOR_CSV_COLUMNS} from "../../../pipelines/cli/commands/indicators.ts";
import {EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {REGISTRY} from "../../../pipelines/indicators/registry.ts";

const REPO = resolve(import.meta.dirname, "../../..");

const capture = () => captureIO(REPO);

describe("kbm indicators (committed snapshot)", () => {
  it("prints one CSV row per indicator, in registry order, with years and levels", async () => {
    const c = capture();
    expect(await runCli(["indicators"], c.io)).toBe(EXIT_OK);
    expect(c.stderr()).toBe("");
    const parsed = Papa.parse<Record<string, string>>(c.stdout().trimEnd(), {header: true});
    expect(parsed.meta.fields).toEqual([...INDICATOR_CSV_COLUMNS]);
    expect(parsed.data.map((r) => r.id)).toEqual(REGISTRY.map((e) => e.id));
    expect(parsed.data.find((r) => r.id === "betreuungsquote_u3")).toMatchObject({
      area: "Frühkindliche Bildung",
      levels: "bund;land;kreis;bezirk",
      first: "2006",
      last: "2023",
      sources: "inkar;ew24_strukturdaten;btw25_strukturdaten_berlin",
      producers:
        "Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4;Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder;Strukturdaten der Bundeswahlleiterin, nach Daten des Amts für Statistik Berlin-Brandenburg",
      tables: "22543-01-02-4, INKAR a_betr0003_bev0003;EW 2024 Strukturdaten, Spalte 32;BTW 2025 Strukturdaten, Berliner Wahlkreise",
      reference_date: "01.03. des Jahres",
      licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)",
      range_max: "100",
      aggregation: "published"
    });
    expect(parsed.data.find((r) => r.id === "schulabgaenger_ohne_hsa")).toMatchObject({first: "1995", last: "2022", polarity: "higher_worse"});
  });

  it("names producer, table code, reference date and licence for every indicator", async () => {
    const c = capture();
    expect(await runCli(["indicators"], c.io)).toBe(EXIT_OK);
    const rows = Papa.parse<Record<string, string>>(c.stdout().trimEnd(), {header: true}).data;
    for (const row of rows) {
      expect(row.producers, row.id).toMatch(/\w/);
      expect(row.reference_date, row.id).toMatch(/\w/);
      expect(row.licence, row.id).toMatch(/\(dl-de\/by-2-0\)|CC BY/);
    }
    // Unemployment: the BA, never the relay's name alone; the EW 2024 column "nach Daten der BA".
    expect(rows.find((r) => r.id === "arbeitslosenquote")!.producers).toBe(
      "Bundesagentur für Arbeit, Statistik der Arbeitslosen (Regionaldatenbank Tabelle 13211-02-05-4);Strukturdaten der Bundeswahlleiterin, nach Daten der Bundesagentur für Arbeit"
    );
    // No repository in any column.
    expect(c.stdout()).not.toMatch(/github|@ [0-9a-f]{7}|R-Paket|von Hand/i);
  });

  it("prints the full registry as JSON, filtered by area", async () => {
    const c = capture();
    expect(await runCli(["indicators", "--format", "json", "--area", "Hochschule"], c.io)).toBe(EXIT_OK);
    const indicators = JSON.parse(c.stdout()) as {id: string; caveats: string[]; coverage: {level: string; first: string; last: string}[]}[];
    expect(indicators.map((i) => i.id)).toEqual(["studierende_je_100_18_25"]);
    expect(indicators[0]!.caveats[0]).toContain("Studienort");
    expect(indicators[0]!.coverage).toEqual([{source_id: "inkar", level: "kreis", first: "1995", last: "2021", regions: 400, observations: 10800}]);
  });

  it("counts at least 30 indicators and 15 on education", async () => {
    const c = capture();
    expect(await runCli(["indicators", "--format", "json"], c.io)).toBe(EXIT_OK);
    const indicators = JSON.parse(c.stdout()) as {area: string}[];
    expect(indicators.length).toBeGreaterThanOrEqual(30);
    expect(indicators.filter((i) => ["Frühkindliche Bildung", "Allgemeinbildende Schule", "Berufliche Bildung", "Hochschule"].includes(i.area)).length).toBeGreaterThanOrEqual(15);
  });

  it("exits 2 on an unknown area", async () => {
    const c = capture();
    expect(await runCli(["indicators", "--area", "Sport"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain('--area erwartet Rahmenbedingungen|Frühkindliche Bildung|Allgemeinbildende Schule|Berufliche Bildung|Hochschule|Weiterbildung, bekam "Sport"');
  });
});
