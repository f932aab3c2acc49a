import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {latestValues, levelSeries} from "../../../pipelines/exports/peer-values.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

let dirs: FixtureDirs;

beforeAll(async () => {
  dirs = writeFixture();
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
});
afterAll(() => dirs.cleanup());

describe("latestValues", () => {
  it("takes each indicator's latest period per level and keeps flagged regions without a number", async () => {
    const latest = await withWarehouse(dirs.target, latestValues);
    const quote = latest["quote|kreis"]!;
    expect(quote.period).toBe("2020");
    expect(quote.region).toEqual(["01001", "01002", "01051", "05111", "05315", "08111", "11000"]);
    expect(quote.value).toEqual([10, 20, 20, null, 30, 5, 15]);
    expect(quote.flag[quote.region.indexOf("05111")]).toBe(".");
    // Länder values are not peers of Kreise: the published Land value 7.5 is not in the list.
    expect(quote.value).not.toContain(7.5);
    expect(latest["bezirkswert|bezirk"]).toEqual({period: "2020", region: ["11001001", "11002002"], value: [12, 14], flag: [null, null]});
  });
});

describe("levelSeries", () => {
  it("aligns every region's values with the indicator's years, gaps as null, flags kept apart", async () => {
    const series = await withWarehouse(dirs.target, (c) => levelSeries(c, "kreis"));
    expect(series.quote!.years).toEqual([2010, 2015, 2019, 2020]);
    expect(series.quote!.values["05315"]).toEqual([20, 25, 28, 30]);
    expect(series.quote!.values["01002"]).toEqual([null, 0, 18, 20]);
    expect(series.quote!.flags["01002"]).toEqual({1: "-", 2: "p"});
    expect(series.quote!.values["05111"]).toEqual([null, null, null, null]);
    expect(series.quote!.flags["05111"]).toEqual({3: "."});
    expect(series.bezirkswert).toBeUndefined();
  });
});
