import {DuckDBInstance} from "@duckdb/node-api";
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {parseGermanCsv, parseGermanNumber} from "../../../pipelines/exports/german-csv.ts";
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";
import {captureIO} from "../../support/capture-io.ts";

// The real snapshot (data/snapshot), built into a temp warehouse.
const SNAPSHOT = resolve(import.meta.dirname, "../../../data/snapshot");
let dir: string;
let warehouse: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kbm-export-"));
  warehouse = join(dir, "warehouse.duckdb");
  await buildWarehouse({snapshotDir: SNAPSHOT, target: warehouse, updatesDir: null});
  // The real snapshot (153,000 observations since issue 11) takes more than the default 10 s on a busy machine.
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
    expect(stdout.startsWith("\uFEFFregion;indicator;year;period;value;flag;unit;source;land;")).toBe(true);
    expect(stdout).toContain("\r\n");
    const [header, ...rows] = parseGermanCsv(stdout);
    const col = (name: string) => header!.indexOf(name);
    const facts = await warehouseRows("SELECT indicator, period, year, value, flag FROM facts WHERE region = $r ORDER BY indicator, period", {r: "05315"});
    expect(facts.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(facts.length);
    rows.forEach((row, i) => {
      const fact = facts[i]!;
      expect(row[col("region")]).toBe("05315");
      expect(row[col("indicator")]).toBe(fact.indicator);
      expect(row[col("period")]).toBe(fact.period);
      expect(parseGermanNumber(row[col("year")]!)).toBe(fact.year);
      expect(parseGermanNumber(row[col("value")]!)).toBe(fact.value);
      expect(row[col("flag")]).toBe(fact.flag ?? "");
    });
    // Peers: Köln is one of the 25 Großstädte; rank and median as in comparisons.
    const comparisons = await warehouseRows(
      "SELECT indicator, period, rank, n_ranked, median FROM comparisons WHERE region = $r AND group_id = 'grossstaedte' ORDER BY indicator, period",
      {r: "05315"}
    );
    rows.forEach((row, i) => {
      const c = comparisons[i]!;
      expect(parseGermanNumber(row[col("peers_grossstaedte_rank")]!)).toBe(c.rank);
      expect(parseGermanNumber(row[col("peers_grossstaedte_of")]!)).toBe(c.n_ranked);
      expect(parseGermanNumber(row[col("peers_grossstaedte_median")]!)).toBeCloseTo(c.median as number, 6);
    });
    // 25 Großstädte; fewer ranked only where some have no number (Baden-Württemberg's suppressed leavers 2024).
    expect(rows.every((row) => Number(row[col("peers_grossstaedte_of")]) <= 25)).toBe(true);
    const short = rows.filter((row) => row[col("peers_grossstaedte_of")] !== "25");
    expect(short.length).toBeLessThan(rows.length / 10);
    expect(short.every((row) => Number(row[col("year")]) >= 2023)).toBe(true);
  });

  it("--format json (default): an array of records with the documented fields", async () => {
    const {code, stdout} = await run(["--region", "05315"]);
    expect(code).toBe(EXIT_OK);
    const records = JSON.parse(stdout) as Record<string, unknown>[];
    expect(records.length).toBeGreaterThan(0);
    for (const field of ["region", "indicator", "year", "period", "value", "flag", "unit", "source", "land", "bund", "change_1y", "change_5y", "change_10y", "peers"]) {
      expect(records[0]).toHaveProperty(field);
    }
    expect(typeof records[0]!.year).toBe("number");
    const peers = records[0]!.peers as Record<string, Record<string, unknown>>;
    expect(Object.keys(peers)).toEqual(["grossstaedte", "kreisfrei", "kreistyp_1", "land_05", "kreise"]);
    expect(Object.keys(peers.kreise!)).toEqual(["rank", "of", "percentile", "median", "q1", "q3"]);
    expect(peers.kreise!.of).toBeGreaterThan(390);
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
