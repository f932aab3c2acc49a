/**
 * `kbm pull` end to end against the local fake GENESIS server (127.0.0.1 only): the recorded
 * 12411-01-01-4 exchange, the real 21111-02-06-4 file served as a crafted answer, the change
 * report, the overlay applied by `kbm data`, and every way the command refuses to run.
 */
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename, join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {zipSync} from "fflate";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {pullTable} from "../../../pipelines/updates/pull.ts";
import {captureIO} from "../../support/capture-io.ts";
import {startFakeGenesisServer, zipResponse, type FakeGenesisServer} from "../../support/fake-genesis-server.ts";
import {describeFixtures, fixtureBytes, fixturePath, makeProject, readObservations, updateFiles, type Project} from "../updates/project.ts";

const USER = "kbm-pull-nutzer-3b8d";
const PASS = "pull-Pa55-41ac";
const POPULATION_FIXTURE = "12411-01-01-4_1773175772751_de_flat.csv";

let server: FakeGenesisServer;
let project: Project;

beforeEach(async () => {
  server = await startFakeGenesisServer({cassettes: existsSync(fixturePath("12411-01-01-4.yaml")) ? [fixturePath("12411-01-01-4.yaml")] : []});
  project = makeProject();
});

afterEach(async () => {
  await server.close();
  project.cleanup();
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {KBM_GENESIS_URL: server.baseUrl(), KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS, ...extra};
}

async function pull(args: string[], environment = env()) {
  const io = captureIO(project.root, environment);
  const code = await runCli(["pull", ...args], io.io);
  return {code, stdout: io.stdout(), stderr: io.stderr()};
}

/** Insgesamt (empty GES code) per Kreis from the recorded ffcsv, read independently of the parser. */
function populationFromFixture(): Map<string, string> {
  const text = readFileSync(fixturePath(POPULATION_FIXTURE), "utf-8").replace(/^\uFEFF/, "");
  const result = new Map<string, string>();
  for (const line of text.split("\n").slice(1)) {
    const cells = line.split(";");
    if (cells.length > 14 && cells[11] === "") result.set(cells[7]!, cells[13]!);
  }
  return result;
}

async function queryWarehouse(path: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describeFixtures("kbm pull on the recorded 12411-01-01-4 exchange", () => {
  it("writes the population of 31.12.2024 as an update, reports it as unchanged against the snapshot, and kbm data applies it with provenance", async () => {
    const first = await pull(["--table", "12411-01-01-4"]);
    expect(first.stderr).not.toContain("kbm pull: Tabelle");
    expect(first.code).toBe(EXIT_OK);

    // The request is the recorded one: no years, no regional variable; credentials in headers only.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.answeredBy).toBe("cassette");
    expect(server.requests[0]!.headers.username).toBe(USER);
    expect(server.requests[0]!.body).not.toContain(USER);

    const files = updateFiles(project);
    expect(files.map((f) => basename(f))).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}-12411-01-01-4\.csv$/)]);
    const rows = readObservations(files[0]!);
    const fixture = populationFromFixture();
    for (const kreis of ["05315", "09162", "11000", "02000", "16063", "03159"]) {
      expect(rows.find((r) => r.region === kreis), kreis).toEqual({indicator: "bevoelkerung", region: kreis, period: "2024", value: fixture.get(kreis), flag: "", source: "regionalstatistik_12411_01_01_4"});
    }
    expect(rows).toHaveLength(402); // 400 Kreise + Berlin and Hamburg as Länder
    expect(rows.map((r) => r.region)).toEqual([...rows.map((r) => r.region)].sort());

    // The snapshot already holds 31.12.2024 from the same table (source rdb_bevoelkerung_2023_2024,
    // Köln 1024621 as in the recorded answer): every pulled value is unchanged, no new period.
    expect(first.stdout).toMatch(/^bevoelkerung\s+402\s+0\s+0\s+0\s+402\s+–$/m);
    expect(first.stdout).toContain(`Aktualisierung: data/updates/${basename(files[0]!)} (402 Werte, Quelle regionalstatistik_12411_01_01_4)`);
    expect(first.stdout).toContain("Revidierte Werte (alt → neu): keine");
    expect(first.stderr).toMatch(/aufgelöste Kreise: 74 Regionen/);
    // The snapshot knows Hannover, Aachen, Saarbrücken (Gemeinden) and Berlin's 12 Bezirke, but
    // bevoelkerung has neither level in the registry: reported as such, not as unknown Gemeinden.
    expect(first.stderr).toMatch(/Ebene im Register des Indikators nicht vorgesehen: 15 Regionen, 15 Fälle \(03241001 Hannover, Landeshauptstadt – gemeinde \(Register: bund, land, kreis\) \[bevoelkerung\]/);
    expect(first.stderr).not.toMatch(/Gemeinden \(achtstellige/);
    // The population of 2024 is on the Zensus 2022 basis, the snapshot's on Zensus 2011: said on every pull.
    expect(first.stderr).toContain("Hinweis zu 12411-01-01-4: Die heutige Fortschreibung beruht auf dem Zensus 2022");
    expect(existsSync(join(project.root, "data", "raw", "regionalstatistik"))).toBe(true);
    const sources = JSON.parse(readFileSync(join(project.updatesDir, "sources.json"), "utf-8")) as {id: string; attribution: string}[];
    expect(sources.map((s) => s.id)).toEqual(["regionalstatistik_12411_01_01_4"]);
    expect(sources[0]!.attribution).toMatch(/^© Statistische Ämter des Bundes und der Länder, Deutschland, \d{4}$/);

    // A second pull the same day replaces the file with identical bytes and compares without it.
    const bytes = readFileSync(files[0]!);
    const second = await pull(["--table", "12411-01-01-4"]);
    expect(second.code).toBe(EXIT_OK);
    expect(readFileSync(files[0]!)).toEqual(bytes);
    expect(second.stdout).toMatch(/^bevoelkerung\s+402\s+0\s+0\s+0\s+402\s/m);

    // kbm data: the overlay wins, provenance in origin, the source is known.
    const data = captureIO(project.root, {});
    expect(await runCli(["data"], data.io)).toBe(EXIT_OK);
    const warehouse = join(project.root, "data", "warehouse.duckdb");
    const observed = await queryWarehouse(
      warehouse,
      "SELECT region, period, value, source, origin FROM observations WHERE indicator = 'bevoelkerung' AND region IN ('05315', '11') ORDER BY region, period"
    );
    const origin = `updates/${basename(files[0]!)}`;
    expect(observed).toEqual([
      {region: "05315", period: "2021", value: 1073096, source: "gvisys", origin: "snapshot"},
      {region: "05315", period: "2022", value: 1084800, source: "ew24_strukturdaten", origin: "snapshot"},
      {region: "05315", period: "2023", value: 1024408, source: "rdb_bevoelkerung_2023_2024", origin: "snapshot"},
      {region: "05315", period: "2024", value: 1024621, source: "regionalstatistik_12411_01_01_4", origin},
      {region: "11", period: "2022", value: 3755300, source: "ew24_strukturdaten", origin: "snapshot"},
      {region: "11", period: "2023", value: 3662381, source: "rdb_bevoelkerung_2023_2024", origin: "snapshot"},
      {region: "11", period: "2024", value: 3685265, source: "regionalstatistik_12411_01_01_4", origin}
    ]);
    expect(await queryWarehouse(warehouse, "SELECT id FROM sources WHERE id LIKE 'regionalstatistik%'")).toEqual([{id: "regionalstatistik_12411_01_01_4"}]);

    // Roll back: delete the update file, rebuild; the snapshot's own 2024 values are back, the pulled source is gone.
    rmSync(files[0]!);
    expect(await runCli(["data"], captureIO(project.root, {}).io)).toBe(EXIT_OK);
    expect(await queryWarehouse(warehouse, "SELECT count(*)::INTEGER AS n FROM observations WHERE origin <> 'snapshot'")).toEqual([{n: 0}]);
    expect(
      await queryWarehouse(warehouse, "SELECT value, source, origin FROM observations WHERE indicator = 'bevoelkerung' AND region = '05315' AND period = '2024'")
    ).toEqual([{value: 1024621, source: "rdb_bevoelkerung_2023_2024", origin: "snapshot"}]);
    expect(await queryWarehouse(warehouse, "SELECT count(*)::INTEGER AS n FROM sources WHERE id LIKE 'regionalstatistik%'")).toEqual([{n: 0}]);
  });

  it("--dry-run fetches, compares and reports a period the snapshot lacks as new, but writes no update", async () => {
    // A snapshot as it was before 31.12.2024 was imported: without bevoelkerung 2024.
    const observations = join(project.snapshotDir, "observations.csv");
    const lines = readFileSync(observations, "utf-8").split("\n");
    const kept = lines.filter((line) => !line.startsWith("bevoelkerung,") || line.split(",")[2] !== "2024");
    expect(lines.length - kept.length).toBeGreaterThanOrEqual(402);
    writeFileSync(observations, kept.join("\n"));
    const result = await pull(["--table", "12411-01-01-4", "--dry-run"]);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain("Aktualisierung nicht geschrieben (--dry-run)");
    expect(result.stdout).toMatch(/^bevoelkerung\s+402\s+402\s+0\s+0\s+0\s+2024$/m);
    expect(existsSync(project.updatesDir)).toBe(false);
  });
});

describeFixtures("kbm pull on the real 21111-02-06-4 file (crafted answer)", () => {
  beforeEach(() => {
    server.script({endpoint: "data/tablefile", params: {name: "21111-02-06-4"}, responses: [zipResponse({"21111-02-06-4_flat.csv": fixtureBytes("21111-02-06-4.csv")}, "21111-02-06-4.zip")]});
  });

  it("maps the counts to shares and prints what changes against the snapshot and earlier updates", async () => {
    // An earlier update with two values the pull will change (sources of the snapshot's catalogue).
    mkdirSync(project.updatesDir, {recursive: true});
    writeFileSync(
      join(project.updatesDir, "2020-01-01-handarbeit.csv"),
      "indicator,region,period,value,flag,source\nschulabgaenger_hochschulreife_fhr,14612,2015,40,,inkar\nschulabgaenger_ohne_hsa,05315,2015,6,,inkar\n"
    );
    const result = await pull(["--table", "21111-02-06-4", "--from", "2015", "--to", "2015"]);
    expect(result.code).toBe(EXIT_OK);
    expect(server.requests[0]!.params).toMatchObject({name: "21111-02-06-4", startyear: "2015", endyear: "2015", format: "ffcsv", job: "false"});

    const file = updateFiles(project).find((f) => f.endsWith("-21111-02-06-4.csv"))!;
    const rows = readObservations(file);
    const find = (indicator: string, region: string) => rows.find((r) => r.indicator === indicator && r.region === region && r.period === "2015");
    expect(find("schulabgaenger_ohne_hsa", "05315")).toMatchObject({value: "5.12", flag: ""});
    expect(find("schulabgaenger_allg_hochschulreife", "05315")).toMatchObject({value: "41.4", flag: ""});
    expect(find("schulabgaenger_hochschulreife_fhr", "14612")).toMatchObject({value: "", flag: "x"});
    // Hannover's own row (a Gemeinde of the snapshot): 277 / 4740 = 5.843… → 5.84.
    expect(find("schulabgaenger_ohne_hsa", "03241001")).toMatchObject({value: "5.84", flag: ""});
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(["2015"]));

    const out = result.stdout;
    // The revision against the earlier update file, old → new, with where the old value came from.
    expect(out).toContain("  schulabgaenger_ohne_hsa  05315 Köln, Stadt  2015: 6 → 5.12  (bisher inkar, updates/2020-01-01-handarbeit.csv)");
    expect(out).toContain("  schulabgaenger_hochschulreife_fhr  14612 Dresden, Stadt  2015: 40 → x  (bisher inkar, updates/2020-01-01-handarbeit.csv)");
    expect(out).toContain("Verglichen mit: Snapshot und 1 Aktualisierungsdatei(en) (data/updates/2020-01-01-handarbeit.csv)");
    // 418 values per share in 2015: 398 Kreise (400 without the older Wartburgkreis and Göttingen, which
    // did not exist yet), 16 Länder, Deutschland and the 3 Gemeinden (Hannover, Aachen, Saarbrücken).
    // INKAR has the mittlerer Abschluss only from 2016: 2015 is a new period. The FHR share is new
    // for every region but Dresden, whose 2015 value came with the earlier update (so no new period).
    expect(out).toMatch(/^schulabgaenger_mittlerer_abschluss\s+418\s+418\s+0\s+0\s+0\s+2015$/m);
    expect(out).toMatch(/^schulabgaenger_hochschulreife_fhr\s+418\s+417\s+0\s+1\s+0\s+–$/m);
    // Niedersachsen does not record the FHR since 2015 ("."): listed as new values with a flag.
    expect(out).toMatch(/^Neue Werte mit Kennzeichen: \d+$/m);
    expect(out).toContain("  schulabgaenger_hochschulreife_fhr  03101 Braunschweig, Stadt  2015: — → .");
    // INKAR has 2015 for every Kreis, but not for Länder, Bund and the Gemeinden (the snapshot's
    // Gemeinde values start 2023): those 20 are new. Most GENESIS shares equal INKAR's at two decimals (Köln: 5.12).
    const line = /^schulabgaenger_allg_hochschulreife\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+–$/m.exec(out);
    expect(line).not.toBeNull();
    const [values, fresh, revised, flags, unchanged] = line!.slice(1).map(Number) as [number, number, number, number, number];
    expect(fresh).toBe(20);
    expect(fresh + revised + flags + unchanged).toBe(values);
    expect(unchanged / (values - fresh)).toBeGreaterThan(0.9);
    expect(out).toMatch(/… und \d+ weitere \(alle mit --all\)/);
    expect(result.stderr).toMatch(/Regierungsbezirke und NUTS-2-Regionen: \d+ Regionen/);
    expect(result.stderr).toMatch(/aufgelöste Kreise: .*16056 Eisenach/);
  });

  it("answers a file with cells outside the registry range with exit 1, naming table, region and period, and writes nothing", async () => {
    await server.close();
    server = await startFakeGenesisServer();
    const header = new TextDecoder("windows-1252").decode(fixtureBytes("21111-02-06-4.csv")).split("\n").slice(0, 9).join("\n");
    const body = `${header}\n2015;05315;      Köln, Kreisfreie Stadt;100;50;150;20;0;0;0;0;0;0;0;0;0;0\n__________\nStand: 24.02.2018\n`;
    server.script({endpoint: "data/tablefile", params: {name: "21111-02-06-4"}, responses: [{status: 200, headers: {"content-type": "text/csv; charset=utf-8"}, body}]});
    const result = await pull(["--table", "21111-02-06-4"]);
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain("Tabelle 21111-02-06-4: 1 Wert liegt außerhalb des Wertebereichs des Registers, nichts geschrieben: schulabgaenger_ohne_hsa, Region 05315 (Köln, Kreisfreie Stadt), Zeitraum 2015: 150 (erlaubt 0 bis 100)");
    expect(updateFiles(project)).toEqual([]);
  });
});

describeFixtures("kbm pull refuses", () => {
  it("a file whose cells match none of the mapping's quantities (exit 1, nothing written)", async () => {
    server.script({endpoint: "data/tablefile", params: {name: "21111-02-06-4"}, responses: [zipResponse({"21111-02-06-4_flat.csv": fixtureBytes(POPULATION_FIXTURE)})]});
    const result = await pull(["--table", "21111-02-06-4"]);
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain("keine der 1467 Zellen passt zur Zuordnung");
    expect(result.stderr).toContain("„BEVSTD“ [GES=(Insgesamt)]");
    expect(updateFiles(project)).toEqual([]);
  });
});

describe("kbm pull without a usable request", () => {
  it("without credentials: names the variables and the .env file, exit 1, no request", async () => {
    const result = await pull(["--table", "12411-01-01-4"], {KBM_GENESIS_URL: server.baseUrl()});
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain("kbm pull: GENESIS-Zugangsdaten fehlen. Setzen Sie KBM_GENESIS_USERNAME und KBM_GENESIS_PASSWORD (oder KBM_GENESIS_TOKEN für einen Token) in der Umgebung oder in der Datei .env");
    expect(result.stdout).toBe("");
    expect(server.requests).toHaveLength(0);
    expect(existsSync(project.updatesDir)).toBe(false);
  });

  it("an unsupported table: exit 1 naming the supported ones, no request", async () => {
    const result = await pull(["--table", "61511-01-03-4"]);
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain("Tabelle 61511-01-03-4 wird von kbm pull nicht unterstützt. Unterstützt: 12411-01-01-4 (");
    expect(result.stderr).toContain("21111-02-06-4 (");
    expect(result.stderr).toContain("22543-01-02-4 (");
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [[], "--table CODE fehlt"],
    [["--table", "12411-01-01-4", "--from", "2o15"], "--from erwartet eine Jahreszahl"],
    [["--table", "12411-01-01-4", "--from", "2016", "--to", "2015"], "--from 2016 liegt nach --to 2015"],
    [["--table", "12411-01-01-4", "--source", "destatis"], "--source erwartet regionalstatistik|genesis-online"],
    [["--table", "12411-01-01-4", "extra"], "nimmt keine Argumente"],
    [["--table", "12411-01-01-4", "--bogus"], "bogus"]
  ])("usage error %j → exit 2", async (args, message) => {
    const result = await pull(args);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain(message);
    expect(server.requests).toHaveLength(0);
  });

  it("is listed in kbm --help", async () => {
    const io = captureIO(project.root, {});
    expect(await runCli(["--help"], io.io)).toBe(EXIT_OK);
    expect(io.stdout()).toMatch(/^ {2}pull +Eine GENESIS-Tabelle live abrufen/m);
  });
});

describeFixtures("kbm pull on the real 22543-01-02-4 file (crafted answer)", () => {
  beforeEach(() => {
    server.script({endpoint: "data/tablefile", params: {name: "22543-01-02-4"}, responses: [zipResponse({"22543-01-02-4_flat.csv": fixtureBytes("22543-01-02-4_00.csv")}, "22543-01-02-4.zip")]});
  });

  it("writes the children under 3 in day care of 2011–2016 and names the two counts the registry does not have", async () => {
    const result = await pull(["--table", "22543-01-02-4"]);
    expect(result.code).toBe(EXIT_OK);
    expect(server.requests).toHaveLength(1);
    const file = updateFiles(project).find((f) => f.endsWith("-22543-01-02-4.csv"))!;
    const rows = readObservations(file);
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(["betreute_kinder_u3"]));
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(["2011", "2012", "2013", "2014", "2015", "2016"]));
    // Köln and Berlin, 01.03.2016, "Insgesamt (ohne Doppelzählungen)", unter 3 Jahre: as in the file.
    const find = (region: string, period: string) => rows.find((r) => r.region === region && r.period === period);
    expect(find("05315", "2016")).toMatchObject({value: "9545", flag: "", source: "regionalstatistik_22543_01_02_4"});
    expect(find("11000", "2016")).toMatchObject({value: "50589", flag: ""});
    expect(find("16076", "2011")).toMatchObject({value: "1092", flag: ""});
    expect(result.stderr).toContain("Nicht im Register, übersprungen: betreute_kinder, betreute_kinder_3_6");
    // Göttingen and Osterode before their merger are reported, not kept under another key.
    expect(result.stderr).toMatch(/aufgelöste Kreise: \d+ Regionen, \d+ Fälle \(03152 Göttingen, Landkreis – aufgelöst am 01\.11\.2016/);
    // Every pulled year is new against the snapshot, which has the count only for 2025.
    expect(result.stdout).toMatch(/^betreute_kinder_u3\s+(\d+)\s+\1\s+0\s+0\s+0\s+2011–2016$/m);
    expect(result.stdout).toContain(`(${rows.length} Werte, Quelle regionalstatistik_22543_01_02_4)`);
  });
});

describeFixtures("kbm pull with a damaged archive from the service", () => {
  it("a member whose bytes do not match its CRC-32 is refused: exit 1, no update, nothing on stdout", async () => {
    // Stored (not deflated), so the damage decodes without error: only the CRC can tell.
    const text = readFileSync(fixturePath(POPULATION_FIXTURE), "utf-8");
    expect(text).toContain(";1024621;");
    const zip = zipSync({[POPULATION_FIXTURE]: [new TextEncoder().encode(text), {level: 0}]});
    const at = Buffer.from(zip).indexOf(";1024621;");
    zip[at + 7] = "9".charCodeAt(0); // Köln 1024621 → 1024691
    server.script({endpoint: "data/tablefile", params: {name: "12411-01-01-4"}, responses: [{status: 200, headers: {"content-type": "application/zip"}, body: zip}]});
    const result = await pull(["--table", "12411-01-01-4"]);
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain(`Das ZIP von GENESIS für Tabelle 12411-01-01-4 ist beschädigt (${POPULATION_FIXTURE}): beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht). Nichts übernommen.`);
    expect(result.stdout).toBe("");
    expect(updateFiles(project)).toEqual([]);
  });
});

describe("kbm pull gives up on a silent or endless server in bounded time", () => {
  it("a server that sends nothing: GenesisTimeoutError after the stall time, naming it", async () => {
    server.script({endpoint: "data/tablefile", responses: [{hang: true}]});
    const started = performance.now();
    const error = await pullTable({
      table: "12411-01-01-4",
      source: "regionalstatistik",
      cwd: project.root,
      env: env(),
      snapshotDir: project.snapshotDir,
      updatesDir: project.updatesDir,
      log: () => {},
      client: {retry: {attempts: 1}, stallMs: 300}
    }).then(
      () => undefined,
      (e: unknown) => e as Error
    );
    expect(error?.name).toBe("GenesisTimeoutError");
    expect(error?.message).toBe(`GENESIS sendet nach 1 Versuch 0,3 s lang nichts (${server.baseUrl()}data/tablefile); abgebrochen (--stall).`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(updateFiles(project)).toEqual([]);
  });

  it("a server that trickles a byte every 50 ms forever: --deadline ends the pull with exit 1 and writes nothing", async () => {
    server.script({endpoint: "data/tablefile", responses: [{trickleMs: 50, headers: {"content-type": "text/csv"}}]});
    const started = performance.now();
    const result = await pull(["--table", "12411-01-01-4", "--deadline", "1", "--stall", "5"]);
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain(`Abruf nach 1 s abgebrochen: die Gesamtfrist ist erreicht (${server.baseUrl()}data/tablefile; --deadline).`);
    expect(result.stdout).toBe("");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(updateFiles(project)).toEqual([]);
  });

  it.each([["--deadline", "0"], ["--stall", "zehn"]])("%s %s → usage error", async (option, value) => {
    const result = await pull(["--table", "12411-01-01-4", option, value]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain(`${option} erwartet Sekunden (eine Zahl größer 0), bekam "${value}"`);
  });
});

describeFixtures("kbm pull with a zip bomb from the service", () => {
  it("refuses an archive that declares more than 200 times its packed size, before inflating it: exit 1, nothing written", async () => {
    const text = readFileSync(fixturePath(POPULATION_FIXTURE), "utf-8");
    const zip = zipSync({[POPULATION_FIXTURE]: [new TextEncoder().encode(text + " ".repeat(40 * 1024 ** 2)), {level: 9}]});
    server.script({endpoint: "data/tablefile", params: {name: "12411-01-01-4"}, responses: [{status: 200, headers: {"content-type": "application/zip"}, body: zip}]});
    const result = await pull(["--table", "12411-01-01-4"]);
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.stderr).toContain(`Das ZIP von GENESIS für Tabelle 12411-01-01-4 wird nicht entpackt (${POPULATION_FIXTURE}): entpackt mehr als das 200fache der gepackten Größe (ZIP-Bombe?). Nichts übernommen.`);
    expect(result.stdout).toBe("");
    expect(updateFiles(project)).toEqual([]);
  });
});
