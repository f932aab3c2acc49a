import {DuckDBInstance, type DuckDBValue} from "@duckdb/node-api";
import {existsSync, readdirSync} from "node:fs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildWarehouse, WarehouseCheckError, type BuildResult} from "../../../pipelines/warehouse/build.ts";
import {namedQueries, queryRows, readSql} from "../../../pipelines/warehouse/sql.ts";
import {OBSERVATIONS, writeFixture, type FixtureDirs, type FixtureObservation} from "./fixture.ts";

async function query(path: string, sql: string, params?: Record<string, DuckDBValue>): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const NOW = new Date("2024-06-30T12:00:00Z");

describe("warehouse on the inline fixture", () => {
  let dirs: FixtureDirs;
  let result: BuildResult;
  beforeAll(async () => {
    dirs = writeFixture();
    result = await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null, quality: {now: NOW}});
  });
  afterAll(() => dirs.cleanup());

  it("reports counts and stages and leaves no temp file", () => {
    expect(result.counts.observations).toBe(OBSERVATIONS.length);
    expect(result.counts.regions).toBe(16);
    expect(Object.keys(result.stages)).toEqual(["load", "derive", "similar", "extensions", "checks", "quality", "finish"]);
    expect(readdirSync(`${dirs.root}/data`).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("has the documented columns and types", async () => {
    const columns = await query(dirs.target, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'comparisons' ORDER BY ordinal_position");
    expect(columns.map((c) => [c.column_name, c.data_type])).toEqual([
      ["indicator", "VARCHAR"], ["region", "VARCHAR"], ["period", "VARCHAR"], ["year", "INTEGER"], ["group_id", "VARCHAR"],
      ["value", "DOUBLE"], ["flag", "VARCHAR"], ["rank", "INTEGER"], ["n_ranked", "INTEGER"], ["percentile", "DOUBLE"],
      ["median", "DOUBLE"], ["q1", "DOUBLE"], ["q3", "DOUBLE"]
    ]);
    const facts = await query(dirs.target, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'facts' ORDER BY ordinal_position");
    expect(facts.map((c) => c.column_name)).toEqual(["indicator", "region", "period", "year", "value", "flag", "source", "origin", "computed", "change_1y", "change_5y", "change_10y", "change_1y_reason", "change_5y_reason", "change_10y_reason"]);
  });

  describe("peer groups", () => {
    it("Großstädte: kreisfrei (Stadtkreise included) with ≥ 250,000 inhabitants, threshold inclusive", async () => {
      const rows = await query(dirs.target, "SELECT region FROM peer_group_members WHERE group_id = 'grossstaedte' ORDER BY region");
      expect(rows.map((r) => r.region)).toEqual(["01002", "05111", "05315", "08111", "11000"]);
    });

    it("kreisfrei, landkreise, kreistyp, land, kreise, bezirke", async () => {
      const rows = await query(dirs.target, "SELECT group_id, list(region ORDER BY region) AS members FROM peer_group_members GROUP BY group_id ORDER BY group_id");
      const groups = Object.fromEntries(rows.map((r) => [r.group_id, r.members]));
      expect(groups.kreisfrei).toEqual(["01001", "01002", "05111", "05315", "08111", "11000"]);
      expect(groups.landkreise).toEqual(["01051", "05162"]);
      expect(groups.kreistyp_1).toEqual(["01002", "05111", "05315", "08111", "11000"]);
      expect(groups.kreistyp_4).toEqual(["01001", "01051"]);
      expect(groups.land_05).toEqual(["05111", "05162", "05315"]);
      expect(groups.kreise).toHaveLength(8);
      expect(groups.bezirke).toEqual(["11001001", "11002002"]);
    });

    it("a region's applicable groups are queryable; a district has only 'bezirke'", async () => {
      const groupsOf = async (id: string) => (await query(dirs.target, "SELECT group_id FROM region_peer_groups WHERE region = $id ORDER BY sort, group_id", {id})).map((r) => r.group_id);
      expect(await groupsOf("05315")).toEqual(["grossstaedte", "kreisfrei", "kreistyp_1", "land_05", "kreise"]);
      expect(await groupsOf("01051")).toEqual(["landkreise", "kreistyp_4", "land_01", "kreise"]);
      expect(await groupsOf("11001001")).toEqual(["bezirke"]);
      expect(await groupsOf("01100101")).toEqual([]);
      expect(await groupsOf("05")).toEqual([]);
    });
  });

  describe("comparisons", () => {
    const comparison = (group: string, indicator = "quote", period = "2020") =>
      query(dirs.target, "SELECT region, value, rank, n_ranked, percentile, median, q1, q3 FROM comparisons WHERE group_id = $group AND indicator = $indicator AND period = $period ORDER BY region", {group, indicator, period});

    it("ranks 1 = highest, ties share the smallest rank, the flagged value is not ranked and not counted", async () => {
      const rows = await comparison("kreise");
      const rank = Object.fromEntries(rows.map((r) => [r.region, r.rank]));
      expect(rank).toEqual({"01001": 5, "01002": 2, "01051": 2, "05111": null, "05315": 1, "08111": 6, "11000": 4});
      // Neuss has no observation: no row. Düsseldorf ('.'): a row without rank, not counted.
      expect(rows.every((r) => r.n_ranked === 6)).toBe(true);
      expect(rows.find((r) => r.region === "05111")).toMatchObject({value: null, rank: null, percentile: null});
    });

    it("median and quartiles by quantile_cont (linear interpolation) over the numbers only", async () => {
      const [row] = await comparison("kreise");
      // 5, 10, 15, 20, 20, 30 (the '.' of Düsseldorf is not a 0).
      expect(row).toMatchObject({median: 17.5, q1: 11.25, q3: 20});
      const [big] = await comparison("grossstaedte");
      // 5, 15, 20, 30
      expect(big).toMatchObject({median: 17.5, q1: 12.5, q3: 22.5, n_ranked: 4});
    });

    it("percentile: share of the other ranked members with a strictly lower value", async () => {
      const rows = await comparison("kreise");
      const percentile = Object.fromEntries(rows.map((r) => [r.region, r.percentile]));
      expect(percentile).toEqual({"01001": 20, "01002": 60, "01051": 60, "05111": null, "05315": 100, "08111": 0, "11000": 40});
    });

    it("a group with one ranked member: rank 1 of 1, no percentile", async () => {
      expect(await comparison("landkreise")).toEqual([{region: "01051", value: 20, rank: 1, n_ranked: 1, percentile: null, median: 20, q1: 20, q3: 20}]);
    });

    it("Berlin's districts are compared with each other", async () => {
      const rows = await comparison("bezirke", "bezirkswert");
      expect(rows.map((r) => [r.region, r.rank, r.median])).toEqual([["11001001", 2, 13], ["11002002", 1, 13]]);
    });
  });

  describe("Land and Bund values", () => {
    const aggregate = async (indicator: string, region: string, period = "2020") =>
      (await query(dirs.target, "SELECT value, status, method, note, kreise_with_value, kreise_expected FROM aggregates WHERE indicator = $indicator AND region = $region AND period = $period", {indicator, region, period}))[0];

    it("weighted by the denominator, never a plain mean", async () => {
      const row = await aggregate("quote", "01");
      // (10 × 1000 + 20 × 3000 + 20 × 2000) / 6000; the plain mean would be 16.67
      expect(row).toMatchObject({status: "computed", method: "weighted", note: null, kreise_with_value: 3, kreise_expected: 3});
      expect(row!.value).toBeCloseTo(110000 / 6000, 10);
      expect(await aggregate("quote", "11")).toMatchObject({value: 15, status: "computed"});
    });

    it("published wins over computed", async () => {
      expect(await aggregate("quote", "08")).toMatchObject({value: 7.5, status: "published", method: "published", note: null});
      expect(await aggregate("amtlich", "05")).toMatchObject({value: 33.3, status: "published"});
    });

    it("absent when a Kreis lacks a number (never a partial mean), with the registry's reason", async () => {
      const nrw = await aggregate("quote", "05");
      expect(nrw).toMatchObject({value: null, status: "absent", method: "weighted"});
      expect(nrw!.note).toBe("Land- und Bundeswerte werden mit der Kinderzahl gewichtet. (Nicht berechnet: 1 von 3 Kreisen mit Wert und Gewicht.)");
      expect(await aggregate("quote", "DG")).toMatchObject({value: null, status: "absent", kreise_expected: 8});
    });

    it("sums when the registry says sum and every Kreis has a value", async () => {
      expect(await aggregate("kinder", "05")).toMatchObject({value: 15000, status: "computed", method: "sum"});
      expect(await aggregate("kinder", "DG")).toMatchObject({value: 36000, status: "computed", method: "sum", kreise_with_value: 8});
    });

    it("absent with the registry's note for 'none', 'published' without a figure, and a missing weight", async () => {
      expect(await aggregate("ohne", "05")).toMatchObject({value: null, status: "absent", note: "Ohne Abgängerzahlen wird nicht gemittelt."});
      expect(await aggregate("amtlich", "DG")).toMatchObject({value: null, status: "absent", note: "Nur veröffentlichte Landeswerte."});
      expect((await aggregate("waise", "05"))!.note).toContain("gibtsnicht");
    });

    it("computed values join the facts, marked computed", async () => {
      const rows = await query(dirs.target, "SELECT region, value, computed, origin FROM facts WHERE indicator = 'kinder' AND region IN ('01', 'DG') ORDER BY region");
      expect(rows).toEqual([
        {region: "01", value: 6000, computed: true, origin: "computed:sum"},
        {region: "DG", value: 36000, computed: true, origin: "computed:sum"}
      ]);
    });
  });

  describe("changes", () => {
    const change = async (region: string, period: string) =>
      (await query(dirs.target, "SELECT change_1y, change_5y, change_10y FROM facts WHERE indicator = 'quote' AND region = $region AND period = $period", {region, period}))[0];

    it("value minus the value n years earlier", async () => {
      expect(await change("05315", "2020")).toEqual({change_1y: 2, change_5y: 5, change_10y: 10});
      const [row] = await query(dirs.target, "SELECT rank, change_1y, change_5y, change_10y FROM comparisons_with_changes WHERE indicator = 'quote' AND region = '05315' AND period = '2020' AND group_id = 'kreise'");
      expect(row).toEqual({rank: 1, change_1y: 2, change_5y: 5, change_10y: 10});
    });

    it("only between plain numbers: a provisional year gives none, '-' counts as 0", async () => {
      expect(await change("01002", "2020")).toEqual({change_1y: null, change_5y: 20, change_10y: null});
      expect(await change("01002", "2019")).toEqual({change_1y: null, change_5y: null, change_10y: null});
    });
  });

  it("quality report: coverage per indicator × level × year, flags, stale indicators", () => {
    const q = result.quality;
    expect(q.generated).toBe(NOW.toISOString());
    expect(q.coverage.find((c) => c.indicator === "quote" && c.level === "kreis" && c.year === 2020)).toEqual({
      indicator: "quote", level: "kreis", year: 2020, with_value: 6, with_observation: 7, expected: 8, share: 0.75
    });
    expect(q.flags).toContainEqual({indicator: "quote", flag: ".", label: "unbekannt oder geheim", n: 1});
    // 2024 − 2020 = 4 > 3 years
    expect(q.stale.indicators.map((s) => s.indicator)).toContain("kinder");
    expect(q.set_aside.available).toBe(false);
  });
});

describe("overlay data/updates/", () => {
  it("a later update file wins over an earlier one and over the snapshot; provenance is kept", async () => {
    const dirs = writeFixture({
      updates: {
        "2024-02-01-b.csv": [["quote", "05315", "2020", 32, null, "live"]],
        "2024-01-01-a.csv": [["quote", "05315", "2020", 31, null, "live"], ["quote", "05162", "2020", 12, "p", "live"]]
      }
    });
    try {
      const result = await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, quality: {now: NOW}});
      expect(result.updates.map((f) => f.split("/").pop())).toEqual(["2024-01-01-a.csv", "2024-02-01-b.csv"]);
      const rows = await query(dirs.target, "SELECT region, value, flag, source, origin FROM observations WHERE indicator = 'quote' AND period = '2020' AND region IN ('05315', '05162') ORDER BY region");
      expect(rows).toEqual([
        {region: "05162", value: 12, flag: "p", source: "live", origin: "updates/2024-01-01-a.csv"},
        {region: "05315", value: 32, flag: null, source: "live", origin: "updates/2024-02-01-b.csv"}
      ]);
      const superseded = await query(dirs.target, "SELECT value, origin, superseded_by FROM superseded_observations ORDER BY origin");
      expect(superseded).toEqual([
        {value: 30, origin: "snapshot", superseded_by: "updates/2024-02-01-b.csv"},
        {value: 31, origin: "updates/2024-01-01-a.csv", superseded_by: "updates/2024-02-01-b.csv"}
      ]);
      // The overlay feeds the derived tables: Neuss is now ranked.
      const [neuss] = await query(dirs.target, "SELECT rank, n_ranked FROM comparisons WHERE group_id = 'kreise' AND indicator = 'quote' AND period = '2020' AND region = '05162'");
      expect(neuss).toEqual({rank: 5, n_ranked: 7});
    } finally {
      dirs.cleanup();
    }
  });

  it("a missing updates folder is skipped", async () => {
    const dirs = writeFixture();
    try {
      const result = await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, quality: {now: NOW}});
      expect(result.updates).toEqual([]);
      expect(existsSync(dirs.target)).toBe(true);
    } finally {
      dirs.cleanup();
    }
  });
});

describe("checks keep the previous warehouse", () => {
  const cases: [string, {observations?: FixtureObservation[]; updates?: Record<string, FixtureObservation[]>}][] = [
    ["observation_unknown_region", {observations: [...OBSERVATIONS, ["quote", "09999", "2020", 1, null]]}],
    // Issue #18: a key that lost its leading zero (a spreadsheet's 5162 for 05162) is refused, never kept as another region.
    ["region_key_lost_leading_zero", {updates: {"a.csv": [["quote", "5162", "2020", 3, null]]}}],
    ["observation_unknown_indicator", {observations: [...OBSERVATIONS, ["gibtsnicht", "05315", "2020", 1, null]]}],
    ["value_out_of_range", {observations: [...OBSERVATIONS, ["quote", "05162", "2020", 120, null]]}],
    ["valueless_flag_with_value", {observations: [...OBSERVATIONS, ["quote", "05162", "2020", 5, "."]]}],
    ["dash_flag_not_zero", {observations: [...OBSERVATIONS, ["quote", "05162", "2020", 3, "-"]]}],
    ["missing_value_without_flag", {observations: [...OBSERVATIONS, ["quote", "05162", "2020", null, null]]}],
    ["flag_unknown", {observations: [...OBSERVATIONS, ["quote", "05162", "2020", 3, "?"]]}],
    ["period_malformed", {observations: [...OBSERVATIONS, ["quote", "05162", "2020/21", 3, null]]}],
    // Issue #18: the shape of a date without such a day, and no date at all, from an update file.
    ["period_malformed", {updates: {"a.csv": [["quote", "05162", "2024-02-31", 3, null]]}}],
    ["period_malformed", {updates: {"a.csv": [["quote", "05162", "banana", 3, null]]}}],
    ["duplicate_key_in_one_file", {updates: {"a.csv": [["quote", "05162", "2020", 3, null], ["quote", "05162", "2020", 4, null]]}}]
  ];
  it("names the key a lost leading zero probably meant", async () => {
    const bad = writeFixture({updates: {"a.csv": [["quote", "5162", "2020", 3, null]]}});
    try {
      const error = await buildWarehouse({snapshotDir: bad.snapshotDir, target: bad.target, updatesDir: bad.updatesDir}).catch((e: unknown) => e);
      expect((error as Error).message).toBe('Prüfung "region_key_lost_leading_zero" fehlgeschlagen: 1 Zeile(n), z. B. {"indicator":"quote","region":"5162","period":"2020","origin":"updates/a.csv","probably":"05162"}');
    } finally {
      bad.cleanup();
    }
  });

  it.each(cases)("%s", async (check, input) => {
    const good = writeFixture();
    const bad = writeFixture(input);
    try {
      await buildWarehouse({snapshotDir: good.snapshotDir, target: good.target, updatesDir: null});
      const before = await query(good.target, "SELECT count(*)::INTEGER AS n FROM observations");
      const error = await buildWarehouse({snapshotDir: bad.snapshotDir, target: good.target, updatesDir: bad.updatesDir}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WarehouseCheckError);
      expect((error as WarehouseCheckError).check).toBe(check);
      expect(await query(good.target, "SELECT count(*)::INTEGER AS n FROM observations")).toEqual(before);
      expect(readdirSync(`${good.root}/data`).filter((f) => f.includes(".tmp-"))).toEqual([]);
    } finally {
      good.cleanup();
      bad.cleanup();
    }
  });
});

describe("comparisons_duplicate_key (grouped by a hash first)", () => {
  it("reports a repeated key with its count, and nothing for keys that only share a prefix", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const check = namedQueries(readSql("checks")).find((q) => q.name === "comparisons_duplicate_key")!.sql;
    await connection.run("CREATE TABLE comparisons (indicator VARCHAR, region VARCHAR, period VARCHAR, group_id VARCHAR)");
    await connection.run("INSERT INTO comparisons VALUES ('quote', '05315', '2020', 'grossstaedte'), ('quote', '05315', '2020', 'land'), ('quote', '05315', '2021', 'grossstaedte'), ('quote', '0531', '52020', 'grossstaedte')");
    expect(await queryRows(connection, check)).toEqual([]);
    await connection.run("INSERT INTO comparisons VALUES ('quote', '05315', '2021', 'grossstaedte')");
    expect(await queryRows(connection, check)).toEqual([{indicator: "quote", region: "05315", period: "2021", group_id: "grossstaedte", n: 2n}]);
    connection.closeSync();
    instance.closeSync();
  });
});
