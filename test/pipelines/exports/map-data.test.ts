import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {alignPeriods, mapData, mapLayer, mapRegions} from "../../../pipelines/exports/map-data.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {OBSERVATIONS, REGIONS, writeFixture, type FixtureDirs, type FixtureRegion} from "../warehouse/fixture.ts";

// The fixture snapshot (test/pipelines/warehouse/fixture.ts) plus two more Planungsräume of
// Mitte, so that a Planungsraum map has two numbers and a flag without one.
const plr = (id: string, name: string): FixtureRegion => ({id, name, level: "planungsraum", type: "LOR-Planungsraum", parent: "11001001", land: "11", kreisfrei: null, bbsr_kreistyp: null, population: 2000});
const regions = [...REGIONS, plr("01100102", "Großer Tiergarten"), plr("01100103", "Lützowstraße")];
const observations = [
  ...OBSERVATIONS,
  ["bezirkswert", "01100101", "2020", 3, null] as const,
  ["bezirkswert", "01100102", "2020", 5, null, "live"] as const,
  ["bezirkswert", "01100103", "2020", null, "."] as const
].map((o) => [...o] as (typeof OBSERVATIONS)[number]);

let dirs: FixtureDirs;
const use = <T>(work: Parameters<typeof withWarehouse<T>>[1]) => withWarehouse(dirs.target, work);

beforeAll(async () => {
  dirs = writeFixture({regions, observations});
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
});
afterAll(() => dirs.cleanup());

describe("mapRegions", () => {
  it("every region of the level in key order, with the Land (Kreis) or Bezirk (Planungsraum) above", async () => {
    const kreise = await use((c) => mapRegions(c, "kreis"));
    expect(Object.keys(kreise)).toEqual(["id", "name", "type", "parent_name"]);
    expect(kreise.id).toEqual(["01001", "01002", "01051", "05111", "05162", "05315", "08111", "11000"]);
    expect(kreise.parent_name[kreise.id.indexOf("05315")]).toBe("Nordrhein-Westfalen");
    const plrs = await use((c) => mapRegions(c, "planungsraum"));
    expect(plrs).toEqual({
      id: ["01100101", "01100102", "01100103"],
      name: ["Stülerstraße", "Großer Tiergarten", "Lützowstraße"],
      type: ["Planungsraum", "LOR-Planungsraum", "LOR-Planungsraum"],
      parent_name: ["Mitte", "Mitte", "Mitte"]
    });
  });
});

describe("mapLayer", () => {
  it("aligns each period's values with the regions; a flag without a number stays null with its flag, a missing observation null without", async () => {
    const layer = await use((c) => mapLayer(c, "kreis"));
    expect(layer.level).toBe("kreis");
    expect(layer.geometry_sources).toEqual(["bkg_vg5000"]);
    const quote = layer.indicators.find((i) => i.indicator.id === "quote")!;
    // 2010 has a single Kreis with a number: no map of it.
    expect(quote.periods.map((p) => p.period)).toEqual(["2015", "2019", "2020"]);
    const p2020 = quote.periods.at(-1)!;
    expect(p2020).toEqual({
      period: "2020",
      year: 2020,
      //       01001 01002 01051 05111 05162 05315 08111 11000
      value: [10, 20, 20, null, null, 30, 5, 15],
      flags: {"05111": "."},
      source: "test",
      other_sources: {},
      n: 6
    });
    // "-" is exactly zero: a number, kept with its flag.
    const p2015 = quote.periods[0]!;
    expect(p2015.value[layer.regions.id.indexOf("01002")]).toBe(0);
    expect(p2015.flags).toEqual({"01002": "-"});
    // The registry entry rides along, without the importer's coverage.
    expect(quote.indicator).toMatchObject({id: "quote", unit: "%", decimals: 1, area: "Frühkindliche Bildung"});
    expect(quote.indicator).not.toHaveProperty("coverage");
  });

  it("names the source per period and the regions whose value comes from another one", async () => {
    const layer = await use((c) => mapLayer(c, "planungsraum"));
    expect(layer.geometry_sources).toEqual(["geoportal_berlin_lor", "geoportal_berlin_bezirke"]);
    expect(layer.indicators.map((i) => i.indicator.id)).toEqual(["bezirkswert"]);
    const [period] = layer.indicators[0]!.periods;
    expect(period).toMatchObject({period: "2020", value: [3, 5, null], flags: {"01100103": "."}, n: 2});
    // The flagged row counts too: "test" has two rows, "live" one, named per region.
    expect(period!.source).toBe("test");
    expect(period!.other_sources).toEqual({"01100102": "live"});
  });
});

describe("alignPeriods", () => {
  it("rejects a region that is not on the level (never a silent drop)", () => {
    const regions = {id: ["01001"], name: ["Flensburg"], type: ["Kreisfreie Stadt"], parent_name: ["Schleswig-Holstein"]};
    expect(() => alignPeriods(regions, [{indicator: "x", region: "05315", period: "2020", year: 2020, value: 1, flag: null, source: "test"}])).toThrow(/05315/);
  });

  it("takes the most frequent source of a period", () => {
    const regions = {id: ["a", "b", "c"], name: ["A", "B", "C"], type: ["", "", ""], parent_name: [null, null, null]};
    const rows = [
      {indicator: "x", region: "a", period: "2020", year: 2020, value: 1, flag: null, source: "zz"},
      {indicator: "x", region: "b", period: "2020", year: 2020, value: 2, flag: null, source: "zz"},
      {indicator: "x", region: "c", period: "2020", year: 2020, value: 3, flag: null, source: "aa"}
    ];
    const [period] = alignPeriods(regions, rows).get("x")!;
    expect(period).toMatchObject({source: "zz", other_sources: {c: "aa"}, value: [1, 2, 3], n: 3});
  });
});

describe("mapData", () => {
  it("one file for several levels with the sources and flag meanings it names", async () => {
    const data = await use((c) => mapData(c, ["bezirk", "planungsraum"]));
    expect(data.layers.map((l) => l.level)).toEqual(["bezirk", "planungsraum"]);
    expect(Object.keys(data.sources).sort()).toEqual(["live", "test"]);
    expect(data.sources.test).toMatchObject({attribution: "Datenquelle: Testamt", licence: "dl-de/by-2-0"});
    expect(data.flag_labels).toEqual({".": "unbekannt oder geheim"});
    const bezirke = data.layers[0]!;
    expect(bezirke.regions.id).toEqual(["11001001", "11002002"]);
    expect(bezirke.indicators[0]!.periods[0]!.value).toEqual([12, 14]);
  });

  it("is plain JSON: a round trip changes nothing", async () => {
    const data = await use((c) => mapData(c, ["kreis"]));
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
