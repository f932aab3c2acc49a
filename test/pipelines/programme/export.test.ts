import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadProgramme} from "../../../loaders/programme/load.ts";
import {programmeDashboard, type ProgrammeDashboard} from "../../../pipelines/exports/programme.ts";
import {publishReach} from "../../../pipelines/programme/published.ts";
import {EXAMPLE_DIR, rawSheet} from "./count-sheets.ts";

/**
 * A warehouse with just what the export reads. Provenance: made-up values; one indicator with
 * Kreis values from one source (2022) and district values from another (2023).
 */
async function fixtureWarehouse(connection: DuckDBConnection) {
  await connection.run(`
    CREATE TABLE regions (id VARCHAR, name VARCHAR, level VARCHAR);
    INSERT INTO regions VALUES ('03241', 'Region Hannover', 'kreis'), ('05911', 'Bochum, Stadt', 'kreis'), ('11001001', 'Mitte', 'bezirk');
    CREATE TABLE sources (id VARCHAR, meta JSON);
    INSERT INTO sources VALUES ('inkar', '{"attribution": "Datenquelle: INKAR, BBSR Bonn", "licence": "dl-de/by-2-0"}'), ('berlin', '{"attribution": "Amt für Statistik Berlin-Brandenburg", "licence": "CC BY 3.0 DE"}');
    CREATE TABLE indicators (id VARCHAR, name VARCHAR, source_id VARCHAR, meta JSON);
    INSERT INTO indicators VALUES ('quote', 'Eine Quote', 'inkar', '{"name": "Eine Quote", "short_name": "Quote", "unit": "%", "decimals": 1, "reference_date": "31.12.", "source": {"table": null, "inkar_code": "q"}}');
    CREATE TABLE observations (indicator VARCHAR, region VARCHAR, period VARCHAR, value DOUBLE, flag VARCHAR, source VARCHAR);
    INSERT INTO observations VALUES
      ('quote', '03241', '2021', 10.0, NULL, 'inkar'), ('quote', '03241', '2022', 11.5, NULL, 'inkar'), ('quote', '03241', '2023', NULL, '.', 'inkar'),
      ('quote', '05911', '2022', 9.0, NULL, 'inkar'), ('quote', '11001001', '2023', 20.0, NULL, 'berlin'), ('quote', '09162', '2023', 99.0, NULL, 'inkar');
  `);
}

describe("programmeDashboard", () => {
  let dashboard: ProgrammeDashboard;
  let close: () => void;
  beforeAll(async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    close = () => (connection.closeSync(), instance.closeSync());
    await fixtureWarehouse(connection);
    dashboard = await programmeDashboard(loadProgramme(EXAMPLE_DIR), connection);
  });
  afterAll(() => close());

  it("names its source and the list's date", () => {
    expect(dashboard.source).toBe("Programmdaten (Beispieldaten, Zuordnung der Städte illustrativ), Stand der Liste 31.12.2015");
    expect(dashboard.stand).toBe("2015-12-31");
  });

  it("holds the published reach of every change date, equal to publishReach on that date", () => {
    const data = loadProgramme(EXAMPLE_DIR);
    const published = dashboard.series.findLast((s) => s.as_of <= "2015-08-28")!;
    const {stand: _s, source: _q, over_time: _o, ...expected} = publishReach(data, published.as_of);
    expect(published).toEqual(expected);
    expect(published.engaged).toEqual({total: 21, berlin_districts: 10});
  });

  it("gives every day between two series entries the figures publishReach gives that day", () => {
    const data = loadProgramme(EXAMPLE_DIR);
    for (const day of ["2014-06-11", "2014-09-30", "2015-02-17", "2015-08-28", "2015-11-20", "2015-12-31"]) {
      const entry = dashboard.series.findLast((s) => s.as_of <= day)!;
      const {stand: _s, source: _q, over_time: _o, ...expected} = publishReach(data, day);
      expect({...entry, as_of: day}, day).toEqual(expected);
    }
  });

  it("tells which events each municipality's staff attended, and nothing about people", () => {
    const attendance = rawSheet("teilnahmen.csv");
    const hannover = dashboard.municipalities.find((m) => m.id === "hannover")!;
    const expected = [...new Set(attendance.filter((a) => a.kommune === "hannover").map((a) => a.veranstaltung!))].sort();
    expect(hannover.attended.map((a) => a.event).sort()).toEqual(expected);
    expect(Object.keys(hannover.attended[0]!)).toEqual(["event", "date"]);
    expect(dashboard.milestones.filter((m) => m.date === "2015-08-28")).toHaveLength(3);
    expect(dashboard.modules.map((m) => m.name)).toEqual([
      "Einführung in das kommunale Bildungsmanagement", "Datengestütztes Steuern", "Bildung und Stadtentwicklung",
      "Diversität und soziale Lage", "Kooperieren, koordinieren, beteiligen", "Qualitätsentwicklung und Wirkungsorientierung"
    ]);
  });

  it("lists the eligible municipalities with their profile, naming a city's Kreis", () => {
    expect(dashboard.municipalities).toHaveLength(26);
    expect(dashboard.municipalities.find((m) => m.id === "hannover")).toMatchObject({profile_id: "03241", profile_name: "Region Hannover"});
    expect(dashboard.municipalities.find((m) => m.id === "bochum")).toMatchObject({profile_id: "05911", profile_name: null});
    expect(dashboard.municipalities.find((m) => m.id === "berlin-mitte")).toMatchObject({profile_id: "11001001"});
  });

  it("gives each profile region its latest value and names every source and period", () => {
    expect(dashboard.indicators).toEqual([
      {
        id: "quote", name: "Eine Quote", short_name: "Quote", unit: "%", decimals: 1, period: "2022 und 2023",
        indicator: {reference_date: "31.12.", source: {table: null, inkar_code: "q"}},
        source: {attribution: "Datenquelle: INKAR, BBSR Bonn; Amt für Statistik Berlin-Brandenburg", licence: "dl-de/by-2-0; CC BY 3.0 DE"},
        values: {"03241": {value: 11.5, period: "2022"}, "05911": {value: 9, period: "2022"}, "11001001": {value: 20, period: "2023"}}
      }
    ]);
  });

  it("contains no name, e-mail address or phone number", () => {
    const text = JSON.stringify(dashboard).toLowerCase();
    const secrets = rawSheet("teilnahmen.csv").flatMap((a) => [a.name!, a.email!, a.telefon!]).filter(Boolean).map((s) => s.toLowerCase());
    expect([...new Set(secrets)].filter((s) => text.includes(s))).toEqual([]);
    expect(text).not.toContain("@");
  });
});
