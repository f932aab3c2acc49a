import {strFromU8, unzipSync} from "fflate";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {indicatorCatalogPage, indicatorPages, indicatorPagesZip, type IndicatorPage} from "../../../pipelines/exports/indicator-pages.ts";
import {mapData} from "../../../pipelines/exports/map-data.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

let dirs: FixtureDirs;
let pages: IndicatorPage[];
const page = (id: string) => pages.find((p) => p.indicator.id === id)!;

beforeAll(async () => {
  dirs = writeFixture();
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
  pages = await withWarehouse(dirs.target, (c) => indicatorPages(c));
});
afterAll(() => dirs.cleanup());

describe("indicatorPages (fixture)", () => {
  it("one document per registry entry, with the page's parts", () => {
    expect(pages.map((p) => p.indicator.id)).toEqual(["amtlich", "bezirkswert", "kinder", "ohne", "quote", "waise"]);
    expect(Object.keys(page("quote"))).toEqual(["indicator", "sources", "flag_labels", "coverage", "maps", "land_bund", "land_bund_absent_periods"]);
    // The whole registry entry, coverage included.
    expect(page("quote").indicator).toMatchObject({id: "quote", unit: "%", aggregation: {method: "weighted", weight: "kinder"}});
    expect(page("quote").sources.test).toMatchObject({publisher: "Testamt", licence: "dl-de/by-2-0"});
  });

  it("coverage per level and period: regions with a number, with a flag only, and of the level", () => {
    expect(page("quote").coverage).toEqual([
      {level: "land", period: "2020", year: 2020, with_value: 1, without_value: 0, expected: 4, sources: ["test"]},
      {level: "kreis", period: "2010", year: 2010, with_value: 1, without_value: 0, expected: 8, sources: ["test"]},
      {level: "kreis", period: "2015", year: 2015, with_value: 2, without_value: 0, expected: 8, sources: ["test"]},
      {level: "kreis", period: "2019", year: 2019, with_value: 2, without_value: 0, expected: 8, sources: ["test"]},
      // Düsseldorf's "." counts as a flag without a number, never as a value.
      {level: "kreis", period: "2020", year: 2020, with_value: 6, without_value: 1, expected: 8, sources: ["test"]}
    ]);
  });

  it("the map of the latest period with the warehouse's quartiles (quantile_cont)", () => {
    const [map] = page("quote").maps;
    expect(page("quote").maps).toHaveLength(1);
    expect(map!.level).toBe("kreis");
    expect(map!.period).toMatchObject({period: "2020", value: [10, 20, 20, null, null, 30, 5, 15], flags: {"05111": "."}, n: 6});
    // 5, 10, 15, 20, 20, 30: the same figures as peer_stats for "kreise".
    expect(map!.stats).toEqual({n: 6, min: 5, q1: 11.25, median: 17.5, q3: 20, max: 30});
    expect(map!.geometry_sources).toEqual(["bkg_vg5000"]);
    expect(page("quote").flag_labels).toEqual({".": "unbekannt oder geheim"});
  });

  it("Berlin-only indicators get a district map; an indicator with one Kreis value gets none", () => {
    expect(page("bezirkswert").maps.map((m) => [m.level, m.period.value])).toEqual([["bezirk", [12, 14]]]);
    expect(page("waise").maps).toEqual([]);
  });

  it("Land and Bund values: published and computed told apart, absent ones with the reason; periods without any listed apart", () => {
    const rows = page("quote").land_bund;
    expect(rows.map((r) => [r.region, r.status, r.value])).toEqual([
      ["DG", "absent", null],
      ["01", "computed", 18.333333],
      ["05", "absent", null],
      ["08", "published", 7.5],
      ["11", "computed", 15]
    ]);
    expect(rows[0]!.note).toContain("Nicht berechnet: 6 von 8 Kreisen");
    expect(rows[1]).toMatchObject({level: "land", method: "weighted", source: "test"});
    expect(page("quote").land_bund_absent_periods).toEqual(["2010", "2015", "2019"]);
    expect(page("kinder").land_bund.find((r) => r.region === "DG")).toMatchObject({status: "computed", method: "sum", value: 36000});
  });

  it("one indicator alone; an unknown one is an error", async () => {
    const [one] = await withWarehouse(dirs.target, (c) => indicatorPages(c, "ohne"));
    expect(one).toEqual(page("ohne"));
    await expect(withWarehouse(dirs.target, (c) => indicatorPages(c, "gibtsnicht"))).rejects.toThrow(/gibtsnicht/);
  });
});

describe("indicatorCatalogPage (fixture)", () => {
  it("levels with every period that has a value, regions, and the sources", async () => {
    const catalog = await withWarehouse(dirs.target, indicatorCatalogPage);
    expect(catalog.map((c) => c.id)).toEqual(["amtlich", "bezirkswert", "kinder", "ohne", "quote", "waise"]);
    expect(catalog.find((c) => c.id === "quote")).toEqual({
      id: "quote",
      name: "Indikator quote",
      short_name: "quote",
      definition: "Testindikator quote.",
      unit: "%",
      area: "Frühkindliche Bildung",
      topic: "Test",
      polarity: "neutral",
      reference_date: "31.12.",
      levels: [
        {level: "land", first: "2020", last: "2020", periods: ["2020"], regions: 1, expected: 4},
        {level: "kreis", first: "2010", last: "2020", periods: ["2010", "2015", "2019", "2020"], regions: 6, expected: 8}
      ],
      sources: [{id: "test", title: "Teststatistik", publisher: "Testamt"}]
    });
  });
});

describe("indicators.zip (fixture)", () => {
  it("one <id>.json per indicator, equal to the page document, byte-identical on a second run", async () => {
    const zip = await withWarehouse(dirs.target, indicatorPagesZip);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["amtlich.json", "bezirkswert.json", "kinder.json", "ohne.json", "quote.json", "waise.json"]);
    expect(JSON.parse(strFromU8(files["quote.json"]!))).toEqual(page("quote"));
    expect(await withWarehouse(dirs.target, indicatorPagesZip)).toEqual(zip);
  });
});

// The committed snapshot: what the pages really load, and what it weighs.
describe("on the real snapshot", () => {
  const SNAPSHOT = resolve(import.meta.dirname, "../../../data/snapshot");
  let dir: string;
  let target: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kbm-ind-"));
    target = join(dir, "warehouse.duckdb");
    await buildWarehouse({snapshotDir: SNAPSHOT, target, updatesDir: null});
  }, 120_000);
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("the Kreis map file: every indicator with Kreis values for more than one Kreis, within its weight budget", async () => {
    const data = await withWarehouse(target, (c) => mapData(c, ["kreis"]));
    const [layer] = data.layers;
    expect(layer!.regions.id).toHaveLength(400);
    const ids = layer!.indicators.map((i) => i.indicator.id);
    expect(ids).toContain("betreuungsquote_u3");
    // Berlin-only indicators (one Kreis value) belong to the Berlin map.
    expect(ids).not.toContain("mss_kinderarmut");
    expect(ids).not.toContain("kitas_anzahl");
    const u3 = layer!.indicators.find((i) => i.indicator.id === "betreuungsquote_u3")!;
    const latest = u3.periods.at(-1)!;
    // 2025 is computed from the Regionaldatenbank (issue 11), not from INKAR: the source is read per period.
    expect([latest.period, latest.source, latest.n]).toEqual(["2025", "rdb_kita_u3_2025", 400]);
    expect(u3.periods[0]!.source).toBe("inkar");
    expect(data.sources.bkg_vg5000!.attribution).toContain("GeoBasis-DE / BKG");
    const json = JSON.stringify(data);
    // Measured on 28.11.2026: 806 KB raw, 282 KB gzip (41 indicators); 05.12.2026: 332 KB gzip with the
    // 11 Regionaldatenbank indicators and their newer years (issue 11). The budget grows with them.
    expect(gzipSync(json).length).toBeLessThan(400_000);
  });

  it("the Berlin map file: Bezirke and Planungsräume with the MSS flags", async () => {
    const data = await withWarehouse(target, (c) => mapData(c, ["bezirk", "planungsraum"]));
    const plr = data.layers.find((l) => l.level === "planungsraum")!;
    expect(plr.regions.id).toHaveLength(542);
    const mss = plr.indicators.find((i) => i.indicator.id === "mss_kinderarmut")!.periods.at(-1)!;
    expect(Object.values(mss.flags)).toEqual([".", ".", ".", ".", ".", "."]);
    expect(mss.n).toBe(536);
    expect(data.flag_labels["."]).toBe("unbekannt oder geheim");
    // Measured on 28.11.2026: 176 KB raw, 37 KB gzip.
    expect(gzipSync(JSON.stringify(data)).length).toBeLessThan(60_000);
  });

  it("every indicator page document stays small; the MSS page leads with the Planungsräume", async () => {
    const all = await withWarehouse(target, (c) => indicatorPages(c));
    expect(all).toHaveLength(53);
    const largest = Math.max(...all.map((p) => gzipSync(JSON.stringify(p)).length));
    // Measured on 28.11.2026: at most 16 KB gzip (auslaenderanteil).
    expect(largest).toBeLessThan(30_000);
    const mss = all.find((p) => p.indicator.id === "mss_kinderarmut")!;
    expect(mss.maps.map((m) => m.level)).toEqual(["planungsraum", "bezirk"]);
    const u3 = all.find((p) => p.indicator.id === "betreuungsquote_u3")!;
    expect(u3.maps.map((m) => [m.level, m.period.period, m.period.n])).toEqual([["kreis", "2025", 400], ["bezirk", "2023", 8]]);
    // 16 Länder + Bund for 2023 (EW 2024) and 2025 (from the Kreis sums of the Regionaldatenbank count).
    expect(u3.land_bund.filter((r) => r.status === "published")).toHaveLength(34);
    expect(new Set(u3.land_bund.filter((r) => r.status === "published").map((r) => r.period))).toEqual(new Set(["2023", "2025"]));
  });
});
