import {mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {InputError} from "../../../loaders/common/errors.ts";
import {
  GENESIS_BASE_URLS,
  extractJobName,
  fetchTable,
  resolveBaseUrl,
  type FetchTableOptions,
  type RawMetadata,
  type TableRequest
} from "../../../loaders/genesis/client.ts";
import {
  GenesisAuthError,
  GenesisCredentialsError,
  GenesisHttpError,
  GenesisJobError,
  GenesisNetworkError,
  GenesisNoDataCubeError,
  GenesisNoNewerDataError,
  GenesisNoObjectsError,
  GenesisResponseError,
  GenesisStatusError,
  GenesisTableNotFoundError,
  GenesisTimeoutError,
  GenesisTooLargeError,
  GenesisUnknownStatusError,
  GenesisWarningError
} from "../../../loaders/genesis/status.ts";
import {
  bareStatus,
  genesisFixtureDir,
  resultsList,
  startFakeGenesisServer,
  statusEnvelope,
  zipResponse,
  type FakeGenesisServer,
  type RecordedRequest
} from "../../support/fake-genesis-server.ts";

// Made-up credentials: the tests check they reach the headers and nothing else.
const USER = "kbm-testnutzer-7Q2x";
const PASS = "Geheim-Pa55-Zr9k";
const TOKEN = "tok-4f1c9e2b7a0d55e1";
const SECRETS = [USER, PASS, TOKEN];
const CLOCK = new Date("2026-03-10T20:49:32.000Z");

const fixtureDir = genesisFixtureDir();
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
if (!fixtureDir && !inCi) console.warn("GENESIS-Fixtures fehlen (../shared/fixtures/genesis): Tests mit aufgezeichneten Antworten werden übersprungen.");
const cassettes = fixtureDir ? ["12411-01-01-4", "63121-0001", "61111-0021"].map((name) => join(fixtureDir, `${name}.yaml`)) : [];

const V5_HEADER_START = "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;";
const SMALL_CSV = `\uFEFF${V5_HEADER_START}1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n`;

let server: FakeGenesisServer;
let dir: string;
let logLines: string[];

beforeEach(async () => {
  server = await startFakeGenesisServer({cassettes});
  dir = await mkdtemp(join(tmpdir(), "kbm-genesis-client-"));
  logLines = [];
});

afterEach(async () => {
  await server.close();
  await rm(dir, {recursive: true, force: true});
});

function baseEnv(url = server.baseUrl()): Record<string, string> {
  return {KBM_GENESIS_URL: url, KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS};
}

// Any request that is not for the local fake server fails the test: no test may reach the internet.
const loopbackOnly: typeof fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`Test wollte ins Netz: ${url}`);
  return fetch(input, init);
};

function options(overrides: Partial<FetchTableOptions> = {}): FetchTableOptions {
  return {
    env: baseEnv(),
    rawDir: join(dir, "raw"),
    cwd: dir,
    fetch: loopbackOnly,
    now: () => CLOCK,
    retry: {attempts: 3, baseDelayMs: 5, maxDelayMs: 20, factor: 2},
    timeoutMs: 2_000,
    job: {pollIntervalMs: 5, maxPolls: 5},
    log: (line) => logLines.push(line),
    ...overrides
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("erwartet: Fehler, aber das Versprechen wurde erfüllt");
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true}).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Grep the raw directory for the made-up credentials, byte-wise. */
async function expectNoSecretsUnder(root: string): Promise<void> {
  for (const file of await filesUnder(root)) {
    const bytes = await readFile(file);
    for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
  }
}

function expectSerial(requests: readonly RecordedRequest[]): void {
  expect(server.maxConcurrent).toBe(1);
  for (let i = 1; i < requests.length; i++) {
    const previous = requests[i - 1] as RecordedRequest;
    expect((requests[i] as RecordedRequest).startedAt).toBeGreaterThanOrEqual(previous.endedAt as number);
  }
}

function expectCleanRequest(request: RecordedRequest): void {
  expect(request.method).toBe("POST");
  expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  expect(request.search).toBe("");
  for (const secret of SECRETS) {
    expect(request.body).not.toContain(secret);
    expect(request.path).not.toContain(secret);
  }
}

const table: TableRequest = {name: "21111-02-06-4", startYear: 2010, endYear: 2023};

function scriptTable(...responses: Parameters<FakeGenesisServer["script"]>[0]["responses"]): void {
  server.script({endpoint: "data/tablefile", responses});
}

describe("recorded exchanges (../shared/fixtures/genesis)", () => {
  it.runIf(!fixtureDir && inCi)("are present under CI", () => {
    expect.fail("../shared/fixtures/genesis fehlt; unter CI müssen die aufgezeichneten GENESIS-Antworten vorhanden sein");
  });

  describe.skipIf(!fixtureDir)("with fixtures", () => {
    it("downloads 12411-01-01-4 as a zip, returns the _flat.csv member and stores raw file and sidecar", async () => {
      const result = await fetchTable({name: "12411-01-01-4"}, options());

      const expected = await readFile(join(fixtureDir as string, "12411-01-01-4_1773175772751_de_flat.csv"));
      expect(result.fileName).toBe("12411-01-01-4_1773175772751_de_flat.csv");
      expect(Buffer.from(result.csvBytes).equals(expected)).toBe(true);
      const firstLine = new TextDecoder().decode(result.csvBytes).replace(/^\uFEFF/, "").split("\n")[0];
      expect(firstLine?.startsWith(V5_HEADER_START)).toBe(true);
      expect(result.retrievedAt).toBe("2026-03-10T20:49:32.000Z");
      expect(result.warnings).toEqual([]);
      expect(result.jobName).toBeUndefined();

      expect(result.rawPath).toBe(join(dir, "raw", "regionalstatistik", "12411-01-01-4_2026-03-10T20-49-32-000Z.zip"));
      const raw = await readFile(result.rawPath);
      expect([...raw.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

      const sidecarText = await readFile(result.metaPath, "utf8");
      const sidecar = JSON.parse(sidecarText) as RawMetadata;
      expect(sidecar).toMatchObject({
        table: "12411-01-01-4",
        source: "regionalstatistik",
        retrievedAt: "2026-03-10T20:49:32.000Z",
        method: "POST",
        url: `${server.baseUrl()}data/tablefile`,
        parameters: {name: "12411-01-01-4", area: "all", compress: "false", format: "ffcsv", language: "de", job: "false"},
        httpStatus: 200,
        contentType: "application/zip",
        contentDisposition: "attachment; filename=12411-01-01-4_1773175772751_de_flat.zip",
        bytes: raw.length,
        csvFileName: "12411-01-01-4_1773175772751_de_flat.csv",
        jobName: null,
        attempts: 1
      });
      for (const secret of SECRETS) expect(sidecarText).not.toContain(secret);
      // Atomic writes leave no temp files behind.
      expect((await filesUnder(join(dir, "raw"))).map((file) => file.slice(file.lastIndexOf("/") + 1)).sort()).toEqual([
        "12411-01-01-4_2026-03-10T20-49-32-000Z.meta.json",
        "12411-01-01-4_2026-03-10T20-49-32-000Z.zip"
      ]);
      await expectNoSecretsUnder(dir);

      expect(server.requests).toHaveLength(1);
      const [request] = server.requests as [RecordedRequest];
      expect(request.answeredBy).toBe("cassette");
      expect(request.body).toBe("name=12411-01-01-4&area=all&compress=false&format=ffcsv&language=de&job=false");
      expect(request.headers.username).toBe(USER);
      expect(request.headers.password).toBe(PASS);
      expectCleanRequest(request);
    });

    it("asks for English with language=en", async () => {
      const result = await fetchTable({name: "12411-01-01-4", language: "en"}, options());
      expect(result.fileName).toBe("12411-01-01-4_1773175790049_en_flat.csv");
      expect(new TextDecoder().decode(result.csvBytes).replace(/^\uFEFF/, "").startsWith(V5_HEADER_START)).toBe(true);
    });

    it("GENESIS-Online 63121-0001: code 104 becomes GenesisNoObjectsError with the German message", async () => {
      const error = await rejection(fetchTable({name: "63121-0001", source: "genesis-online"}, options({env: baseEnv(server.baseUrl("genesis-online"))})));
      expect(error).toBeInstanceOf(GenesisNoObjectsError);
      const status = error as GenesisNoObjectsError;
      expect(status.code).toBe(104);
      expect(status.serverMessage).toBe("Es gibt keine Objekte zum angegebenen Selektionskriterium");
      expect(status.statusType).toBe("Information");
      expect(status.message).toContain("Es gibt keine Objekte zum angegebenen Selektionskriterium");
      expect(status.message).toContain("63121-0001");
      expect(server.requests[0]?.answeredBy).toBe("cassette");
      expect(await filesUnder(join(dir, "raw"))).toEqual([]);
    });

    it("GENESIS-Online 61111-0021: code -1 becomes GenesisNoDataCubeError", async () => {
      const error = await rejection(fetchTable({name: "61111-0021", source: "genesis-online"}, options({env: baseEnv(server.baseUrl("genesis-online"))})));
      expect(error).toBeInstanceOf(GenesisNoDataCubeError);
      const status = error as GenesisNoDataCubeError;
      expect(status.code).toBe(-1);
      expect(status.statusType).toBe("Fehler");
      expect(status.serverMessage).toContain("Verbraucherpreisindex für Deutschland (61111)");
      expect(status.serverMessage).toContain("wurde kein Datenquader gefunden!");
    });

    it("the recorded exchanges answer only at their own path: the source's base path matters", async () => {
      // 63121-0001 was recorded against GENESIS-Online; at the Regionaldatenbank path nothing matches.
      const error = await rejection(fetchTable({name: "63121-0001"}, options()));
      expect(error).toBeInstanceOf(GenesisHttpError);
      expect((error as GenesisHttpError).httpStatus).toBe(404);
      expect(server.requests[0]?.answeredBy).toBe("unmatched");
    });
  });
});

describe("request format", () => {
  it("posts the parameters as a form body and the credentials only as headers", async () => {
    scriptTable(zipResponse({"21111-02-06-4_flat.csv": SMALL_CSV}));
    await fetchTable(table, options());
    const [request] = server.requests as [RecordedRequest];
    expect(request.path).toBe("/genesisws/rest/2020/data/tablefile");
    expect(request.body).toBe("name=21111-02-06-4&area=all&compress=false&format=ffcsv&language=de&startyear=2010&endyear=2023&job=false");
    expect(request.headers.username).toBe(USER);
    expect(request.headers.password).toBe(PASS);
    expectCleanRequest(request);
  });

  it("sends regional selection and quality only when asked", async () => {
    scriptTable(zipResponse({"x_flat.csv": SMALL_CSV}));
    await fetchTable({...table, regionalVariable: "KREISE", regionalKey: "05*", quality: true}, options());
    expect(server.requests[0]?.params).toEqual({
      name: "21111-02-06-4",
      area: "all",
      compress: "false",
      format: "ffcsv",
      language: "de",
      startyear: "2010",
      endyear: "2023",
      regionalvariable: "KREISE",
      regionalkey: "05*",
      quality: "on",
      job: "false"
    });
  });

  it("token mode: the token goes into the username header, the password header is empty", async () => {
    scriptTable(zipResponse({"x_flat.csv": SMALL_CSV}));
    await fetchTable(table, options({env: {KBM_GENESIS_URL: server.baseUrl(), KBM_GENESIS_TOKEN: TOKEN}}));
    const [request] = server.requests as [RecordedRequest];
    expect(request.headers.username).toBe(TOKEN);
    expect(request.headers.password).toBe("");
    expectCleanRequest(request);
  });

  it("reads the credentials from .env in the working directory", async () => {
    scriptTable(zipResponse({"x_flat.csv": SMALL_CSV}));
    await writeFile(join(dir, ".env"), `# GENESIS\nKBM_GENESIS_USERNAME=${USER}\nKBM_GENESIS_PASSWORD="${PASS}"\n`);
    await fetchTable(table, options({env: {KBM_GENESIS_URL: server.baseUrl()}}));
    expect(server.requests[0]?.headers.username).toBe(USER);
    expect(server.requests[0]?.headers.password).toBe(PASS);
  });

  it("the environment wins over .env", async () => {
    scriptTable(zipResponse({"x_flat.csv": SMALL_CSV}));
    await writeFile(join(dir, ".env"), "KBM_GENESIS_USERNAME=aus-der-datei\nKBM_GENESIS_PASSWORD=auch-aus-der-datei\n");
    await fetchTable(table, options());
    expect(server.requests[0]?.headers.username).toBe(USER);
  });

  it("missing credentials: a clear error naming the variables, and no request", async () => {
    const error = await rejection(fetchTable(table, options({env: {KBM_GENESIS_URL: server.baseUrl()}})));
    expect(error).toBeInstanceOf(GenesisCredentialsError);
    for (const name of ["KBM_GENESIS_USERNAME", "KBM_GENESIS_PASSWORD", "KBM_GENESIS_TOKEN", ".env"]) expect(error.message).toContain(name);
    expect(server.requests).toHaveLength(0);
  });

  it("KBM_GENESIS_URL overrides the source's base URL", async () => {
    server.script({endpoint: "data/tablefile", responses: [zipResponse({"x_flat.csv": SMALL_CSV})]});
    const result = await fetchTable({...table, source: "genesis-online"}, options({env: baseEnv(`${server.origin}/anderer/pfad/rest/2020`)}));
    expect(server.requests[0]?.path).toBe("/anderer/pfad/rest/2020/data/tablefile");
    expect(result.rawPath).toContain(join("raw", "genesis-online"));
  });

  it("without KBM_GENESIS_URL the real services are the defaults (checked without a request)", () => {
    expect(resolveBaseUrl("regionalstatistik", {}).href).toBe("https://www.regionalstatistik.de/genesisws/rest/2020/");
    expect(resolveBaseUrl("genesis-online", {}).href).toBe("https://www-genesis.destatis.de/genesisWS/rest/2020/");
    expect(GENESIS_BASE_URLS.regionalstatistik).toBe("https://www.regionalstatistik.de/genesisws/rest/2020/");
  });

  it("rejects an override that would leak credentials", () => {
    expect(() => resolveBaseUrl("regionalstatistik", {KBM_GENESIS_URL: "http://example.org/genesisws/rest/2020/"})).toThrow(InputError);
    const error = (() => {
      try {
        resolveBaseUrl("regionalstatistik", {KBM_GENESIS_URL: `https://${USER}:${PASS}@example.org/`});
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).not.toContain(PASS);
    expect(error?.message).not.toContain(USER);
    expect(resolveBaseUrl("regionalstatistik", {KBM_GENESIS_URL: "http://127.0.0.1:9/x/rest/2020"}).href).toBe("http://127.0.0.1:9/x/rest/2020/");
  });

  it("rejects bad requests before sending anything", async () => {
    await expect(fetchTable({name: "../etc/passwd"}, options())).rejects.toThrow(InputError);
    await expect(fetchTable({name: "21111-02-06-4", startYear: 2020, endYear: 2010}, options())).rejects.toThrow(InputError);
    await expect(fetchTable({name: "21111-02-06-4", startYear: 20.5}, options())).rejects.toThrow(InputError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("status codes", () => {
  const cases = [
    [50, "Es sind keine neueren Daten vorhanden", "Information", GenesisNoNewerDataError],
    [90, "Die angeforderte Tabelle ist nicht vorhanden", "Fehler", GenesisTableNotFoundError],
    [104, "Es gibt keine Objekte zum angegebenen Selektionskriterium", "Information", GenesisNoObjectsError],
    [-1, "Für die Teiltabelle wurde kein Datenquader gefunden!", "Fehler", GenesisNoDataCubeError],
    [22, "erfolgreich mit Parameteranpassung", "Warnung", GenesisWarningError],
    [7, "Ein unbekannter Fehler", "Fehler", GenesisUnknownStatusError]
  ] as const;

  it.each(cases)("code %i becomes its own error class with code and server message", async (code, content, type, errorClass) => {
    scriptTable(statusEnvelope(code, content, type));
    const error = await rejection(fetchTable(table, options()));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(GenesisStatusError);
    expect((error as GenesisStatusError).code).toBe(code);
    expect((error as GenesisStatusError).serverMessage).toBe(content);
    expect(error.message).toContain(`GENESIS-Code ${code}`);
    expect(error.message).toContain(content);
    // Status answers are final: no retry.
    expect(server.requests).toHaveLength(1);
  });

  it("code 22 with data is a success with a warning", async () => {
    const csv = "statistics_code;value\n21111;1\n";
    scriptTable(statusEnvelope(22, "erfolgreich (Mindestens ein Parameter enthält ungültige Werte. Er wurde angepasst.)", "Warnung", {object: {Content: csv}}));
    const result = await fetchTable(table, options());
    expect(new TextDecoder().decode(result.csvBytes)).toBe(csv);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("Mindestens ein Parameter enthält ungültige Werte");
    expect(result.rawPath.endsWith(".json")).toBe(true);
    const sidecar = JSON.parse(await readFile(result.metaPath, "utf8")) as RawMetadata;
    expect(sidecar.warnings).toEqual(result.warnings);
  });

  it("code 0 without any file is an unexpected answer", async () => {
    scriptTable(statusEnvelope(0, "erfolgreich"));
    await expect(fetchTable(table, options())).rejects.toThrow(GenesisResponseError);
  });

  it.each([200, 404])("wrong credentials (bare Code 2, HTTP %i) become GenesisAuthError without retry", async (httpStatus) => {
    // Recorded elsewhere: "Ein Fehler ist aufgetreten. (Bitte prüfen und korrigieren Sie Ihren Nutzernamen bzw. das Passwort.)"
    scriptTable(bareStatus(2, `Ein Fehler ist aufgetreten. (Bitte prüfen und korrigieren Sie Ihren Nutzernamen bzw. das Passwort.) Nutzer ${USER}`, "ERROR", httpStatus));
    const error = await rejection(fetchTable(table, options()));
    expect(error).toBeInstanceOf(GenesisAuthError);
    expect((error as GenesisAuthError).code).toBe(2);
    expect((error as GenesisAuthError).serverMessage).toContain("Bitte prüfen und korrigieren Sie Ihren Nutzernamen");
    expect(error.message).toContain("KBM_GENESIS_USERNAME");
    // The server quoted the user name back; it must not reach the message.
    expect(error.message).not.toContain(USER);
    expect((error as GenesisAuthError).serverMessage).not.toContain(USER);
    expect(server.requests).toHaveLength(1);
  });

  it("a zip without a CSV member, or an HTML page, is an unexpected answer", async () => {
    scriptTable(zipResponse({"liesmich.txt": "nichts"}), {status: 200, headers: {"content-type": "text/html"}, body: "<html>Wartung</html>"});
    await expect(fetchTable(table, options())).rejects.toThrow(/keine CSV-Datei/);
    await expect(fetchTable(table, options())).rejects.toThrow(/HTML-Seite/);
  });

  it("a plain CSV answer (old servers) keeps the name from Content-Disposition", async () => {
    const csv = fixtureDir ? await readFile(join(fixtureDir, "12411-01-01-4_flat.csv")) : Buffer.from("Statistik_Code;Statistik_Label\n");
    scriptTable({status: 200, headers: {"content-type": "text/csv", "content-disposition": "attachement;filename=12411-01-01-4_flat.csv"}, body: csv});
    const result = await fetchTable({name: "12411-01-01-4"}, options());
    expect(result.fileName).toBe("12411-01-01-4_flat.csv");
    expect(Buffer.from(result.csvBytes).equals(csv)).toBe(true);
    expect(result.rawPath.endsWith(".csv")).toBe(true);
  });
});

describe("transport", () => {
  it("retries 5xx with backoff, strictly one request after the other, then succeeds", async () => {
    scriptTable({status: 500, body: "Internal Server Error"}, {status: 502, body: "Bad Gateway"}, zipResponse({"21111-02-06-4_flat.csv": SMALL_CSV}));
    const result = await fetchTable(table, options());
    expect(server.requests).toHaveLength(3);
    expectSerial(server.requests);
    for (const request of server.requests) expectCleanRequest(request);
    expect(result.fileName).toBe("21111-02-06-4_flat.csv");
    const sidecar = JSON.parse(await readFile(result.metaPath, "utf8")) as RawMetadata;
    expect(sidecar.attempts).toBe(3);
    expect(logLines.some((line) => line.includes("Versuch 3/3"))).toBe(true);
    for (const line of logLines) for (const secret of SECRETS) expect(line).not.toContain(secret);
  });

  it("gives up after the configured attempts on persistent 5xx", async () => {
    server.script({endpoint: "data/tablefile", responses: [{status: 503, body: "Service Unavailable"}], repeatLast: true});
    const error = await rejection(fetchTable(table, options({retry: {attempts: 4, baseDelayMs: 1, maxDelayMs: 4}})));
    expect(error).toBeInstanceOf(GenesisHttpError);
    expect((error as GenesisHttpError).httpStatus).toBe(503);
    expect((error as GenesisHttpError).attempts).toBe(4);
    expect(error.message).toContain("nach 4 Versuchen");
    expect(server.requests).toHaveLength(4);
    expectSerial(server.requests);
  });

  it("aborts a request that takes longer than the timeout and retries it", async () => {
    server.script({endpoint: "data/tablefile", responses: [{hang: true}], repeatLast: true});
    const started = performance.now();
    const error = await rejection(fetchTable(table, options({timeoutMs: 100, retry: {attempts: 2, baseDelayMs: 1}})));
    expect(error).toBeInstanceOf(GenesisTimeoutError);
    expect((error as GenesisTimeoutError).attempts).toBe(2);
    expect((error as GenesisTimeoutError).timeoutMs).toBe(100);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("a timeout followed by an answer is a success", async () => {
    scriptTable({hang: true}, zipResponse({"x_flat.csv": SMALL_CSV}));
    const result = await fetchTable(table, options({timeoutMs: 100}));
    expect(result.fileName).toBe("x_flat.csv");
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry 4xx and does not follow redirects (they would carry the credential headers)", async () => {
    scriptTable({status: 302, headers: {location: "http://127.0.0.1:9/elsewhere"}});
    const error = await rejection(fetchTable(table, options()));
    expect(error).toBeInstanceOf(GenesisHttpError);
    expect((error as GenesisHttpError).httpStatus).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a refused connection after the retries", async () => {
    const closed = await startFakeGenesisServer();
    const url = closed.baseUrl();
    await closed.close();
    const error = await rejection(fetchTable(table, options({env: baseEnv(url), retry: {attempts: 2, baseDelayMs: 1}})));
    expect(error).toBeInstanceOf(GenesisNetworkError);
    expect((error as GenesisNetworkError).attempts).toBe(2);
  });

  it("keeps concurrent fetchTable calls serial on the wire", async () => {
    server.script({endpoint: "data/tablefile", responses: [{...zipResponse({"x_flat.csv": SMALL_CSV}), delayMs: 30}], repeatLast: true});
    const clock = [new Date("2026-03-10T20:00:00.000Z"), new Date("2026-03-10T20:00:01.000Z"), new Date("2026-03-10T20:00:02.000Z")];
    let tick = 0;
    const now = () => clock[tick++ % clock.length] as Date;
    await Promise.all([fetchTable(table, options({now})), fetchTable({name: "12411-01-01-4"}, options({now})), fetchTable(table, options({now}))]);
    expect(server.requests).toHaveLength(3);
    expectSerial(server.requests);
  });
});

describe("job mode", () => {
  const job = "21111-02-06-4_123456789";
  const created = `Der Bearbeitungsauftrag wurde erstellt. Die Tabelle kann in Kürze als Ergebnis mit folgendem Namen abgerufen werden: ${job}`;

  it("98 → job=true → 99 → poll catalogue/results until listed → data/resultfile", async () => {
    server.script({endpoint: "data/tablefile", params: {job: "false"}, responses: [statusEnvelope(98, "Die Tabelle ist zu groß für den direkten Abruf. Bitte starten Sie einen Hintergrund-Auftrag.", "Warnung")]});
    server.script({endpoint: "data/tablefile", params: {job: "true"}, responses: [statusEnvelope(99, created)]});
    server.script({endpoint: "catalogue/results", responses: [resultsList([]), resultsList(["12411-01-01-4_987654321"]), resultsList([job])]});
    server.script({endpoint: "data/resultfile", params: {name: job}, responses: [zipResponse({[`${job}_flat.csv`]: SMALL_CSV}, `${job}_flat.zip`)]});

    const result = await fetchTable(table, options());

    expect(result.jobName).toBe(job);
    expect(result.fileName).toBe(`${job}_flat.csv`);
    expect(Buffer.from(result.csvBytes).toString("utf8")).toBe(SMALL_CSV);
    expect(server.requests.map((request) => request.endpoint)).toEqual([
      "data/tablefile",
      "data/tablefile",
      "catalogue/results",
      "catalogue/results",
      "catalogue/results",
      "data/resultfile"
    ]);
    expect(server.requests.map((request) => request.answeredBy)).not.toContain("unmatched");
    expect(server.requests[1]?.params.job).toBe("true");
    expect(server.requests[2]?.params).toEqual({selection: job, area: "user"});
    expect(server.requests[5]?.params).toMatchObject({name: job, format: "ffcsv", compress: "false"});
    expectSerial(server.requests);
    for (const request of server.requests) expectCleanRequest(request);

    const sidecar = JSON.parse(await readFile(result.metaPath, "utf8")) as RawMetadata;
    expect(sidecar.jobName).toBe(job);
    expect(sidecar.url).toBe(`${server.baseUrl()}data/resultfile`);
    await expectNoSecretsUnder(dir);
  });

  it("gives up with a clear error when the result does not appear within the polling bound", async () => {
    scriptTable(statusEnvelope(98, "Tabelle zu groß", "Warnung"), statusEnvelope(99, created));
    server.script({endpoint: "catalogue/results", responses: [resultsList([])], repeatLast: true});
    const error = await rejection(fetchTable(table, options({job: {pollIntervalMs: 2, maxPolls: 3}})));
    expect(error).toBeInstanceOf(GenesisJobError);
    expect((error as GenesisJobError).jobName).toBe(job);
    expect((error as GenesisJobError).polls).toBe(3);
    expect(error.message).toContain(job);
    expect(error.message).toContain("3 Abfragen");
    expect(server.requests.filter((request) => request.endpoint === "catalogue/results")).toHaveLength(3);
    expect(server.requests.some((request) => request.endpoint === "data/resultfile")).toBe(false);
  });

  it("a job answer without a recognisable name is an error", async () => {
    scriptTable(statusEnvelope(99, "Der Bearbeitungsauftrag wurde erstellt."));
    await expect(fetchTable(table, options())).rejects.toThrow(GenesisJobError);
  });

  it("98 again with job=true stays GenesisTooLargeError", async () => {
    scriptTable(statusEnvelope(98, "Tabelle zu groß", "Warnung"), statusEnvelope(98, "Tabelle zu groß", "Warnung"));
    const error = await rejection(fetchTable(table, options()));
    expect(error).toBeInstanceOf(GenesisTooLargeError);
    expect(server.requests.map((request) => request.params.job)).toEqual(["false", "true"]);
  });

  it("extracts the job name robustly", () => {
    expect(extractJobName(created, "21111-02-06-4")).toBe(job);
    expect(extractJobName(created)).toBe(job);
    // Servers append notes after the name.
    expect(
      extractJobName(
        "Der Bearbeitungsauftrag wurde erstellt. Die Tabelle kann in Kürze als Ergebnis mit folgendem Namen abgerufen werden: 42153-0001_001597503 (Mindestens ein Parameter enthält ungültige Werte. Er wurde angepasst, um den Service starten zu können.: stand",
        "42153-0001"
      )
    ).toBe("42153-0001_001597503");
    expect(extractJobName("The job has been created. The table can be retrieved shortly as a result with the following name: 12211-Z-11_42.", "12211-z-11")).toBe("12211-Z-11_42");
    expect(extractJobName("Der Bearbeitungsauftrag wurde erstellt.")).toBeUndefined();
  });
});

describe("raw directory", () => {
  it("holds none of the credentials after successes and failures (grep)", async () => {
    scriptTable(
      zipResponse({"x_flat.csv": SMALL_CSV}),
      statusEnvelope(22, "erfolgreich mit Parameteranpassung", "Warnung", {object: {Content: "a;b\n1;2\n"}}),
      statusEnvelope(90, "Die angeforderte Tabelle ist nicht vorhanden", "Fehler")
    );
    await fetchTable(table, options());
    await fetchTable(table, options({now: () => new Date("2026-03-11T08:00:00.000Z")}));
    await expect(fetchTable(table, options())).rejects.toThrow(GenesisTableNotFoundError);
    await fetchTable(table, options({env: {KBM_GENESIS_URL: server.baseUrl(), KBM_GENESIS_TOKEN: TOKEN}})).catch(() => undefined);
    expect((await filesUnder(join(dir, "raw"))).length).toBe(4);
    await expectNoSecretsUnder(join(dir, "raw"));
  });
});
