/**
 * The warehouse accepts sources declared by the overlay (data/updates/sources.json, written by
 * kbm pull) for the observations of update files; see pipelines/warehouse/build.ts.
 */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterEach, describe, expect, it} from "vitest";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {SOURCES, writeFixture, type FixtureDirs} from "../warehouse/fixture.ts";

const NOW = new Date("2026-03-10T12:00:00Z");
let dirs: FixtureDirs | undefined;
afterEach(() => dirs?.cleanup());

const entry = (id: string, title = `Live ${id}`) => ({...SOURCES[0]!, id, title});

async function sources(target: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(target, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll("SELECT id, json_extract_string(meta, '$.title') AS title FROM sources ORDER BY id")).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("sources declared by the overlay", () => {
  it("are added when an update file uses them; unused entries are left out; the snapshot's entry wins on the same id", async () => {
    dirs = writeFixture({
      updates: {
        "2026-03-10-99999.csv": [
          ["quote", "05162", "2020", 12, null, "regionalstatistik_99999"],
          ["quote", "05162", "2019", 11, null, "test"]
        ]
      }
    });
    writeFileSync(
      join(dirs.updatesDir, "sources.json"),
      JSON.stringify([entry("regionalstatistik_99999"), entry("regionalstatistik_unused"), entry("test", "nicht der Snapshot-Eintrag")])
    );
    const logged: string[] = [];
    await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, quality: {now: NOW}, log: (m) => logged.push(m)});
    expect(await sources(dirs.target)).toEqual([
      {id: "live", title: "Live-Abruf"},
      {id: "regionalstatistik_99999", title: "Live regionalstatistik_99999"},
      {id: "test", title: "Teststatistik"}
    ]);
    expect(logged).toContainEqual(expect.stringContaining("Quelle test steht schon im Snapshot; es gilt dessen Eintrag"));
  });

  it("without the declaration, an update naming an unknown source still fails the check", async () => {
    dirs = writeFixture({updates: {"2026-03-10-99999.csv": [["quote", "05162", "2020", 12, null, "regionalstatistik_99999"]]}});
    await expect(buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, quality: {now: NOW}})).rejects.toThrow('Prüfung "observation_unknown_source" fehlgeschlagen');
  });

  it("--no-updates ignores the declarations too", async () => {
    dirs = writeFixture({updates: {"2026-03-10-99999.csv": [["quote", "05162", "2020", 12, null, "regionalstatistik_99999"]]}});
    writeFileSync(join(dirs.updatesDir, "sources.json"), JSON.stringify([entry("regionalstatistik_99999")]));
    await buildWarehouse({snapshotDir: dirs.snapshotDir, target: dirs.target, updatesDir: null, quality: {now: NOW}});
    expect((await sources(dirs.target)).map((s) => s.id)).toEqual(["live", "test"]);
  });
});
