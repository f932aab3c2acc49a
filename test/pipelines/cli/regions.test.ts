import Papa from "papaparse";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {captureIO} from "../../support/capture-io.ts";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {REGION_COLUMNS} from "../../../pipelines/snapshot/format.ts";

const REPO = resolve(import.meta.dirname, "../../..");

const capture = (cwd = REPO) => captureIO(cwd);

describe("kbm regions (committed snapshot)", () => {
  it("prints all regions as comma-separated CSV with the snapshot's columns", async () => {
    const c = capture();
    expect(await runCli(["regions"], c.io)).toBe(EXIT_OK);
    expect(c.stderr()).toBe("");
    const parsed = Papa.parse<Record<string, string>>(c.stdout().trimEnd(), {header: true});
    expect(parsed.meta.fields).toEqual(REGION_COLUMNS);
    const count = (level: string) => parsed.data.filter((r) => r.level === level).length;
    expect([count("bund"), count("land"), count("kreis"), count("gemeinde"), count("bezirk"), count("planungsraum")]).toEqual([1, 16, 400, 3, 12, 542]);
    // The three cities with rows of their own sit under their Kreis.
    expect(parsed.data.filter((r) => r.level === "gemeinde").map((r) => [r.id, r.parent])).toEqual([
      ["03241001", "03241"],
      ["05334002", "05334"],
      ["10041100", "10041"]
    ]);
    expect(parsed.data.find((r) => r.id === "05315")).toMatchObject({name: "Köln, Stadt", kreisfrei: "true", bbsr_kreistyp: "1", land: "05"});
  });

  it("filters by level and prints JSON with typed fields", async () => {
    const c = capture();
    expect(await runCli(["regions", "--level", "bezirk", "--format", "json"], c.io)).toBe(EXIT_OK);
    const regions = JSON.parse(c.stdout()) as Record<string, unknown>[];
    expect(regions.map((r) => r.id)).toEqual(["11001001", "11002002", "11003003", "11004004", "11005005", "11006006", "11007007", "11008008", "11009009", "11010010", "11011011", "11012012"]);
    expect(regions[0]).toEqual({id: "11001001", name: "Mitte", level: "bezirk", type: "Berliner Bezirk", parent: "11000", land: "11", kreisfrei: null, bbsr_kreistyp: null, population: 385692, population_date: "2021-12-31", area_km2: 39.4});
  });

  it("keeps leading zeros and lists the 542 Planungsräume under their Bezirke", async () => {
    const c = capture();
    expect(await runCli(["regions", "--level", "planungsraum"], c.io)).toBe(EXIT_OK);
    const lines = c.stdout().trimEnd().split("\n");
    expect(lines).toHaveLength(543);
    expect(lines[1]).toBe("01100101,Stülerstraße,planungsraum,LOR-Planungsraum,11001001,11,,,3503,2022-06-30,0.367");
  });

  it("exits 2 on an unknown level or format", async () => {
    const c = capture();
    expect(await runCli(["regions", "--level", "regierungsbezirk"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain('--level erwartet bund|land|kreis|gemeinde|bezirk|planungsraum, bekam "regierungsbezirk"');
    const d = capture();
    expect(await runCli(["regions", "--format", "xml"], d.io)).toBe(EXIT_USAGE);
    expect(c.stdout()).toBe("");
  });

  it("exits 1 and names file, line and field for a broken regions.csv", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-regions-"));
    writeFileSync(join(dir, "regions.csv"), `${REGION_COLUMNS.join(",")}\n01,Schleswig-Holstein,land,Land,DG,01,,,x,2021-12-31,15804.31\n`);
    const c = capture();
    expect(await runCli(["regions", "--snapshot", dir], c.io)).toBe(EXIT_DATA_ERROR);
    expect(c.stderr()).toBe(`kbm regions: ${join(dir, "regions.csv")}, Zeile 2, Feld "population": erwartet: eine Zahl mit Dezimalpunkt oder ein leeres Feld, gefunden: "x"\n`);
  });
});
