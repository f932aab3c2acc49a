import {describe, expect, it} from "vitest";
import {parseGenesisFile, parseGenesisText, type GenesisRecord} from "../../../loaders/genesis/index.ts";
import type {Indicator, Region} from "../../../pipelines/snapshot/format.ts";
import {readSnapshotIndicators, readSnapshotRegions} from "../../../pipelines/snapshot/read.ts";
import {MappingError, TableCollector, roundedShare, toSnapshotPeriod, type MapResult, type PulledObservation} from "../../../pipelines/updates/map-records.ts";
import {TABLE_MAPPINGS, mappingFor, sourceIdFor, type TableMapping} from "../../../pipelines/updates/table-mappings.ts";
import {SNAPSHOT, describeFixtures, fixturePath} from "./project.ts";

const regions = new Map<string, Region>(readSnapshotRegions(SNAPSHOT).map((r) => [r.id, r]));
const indicators = new Map<string, Indicator>(readSnapshotIndicators(SNAPSHOT).map((i) => [i.id, i]));

async function mapFile(table: string, file: string, options: {regions?: Map<string, Region>; indicators?: Map<string, Indicator>; years?: {from?: number; to?: number}} = {}): Promise<MapResult> {
  const collector = new TableCollector(mappingFor(table)!);
  await parseGenesisFile(fixturePath(file), {onRecord: (r) => collector.add(r), onSetAside: (row) => collector.addSetAsideRow(row)});
  return collector.finish({regions: options.regions ?? regions, indicators: options.indicators ?? indicators, sourceId: sourceIdFor(table, "regionalstatistik"), ...(options.years ? {years: options.years} : {})});
}

function value(result: MapResult, indicator: string, region: string, period: string): Pick<PulledObservation, "value" | "flag"> | undefined {
  const found = result.observations.filter((o) => o.indicator === indicator && o.region === region && o.period === period);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0] && {value: found[0].value, flag: found[0].flag};
}

describe("table mappings", () => {
  it("name only indicators the registry has, except the ones 22543 proposes", () => {
    for (const mapping of TABLE_MAPPINGS) {
      for (const output of mapping.outputs) {
        const known = indicators.has(output.indicator);
        const proposed = mapping.proposed?.some((p) => p.id === output.indicator) ?? false;
        expect(known || proposed, `${mapping.table} → ${output.indicator}`).toBe(true);
      }
    }
    // 22543 (betreute Kinder): the registry has the count under 3 (the rate's numerator), not the other two; the pull says so.
    expect(mappingFor("22543-01-02-4")!.outputs.filter((o) => indicators.has(o.indicator)).map((o) => o.indicator)).toEqual(["betreute_kinder_u3"]);
  });

  it("have distinct source ids from the snapshot's fixed GENESIS downloads", () => {
    expect(sourceIdFor("21111-02-06-4", "regionalstatistik")).toBe("regionalstatistik_21111_02_06_4");
    expect(sourceIdFor("21111-02-06-4", "genesis-online")).toBe("genesis_online_21111_02_06_4");
  });
});

describeFixtures("21111-02-06-4 (school leavers) on the real file", () => {
  it("computes the shares from the counts: Köln 2015 without Hauptschulabschluss = 517 / 10106 × 100 → 5.12", async () => {
    const result = await mapFile("21111-02-06-4", "21111-02-06-4.csv");
    expect(value(result, "schulabgaenger_ohne_hsa", "05315", "2015")).toEqual({value: 5.12, flag: null});
    // 1676 / 10106 = 16.584…, 3727 / 10106 = 36.879…, 4184 / 10106 = 41.401…, (2 + 4184) / 10106 = 41.420…
    expect(value(result, "schulabgaenger_hsa", "05315", "2015")).toEqual({value: 16.58, flag: null});
    expect(value(result, "schulabgaenger_mittlerer_abschluss", "05315", "2015")).toEqual({value: 36.88, flag: null});
    expect(value(result, "schulabgaenger_allg_hochschulreife", "05315", "2015")).toEqual({value: 41.4, flag: null});
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "05315", "2015")).toEqual({value: 41.42, flag: null});
    // INKAR's 2015 values in the snapshot are the same (5.12 and 41.4, docs/data.md).
    expect(result.observations.every((o) => o.source === "regionalstatistik_21111_02_06_4")).toBe(true);
  });

  it("gives Dresden's `x` (Fachhochschulreife) no value and the flag, never 0; the other shares stay", async () => {
    const result = await mapFile("21111-02-06-4", "21111-02-06-4.csv", {years: {from: 2015, to: 2015}});
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "14612", "2015")).toEqual({value: null, flag: "x"});
    // 264 / 3451 = 7.64995… → 7.65; 1385 / 3451 = 40.133… → 40.13
    expect(value(result, "schulabgaenger_ohne_hsa", "14612", "2015")).toEqual({value: 7.65, flag: null});
    expect(value(result, "schulabgaenger_allg_hochschulreife", "14612", "2015")).toEqual({value: 40.13, flag: null});
    // Every share of Sachsen's FHR is x in 2015 (only vocational schools award it there).
    const saxony = result.observations.filter((o) => o.indicator === "schulabgaenger_hochschulreife_fhr" && o.region.startsWith("14"));
    expect(saxony.length).toBeGreaterThan(10);
    expect(saxony.every((o) => o.value === null && o.flag === "x")).toBe(true);
  });

  it("keeps only the snapshot's regions and says why the rest is left out", async () => {
    const result = await mapFile("21111-02-06-4", "21111-02-06-4.csv", {years: {from: 2015, to: 2015}});
    const reasons = (region: string) => [...new Set(result.setAside.filter((e) => e.region === region && e.period === "2015").map((e) => e.reason))];
    expect(reasons("053")).toEqual(["regierungsbezirk"]);
    // Hannover, Aachen and Saarbrücken are Gemeinde regions of the snapshot and the leaver shares
    // have that level in the registry: their own rows are mapped like a Kreis (277 / 4740 = 5.843… → 5.84),
    // Niedersachsen's "." (FHR not recorded) stays a flag without a value.
    expect(reasons("03241001")).toEqual([]);
    expect(value(result, "schulabgaenger_ohne_hsa", "03241001", "2015")).toEqual({value: 5.84, flag: null});
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "03241001", "2015")).toEqual({value: null, flag: "."});
    expect(value(result, "schulabgaenger_ohne_hsa", "05334002", "2015")).toEqual({value: 5.35, flag: null}); // 152 / 2842 = 5.348…
    // A Gemeinde the snapshot does not know is left out as such, not as an unknown key.
    const withoutHannover = new Map(regions);
    withoutHannover.delete("03241001");
    const without = await mapFile("21111-02-06-4", "21111-02-06-4.csv", {regions: withoutHannover, years: {from: 2015, to: 2015}});
    expect([...new Set(without.setAside.filter((e) => e.region === "03241001" && e.period === "2015").map((e) => e.reason))]).toEqual(["gemeinde"]);
    expect(without.observations.some((o) => o.region === "03241001")).toBe(false);
    // Eisenach still existed in 2015 (dissolved 01.07.2021): its own key, not the Wartburgkreis of today.
    expect(reasons("16056")).toEqual(["dissolved"]);
    expect(result.setAside.find((e) => e.region === "16056")!.detail).toContain("01.07.2021");
    // The Wartburgkreis of 2015 is a smaller territory than today's under the same key.
    expect(reasons("16063")).toEqual(["older-territory"]);
    expect(result.observations.some((o) => o.region === "16063" || o.region === "16056")).toBe(false);
    // Göttingen (03159) did not exist in 2015: a row of "-", never zeros.
    expect(reasons("03159")).toEqual(["region-did-not-exist"]);
    expect(result.observations.some((o) => o.region === "03159")).toBe(false);
  });

  it("takes Berlin's and Hamburg's Land rows for their Kreise, and Land/Bund values only where the registry has the level", async () => {
    const result = await mapFile("21111-02-06-4", "21111-02-06-4.csv", {years: {from: 2015, to: 2015}});
    // 3009 / 30165 = 9.975… → 9.98
    expect(value(result, "schulabgaenger_ohne_hsa", "11000", "2015")).toEqual({value: 9.98, flag: null});
    expect(value(result, "schulabgaenger_ohne_hsa", "11", "2015")).toEqual({value: 9.98, flag: null});
    expect(value(result, "schulabgaenger_ohne_hsa", "02000", "2015")).toEqual({value: 5.47, flag: null}); // 897 / 16386
    expect(value(result, "schulabgaenger_ohne_hsa", "DG", "2015")).toEqual({value: 5.6, flag: null}); // 47435 / 846423 = 5.604…
    // The registry now has every leaver share at Bund level too (287862 / 846423 = 34.009… → 34.01).
    expect(value(result, "schulabgaenger_allg_hochschulreife", "DG", "2015")).toEqual({value: 34.01, flag: null});
    // A level the registry lacks is set aside with its reason, never mapped.
    const kreisOnly = new Map(indicators);
    kreisOnly.set("schulabgaenger_allg_hochschulreife", {...indicators.get("schulabgaenger_allg_hochschulreife")!, levels: ["kreis"]});
    const narrowed = await mapFile("21111-02-06-4", "21111-02-06-4.csv", {indicators: kreisOnly, years: {from: 2015, to: 2015}});
    expect(value(narrowed, "schulabgaenger_allg_hochschulreife", "DG", "2015")).toBeUndefined();
    expect(narrowed.setAside).toContainEqual(expect.objectContaining({reason: "level", region: "DG", indicator: "schulabgaenger_allg_hochschulreife"}));
    // --from/--to: a server that sends more years than asked for does not widen the update.
    expect(new Set(result.observations.map((o) => o.period))).toEqual(new Set(["2015"]));
    expect(result.setAside.some((e) => e.reason === "outside-years")).toBe(true);
  });
});

describeFixtures("12411-01-01-4 (population) on the real files", () => {
  it("maps Insgesamt (GES = empty code) of the ffcsv since 2025 to bevoelkerung for 31.12.2024 → period 2024", async () => {
    const result = await mapFile("12411-01-01-4", "12411-01-01-4_1773175772751_de_flat.csv");
    expect(value(result, "bevoelkerung", "05315", "2024")).toEqual({value: 1024621, flag: null});
    expect(value(result, "bevoelkerung", "11000", "2024")).toEqual({value: 3685265, flag: null});
    // The Kreis row of a city-state is also its Land.
    expect(value(result, "bevoelkerung", "11", "2024")).toEqual({value: 3685265, flag: null});
    expect(value(result, "bevoelkerung", "02", "2024")).toEqual({value: 1862565, flag: null});
    expect(result.observations.filter((o) => regions.get(o.region)?.level === "kreis")).toHaveLength(400);
    // Berlin's 12 districts and the 3 Gemeinden (Hannover, Aachen, Saarbrücken) are regions of the
    // snapshot, but bevoelkerung has neither level in the registry.
    const byLevel = result.setAside.filter((e) => e.reason === "level").map((e) => e.region);
    expect(byLevel.filter((id) => regions.get(id)?.level === "bezirk")).toHaveLength(12);
    expect(byLevel.filter((id) => regions.get(id)?.level === "gemeinde").sort()).toEqual(["03241001", "05334002", "10041100"]);
    expect(byLevel).toHaveLength(15);
    expect(new Set(result.setAside.filter((e) => e.reason === "dissolved").map((e) => e.region)).size).toBe(74);
  });

  it("reads the ffcsv until 2024 (31.12.2022) the same way", async () => {
    const result = await mapFile("12411-01-01-4", "12411-01-01-4_flat.csv");
    expect(value(result, "bevoelkerung", "05315", "2022")).toEqual({value: 1084831, flag: null});
    expect(value(result, "bevoelkerung", "DG", "2022")).toEqual({value: 84358845, flag: null});
    expect(value(result, "bevoelkerung", "11000", "2022")).toEqual({value: 3755251, flag: null});
  });
});

describeFixtures("22543-01-02-4 (children in day care) on the real file", () => {
  it("maps the counts once the registry has the proposed indicators", async () => {
    const mapping = mappingFor("22543-01-02-4")!;
    const withCounts = new Map(indicators);
    const template = indicators.get("bevoelkerung")!;
    for (const p of mapping.proposed!) withCounts.set(p.id, {...template, id: p.id, name: p.name, unit: p.unit, levels: ["bund", "land", "kreis"], range: {min: 0, max: 5_000_000}});
    const result = await mapFile("22543-01-02-4", "22543-01-02-4_00.csv", {indicators: withCounts});
    // Köln, 01.03.2016, "Insgesamt (ohne Doppelzählungen)": 40918 / 9545 / 27612
    expect(value(result, "betreute_kinder", "05315", "2016")).toEqual({value: 40918, flag: null});
    expect(value(result, "betreute_kinder_u3", "05315", "2016")).toEqual({value: 9545, flag: null});
    expect(value(result, "betreute_kinder_3_6", "05315", "2016")).toEqual({value: 27612, flag: null});
    expect(value(result, "betreute_kinder_u3", "11000", "2016")).toEqual({value: 50589, flag: null});
    expect(new Set(result.observations.map((o) => o.period))).toEqual(new Set(["2011", "2012", "2013", "2014", "2015", "2016"]));
  });
});

// Small crafted inputs for the rules that the real files exercise only rarely.
const SHARE: TableMapping = {
  table: "99999-01-01-4",
  title: "Test",
  referenceDate: null,
  quantities: {
    total: [{variable: "T", dimensions: {}, unit: "Anzahl"}],
    a: [{variable: "A", dimensions: {}, unit: "Anzahl"}],
    b: [{variable: "B", dimensions: {}, unit: "Anzahl"}]
  },
  outputs: [{indicator: "schulabgaenger_hochschulreife_fhr", kind: "share", numerator: ["a", "b"], denominator: "total"}]
};

function record(region: string, variable: string, value: number | null, flag: GenesisRecord["flag"] = null, extra: Partial<GenesisRecord> = {}): GenesisRecord {
  return {table: SHARE.table, period: "2015", region, region_name: `Region ${region}`, variable, dimensions: {}, value, unit: "Anzahl", flag, ...extra};
}

function mapRecords(records: GenesisRecord[], mapping = SHARE): MapResult {
  const collector = new TableCollector(mapping);
  for (const r of records) collector.add(r);
  return collector.finish({regions, indicators, sourceId: "test"});
}

describe("shares and flags", () => {
  it("a flagged count gives no value with its flag, never 0", () => {
    const result = mapRecords([record("05315", "T", 100), record("05315", "A", null, "."), record("05315", "B", 20)]);
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "05315", "2015")).toEqual({value: null, flag: "."});
  });

  it("'-' (exactly nothing) counts as 0; a share of exactly 0 keeps '-'", () => {
    const result = mapRecords([record("05315", "T", 100), record("05315", "A", 0, "-"), record("05315", "B", 20), record("05111", "T", 50), record("05111", "A", 0, "-"), record("05111", "B", 0, "-")]);
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "05315", "2015")).toEqual({value: 20, flag: null});
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "05111", "2015")).toEqual({value: 0, flag: "-"});
  });

  it("a quality mark of an input carries over; a denominator of 0 gives no share and is reported", () => {
    const result = mapRecords([record("05315", "T", 200, "p"), record("05315", "A", 1), record("05315", "B", 1), record("05111", "T", 0, "-"), record("05111", "A", 0, "-"), record("05111", "B", 0)]);
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "05315", "2015")).toEqual({value: 1, flag: "p"});
    expect(value(result, "schulabgaenger_hochschulreife_fhr", "05111", "2015")).toBeUndefined();
    expect(result.setAside).toContainEqual(expect.objectContaining({reason: "zero-denominator", region: "05111"}));
  });

  it("reports values outside the registry range with region and period instead of keeping them", () => {
    const result = mapRecords([record("05315", "T", 10), record("05315", "A", 8), record("05315", "B", 5)]);
    expect(result.observations).toEqual([]);
    expect(result.outOfRange).toEqual([{indicator: "schulabgaenger_hochschulreife_fhr", region: "05315", regionName: "Region 05315", period: "2015", value: 130, min: 0, max: 100}]);
  });

  it("refuses a unit that differs from the mapping's", () => {
    const collector = new TableCollector(SHARE);
    expect(() => collector.add(record("05315", "T", 10, null, {unit: "1000"}))).toThrow(MappingError);
  });

  it("matches dimensions exactly: a breakdown (GESM) is not the total", async () => {
    const text = [
      "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label",
      "12411;B;STAG;Stichtag;2024-12-31;KREISE;Kreise;05315;Köln;GES;Geschlecht;GESM;männlich;498050;Anzahl;BEVSTD;Bevölkerungsstand",
      "12411;B;STAG;Stichtag;2023-06-30;KREISE;Kreise;05111;Düsseldorf;GES;Geschlecht;;Insgesamt;600000;Anzahl;BEVSTD;Bevölkerungsstand",
      ""
    ].join("\n");
    const collector = new TableCollector(mappingFor("12411-01-01-4")!);
    await parseGenesisText(text, {file: "12411-01-01-4_flat.csv", onRecord: (r) => collector.add(r)});
    const result = collector.finish({regions, indicators, sourceId: "test"});
    expect(result.observations).toEqual([]);
    // A mid-year date is not the registry's 31.12.
    expect(result.setAside).toEqual([expect.objectContaining({reason: "period", region: "05111", detail: expect.stringContaining("30.06.2023")})]);
  });
});

describe("periods and rounding", () => {
  it("turns GENESIS times into the snapshot's periods", () => {
    expect(toSnapshotPeriod("2015", null)).toEqual({period: "2015"});
    expect(toSnapshotPeriod("2014/15", null)).toEqual({period: "2015"});
    expect(toSnapshotPeriod("1999/00", null)).toEqual({period: "2000"});
    expect(toSnapshotPeriod("2014/2015", null)).toEqual({period: "2015"});
    expect(toSnapshotPeriod("2024-12-31", "12-31")).toEqual({period: "2024"});
    expect(toSnapshotPeriod("2016-03-01", "03-01")).toEqual({period: "2016"});
    expect(toSnapshotPeriod("2016-03-01", "12-31")).toHaveProperty("problem");
    expect(toSnapshotPeriod("2014/16", null)).toHaveProperty("problem");
    expect(toSnapshotPeriod("Q1 2015", null)).toHaveProperty("problem");
  });

  it("rounds half up exactly from integer counts", () => {
    expect(roundedShare(517, 10106, 2)).toBe(5.12);
    expect(roundedShare(1, 800, 2)).toBe(0.13); // 0.125 exactly
    expect(roundedShare(1, 8, 1)).toBe(12.5);
    expect(roundedShare(0, 8, 2)).toBe(0);
    expect(roundedShare(8, 8, 2)).toBe(100);
  });
});
