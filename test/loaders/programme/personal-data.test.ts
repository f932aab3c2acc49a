import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {readProgramme} from "../../../loaders/programme/load.ts";
import {EMAIL_PATTERN, PHONE_PATTERN, personalDataIn} from "../../../loaders/programme/personal-data.ts";
import {loadProgrammeIntoWarehouse, programmeExtension} from "../../../pipelines/programme/warehouse.ts";
import {namedQueries, queryRows} from "../../../pipelines/warehouse/sql.ts";
import {DuckDBInstance} from "@duckdb/node-api";
import {once, writeSheets, type FixtureDir} from "./fixture.ts";

let fixture: FixtureDir | undefined;
afterEach(() => {
  fixture?.cleanup();
  fixture = undefined;
});

describe("personal data in the programme's free text", () => {
  it("finds addresses and phone numbers, not years, dates or a lone @", () => {
    expect(personalDataIn("Fortbildung mit anna.muster@stadt.de")).toBe("eine E-Mail-Adresse");
    expect(personalDataIn("Rückfragen 0221 221-12345")).toBe("eine Telefonnummer");
    expect(personalDataIn("Tel. +49 30 1234567")).toBe("eine Telefonnummer");
    for (const text of ["Bildungsberichte 2014/2015/2016", "Kommunalsalon @ Köln", "Workshop 28.08.2015", "Stufe 1-2", null, ""]) expect(personalDataIn(text), String(text)).toBeNull();
  });

  it("the warehouse's last check uses the very same patterns", () => {
    const sql = readFileSync(join(import.meta.dirname, "../../../pipelines/programme/sql/checks.sql"), "utf-8");
    const section = sql.slice(sql.indexOf("-- name: programme_no_personal_data"));
    expect(section.split(`'${EMAIL_PATTERN}'`).length - 1).toBe(3);
    expect(section.split(`'${PHONE_PATTERN}'`).length - 1).toBe(3);
  });

  it("kbm check and the warehouse agree: a title with a year list passes both, one with an address fails both, naming file, line and field", async () => {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    fixture = writeSheets({"veranstaltungen.csv": once(";Kommunalsalon eins;", ";Bildungsberichte 2014/2015/2016 @ Bochum;")});
    expect(readProgramme(fixture.dir, {label: "p"}).problems).toEqual([]);
    await expect(loadProgrammeIntoWarehouse(db, fixture.dir, {label: "p"})).resolves.toBeDefined();
    const check = namedQueries(programmeExtension.checks!).find((q) => q.name === "programme_no_personal_data")!;
    expect(await queryRows(db, check.sql)).toEqual([]);
    fixture.cleanup();

    fixture = writeSheets({"veranstaltungen.csv": once(";Kommunalsalon eins;", ";Kommunalsalon, Anmeldung: anna.muster@stadt.de;")});
    const message = 'p/veranstaltungen.csv, Zeile 2, Feld "titel": erwartet: keine personenbezogenen Daten (E-Mail-Adresse, Telefonnummer) in diesem Text, gefunden: "eine E-Mail-Adresse"';
    expect(readProgramme(fixture.dir, {label: "p"}).problems.map((p) => p.message)).toEqual([message]);
    await expect(loadProgrammeIntoWarehouse(db, fixture.dir, {label: "p"})).rejects.toThrow(message);
    db.closeSync();
  });
});
