import {DuckDBInstance} from "@duckdb/node-api";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildWarehouse, type BuildResult} from "../../../pipelines/warehouse/build.ts";

// Peer-group membership on the committed snapshot (data/snapshot): Gebietsstand 01.07.2021.
const SNAPSHOT = resolve(import.meta.dirname, "../../../data/snapshot");
const hasDistricts = readFileSync(join(SNAPSHOT, "regions.csv"), "utf-8").includes(",bezirk,");
let dir: string;
let sizes: Record<string, number>;
let result: BuildResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kbm-real-"));
  const target = join(dir, "warehouse.duckdb");
  result = await buildWarehouse({snapshotDir: SNAPSHOT, target, updatesDir: null});
  const instance = await DuckDBInstance.create(target, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll("SELECT g.id, count(m.region)::INTEGER AS n FROM peer_groups g LEFT JOIN peer_group_members m ON m.group_id = g.id GROUP BY g.id");
  sizes = Object.fromEntries(reader.getRowObjectsJS().map((r) => [String(r.id), Number(r.n)]));
  connection.closeSync();
  instance.closeSync();
  // A full build of the real snapshot: ~10 s alone, longer on a shared machine.
}, 120_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("peer groups on the real snapshot", () => {
  it("25 Großstädte, 106 kreisfreie Städte, 294 Landkreise, 400 Kreise", () => {
    expect(sizes.grossstaedte).toBe(25);
    expect(sizes.kreisfrei).toBe(106);
    expect(sizes.landkreise).toBe(294);
    expect(sizes.kreise).toBe(400);
  });

  it("the Kreistypen and Länder partition the 400 Kreise", () => {
    expect([1, 2, 3, 4].reduce((s, t) => s + sizes[`kreistyp_${t}`]!, 0)).toBe(400);
    const laender = Object.keys(sizes).filter((id) => id.startsWith("land_"));
    expect(laender).toHaveLength(16);
    expect(laender.reduce((s, id) => s + sizes[id]!, 0)).toBe(400);
    expect(sizes.land_05).toBe(53);
  });

  it.skipIf(!hasDistricts)("Berlin's 12 districts", () => {
    expect(sizes.bezirke).toBe(12);
  });
});

describe("gaps in the real snapshot", () => {
  it("INKAR cells blank in the source are rows without a number, so coverage counts them as gaps", () => {
    // inkar_kreise_1995-2022.csv leaves share_abitur blank for 18 Kreise in 2001 (Göttingen, Aachen,
    // the six Kreise of Mecklenburg-Vorpommern's 2011 reform, ten of Sachsen-Anhalt's 2007 reform).
    const row = result.quality.coverage.find((c) => c.indicator === "schulabgaenger_allg_hochschulreife" && c.level === "kreis" && c.year === 2001);
    expect(row).toMatchObject({with_observation: 400, with_value: 382, expected: 400});
  });
});

