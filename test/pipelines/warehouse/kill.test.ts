import {DuckDBInstance} from "@duckdb/node-api";
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {KILL_POINTS} from "../../../pipelines/warehouse/kill-point.ts";
import {OBSERVATIONS, writeFixture, type FixtureDirs} from "./fixture.ts";

const CHILD = join(import.meta.dirname, "build-child.ts");

/** What a reader sees: row counts and a checksum of the observations. */
async function content(path: string): Promise<unknown> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      "SELECT (SELECT count(*) FROM observations)::INTEGER AS observations, (SELECT count(*) FROM comparisons)::INTEGER AS comparisons, " +
        "(SELECT sum(hash(indicator, region, period, value, flag)) FROM observations)::VARCHAR AS checksum"
    );
    return reader.getRowObjectsJS()[0];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function runChild(snapshotDir: string, target: string, killAt?: string) {
  return spawnSync(process.execPath, ["--import", "tsx", CHILD, snapshotDir, target], {
    encoding: "utf-8",
    env: {...process.env, KBM_WAREHOUSE_KILL_AT: killAt ?? ""},
    timeout: 60_000
  });
}

describe("a build killed at any point leaves the previous warehouse", () => {
  let old: FixtureDirs;
  let next: FixtureDirs;
  let before: unknown;
  beforeAll(async () => {
    old = writeFixture();
    // The new snapshot differs: one more observation.
    next = writeFixture({observations: [...OBSERVATIONS, ["quote", "05162", "2020", 12, null]]});
    await buildWarehouse({snapshotDir: old.snapshotDir, target: old.target, updatesDir: null});
    before = await content(old.target);
  });
  afterAll(() => {
    old.cleanup();
    next.cleanup();
  });

  it.each(KILL_POINTS)("killed at %s", async (point) => {
    const child = runChild(next.snapshotDir, old.target, point);
    expect(child.signal).toBe("SIGKILL");
    expect(child.stdout).not.toContain("built");
    expect(await content(old.target)).toEqual(before);
    // The killed build's temp file is left behind (nothing ran after SIGKILL) …
    expect(readdirSync(join(old.root, "data")).some((f) => f.startsWith("warehouse.duckdb.tmp-"))).toBe(true);
  });

  it("the next build removes the dead builds' temp files and replaces the warehouse", async () => {
    const child = runChild(next.snapshotDir, old.target);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const after = (await content(old.target)) as {observations: number};
    expect(after.observations).toBe(OBSERVATIONS.length + 1);
    expect(readdirSync(join(old.root, "data")).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
