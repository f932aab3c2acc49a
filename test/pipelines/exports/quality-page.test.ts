import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {qualityPage, staleRule} from "../../../pipelines/exports/quality-page.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {withWarehouse} from "../../../pipelines/warehouse/open.ts";
import {sharePercent, shareClass} from "../../../src/daten/quality-view.ts";
import {writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

let dirs: FixtureDirs;
let tmp: string;
beforeAll(async () => {
  dirs = writeFixture();
  tmp = mkdtempSync(join(tmpdir(), "kbm-quality-page-"));
  await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null});
}, 60_000);
afterAll(() => {
  dirs.cleanup();
  rmSync(tmp, {recursive: true, force: true});
});

const now = () => new Date("2026-06-30T12:00:00Z");

describe("data-quality page export", () => {
  it("coverage per indicator × level from the first year on, one count per year", async () => {
    const page = await withWarehouse(dirs.target, (c) => qualityPage(c, {now, importReportPath: join(tmp, "missing.json")}));
    expect(page.reference_year).toBe(2026);
    expect(page.levels.map((l) => l.level)).toEqual(["bund", "land", "kreis", "bezirk", "planungsraum"]);
    for (const row of page.coverage) {
      expect(row.with_value.length).toBeGreaterThan(0);
      expect(row.with_value.every((n) => n >= 0 && n <= row.expected)).toBe(true);
      expect(page.indicators.some((i) => i.id === row.indicator)).toBe(true);
    }
    expect(page.import).toBeNull();
  });

  it("flags carry their German meaning; stale follows the rule of the latest year's source", async () => {
    const page = await withWarehouse(dirs.target, (c) => qualityPage(c, {now, importReportPath: join(tmp, "missing.json")}));
    for (const f of page.flags) expect(f.label).not.toBe("unbekannt");
    expect(page.stale).toHaveLength(page.indicators.length);
    for (const s of page.stale) {
      expect(s.threshold_years).toBe(staleRule(s.source).years);
      expect(s.stale).toBe(s.years_old === null || s.years_old > s.threshold_years);
      if (s.latest_year !== null) expect(s.years_old).toBe(2026 - s.latest_year);
    }
  });

  it("reads the import report in short when it is there", async () => {
    const path = join(tmp, "import-report.json");
    writeFileSync(path, JSON.stringify({counts: {}, set_aside: {total: 0, by_file: [], by_reason: []}, overridden: [], berlin: {joint_wahlkreise_set_aside: [], kitas_without_places: 0}, crosscheck: {tolerance: 0.05, checks: []}, top_disagreements: []}));
    const page = await withWarehouse(dirs.target, (c) => qualityPage(c, {now, importReportPath: path}));
    expect(page.import?.crosscheck.tolerance).toBe(0.05);
  });

  it("stale thresholds: census 12 years, MSS 4, election data 5, lists 2, annual statistics 3", () => {
    expect([staleRule("zensus2022").years, staleRule("mss2021").years, staleRule("ew24_strukturdaten").years, staleRule("senbjf_kitaliste").years, staleRule("inkar").years, staleRule(null).years]).toEqual([12, 4, 5, 2, 3, 3]);
  });
});

describe("coverage cells", () => {
  it("show 100 only when complete and 0 only when empty, never rounded to either", () => {
    expect([sharePercent(400, 400), sharePercent(399, 400), sharePercent(1, 400), sharePercent(0, 400), sharePercent(0, 0)]).toEqual([100, 99, 1, 0, 0]);
    expect([shareClass(100), shareClass(95), shareClass(60), shareClass(1), shareClass(0)]).toEqual(["share-full", "share-high", "share-mid", "share-low", "share-none"]);
  });
});
