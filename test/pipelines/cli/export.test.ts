import {DuckDBInstance} from "@duckdb/node-api";
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {parseGermanCsv, parseGermanNumber} from "../../../pipelines/exports/german-csv.ts";
import {PEOPLE_COLUMNS} from "../../../pipelines/exports/profile-people.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {captureIO} from "../../support/capture-io.ts";
import {REGISTRY} from "../../../pipelines/indicators/registry.ts";

// The real snapshot (data/snapshot), built into a temp warehouse.
const SNAPSHOT = resolve(import.meta.dirname, "../../../data/snapshot");
let dir: string;
let warehouse: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kbm-export-"));
  warehouse = join(dir, "warehouse.duckdb");
  await buildWarehouse({snapshotDir: SNAPSHOT, target: warehouse, updatesDir: null});
}, 120_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function run(args: string[]) {
  const c = captureIO();
  const code = await runCli(["export", ...args, "--warehouse", warehouse], c.io);
  return {code, stdout: c.stdout(), stderr: c.stderr()};
}

async function warehouseRows(sql: string, params: Record<string, string>) {
  const instance = await DuckDBInstance.create(warehouse, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql, params)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("kbm export", () => {
  it("--format csv for Köln: BOM, ';', decimal comma; read back equals the warehouse", async () => {
    const {code, stdout, stderr} = await run(["--region", "05315", "--format", "csv"]);
    expect(stderr).toBe("");
    expect(code).toBe(EXIT_OK);
    // German headers for people (issue #13 §3): the documented columns, in order.
    expect(stdout.startsWith(`\uFEFF${PEOPLE_COLUMNS.map(([h]) => h).join(";")};Vergleich Großstädte: Rang;`)).toBe(true);
    expect(stdout).toContain("\r\n");
    const [header, ...rows] = parseGermanCsv(stdout);
    const col = (name: string) => header!.indexOf(name);
    const facts = await warehouseRows("SELECT indicator, period, year, value, flag FROM facts WHERE region = $r ORDER BY indicator, period", {r: "05315"});
    expect(facts.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(facts.length);
    rows.forEach((row, i) => {
      const fact = facts[i]!;
      expect(row[col("Regionalschlüssel")]).toBe("05315");
      expect(row[col("Kennzahl-ID")]).toBe(fact.indicator);
      expect(row[col("Zeitraum")]).toBe(fact.period);
      expect(parseGermanNumber(row[col("Jahr")]!)).toBe(fact.year);
      expect(parseGermanNumber(row[col("Wert")]!)).toBe(fact.value);
      expect(row[col("Zeichen")]).toBe(fact.flag ?? "");
    });
    // Peers: Köln is one of the 25 Großstädte; rank and median as in comparisons.
    const comparisons = await warehouseRows(
      "SELECT indicator, period, rank, n_ranked, median FROM comparisons WHERE region = $r AND group_id = 'grossstaedte' ORDER BY indicator, period",
      {r: "05315"}
    );
    rows.forEach((row, i) => {
      const c = comparisons[i]!;
      expect(parseGermanNumber(row[col("Vergleich Großstädte: Rang")]!)).toBe(c.rank);
      expect(parseGermanNumber(row[col("Vergleich Großstädte: von")]!)).toBe(c.n_ranked);
      expect(parseGermanNumber(row[col("Vergleich Großstädte: Median")]!)).toBeCloseTo(c.median as number, 6);
    });
    // 25 Großstädte; fewer ranked only where some have no number (Baden-Württemberg's suppressed leavers 2024).
    expect(rows.every((row) => Number(row[col("Vergleich Großstädte: von")]) <= 25)).toBe(true);
    const short = rows.filter((row) => row[col("Vergleich Großstädte: von")] !== "25");
    expect(short.length).toBeLessThan(rows.length / 10);
    expect(short.every((row) => Number(row[col("Jahr")]) >= 2023)).toBe(true);
  });

  it("--format json (default): an array of records with the documented fields", async () => {
    const {code, stdout} = await run(["--region", "05315"]);
    expect(code).toBe(EXIT_OK);
    const records = JSON.parse(stdout) as Record<string, unknown>[];
    expect(records.length).toBeGreaterThan(0);
    for (const field of ["region", "indicator", "indicator_name", "year", "period", "value", "flag", "unit", "source", "source_label", "licence", "land", "bund", "change_1y", "change_5y", "change_10y", "peers"]) {
      expect(records[0]).toHaveProperty(field);
    }
    expect(typeof records[0]!.year).toBe("number");
    const peers = records[0]!.peers as Record<string, Record<string, unknown>>;
    expect(Object.keys(peers)).toEqual(["grossstaedte", "kreisfrei", "kreistyp_1", "land_05", "kreise", "aehnliche"]);
    expect(Object.keys(peers.kreise!)).toEqual(["rank", "of", "percentile", "median", "q1", "q3"]);
    expect(peers.kreise!.of).toBeGreaterThan(390);
  });

  it("Köln (05315): no change across different kinds of reference, precision or population basis; the reason instead", async () => {
    const {code, stdout} = await run(["--region", "05315"]);
    expect(code).toBe(EXIT_OK);
    type Rec = {indicator: string; year: number; period: string; source: string; source_label: string; change_1y: number | null; change_5y: number | null; change_10y: number | null; change_1y_reason: string | null; change_5y_reason: string | null; change_10y_reason: string | null};
    const records = JSON.parse(stdout) as Rec[];
    const kind = (r: Rec) => {
      const entry = REGISTRY.find((e) => e.id === r.indicator)!;
      const c = entry.comparability.find((x) => (x.source_id === null || x.source_id === r.source) && (x.from === null || r.year >= x.from) && (x.to === null || r.year <= x.to))!;
      return `${c.reference}|${c.reference_at}|${c.basis}`;
    };
    const at = (indicator: string, year: number, period: string) => records.find((r) => r.indicator === indicator && r.year === year && r.period.slice(4) === period.slice(4));
    let compared = 0;
    for (const r of records) {
      for (const [n, change] of [[1, r.change_1y], [5, r.change_5y], [10, r.change_10y]] as const) {
        if (change === null) continue;
        const before = at(r.indicator, r.year - n, r.period)!;
        expect(kind(before), `${r.indicator} ${r.period} −${n}`).toBe(kind(r));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    const rec = (indicator: string, period: string) => records.find((r) => r.indicator === indicator && r.period === period)!;
    expect(rec("arbeitslosenquote", "2023")).toMatchObject({change_5y: null, change_5y_reason: "Nicht vergleichbar: 2023 Monatswert (Oktober), 2018 Jahresdurchschnitt."});
    expect(rec("jugendarbeitslosenquote", "2023")).toMatchObject({change_1y: null, change_1y_reason: "Nicht vergleichbar: 2023 Monatswert (Oktober), 2022 Jahresdurchschnitt."});
    expect(rec("bevoelkerung", "2022")).toMatchObject({change_1y: null, change_1y_reason: "Nicht vergleichbar: 2022 auf 100 gerundet, 2021 genau."});
    // The source label names the producer first, the period and the licence.
    expect(rec("betreuungsquote_u3", "2023").source_label).toBe(
      "Quelle: Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder – © Die Bundeswahlleiterin, Wiesbaden 2024 (EW 2024 Strukturdaten, Spalte 32) · Stand: 2023 (Stichtag: 01.03. des Jahres) · Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
    );
    expect(rec("arbeitslosenquote", "2021").source_label).toMatch(/^Quelle: Bundesagentur für Arbeit, Statistik der Arbeitslosen/);
  });

  it("no download names a repository or the relay (JSON and CSV)", async () => {
    for (const format of ["json", "csv"]) {
      const {stdout} = await run(["--region", "05315", "--format", format]);
      expect(stdout).not.toMatch(/github|gitlab|R-Paket|hhilbig|RegioHub|tom-doerr|tesch-ch|jascha-je|Lucky-0ne|datenguide|von Hand|Rohdaten der Spalten/i);
    }
  });

  it("--format csv names indicator, unit, source with producer and table, reference date and licence in German", async () => {
    const {stdout} = await run(["--region", "05315", "--format", "csv"]);
    const [header, ...rows] = parseGermanCsv(stdout);
    const get = (row: string[], name: string) => row[header!.indexOf(name)];
    const abitur = rows.find((r) => get(r, "Kennzahl-ID") === "schulabgaenger_allg_hochschulreife" && get(r, "Zeitraum") === "2015")!;
    expect(get(abitur, "Kennzahl")).toBe("Schulabgänger/-innen mit allgemeiner Hochschulreife");
    expect(parseGermanNumber(get(abitur, "Wert")!)).toBe(41.4);
    expect(get(abitur, "Einheit")).toBe("%");
    // Producer first (issue #11 §5): the statistical offices' table, then the BBSR's INKAR that computed the share.
    expect(get(abitur, "Quelle")).toBe("Statistische Ämter des Bundes und der Länder, Tabelle 21111-02-06-4 – Datenquelle: INKAR, BBSR Bonn (INKAR a_schul_abi)");
    expect(get(abitur, "Lizenz")).toBe("Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)");
    const population = rows.find((r) => get(r, "Kennzahl-ID") === "bevoelkerung" && get(r, "Zeitraum") === "2021")!;
    expect(get(population, "Stichtag")).toBe("31.12.2021");
    // Every row names its source and licence: no number without them.
    for (const row of rows) {
      expect(get(row, "Quelle")).not.toBe("");
      expect(get(row, "Lizenz")).not.toBe("");
      expect(get(row, "Kennzahl")).not.toBe("");
    }
  });

  it("--region takes a name or a key without the leading zero, and says what it read", async () => {
    const byKey = await run(["--region", "5315"]);
    const byName = await run(["--region", "Koeln"]);
    const exact = await run(["--region", "05315"]);
    expect([byKey.code, byName.code]).toEqual([EXIT_OK, EXIT_OK]);
    expect(byKey.stdout).toBe(exact.stdout);
    expect(byName.stdout).toBe(exact.stdout);
    expect(byName.stderr).toContain("→ Köln · kreisfreie Stadt · Nordrhein-Westfalen · 05315");
    const hannover = await run(["--region", "Hannover", "--format", "csv"]);
    expect(hannover.code).toBe(EXIT_OK);
    expect(parseGermanCsv(hannover.stdout)[1]![0]).toBe("03241");
    expect(hannover.stderr).toContain("ist kein Kreis und gehört zu Region Hannover");
  });

  it("--region with an ambiguous name lists the candidates and exits 2; an unknown name exits 1", async () => {
    const ambiguous = await run(["--region", "Frankfurt"]);
    expect(ambiguous.code).toBe(EXIT_USAGE);
    expect(ambiguous.stdout).toBe("");
    expect(ambiguous.stderr).toContain("Frankfurt am Main · kreisfreie Stadt · Hessen · 06412");
    expect(ambiguous.stderr).toContain("Frankfurt (Oder) · kreisfreie Stadt · Brandenburg · 12053");
    const unknown = await run(["--region", "Atlantis"]);
    expect(unknown.code).toBe(EXIT_DATA_ERROR);
    expect(unknown.stderr).toContain('keine Region passt zu "Atlantis"');
  });

  it("unknown region: exit 1 with a clear message, nothing on stdout", async () => {
    const {code, stdout, stderr} = await run(["--region", "99999"]);
    expect(code).toBe(EXIT_DATA_ERROR);
    expect(stdout).toBe("");
    expect(stderr).toContain('Region "99999" gibt es im Warehouse nicht');
  });

  it("missing --region or a bad --format: exit 2", async () => {
    expect((await run([])).code).toBe(EXIT_USAGE);
    expect((await run(["--region", "05315", "--format", "xlsx"])).code).toBe(EXIT_USAGE);
  });

  it("a missing warehouse says to run kbm data", async () => {
    const c = captureIO();
    const missing = join(dir, "nope.duckdb");
    expect(existsSync(missing)).toBe(false);
    expect(await runCli(["export", "--region", "05315", "--warehouse", missing], c.io)).toBe(EXIT_DATA_ERROR);
    expect(c.stderr()).toContain("kbm data");
  });
});

describe("kbm export documentation", () => {
  it("lists the exact CSV headers in the README and in export --help", async () => {
    const {EXPORT_CSV_HEADERS} = await import("../../../pipelines/cli/commands/export.ts");
    const readme = readFileSync(resolve(import.meta.dirname, "../../../README.md"), "utf-8");
    expect(readme).toContain(EXPORT_CSV_HEADERS);
    const c = captureIO();
    expect(await runCli(["export", "--help"], c.io)).toBe(EXIT_OK);
    const helpHeaders = c.stdout().replace(/;\n\s+/g, ";");
    for (const header of EXPORT_CSV_HEADERS.split(";")) expect(helpHeaders).toContain(header);
  });
});
