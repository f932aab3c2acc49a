/**
 * The peer group "aehnliche" on the committed snapshot: complete and valid neighbours, the
 * region's own comparison rows, kbm peers' shape, and the browser's recomputation (the same
 * shared module on the exported data, through JSON as the page gets it) equal to the warehouse.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {similarContext, similarPeers, similarPeersCsv} from "../../../pipelines/exports/similar.ts";
import {regionProfile} from "../../../pipelines/exports/profile.ts";
import {fromExport, nearest, type SimilarContextFile} from "../../../src/shared/similarity.ts";
import {openRealWarehouse, type RealWarehouse} from "../../support/real-warehouse.ts";
import {trainingDirectory, trainingExample} from "../../../pipelines/exports/training.ts";
import {KITA} from "../../../src/components/training-examples.ts";
import {groupPhrase, peerComparison} from "../../../src/components/training-model.ts";
import {withSimilarGroup} from "../../../src/components/training-similar.ts";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {captureIO} from "../../support/capture-io.ts";

let wh: RealWarehouse;
beforeAll(async () => {
  wh = await openRealWarehouse("kbm-similar-");
}, 180_000);
afterAll(() => wh?.close());

describe("similar peers on the real snapshot", () => {
  it("every Kreis has 10 similar Kreise, every Berlin district 5 districts, never itself", async () => {
    const rows = await wh.rows(
      `SELECT r.level, count(DISTINCT r.id)::INTEGER AS regions, min(c.n)::INTEGER AS min_n, max(c.n)::INTEGER AS max_n
       FROM regions r JOIN (SELECT region, count(*) AS n FROM similar_neighbours GROUP BY region) c ON c.region = r.id
       GROUP BY r.level ORDER BY r.level`
    );
    expect(rows).toEqual([
      {level: "bezirk", regions: 12, min_n: 5, max_n: 5},
      {level: "kreis", regions: 400, min_n: 10, max_n: 10}
    ]);
    expect(await wh.rows("SELECT count(*)::INTEGER AS n FROM similar_neighbours WHERE region = neighbour")).toEqual([{n: 0}]);
  });

  it("uses at least 6 context indicators per level, each from one complete year", async () => {
    const rows = await wh.rows("SELECT level, count(*)::INTEGER AS n FROM similar_indicators GROUP BY level ORDER BY level");
    expect(rows.every((r) => (r.n as number) >= 6)).toBe(true);
    // Every region has every context value (the newest year all share exists for each).
    expect(await wh.rows("SELECT count(*)::INTEGER AS n FROM similar_context WHERE value IS NULL AND category IS NULL")).toEqual([{n: 0}]);
  });

  it("z-scores have mean 0 and population sd 1 over the 400 Kreise", async () => {
    const rows = await wh.rows(
      `SELECT indicator, avg(z) AS mean, sqrt(avg(z * z) - avg(z) ^ 2) AS sd FROM similar_context WHERE level = 'kreis' AND z IS NOT NULL GROUP BY indicator`
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows) {
      expect(r.mean as number).toBeCloseTo(0, 9);
      expect(r.sd as number).toBeCloseTo(1, 9);
    }
  });

  it("the browser's recomputation with default weights equals the warehouse's group", async () => {
    // Through JSON, as src/data/similar-context.json reaches the page.
    const file = JSON.parse(JSON.stringify(await similarContext(wh.sql))) as SimilarContextFile;
    const kreise = fromExport(file.kreis!);
    const bezirke = fromExport(file.bezirk!);
    const cases: [string, ReturnType<typeof fromExport>, number][] = [
      ["05315", kreise, 10], ["03354", kreise, 10], ["15002", kreise, 10], ["09162", kreise, 10], ["11000", kreise, 10], ["16069", kreise, 10],
      ["11008008", bezirke, 5], ["11001001", bezirke, 5]
    ];
    for (const [region, data, k] of cases) {
      const expected = await wh.rows("SELECT neighbour AS id, distance FROM similar_neighbours WHERE region = $region ORDER BY position", {region});
      const browser = nearest(data, region, k).map((n) => ({id: n.id, distance: n.distance}));
      expect(browser, region).toEqual(expected);
    }
  });

  it("kbm peers: neighbours with distance and contributions that add up to 1", async () => {
    const peers = await similarPeers(wh.sql, "05315");
    expect(peers.region).toBe("05315");
    expect(peers.neighbours).toHaveLength(10);
    expect(peers.indicators.map((i) => i.id)).toContain("kinderarmut");
    const distances = peers.neighbours.map((n) => n.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const n of peers.neighbours) {
      expect(Object.keys(n.contributions)).toEqual(peers.indicators.map((i) => i.id));
      expect(Object.values(n.contributions).reduce((s: number, v) => s + (v ?? 0), 0)).toBeCloseTo(1, 9);
    }
    const csv = similarPeersCsv(peers).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(csv).toHaveLength(11);
    expect(csv[1]!.split(";").slice(0, 3)).toEqual(["05315", "1", peers.neighbours[0]!.id]);
  });

  it("Köln's rank among itself and its neighbours: 'Platz k von 11', median and quartiles of the 11", async () => {
    const [row] = await wh.rows(
      "SELECT indicator, period, value, rank, n_ranked, percentile, median, q1, q3 FROM comparisons WHERE group_id = 'aehnliche' AND region = '05315' AND indicator = 'kinderarmut_sgb2_u15' AND period = '2022'"
    );
    const members = await wh.rows(
      `SELECT o.value FROM observations o WHERE o.indicator = 'kinderarmut_sgb2_u15' AND o.period = '2022' AND o.value IS NOT NULL
       AND (o.region = '05315' OR o.region IN (SELECT neighbour FROM similar_neighbours WHERE region = '05315'))`
    );
    const values = members.map((m) => m.value as number).sort((a, b) => a - b);
    const own = row!.value as number;
    expect(row!.n_ranked).toBe(values.length);
    expect(values.length).toBe(11);
    expect(row!.rank).toBe(1 + values.filter((v) => v > own).length);
    expect(row!.percentile as number).toBeCloseTo((100 * values.filter((v) => v < own).length) / 10, 9);
    // Type-7 quantiles of 11 sorted values: median the 6th, quartiles the 3.5th and 8.5th.
    expect(row!.median).toBe(values[5]);
    expect(row!.q1 as number).toBeCloseTo((values[2]! + values[3]!) / 2, 9);
    expect(row!.q3 as number).toBeCloseTo((values[7]! + values[8]!) / 2, 9);
    // Only the region's own rows: no neighbour has a row in Köln's group.
    const owners = await wh.rows("SELECT count(DISTINCT region)::INTEGER AS n FROM comparisons WHERE group_id = 'aehnliche'");
    expect(owners).toEqual([{n: 412}]);
  });

  it("kbm export has peers.aehnliche next to the fixed groups", async () => {
    const records = await regionProfile(wh.sql, "05315");
    const record = records.find((r) => r.indicator === "kinderarmut_sgb2_u15" && r.period === "2022")!;
    expect(Object.keys(record.peers)).toContain("aehnliche");
    expect(record.peers.aehnliche!.of).toBe(11);
    expect(Object.keys(record.peers).at(-1)).toBe("aehnliche");
  });

  it("training examples: the group of the chosen Kreis, with the warehouse's rank and median", async () => {
    const data = {...(await trainingExample(wh.sql, "kita-u3")), ...(await trainingDirectory(wh.sql))};
    expect(data.groups.find((g) => g.id === "aehnliche")).toMatchObject({members: 11});
    for (const region of ["05315", "03354", "15002"]) {
      const own = withSimilarGroup(data, region, "aehnliche");
      const year = Math.max(...data.series[KITA]!.years);
      const c = peerComparison(own, KITA, region, "aehnliche", year)!;
      const [expected] = await wh.rows("SELECT rank, n_ranked, median FROM comparisons WHERE group_id = 'aehnliche' AND region = $region AND indicator = $i AND year = $y", {region, i: KITA, y: year});
      expect({rank: c.rank, n: c.n, members: c.members}).toEqual({rank: expected!.rank, n: expected!.n_ranked, members: 11});
      expect(c.median).toBeCloseTo(expected!.median as number, 9);
      expect(groupPhrase(own.groups.find((g) => g.id === "aehnliche")!, c.n)).toBe("der 11 Kreise der Gruppe „Ähnliche Kommunen“");
    }
    // Any other group leaves the data as it is.
    expect(withSimilarGroup(data, "05315", "grossstaedte")).toBe(data);
  });

  it("the command: JSON as documented, German CSV, clear errors", async () => {
    const run = async (args: string[]) => {
      const c = captureIO();
      const code = await runCli(["peers", ...args], c.io);
      return {code, stdout: c.stdout(), stderr: c.stderr()};
    };
    const json = await run(["--region", "03354", "--warehouse", wh.target]);
    expect(json.code).toBe(EXIT_OK);
    const parsed = JSON.parse(json.stdout) as {region: string; indicators: {id: string}[]; neighbours: {id: string; name: string; distance: number; contributions: Record<string, number>}[]};
    expect(Object.keys(parsed)).toEqual(["region", "indicators", "neighbours"]);
    expect(Object.keys(parsed.neighbours[0]!)).toEqual(["id", "name", "distance", "contributions"]);
    expect(parsed.neighbours.map((n) => n.id)).toEqual((await wh.rows("SELECT neighbour FROM similar_neighbours WHERE region = '03354' ORDER BY position")).map((r) => r.neighbour));
    const csv = await run(["--region", "11008008", "--format", "csv", "--warehouse", wh.target]);
    expect(csv.code).toBe(EXIT_OK);
    expect(csv.stdout.replace(/^\uFEFF/, "").trim().split(/\r?\n/)).toHaveLength(6);
    const land = await run(["--region", "05", "--warehouse", wh.target]);
    expect(land.code).toBe(EXIT_DATA_ERROR);
    expect(land.stderr).toContain("nur für Kreise und Berliner Bezirke");
    expect((await run([])).code).toBe(EXIT_USAGE);
    expect((await run(["--region", "05315", "--format", "xlsx"])).code).toBe(EXIT_USAGE);
  });
});
