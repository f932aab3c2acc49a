import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {kreiseOverview} from "../../../pipelines/exports/kreise-overview.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {KREISE, writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

let dirs: FixtureDirs;

beforeAll(async () => {
  dirs = writeFixture();
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
});
afterAll(() => dirs.cleanup());

describe("kreiseOverview", () => {
  it("gives every Kreis a row for the latest period with a number, flagged ones without a value", async () => {
    const overview = await withWarehouse(dirs.target, (c) => kreiseOverview(c, "quote"));
    expect(overview.period).toBe("2020");
    expect(overview.rows.map((r) => r.id)).toEqual([...KREISE].sort());
    const duesseldorf = overview.rows.find((r) => r.id === "05111")!;
    expect(duesseldorf).toMatchObject({value: null, flag: "."});
    expect(overview.rows.find((r) => r.id === "05315")).toMatchObject({value: 30, land_name: "Nordrhein-Westfalen"});
  });

  it("names the sources of the values it returns, not the indicator's main source", async () => {
    const overview = await withWarehouse(dirs.target, (c) => kreiseOverview(c, "quote"));
    expect(overview.sources.map((s) => s.id)).toEqual(["test"]);
    expect(overview.sources[0]!.attribution).toBe("Datenquelle: Testamt");
  });

  it("refuses an indicator the warehouse does not hold", async () => {
    await expect(withWarehouse(dirs.target, (c) => kreiseOverview(c, "gibt_es_nicht"))).rejects.toThrow("Indikator gibt_es_nicht ist nicht im Warehouse");
  });
});
