/**
 * The three cities stored as Gemeinden (Hannover, Aachen, Saarbrücken) on the real snapshot:
 * their values ride on the Kreis profile as the city's own figures and are never ranked.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {profileFileRows, type ProfileFile} from "../../../pipelines/exports/profile.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {queryRows} from "../../../pipelines/warehouse/sql.ts";

const SNAPSHOT = resolve(import.meta.dirname, "../../../data/snapshot");
let dir: string;
let target: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kbm-cities-"));
  target = join(dir, "warehouse.duckdb");
  await buildWarehouse({snapshotDir: SNAPSHOT, target, updatesDir: null});
}, 120_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("cities with rows of their own", () => {
  it("are in no peer group and have no rank", async () => {
    await withWarehouse(target, async (c) => {
      const members = await queryRows(c, "SELECT count(*)::INTEGER AS n FROM peer_group_members m JOIN regions r ON r.id = m.region WHERE r.level = 'gemeinde'");
      const ranked = await queryRows(c, "SELECT count(*)::INTEGER AS n FROM comparisons c JOIN regions r ON r.id = c.region WHERE r.level = 'gemeinde'");
      expect([members[0]!.n, ranked[0]!.n]).toEqual([0, 0]);
    });
  });

  it("ride on their Kreis profile; Aachen's 2023 leavers row is flagged, not shown as fact", async () => {
    const file = await withWarehouse(target, async (c) => {
      const rows = await profileFileRows(c, ["05"]);
      return JSON.parse(rows.find((r) => r.id === "05334")!.json) as ProfileFile;
    });
    expect(file.cities.map((c) => [c.id, c.name])).toEqual([["05334002", "Aachen, Stadt"]]);
    const value = (indicator: string, period: string) => file.cities[0]!.values.find((v) => v.indicator === indicator && v.period === period);
    expect(value("schulabgaenger_ohne_hsa", "2023")).toMatchObject({value: null, flag: "/"});
    // 2024: 155 of 2,245 leavers without Ersten Schulabschluss (raw file) = 6.9 %.
    expect(value("schulabgaenger_ohne_hsa", "2024")!.value!.toFixed(1)).toBe("6.9");
    // 2025: 8.3 % unemployment as published for the city.
    expect(value("arbeitslosenquote", "2025")!.value).toBe(8.3);
    // No Kita rate for the city (no children under 3 of its own in the population table).
    expect(value("betreuungsquote_u3", "2025")).toBeUndefined();
    // The Kreis's own series and ranking are untouched by the city.
    expect(file.region.id).toBe("05334");
    expect(Object.keys(file.series)).toContain("schulabgaenger_ohne_hsa");
  });
});
