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
      last: "2025",
      sources: "inkar;ew24_strukturdaten;btw25_strukturdaten_berlin;rdb_kita_u3_2025",
      range_max: "100",
      aggregation: "published"
    });
    expect(parsed.data.find((r) => r.id === "schulabgaenger_ohne_hsa")).toMatchObject({first: "1995", last: "2024", polarity: "higher_worse"});
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
