/**
 * kbm own check|add on the fixtures: the same messages as the page, exit codes, files placed
 * in data/own/<ID>/ only when the check passes, and the own_* warehouse tables that `kbm data`
 * fills from there (with small numbers hidden in the profile export).
 */
import {DuckDBInstance} from "@duckdb/node-api";
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {ownRegionData} from "../../../pipelines/exports/own-data.ts";
import {readOwnData} from "../../../pipelines/own/store.ts";
import {loadOwnIntoWarehouse} from "../../../pipelines/own/warehouse.ts";
import {captureIO} from "../../support/capture-io.ts";

const root = resolve(import.meta.dirname, "../../..");
const F = "test/fixtures/own-data";
let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, {recursive: true, force: true});
  temp = undefined;
});

describe("kbm own check", () => {
  it("passes the two-year fixture in Windows-1252 with its UTM areas", async () => {
    const c = captureIO(root);
    expect(await runCli(["own", "check", `${F}/musterstadt-zwei-jahre.csv`, "--meta", `${F}/musterstadt-kennzahlen.csv`, "--geo", `${F}/musterstadt-gebiete-25832.geojson`], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe("");
    expect(c.stderr()).toBe("Eigene Daten in Ordnung: 16 Zeilen (Windows-1252), 2 Kennzahlen, Jahre 2022, 2023, 2 beschrieben, 4 Gebiete (EPSG:25832 → WGS84)\n");
  });

  it("prints every problem with file, line, field, expected and found, notes marked, and exits 1", async () => {
    const c = captureIO(root);
    expect(await runCli(["own", "check", `${F}/musterstadt-fehler.csv`, "--geo", `${F}/musterstadt-gebiete-25832.geojson`], c.io)).toBe(EXIT_DATA_ERROR);
    const lines = c.stdout().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(`${F}/musterstadt-fehler.csv, Zeile 2, Feld "wert": erwartet: Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig, gefunden: "21.4"`);
    expect(lines[4]).toBe(`${F}/musterstadt-fehler.csv, Zeile 6, Feld "gebiet_id": erwartet: ein Gebiet aus ${F}/musterstadt-gebiete-25832.geojson, gefunden: "SR09"`);
    expect(lines[9]).toBe("");
    expect(c.stderr()).toBe("kbm own: 9 Fehler in den eigenen Daten\n");
  });

  it("notes do not fail the check", async () => {
    const c = captureIO(root);
    expect(await runCli(["own", "check", `${F}/musterstadt-namen.csv`, "--meta", `${F}/musterstadt-kennzahlen.csv`], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe(`Hinweis: ${F}/musterstadt-kennzahlen.csv, Zeile 3, Feld "kennzahl": erwartet: eine Kennzahl aus ${F}/musterstadt-namen.csv, gefunden: "betreuungsquote_u3"\n`);
  });

  it("is a usage error without a file or with an unknown action", async () => {
    const c = captureIO(root);
    expect(await runCli(["own", "check"], c.io)).toBe(EXIT_USAGE);
    expect(await runCli(["own", "zeigen", `${F}/musterstadt-namen.csv`], c.io)).toBe(EXIT_USAGE);
    expect(await runCli(["own", "check", "gibt-es-nicht.csv"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain('kbm own: "kbm own" erwartet check oder add, bekam "zeigen"');
    expect(c.stderr()).toContain("kbm own: Datei gibt-es-nicht.csv gibt es nicht");
  });
});

describe("kbm own add", () => {
  const add = (extra: string[], data = "musterstadt-zwei-jahre.csv") => ["own", "add", `${F}/${data}`, "--meta", `${F}/musterstadt-kennzahlen.csv`, "--geo", `${F}/musterstadt-gebiete-25832.geojson`, "--data-dir", temp!, ...extra];

  it("places the checked files in data/own/<ID>/ with their origin; readOwnData reads them back", async () => {
    temp = mkdtempSync(join(tmpdir(), "kbm-own-"));
    const c = captureIO(root);
    expect(await runCli(add(["--region", "05315"]), c.io)).toBe(EXIT_OK);
    expect(readdirSync(join(temp, "own", "05315")).sort()).toEqual(["daten.csv", "gebiete.geojson", "herkunft.json", "kennzahlen.csv"]);
    // Stored as given (still Windows-1252), never rewritten.
    expect(readFileSync(join(temp, "own", "05315", "daten.csv"))).toEqual(readFileSync(join(root, F, "musterstadt-zwei-jahre.csv")));
    const origin = JSON.parse(readFileSync(join(temp, "own", "05315", "herkunft.json"), "utf-8"));
    expect(origin.files.map((f: {role: string; original: string}) => [f.role, f.original])).toEqual([
      ["data", "musterstadt-zwei-jahre.csv"],
      ["meta", "musterstadt-kennzahlen.csv"],
      ["geo", "musterstadt-gebiete-25832.geojson"]
    ]);
    const read = readOwnData(temp, "05315");
    expect(read.errors).toBe(0);
    expect(read.dataset!.rows).toHaveLength(16);
    expect(c.stderr()).toContain("Weiter mit: kbm data, dann KBM_OWN=1 npm run build");
  });

  it("writes nothing when the files have errors, and refuses a region that is no Kreis or Bezirk", async () => {
    temp = mkdtempSync(join(tmpdir(), "kbm-own-"));
    const c = captureIO(root);
    expect(await runCli(add(["--region", "05315"], "musterstadt-fehler.csv"), c.io)).toBe(EXIT_DATA_ERROR);
    expect(existsSync(join(temp, "own"))).toBe(false);
    expect(c.stderr()).toContain("kbm own: 9 Fehler in den eigenen Daten, nichts abgelegt");
    expect(await runCli(add(["--region", "01100101"]), c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain('--region: "01100101" ist kein Kreis und kein Berliner Bezirk des Snapshots');
    expect(await runCli(add([]), c.io)).toBe(EXIT_USAGE);
    expect(existsSync(join(temp, "own"))).toBe(false);
  });

  it("kbm data's extension loads own_* tables labelled as own data; the profile export hides small numbers", async () => {
    temp = mkdtempSync(join(tmpdir(), "kbm-own-"));
    expect(await runCli(add(["--region", "05315"]), captureIO(root).io)).toBe(EXIT_OK);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const {regions, counts} = await loadOwnIntoWarehouse(connection, temp);
      expect(regions).toEqual(["05315"]);
      expect(counts).toEqual({own_files: 3, own_indicators: 2, own_observations: 16, own_areas: 4});
      const columns = (await connection.runAndReadAll("DESCRIBE own_observations")).getRowObjectsJS().map((r) => `${r.column_name} ${r.column_type}`);
      expect(columns).toEqual(["region VARCHAR", "area_id VARCHAR", "area_name VARCHAR", "kennzahl VARCHAR", "year INTEGER", "value DOUBLE", "flag VARCHAR", "numerator DOUBLE", "denominator DOUBLE", "note VARCHAR", "origin VARCHAR"]);
      const labels = (await connection.runAndReadAll("SELECT DISTINCT origin FROM own_observations UNION SELECT DISTINCT origin FROM own_indicators")).getRowObjectsJS();
      expect(labels).toEqual([{origin: "Eigene Daten der Kommune"}]);
      const sr03 = (await connection.runAndReadAll("SELECT value, numerator FROM own_observations WHERE area_id = 'SR03' AND kennzahl = 'sprachfoerderbedarf' AND year = 2022")).getRowObjectsJS();
      expect(sr03).toEqual([{value: 12.5, numerator: 2}]);
      const exported = await ownRegionData(connection);
      const sprache = exported["05315"]!.indicators.find((i) => i.id === "sprachfoerderbedarf")!;
      expect(sprache.years["2022"]!.map((v) => [v.id, v.value, v.flag])).toEqual([
        ["SR01", 21.4, null],
        ["SR02", 34, null],
        ["SR03", null, "klein"],
        ["SR04", null, "."]
      ]);
      expect(exported["05315"]!.areas!.features).toHaveLength(4);
    } finally {
      connection.closeSync();
    }
  });
});
