import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {tableFromIPC} from "apache-arrow";
import {unzipSync} from "fflate";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ANALYST_COLUMNS, observationsCsv, observationsParquet} from "../../../pipelines/exports/analyst.ts";
import {comparisonsArrow, observationsArrow} from "../../../pipelines/exports/arrow.ts";
import {indicatorCatalog, landBundValues, peerGroups, regionDirectory} from "../../../pipelines/exports/catalog.ts";
import {parseGermanCsv, parseGermanNumber} from "../../../pipelines/exports/german-csv.ts";
import {allRegionInfo, profileCsv, profileRecords, profileRows, profilesZip, readProfileFile, regionProfile, UnknownRegionError} from "../../../pipelines/exports/profile.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {OBSERVATIONS, REGIONS, writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

let dirs: FixtureDirs;
const use = <T>(work: (c: DuckDBConnection) => Promise<T>) => withWarehouse(dirs.target, work);

beforeAll(async () => {
  dirs = writeFixture();
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
});
afterAll(() => dirs.cleanup());

describe("region profile", () => {
  it("one record per indicator × period with Land, Bund, changes and peers", async () => {
    const records = await use((c) => regionProfile(c, "05315"));
    expect(records.map((r) => `${r.indicator}/${r.period}`)).toEqual([
      "amtlich/2020", "kinder/2020", "ohne/2020", "quote/2010", "quote/2015", "quote/2019", "quote/2020", "waise/2020"
    ]);
    const quote = records.find((r) => r.indicator === "quote" && r.period === "2020")!;
    expect(Object.keys(quote)).toEqual([
      "region", "indicator", "year", "period", "value", "flag", "unit", "source", "source_label", "land", "land_status", "bund", "bund_status",
      "change_1y", "change_5y", "change_10y", "change_1y_reason", "change_5y_reason", "change_10y_reason", "peers"
    ]);
    expect(quote).toMatchObject({region: "05315", year: 2020, value: 30, flag: null, unit: "%", source: "test", land: null, land_status: "absent", bund: null, bund_status: "absent", change_1y: 2, change_5y: 5, change_10y: 10});
    expect(Object.keys(quote.peers)).toEqual(["grossstaedte", "kreisfrei", "kreistyp_1", "land_05", "kreise"]);
    expect(quote.peers.kreise).toEqual({rank: 1, of: 6, percentile: 100, median: 17.5, q1: 11.25, q3: 20});
    expect(quote.peers.grossstaedte).toEqual({rank: 1, of: 4, percentile: 100, median: 17.5, q1: 12.5, q3: 22.5});
    const kinder = records.find((r) => r.indicator === "kinder")!;
    expect(kinder).toMatchObject({land: 15000, land_status: "computed", bund: 36000, bund_status: "computed"});
    const amtlich = records.find((r) => r.indicator === "amtlich")!;
    expect(amtlich).toMatchObject({land: 33.3, land_status: "published", bund: null, bund_status: "absent"});
  });

  it("a flagged value keeps its row: no rank, the group's median still shown", async () => {
    const [dus] = (await use((c) => regionProfile(c, "05111"))).filter((r) => r.indicator === "quote");
    expect(dus).toMatchObject({value: null, flag: "."});
    expect(dus!.peers.kreise).toEqual({rank: null, of: 6, percentile: null, median: 17.5, q1: 11.25, q3: 20});
  });

  it("Land: computed values, its own value as 'land', no peers; district: only 'bezirke'", async () => {
    const land = await use((c) => regionProfile(c, "01"));
    const quote = land.find((r) => r.indicator === "quote")!;
    expect(quote.value).toBeCloseTo(18.333333, 6);
    expect(quote).toMatchObject({land: quote.value, land_status: "computed", peers: {}});
    const bezirk = await use((c) => regionProfile(c, "11001001"));
    expect(bezirk.map((r) => Object.keys(r.peers))).toEqual([["bezirke"]]);
    expect(bezirk[0]).toMatchObject({value: 12, land: null, land_status: null});
  });

  it("unknown region: UnknownRegionError", async () => {
    await expect(use((c) => regionProfile(c, "99999"))).rejects.toBeInstanceOf(UnknownRegionError);
  });

  it("German CSV: peers flattened as peers_<group>_<field>", async () => {
    const info = await use((c) => allRegionInfo(c));
    const koeln = info.find((r) => r.id === "05315")!;
    const records = await use((c) => regionProfile(c, "05315"));
    const rows = parseGermanCsv(profileCsv(records, koeln.groups));
    expect(rows[0]!.slice(19, 25)).toEqual(["peers_grossstaedte_rank", "peers_grossstaedte_of", "peers_grossstaedte_percentile", "peers_grossstaedte_median", "peers_grossstaedte_q1", "peers_grossstaedte_q3"]);
    expect(rows[0]).toHaveLength(19 + 5 * 6);
    const quote = rows.find((r) => r[1] === "quote" && r[3] === "2020")!;
    const cell = (name: string) => quote[rows[0]!.indexOf(name)]!;
    expect(cell("value")).toBe("30");
    expect(cell("peers_kreise_median")).toBe("17,5");
    expect(cell("peers_kreise_q1")).toBe("11,25");
  });
});

describe("profiles.zip", () => {
  it("one <id>.json per Kreis and district (the regions with a profile page), consistent with the per-region profile", async () => {
    const zip = await use((c) => profilesZip(c));
    const names = Object.keys(unzipSync(zip)).sort();
    const paged = REGIONS.filter((r) => r.level === "kreis" || r.level === "bezirk");
    expect(names).toEqual(paged.map((r) => `${r.id}.json`).sort());
    const all = await use((c) => profileRecords(c));
    for (const region of paged) {
      const file = readProfileFile(zip, region.id)!;
      expect(file.region.id).toBe(region.id);
      expect(Object.keys(file)).toEqual(["region", "groups", "similar", "indicators", "cities", "series"]);
      const records = all.get(region.id) ?? [];
      expect(file.indicators.map((i) => i.id)).toEqual([...new Set(records.map((r) => r.indicator))].sort());
      for (const indicator of Object.keys(file.series)) {
        const fromZip = profileRows(file, indicator);
        const fromRecords = records.filter((r) => r.indicator === indicator).map(({region: _r, unit: _u, source: _s, source_label: _l, change_10y_reason: _c, ...rest}) => rest);
        expect(fromZip).toEqual(fromRecords);
      }
    }
    const koeln = readProfileFile(zip, "05315")!;
    expect(koeln.groups).toContainEqual({id: "grossstaedte", name: "Großstädte", members: 5});
    expect(koeln.indicators.find((i) => i.id === "quote")).toMatchObject({unit: "%", attribution: "Datenquelle: Testamt", aggregation_note: expect.any(String)});
  });

  it("is byte-identical for identical data", async () => {
    const a = await use((c) => profilesZip(c));
    const b = await use((c) => profilesZip(c));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe("Arrow IPC streams", () => {
  it("observations: only the chart columns, with types", async () => {
    const table = tableFromIPC(await use((c) => observationsArrow(c, {indicator: "kinder"})));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "indicator:Dictionary<Int32, Utf8>", "region:Dictionary<Int32, Utf8>", "year:Int32", "period:Dictionary<Int32, Utf8>",
      "value:Float64", "flag:Dictionary<Int32, Utf8>", "computed:Bool"
    ]);
    // 8 Kreise plus computed sums for 4 Länder and the Bund.
    expect(table.numRows).toBe(13);
    const dg = table.toArray().find((r) => r.region === "DG");
    expect(dg).toMatchObject({value: 36000, computed: true, year: 2020});
  });

  it("comparisons of one group", async () => {
    const table = tableFromIPC(await use((c) => comparisonsArrow(c, "kreise", {indicator: "quote"})));
    expect(table.schema.fields.map((f) => f.name)).toEqual(["indicator", "region", "year", "period", "value", "flag", "rank", "of", "percentile", "median", "q1", "q3"]);
    const rows = table.toArray().filter((r) => r.period === "2020");
    expect(rows.map((r) => [r.region, r.rank])).toEqual([["05315", 1], ["01002", 2], ["01051", 2], ["11000", 4], ["01001", 5], ["08111", 6], ["05111", null]]);
    await expect(use((c) => comparisonsArrow(c, "gibtsnicht"))).rejects.toThrow(/gibtsnicht/);
  });
});

describe("JSON catalog exports", () => {
  it("indicator catalog, regions with groups, peer groups, Land/Bund values", async () => {
    const catalog = await use((c) => indicatorCatalog(c));
    expect(catalog.find((e) => e.indicator.id === "quote")).toMatchObject({first_year: 2010, last_year: 2020, regions_with_value: 7});
    const regions = await use((c) => regionDirectory(c));
    expect(regions.find((r) => r.id === "08111")).toMatchObject({land_name: "Baden-Württemberg", kreisfrei: true, groups: ["grossstaedte", "kreisfrei", "kreistyp_1", "land_08", "kreise"]});
    const groups = await use((c) => peerGroups(c));
    expect(groups.find((g) => g.id === "bezirke")).toMatchObject({members: 2, member_ids: ["11001001", "11002002"]});
    const values = await use((c) => landBundValues(c, {indicator: "quote"}));
    expect(values.find((v) => v.region === "05" && v.period === "2020")).toMatchObject({status: "absent", value: null, note: expect.stringContaining("1 von 3")});
  });
});

describe("analyst files", () => {
  it("Parquet holds every observation", async () => {
    const bytes = await use((c) => observationsParquet(c));
    const dir = mkdtempSync(join(tmpdir(), "kbm-pq-"));
    try {
      writeFileSync(join(dir, "o.parquet"), bytes);
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll("SELECT * FROM read_parquet($p) ORDER BY indicator, region, period", {p: join(dir, "o.parquet")});
      expect(reader.columnNames()).toEqual([...ANALYST_COLUMNS]);
      expect(reader.currentRowCount).toBe(OBSERVATIONS.length);
      expect(reader.getRowObjectsJS().find((r) => r.region === "05315" && r.indicator === "quote" && r.period === "2020")).toMatchObject({value: 30, region_name: "Köln", level: "kreis"});
      connection.closeSync();
      instance.closeSync();
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("German CSV holds every observation, values with decimal comma", async () => {
    const bytes = await use((c) => observationsCsv(c));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes);
    expect(text.startsWith("\uFEFFindicator;indicator_name;region;")).toBe(true);
    const rows = parseGermanCsv(text);
    expect(rows).toHaveLength(OBSERVATIONS.length + 1);
    const amtlich = rows.find((r) => r[0] === "amtlich" && r[2] === "05")!;
    expect(parseGermanNumber(amtlich[7]!)).toBe(33.3);
    expect(amtlich[7]).toBe("33,3");
    // The special value '-' stays readable; it is not neutralised like a formula.
    expect(rows.find((r) => r[0] === "quote" && r[2] === "01002" && r[5] === "2015")![8]).toBe("-");
  });
});
