import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {regionProfile, profilesZip, readProfileFile, type ProfileFile, type ProfileRecord} from "../../pipelines/exports/profile.ts";
import {peerGroups} from "../../pipelines/exports/catalog.ts";
import {latestValues} from "../../pipelines/exports/peer-values.ts";
import {buildWarehouse} from "../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../pipelines/warehouse/open.ts";
import {comparisonFromUrl, comparisonToSearch, indicatorView, rankAmong, type PeerGroupInfo} from "../../src/components/profile-model.ts";
import {REGIONS, writeFixture, type FixtureDirs} from "../pipelines/warehouse/fixture.ts";

let dirs: FixtureDirs;
let file: ProfileFile;
let exported: ProfileRecord[];
let groups: PeerGroupInfo[];
let latest: Awaited<ReturnType<typeof latestValues>>;
const names = new Map(REGIONS.map((r) => [r.id, r.name]));

beforeAll(async () => {
  dirs = writeFixture();
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
  await withWarehouse(dirs.target, async (c) => {
    file = readProfileFile(await profilesZip(c), "05315")!;
    exported = await regionProfile(c, "05315");
    groups = await peerGroups(c);
    latest = await latestValues(c);
  });
});
afterAll(() => dirs.cleanup());

describe("indicatorView", () => {
  it("shows the same latest value, rank, count, percentile and median as kbm export, for every group", () => {
    for (const groupId of file.region.groups) {
      const group = groups.find((g) => g.id === groupId)!;
      for (const indicator of file.indicators) {
        const view = indicatorView(file, indicator, {kind: "group", group}, latest, names);
        const record = exported.filter((r) => r.indicator === indicator.id).at(-1)!;
        expect(view.latest?.value, `${indicator.id}/${groupId}`).toBe(record.value);
        expect(view.latest?.period).toBe(record.period);
        const peers = record.peers[groupId];
        expect({rank: view.rank, of: view.of, percentile: view.percentile, median: view.median}).toEqual(
          peers ? {rank: peers.rank, of: peers.of, percentile: peers.percentile, median: peers.median} : {rank: null, of: 0, percentile: null, median: null}
        );
        expect(view.change1).toBe(record.change_1y);
      }
    }
  });

  it("writes a sentence from the data that says over or under, never better or worse", () => {
    const group = groups.find((g) => g.id === "kreise")!;
    const view = indicatorView(file, file.indicators.find((i) => i.id === "quote")!, {kind: "group", group}, latest, names);
    expect(view.sentence).toBe("Köln lag 2020 mit 30,0\u00a0% über dem Median der Vergleichsgruppe " + group.name + " (6 Regionen mit Wert: 17,5\u00a0%).");
    expect(view.sources).toEqual(["test"]);
  });

  it("ranks within a user-picked set from the shared latest values, the flagged member left out", () => {
    const view = indicatorView(file, file.indicators.find((i) => i.id === "quote")!, {kind: "custom", regions: ["01002", "05111", "08111"]}, latest, names);
    // Köln 30, Kiel 20, Stuttgart 5; Düsseldorf has "." and is not counted.
    expect({rank: view.rank, of: view.of, median: view.median, percentile: view.percentile}).toEqual({rank: 1, of: 3, median: 20, percentile: 100});
    expect(view.strip.map((s) => s.id).sort()).toEqual(["01002", "05111", "05315", "08111"]);
  });
});

describe("rankAmong", () => {
  it("gives ties the smallest rank and counts only strictly lower values for the percentile", () => {
    expect(rankAmong([10, 20, 20, 30], 20)).toEqual({rank: 2, of: 4, percentile: 33.3});
    expect(rankAmong([5], 5)).toEqual({rank: 1, of: 1, percentile: null});
  });
});

describe("comparison in the URL", () => {
  it("round-trips a group and a picked set, drops unknown ids and the region itself, keeps at most five", () => {
    const known = new Set(REGIONS.map((r) => r.id));
    const group = comparisonFromUrl("?gruppe=kreisfrei", file, groups, known);
    expect(group).toMatchObject({kind: "group", group: {id: "kreisfrei"}});
    expect(comparisonToSearch(group)).toBe("?gruppe=kreisfrei");
    const custom = comparisonFromUrl("?vergleich=05315,01002,99999,05111,08111,01001,01051,11000", file, groups, known);
    expect(custom).toEqual({kind: "custom", regions: ["01002", "05111", "08111", "01001", "01051"]});
    expect(comparisonFromUrl("?gruppe=bezirke", file, groups, known)).toMatchObject({kind: "group", group: {id: file.region.groups[0]}});
  });
});
