/**
 * Credentials of `kbm pull` never leave the request headers: not on stdout or stderr, not in
 * data/raw/ (answer and sidecar), not in data/updates/, not in the warehouse built from the
 * update (its bytes and every text column), not in reports, and not in dist/ when a build is
 * there. Made-up credentials only; the fake server listens on 127.0.0.1.
 */
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {EXIT_DATA_ERROR, EXIT_OK, runCli} from "../../../pipelines/cli/main.ts";
import {pullTable} from "../../../pipelines/updates/pull.ts";
import {captureIO} from "../../support/capture-io.ts";
import {bareStatus, startFakeGenesisServer, type FakeGenesisServer} from "../../support/fake-genesis-server.ts";
import {REPO, describeFixtures, filesUnder, fixturePath, makeProject, updateFiles, type Project} from "../updates/project.ts";

const USER = "kbm-test-user-7f3a";
const PASS = "s3cr3t-Pa55-ü-9c1e";
const TOKEN = "tok-kbm-leak-5e2d9a61";
const SECRETS = [USER, PASS, TOKEN];

/** Every byte form a secret could take in a file: UTF-8, Latin-1 (HTTP headers), URL and Base64 encodings. */
const NEEDLES: Buffer[] = (() => {
  const forms = new Map<string, Buffer>();
  const add = (buffer: Buffer) => forms.set(buffer.toString("hex"), buffer);
  for (const secret of SECRETS) {
    add(Buffer.from(secret, "utf8"));
    add(Buffer.from(secret, "latin1"));
    add(Buffer.from(encodeURIComponent(secret), "utf8"));
    add(Buffer.from(Buffer.from(secret, "utf8").toString("base64").replace(/=+$/, ""), "utf8"));
    add(Buffer.from(Buffer.from(secret, "latin1").toString("base64").replace(/=+$/, ""), "utf8"));
  }
  add(Buffer.from(Buffer.from(`${USER}:${PASS}`, "latin1").toString("base64").replace(/=+$/, ""), "utf8"));
  return [...forms.values()];
})();

function leaks(bytes: Buffer | string): boolean {
  const haystack = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return NEEDLES.some((needle) => haystack.includes(needle));
}

/** Files under `dir` that contain a secret (the .env that holds them on purpose excluded). */
function leakingFiles(dir: string): string[] {
  return filesUnder(dir)
    .filter((path) => !path.endsWith(`${"/"}.env`))
    .filter((path) => leaks(readFileSync(path)))
    .map((path) => relative(dir, path));
}

/** Every text value in every table of a DuckDB file that contains a secret (strings may be stored compressed). */
async function leakingCells(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path, {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    const columns = (
      await connection.runAndReadAll("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR' AND table_schema = 'main'")
    ).getRowObjectsJson() as {table_name: string; column_name: string}[];
    const found: string[] = [];
    for (const {table_name, column_name} of columns) {
      const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
      const conditions = SECRETS.map((_, i) => `position($s${i} IN ${quoted(column_name)}) > 0`).join(" OR ");
      const statement = await connection.prepare(`SELECT count(*)::INTEGER AS n FROM ${quoted(table_name)} WHERE ${conditions}`);
      statement.bind(Object.fromEntries(SECRETS.map((secret, i) => [`s${i}`, secret])));
      const [row] = (await statement.runAndReadAll()).getRowObjectsJson() as {n: number}[];
      if (row!.n > 0) found.push(`${table_name}.${column_name}`);
    }
    return found;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

let server: FakeGenesisServer;
let project: Project;

beforeEach(async () => {
  server = await startFakeGenesisServer({cassettes: existsSync(fixturePath("12411-01-01-4.yaml")) ? [fixturePath("12411-01-01-4.yaml")] : []});
  project = makeProject("kbm-pull-leaks-");
});

afterEach(async () => {
  await server.close();
  project.cleanup();
});

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const io = captureIO(project.root, env);
  const code = await runCli(args, io.io);
  return {code, output: io.stdout() + io.stderr()};
}

describeFixtures("kbm pull keeps credentials out of every output", () => {
  it.each([
    ["username and password from the environment", {KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS}, undefined],
    ["a token from the environment", {KBM_GENESIS_TOKEN: TOKEN}, undefined],
    ["username and password from .env", {}, `KBM_GENESIS_USERNAME=${USER}\nKBM_GENESIS_PASSWORD="${PASS}"\n`]
  ] as const)("%s: not in stdout/stderr, data/raw, data/updates, reports, the warehouse", async (_label, credentials, dotEnv) => {
    if (dotEnv !== undefined) writeFileSync(join(project.root, ".env"), dotEnv, "utf8");
    const env = {KBM_GENESIS_URL: server.baseUrl(), ...credentials};

    const pulled = await run(["pull", "--table", "12411-01-01-4"], env);
    expect(pulled.code, pulled.output).toBe(EXIT_OK);
    // The credentials did reach the server (in headers), so the checks below are not vacuous.
    const headers = server.requests[0]!.headers;
    if ("KBM_GENESIS_TOKEN" in credentials) expect([headers.username, headers.password]).toEqual([TOKEN, ""]);
    else expect([headers.username, headers.password]).toEqual([USER, PASS]);
    expect(leaks(server.requests[0]!.body)).toBe(false);

    const built = await run(["data"], env);
    expect(built.code, built.output).toBe(EXIT_OK);

    expect(leaks(pulled.output)).toBe(false);
    expect(leaks(built.output)).toBe(false);
    expect(filesUnder(join(project.root, "data", "raw")).length).toBe(2); // the zip and its sidecar
    expect(updateFiles(project)).toHaveLength(1);
    expect(leakingFiles(project.root)).toEqual([]);
    expect(await leakingCells(join(project.root, "data", "warehouse.duckdb"))).toEqual([]);
  });
});

describe("kbm pull keeps credentials out of error messages", () => {
  const env = () => ({KBM_GENESIS_URL: server.baseUrl(), KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS});

  it("wrong credentials (the bare auth error, quoting the user name back): exit 1, the message without the secret", async () => {
    server.script({endpoint: "data/tablefile", responses: [bareStatus(2, `Der Benutzer ${USER} ist unbekannt oder das Passwort ${PASS} ist falsch.`)]});
    const result = await run(["pull", "--table", "12411-01-01-4"], env());
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.output).toContain("Anmeldung bei GENESIS fehlgeschlagen");
    expect(result.output).toContain("Prüfen Sie KBM_GENESIS_USERNAME und KBM_GENESIS_PASSWORD bzw. KBM_GENESIS_TOKEN");
    expect(result.output).toContain("Der Benutzer *** ist unbekannt");
    expect(leaks(result.output)).toBe(false);
    expect(updateFiles(project)).toEqual([]);
    expect(leakingFiles(project.root)).toEqual([]);
  });

  it("an HTTP 401 quoting the token in a text body: exit 1, redacted", async () => {
    server.script({endpoint: "data/tablefile", responses: [{status: 401, headers: {"content-type": "text/plain; charset=utf-8"}, body: `Unauthorized: token ${TOKEN} rejected`}]});
    const result = await run(["pull", "--table", "12411-01-01-4"], {KBM_GENESIS_URL: server.baseUrl(), KBM_GENESIS_TOKEN: TOKEN});
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.output).toContain("HTTP 401");
    expect(leaks(result.output)).toBe(false);
    expect(leakingFiles(project.root)).toEqual([]);
  });

  it("an error page echoing the password HTML-escaped, URL-encoded, in Base64 and wrapped across lines: exit 1, all redacted", async () => {
    const b64 = Buffer.from(PASS, "utf8").toString("base64");
    const html = PASS.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const body = `Fehler für ${USER}: ${html} / ${encodeURIComponent(PASS)} / ${b64.slice(0, 8)}\n${b64.slice(8)} / ${PASS.slice(0, 5)}\r\n${PASS.slice(5)}`;
    server.script({endpoint: "data/tablefile", responses: [{status: 403, headers: {"content-type": "text/html; charset=utf-8"}, body}]});
    const result = await run(["pull", "--table", "12411-01-01-4"], env());
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.output).toContain("HTTP 403");
    expect(result.output).toContain("Fehler für ***: *** / *** / *** / ***");
    expect(leaks(result.output)).toBe(false);
    expect(leakingFiles(project.root)).toEqual([]);
  });

  it("a long error page with the token across the 300th character: the shortened message shows no part of it", async () => {
    const body = `${"x".repeat(290)}${TOKEN} und mehr`;
    server.script({endpoint: "data/tablefile", responses: [{status: 401, headers: {"content-type": "text/plain"}, body}]});
    const result = await run(["pull", "--table", "12411-01-01-4"], {KBM_GENESIS_URL: server.baseUrl(), KBM_GENESIS_TOKEN: TOKEN});
    expect(result.code).toBe(EXIT_DATA_ERROR);
    expect(result.output).toContain(`${"x".repeat(290)}***`);
    expect(result.output).not.toContain(TOKEN.slice(0, 6));
  });

  it("no connection (server gone): the error names the address, not the credentials", async () => {
    const url = server.baseUrl();
    await server.close();
    const logged: string[] = [];
    const error = await pullTable({
      table: "12411-01-01-4",
      source: "regionalstatistik",
      cwd: project.root,
      env: {KBM_GENESIS_URL: url, KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS},
      snapshotDir: project.snapshotDir,
      updatesDir: project.updatesDir,
      log: (m) => logged.push(m),
      client: {retry: {attempts: 2, baseDelayMs: 1, maxDelayMs: 1}}
    }).then(
      () => undefined,
      (e: unknown) => e as Error
    );
    server = await startFakeGenesisServer(); // for afterEach
    expect(error?.message).toContain("Keine Verbindung zu GENESIS nach 2 Versuchen");
    expect(leaks(`${error?.message}\n${error?.stack}\n${logged.join("\n")}`)).toBe(false);
    expect(leakingFiles(project.root)).toEqual([]);
  });
});

const dist = join(REPO, "dist");
if (!existsSync(dist)) {
  console.warn(
    `dist/ fehlt (${dist}): der Leck-Test von dist/ wird übersprungen. dist/ wird aus Snapshot, Aktualisierungen und Warehouse gebaut, ` +
      "die oben geprüft sind" + (process.env.CI ? " (unter CI laufen die Unit-Tests vor npm run build)." : ".")
  );
}

describe("the built site", () => {
  it.runIf(existsSync(dist))("dist/ contains none of the test credentials", () => {
    expect(leakingFiles(dist)).toEqual([]);
  });
});
