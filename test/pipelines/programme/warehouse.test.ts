import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ProgrammeSheetsError} from "../../../loaders/programme/load.ts";
import {loadProgrammeIntoWarehouse, programmeExtension, PROGRAMME_TABLES} from "../../../pipelines/programme/warehouse.ts";
import {namedQueries, queryRows} from "../../../pipelines/warehouse/sql.ts";
import {once, writeSheets} from "../../loaders/programme/fixture.ts";
import {EXAMPLE_DIR, rawSheet} from "./count-sheets.ts";

async function memory(): Promise<{connection: DuckDBConnection; close(): void}> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  return {connection, close: () => (connection.closeSync(), instance.closeSync())};
}

describe("loadProgrammeIntoWarehouse on the example data", () => {
  let db: Awaited<ReturnType<typeof memory>>;
  let counts: Record<string, number>;
  beforeAll(async () => {
    db = await memory();
    // The Kreise the example links to, as the warehouse's regions table has them.
    await db.connection.run("CREATE TABLE regions (id VARCHAR, level VARCHAR)");
    const kreise = [...new Set(rawSheet("kommunen.csv").map((m) => m.regionalschluessel!.slice(0, 5)).filter((k) => !k.startsWith("11")))];
    for (const id of kreise) await db.connection.run("INSERT INTO regions VALUES ($id, 'kreis')", {id});
    counts = await loadProgrammeIntoWarehouse(db.connection, EXAMPLE_DIR);
  });
  afterAll(() => db.close());

  it("fills every programme table", () => {
    expect(counts).toEqual({programme_sheets: 5, programme_municipalities: 53, programme_topic_groups: 5, programme_modules: 6, programme_events: 43, programme_attendance: 660});
  });

  it("has the documented columns and types, and no column for names or addresses", async () => {
    const columns = await queryRows(db.connection, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name LIKE 'programme_%' ORDER BY table_name, ordinal_position");
    const of = (table: string) => columns.filter((c) => c.table_name === table).map((c) => `${c.column_name} ${c.data_type}`);
    expect(of("programme_attendance")).toEqual(["event VARCHAR", "person INTEGER", "organisation VARCHAR", "municipality VARCHAR", "department VARCHAR"]);
    expect(of("programme_events")).toEqual(["id VARCHAR", "type VARCHAR", "date DATE", "host VARCHAR", "title VARCHAR", "module VARCHAR", "topic_group VARCHAR", "cancelled BOOLEAN", "agency VARCHAR"]);
    expect(of("programme_municipalities")).toEqual([
      "id VARCHAR", "name VARCHAR", "type VARCHAR", "region_key VARCHAR", "profile_id VARCHAR", "eligible BOOLEAN", "reason VARCHAR", "agency VARCHAR",
      "contact DATE", "analysis DATE", "agreement DATE", "training DATE", "topic_group DATE"
    ]);
    expect(of("programme_sheets")).toEqual(["sheet VARCHAR", "exported DATE"]);
  });

  it("holds no name, e-mail address or phone number of the input anywhere", async () => {
    const secrets = rawSheet("teilnahmen.csv").flatMap((a) => [a.name!, a.email!.toLowerCase(), a.telefon!]).filter(Boolean);
    let dump = "";
    for (const table of PROGRAMME_TABLES) dump += JSON.stringify(await queryRows(db.connection, `SELECT * FROM ${table}`)).toLowerCase() + "\n";
    const found = [...new Set(secrets)].filter((s) => dump.includes(s.toLowerCase()));
    expect(found).toEqual([]);
    expect(dump).not.toContain("@");
  });

  it("passes the programme checks", async () => {
    for (const check of namedQueries(programmeExtension.checks!)) expect(await queryRows(db.connection, check.sql), check.name).toEqual([]);
  });

  it("gives a person the same number at every event and as many numbers as addresses", async () => {
    const [row] = await queryRows(db.connection, "SELECT count(DISTINCT person)::INTEGER AS n FROM programme_attendance");
    expect(row!.n).toBe(new Set(rawSheet("teilnahmen.csv").map((a) => a.email!.toLowerCase())).size);
  });
});

describe("loadProgrammeIntoWarehouse on bad or missing sheets", () => {
  it("refuses sheets with a problem and names it", async () => {
    const fixture = writeSheets({"teilnahmen.csv": once("Kommune;kiel;Schule", "Kommune;atlantis;Schule")});
    const db = await memory();
    try {
      await expect(loadProgrammeIntoWarehouse(db.connection, fixture.dir, {label: "data/programme"})).rejects.toThrow(ProgrammeSheetsError);
      await expect(loadProgrammeIntoWarehouse(db.connection, fixture.dir, {label: "data/programme"})).rejects.toThrow('data/programme/teilnahmen.csv, Zeile 4, Feld "kommune"');
    } finally {
      db.close();
      fixture.cleanup();
    }
  });

  it("as a warehouse extension leaves empty tables when data/programme is missing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "kbm-data-"));
    const db = await memory();
    const log: string[] = [];
    try {
      await db.connection.run("CREATE TABLE regions (id VARCHAR, level VARCHAR)");
      await programmeExtension.load(db.connection, {snapshotDir: join(dataDir, "snapshot"), dataDir, log: (m) => log.push(m)});
      for (const table of programmeExtension.tables!) expect((await queryRows(db.connection, `SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n).toBe(0);
      expect(log[0]).toContain("fehlt, Programmtabellen bleiben leer");
    } finally {
      db.close();
      rmSync(dataDir, {recursive: true, force: true});
    }
  });
});
