import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {SOURCES, indicator, writeFixture, type FixtureDirs, type FixtureObservation} from "./fixture.ts";

// Changes only between comparable values (issue 11 §6). Invented numbers, real AGS keys; the
// comparability entries mirror the registry's for unemployment (INKAR annual averages, EW 2024
// October values) and population (exact 2021, rounded to 100 in 2022, Zensus 2022 basis later).
const series = (source_id: string | null, reference: string, reference_at: string, precision: number, basis: string | null) =>
  ({source_id, from: null, to: null, reference, reference_at, precision, basis});

const alq = {...indicator("alq", "%", [0, 100], {method: "none", weight: null, note: "Nur Kreiswerte."}),
  comparability: [series("monat", "month", "Oktober", 0.1, null), series(null, "annual_average", "", 0.01, null)]};
const ew = {...indicator("ew", "Personen", [0, 1e9], {method: "sum", weight: null, note: "Summe der Kreise."}), decimals: 0,
  comparability: [series("gerundet", "reference_date", "31.12.", 100, "zensus2011"), series("zensus22", "reference_date", "31.12.", 1, "zensus2022"), series(null, "reference_date", "31.12.", 1, "zensus2011")]};
const anteil = {...indicator("anteil", "%", [0, 100], {method: "none", weight: null, note: "Nur Kreiswerte."}),
  comparability: [series("monat", "reference_date", "31.12.", 0.1, null), series(null, "reference_date", "31.12.", 0.01, null)]};

const source = (id: string) => ({...SOURCES[0], id, title: `Quelle ${id}`});

const OBSERVATIONS: FixtureObservation[] = [
  // Köln: annual averages 2013, 2018, 2022, then an October value 2023.
  ["alq", "05315", "2013", 9.5, null],
  ["alq", "05315", "2018", 7.81, null],
  ["alq", "05315", "2022", 5.68, null],
  ["alq", "05315", "2023", 8.7, null, "monat"],
  // Kiel: annual averages only: changes computed.
  ["alq", "01002", "2022", 7, null],
  ["alq", "01002", "2023", 7.5, null],
  // Flensburg: 2023 provisional; Dithmarschen: 2022 estimated.
  ["alq", "01001", "2022", 6, null],
  ["alq", "01001", "2023", 6.5, "p"],
  ["alq", "01051", "2022", 5, "s"],
  ["alq", "01051", "2023", 5.5, null],
  // Population: 2021 exact, 2022 rounded to 100, 2023 and 2024 on the Zensus 2022 basis.
  ["ew", "05315", "2021", 1073096, null],
  ["ew", "05315", "2022", 1084800, null, "gerundet"],
  ["ew", "05315", "2023", 1024621, null, "zensus22"],
  ["ew", "05315", "2024", 1025000, null, "zensus22"],
  // Schleswig-Holstein's three Kreise, one of them estimated: the Land's sum is an estimate.
  ["ew", "01001", "2024", 90000, null],
  ["ew", "01002", "2024", 250000, "s"],
  ["ew", "01051", "2024", 133000, null],
  // A share given to 0.01 and one given to 0.1, shown with one decimal: comparable.
  ["anteil", "05315", "2022", 17.65, null],
  ["anteil", "05315", "2023", 17.7, null, "monat"]
];

async function facts(target: string, indicatorId: string, region: string, period: string) {
  const instance = await DuckDBInstance.create(target, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      "SELECT change_1y, change_5y, change_10y, change_1y_reason, change_5y_reason, change_10y_reason FROM facts WHERE indicator = $i AND region = $r AND period = $p",
      {i: indicatorId, r: region, p: period}
    );
    const [row] = reader.getRowObjectsJS();
    if (!row) throw new Error(`no facts row ${indicatorId} ${region} ${period}`);
    return row;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("changes only between comparable values", () => {
  let dirs: FixtureDirs;
  beforeAll(async () => {
    dirs = writeFixture({indicators: [alq, ew, anteil], observations: OBSERVATIONS, sources: [...SOURCES, source("monat"), source("gerundet"), source("zensus22")]});
    await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
  }, 120_000);
  afterAll(() => dirs.cleanup());

  it("an October value against annual averages: no change, the reason names both kinds", async () => {
    expect(await facts(dirs.target, "alq", "05315", "2023")).toEqual({
      change_1y: null, change_5y: null, change_10y: null,
      change_1y_reason: "Nicht vergleichbar: 2023 Monatswert (Oktober), 2022 Jahresdurchschnitt.",
      change_5y_reason: "Nicht vergleichbar: 2023 Monatswert (Oktober), 2018 Jahresdurchschnitt.",
      change_10y_reason: "Nicht vergleichbar: 2023 Monatswert (Oktober), 2013 Jahresdurchschnitt."
    });
    // Annual averages among themselves: computed, no reason.
    const annual = await facts(dirs.target, "alq", "05315", "2018");
    expect(annual.change_5y).toBeCloseTo(7.81 - 9.5, 10);
    expect(annual.change_5y_reason).toBeNull();
    expect((await facts(dirs.target, "alq", "01002", "2023")).change_1y).toBeCloseTo(0.5, 10);
  });

  it("a count rounded to 100 against an exact count: no change, the reason names both precisions", async () => {
    expect(await facts(dirs.target, "ew", "05315", "2022")).toMatchObject({change_1y: null, change_1y_reason: "Nicht vergleichbar: 2022 auf 100 gerundet, 2021 genau."});
  });

  it("Zensus 2022 basis against Zensus 2011 basis: a break in the series; within one basis the change is computed", async () => {
    expect(await facts(dirs.target, "ew", "05315", "2023")).toMatchObject({
      change_1y: null, change_1y_reason: "Nicht vergleichbar: 2023 Basis Zensus 2022, 2022 Basis Zensus 2011 (Bruch in der Reihe)."
    });
    expect(await facts(dirs.target, "ew", "05315", "2024")).toMatchObject({change_1y: 379, change_1y_reason: null});
  });

  it("a flagged value on either side: no change, the reason names the flag", async () => {
    expect(await facts(dirs.target, "alq", "01001", "2023")).toMatchObject({change_1y: null, change_1y_reason: "Keine Veränderung: der Wert 2023 ist vorläufig (p)."});
    expect(await facts(dirs.target, "alq", "01051", "2023")).toMatchObject({change_1y: null, change_1y_reason: "Keine Veränderung: der Wert 2022 ist geschätzt (s)."});
  });

  it("precisions finer than the figure shown are comparable (0.01 and 0.1 with one decimal)", async () => {
    const row = await facts(dirs.target, "anteil", "05315", "2023");
    expect(row.change_1y).toBeCloseTo(0.05, 10);
    expect(row.change_1y_reason).toBeNull();
  });

  it("no earlier value: no change and nothing to explain", async () => {
    expect(await facts(dirs.target, "ew", "05315", "2021")).toEqual({
      change_1y: null, change_5y: null, change_10y: null, change_1y_reason: null, change_5y_reason: null, change_10y_reason: null
    });
  });

  it("a Land value computed from flagged Kreis values carries the flag and says so", async () => {
    const instance = await DuckDBInstance.create(dirs.target, {access_mode: "READ_ONLY"});
    const connection = await instance.connect();
    try {
      const agg = (await connection.runAndReadAll("SELECT value, flag, status, note FROM aggregates WHERE indicator = 'ew' AND region = '01' AND period = '2024'")).getRowObjectsJS();
      expect(agg).toEqual([{value: 473000, flag: "s", status: "computed", note: "Berechnet aus 3 Kreiswerten, davon 1 mit Kennzeichen „s“ (geschätzt); der Wert trägt dieses Kennzeichen."}]);
      const fact = (await connection.runAndReadAll("SELECT value, flag, computed FROM facts WHERE indicator = 'ew' AND region = '01' AND period = '2024'")).getRowObjectsJS();
      expect(fact).toEqual([{value: 473000, flag: "s", computed: true}]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
