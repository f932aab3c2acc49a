/**
 * Client for the GENESIS web service (REST API 2020): Regionaldatenbank (regionalstatistik.de)
 * and GENESIS-Online (destatis.de).
 *
 * It downloads a table file, follows background jobs for large tables, keeps the raw answer under
 * `data/raw/` with a JSON sidecar, and hands back the bytes of the CSV inside. Parsing the CSV is
 * done elsewhere. Requests are strictly serial: GENESIS limits parallel requests per user.
 */
import {createHash, randomBytes} from "node:crypto";
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {join, posix, resolve} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {ZipProblem, unzipVerified} from "../common/zip-integrity.ts";
import {InputError} from "../common/errors.ts";
import {credentialHeaders, loadCredentials, redact, secretsOf, type Env} from "./credentials.ts";
import {
  GenesisHttpError,
  GenesisJobCreatedError,
  GenesisJobError,
  GenesisNetworkError,
  GenesisResponseError,
  GenesisTimeoutError,
  GenesisTooLargeError,
  STATUS,
  isBareStatus,
  readStatus as readRawStatus,
  statusError,
  type GenesisStatus,
  type GenesisStatusError
} from "./status.ts";

export type GenesisSource = "regionalstatistik" | "genesis-online";

export const GENESIS_BASE_URLS: Readonly<Record<GenesisSource, string>> = {
  // The Regionaldatenbank path is lowercase, GENESIS-Online's is not.
  regionalstatistik: "https://www.regionalstatistik.de/genesisws/rest/2020/",
  "genesis-online": "https://www-genesis.destatis.de/genesisWS/rest/2020/"
};

export interface TableRequest {
  /** Table code, e.g. "21111-02-06-4". */
  name: string;
  startYear?: number;
  endYear?: number;
  source?: GenesisSource;
  area?: "all" | "public" | "user";
  language?: "de" | "en";
  /** e.g. "KREISE". */
  regionalVariable?: string;
  /** e.g. "05315" or "05*". */
  regionalKey?: string;
  /** Ask for quality marks (adds a `value_q` column). */
  quality?: boolean;
}

export interface RetryOptions {
  /** Total tries per request, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

export interface JobOptions {
  pollIntervalMs: number;
  maxPolls: number;
}

export interface FetchTableOptions {
  /** Usually `process.env`; read for credentials and KBM_GENESIS_URL. */
  env: Env;
  /** Where raw answers go; default `data/raw` under `cwd`. */
  rawDir?: string;
  /** Directory of the `.env` file; default `process.cwd()`. */
  cwd?: string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  retry?: Partial<RetryOptions>;
  /** Per request, including reading the body. */
  timeoutMs?: number;
  /** Longest silence while waiting for or reading an answer: a server that sends nothing for this long is given up. */
  stallMs?: number;
  /** The whole fetch (every attempt, wait and job poll) ends by then at the latest. */
  deadlineMs?: number;
  job?: Partial<JobOptions>;
  /** Debug output; messages are redacted before they get here. */
  log?: (message: string) => void;
}

export interface FetchTableResult {
  /** The CSV exactly as the server sent it (zip member or plain body), BOM included. */
  csvBytes: Uint8Array;
  /** Name of the CSV (zip member name or Content-Disposition file name). */
  fileName: string;
  /** The stored raw answer (zip, csv or json). */
  rawPath: string;
  /** Its JSON sidecar. */
  metaPath: string;
  /** ISO time at which the answer arrived (from the injected clock). */
  retrievedAt: string;
  /** Server warnings (code 22) that came with data. */
  warnings: string[];
  /** Set when the table came through a background job. */
  jobName: string | undefined;
}

/** The JSON sidecar stored next to each raw answer. Holds no credentials by construction. */
export interface RawMetadata {
  table: string;
  source: GenesisSource;
  retrievedAt: string;
  method: "POST";
  url: string;
  parameters: Record<string, string>;
  httpStatus: number;
  contentType: string | null;
  contentDisposition: string | null;
  bytes: number;
  sha256: string;
  csvFileName: string;
  jobName: string | null;
  warnings: string[];
  attempts: number;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = {attempts: 4, baseDelayMs: 2_000, maxDelayMs: 30_000, factor: 2};
export const DEFAULT_JOB: Readonly<JobOptions> = {pollIntervalMs: 10_000, maxPolls: 60};
// Large tables can take minutes to assemble on the server side.
export const DEFAULT_TIMEOUT_MS = 180_000;
/** No byte for a minute: the answer is not coming. */
export const DEFAULT_STALL_MS = 60_000;
/** All attempts together: five minutes (before, four attempts of 180 s plus waits took 12.5 minutes). */
export const DEFAULT_DEADLINE_MS = 300_000;

const REQUEST = "GENESIS-Anfrage";

/** Downloads one table file and stores the raw answer. See the module comment. */
export async function fetchTable(request: TableRequest, options: FetchTableOptions): Promise<FetchTableResult> {
  const table = validateRequest(request);
  const session = openSession(table.source, options);
  const warnings: string[] = [];

  let answer = await session.post("data/tablefile", tableParams(table, false));
  let outcome = interpretFile(answer, table.name, warnings, session.secrets);

  if (outcome.kind === "status" && outcome.error instanceof GenesisTooLargeError) {
    session.log(`GENESIS: Tabelle ${table.name} ist zu groß für den direkten Abruf, starte Bearbeitungsauftrag`);
    answer = await session.post("data/tablefile", tableParams(table, true));
    outcome = interpretFile(answer, table.name, warnings, session.secrets);
  }

  let jobName: string | undefined;
  if (outcome.kind === "status" && outcome.error instanceof GenesisJobCreatedError) {
    jobName = extractJobName(outcome.error.serverMessage, table.name);
    if (jobName === undefined) {
      throw new GenesisJobError(
        `GENESIS hat für Tabelle ${table.name} einen Bearbeitungsauftrag erstellt, aber sein Name ist in der Antwort nicht zu finden: „${outcome.error.serverMessage}“`,
        undefined,
        0
      );
    }
    await waitForJob(session, jobName, table.name);
    answer = await session.post("data/resultfile", {name: jobName, area: "user", compress: "false", format: "ffcsv", language: table.language});
    outcome = interpretFile(answer, table.name, warnings, session.secrets);
  }

  if (outcome.kind === "status") throw outcome.error;

  const retrievedAt = answer.receivedAt.toISOString();
  const stored = await storeRaw(session.rawDir, table, answer, outcome, {retrievedAt, jobName, warnings});
  session.log(`GENESIS: Tabelle ${table.name} gespeichert unter ${stored.rawPath}`);
  return {csvBytes: outcome.csvBytes, fileName: outcome.fileName, ...stored, retrievedAt, warnings, jobName};
}

/** Base URL for a source; KBM_GENESIS_URL overrides both (tests point it at a local server). */
export function resolveBaseUrl(source: GenesisSource, env: Env): URL {
  const override = env.KBM_GENESIS_URL?.trim();
  if (!override) return new URL(GENESIS_BASE_URLS[source]);
  const where = {file: "Umgebungsvariable KBM_GENESIS_URL"};
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    // No `found`: a malformed URL may still carry credentials.
    throw new InputError(where, "eine absolute URL wie https://www.regionalstatistik.de/genesisws/rest/2020/");
  }
  if (url.username || url.password) {
    throw new InputError(where, "eine URL ohne Zugangsdaten (diese gehören in KBM_GENESIS_USERNAME/KBM_GENESIS_PASSWORD oder KBM_GENESIS_TOKEN)");
  }
  // Credentials travel in headers: plain http only to this machine.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    throw new InputError(where, "eine https-URL (http nur für 127.0.0.1, ::1 oder localhost)", url.origin);
  }
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

/** The form parameters of a `data/tablefile` request. */
export function tableParams(table: ValidTableRequest, job: boolean): Record<string, string> {
  const params: Record<string, string> = {name: table.name, area: table.area, compress: "false", format: "ffcsv", language: table.language};
  if (table.startYear !== undefined) params.startyear = String(table.startYear);
  if (table.endYear !== undefined) params.endyear = String(table.endYear);
  if (table.regionalVariable !== undefined) params.regionalvariable = table.regionalVariable;
  if (table.regionalKey !== undefined) params.regionalkey = table.regionalKey;
  if (table.quality) params.quality = "on";
  params.job = String(job);
  return params;
}

/**
 * The job name in a code-99 message, e.g. "… mit folgendem Namen abgerufen werden:
 * 21111-02-06-4_123456789". Servers may append text (such as a note on adjusted parameters),
 * so look for a `<code>_<digits>` token, preferring one that starts with the table's own code.
 */
export function extractJobName(content: string, table?: string): string | undefined {
  if (table) {
    const own = new RegExp(`(?<![\\w-])${escapeRegExp(table)}_\\d+(?![\\w-])`, "i").exec(content);
    if (own) return own[0];
  }
  return /(?<![\w-])[0-9A-Za-z][0-9A-Za-z-]*_\d+(?![\w-])/.exec(content)?.[0];
}

export type ValidTableRequest = Required<Pick<TableRequest, "name" | "source" | "area" | "language">> &
  Pick<TableRequest, "startYear" | "endYear" | "regionalVariable" | "regionalKey" | "quality">;

export function validateRequest(request: TableRequest): ValidTableRequest {
  const {name, startYear, endYear, source = "regionalstatistik", area = "all", language = "de", regionalVariable, regionalKey, quality} = request;
  if (typeof name !== "string" || !/^[0-9A-Za-z][0-9A-Za-z-]{2,39}$/.test(name)) {
    throw new InputError({file: REQUEST, field: "name"}, "ein GENESIS-Tabellencode wie 21111-02-06-4", String(name));
  }
  for (const [field, year] of [["startYear", startYear], ["endYear", endYear]] as const) {
    if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) {
      throw new InputError({file: REQUEST, field}, "eine Jahreszahl zwischen 1900 und 2100", String(year));
    }
  }
  if (startYear !== undefined && endYear !== undefined && startYear > endYear) {
    throw new InputError({file: REQUEST, field: "endYear"}, `ein Endjahr ab ${startYear}`, String(endYear));
  }
  oneOf("source", source, Object.keys(GENESIS_BASE_URLS));
  oneOf("area", area, ["all", "public", "user"]);
  oneOf("language", language, ["de", "en"]);
  if (regionalVariable !== undefined && !/^[0-9A-Za-z]{1,20}$/.test(regionalVariable)) {
    throw new InputError({file: REQUEST, field: "regionalVariable"}, "einen Merkmalscode wie KREISE", regionalVariable);
  }
  if (regionalKey !== undefined && !/^[0-9A-Za-z*,]{1,200}$/.test(regionalKey)) {
    throw new InputError({file: REQUEST, field: "regionalKey"}, "Regionalschlüssel wie 05315 oder 05*, durch Kommas getrennt", regionalKey);
  }
  return {name, startYear, endYear, source, area, language, regionalVariable, regionalKey, quality};
}

// ---------------------------------------------------------------------------------------------
// Transport: one session per fetchTable call, all requests through one serial lane per server.

interface HttpAnswer {
  url: string;
  params: Record<string, string>;
  httpStatus: number;
  contentType: string | null;
  contentDisposition: string | null;
  bytes: Uint8Array;
  attempts: number;
  receivedAt: Date;
}

interface Session {
  source: GenesisSource;
  rawDir: string;
  jobOptions: JobOptions;
  secrets: readonly string[];
  post(endpoint: string, params: Record<string, string>): Promise<HttpAnswer>;
  log(message: string): void;
}

type Failure = {kind: "http"; status: number} | {kind: "timeout"} | {kind: "stall"} | {kind: "deadline"} | {kind: "network"; detail: string};

/** The body, chunk by chunk, telling `alive` of each one (the stall timer). */
async function readBody(response: Response, alive: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    alive();
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function openSession(source: GenesisSource, options: FetchTableOptions): Session {
  const baseUrl = resolveBaseUrl(source, options.env);
  const cwd = options.cwd ?? process.cwd();
  const credentials = loadCredentials({env: options.env, cwd});
  const secrets = secretsOf(credentials);
  const headers = {...credentialHeaders(credentials), "content-type": "application/x-www-form-urlencoded", accept: "application/zip, text/csv, application/json;q=0.9, */*;q=0.5"};
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const retry = checkedNumbers({...DEFAULT_RETRY, ...options.retry}, "retry");
  const jobOptions = checkedNumbers({...DEFAULT_JOB, ...options.job}, "job");
  const {timeoutMs, stallMs, deadlineMs} = checkedNumbers({timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, stallMs: options.stallMs ?? DEFAULT_STALL_MS, deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS}, "");
  const log = (message: string) => options.log?.(redact(message, secrets));
  // Wall time, not the injected clock (tests pass a fixed one for file names).
  const deadlineAt = Date.now() + deadlineMs;
  const left = () => deadlineAt - Date.now();

  async function once(url: string, body: string): Promise<Omit<HttpAnswer, "params" | "attempts"> | Failure> {
    const controller = new AbortController();
    let timedOut: Failure | null = null;
    const stop = (why: Failure) => {
      timedOut ??= why;
      controller.abort();
    };
    const timer = setTimeout(() => stop(left() <= timeoutMs ? {kind: "deadline"} : {kind: "timeout"}), Math.max(0, Math.min(timeoutMs, left())));
    let stall = setTimeout(() => stop({kind: "stall"}), stallMs);
    const alive = () => {
      clearTimeout(stall);
      stall = setTimeout(() => stop({kind: "stall"}), stallMs);
    };
    try {
      // redirect "manual": fetch would otherwise resend the credential headers to wherever it is sent.
      const response = await fetchImpl(url, {method: "POST", headers, body, signal: controller.signal, redirect: "manual"});
      alive();
      const bytes = await readBody(response, alive);
      return {
        url,
        httpStatus: response.status,
        contentType: response.headers.get("content-type"),
        contentDisposition: response.headers.get("content-disposition"),
        bytes,
        receivedAt: now()
      };
    } catch (error) {
      if (timedOut) return timedOut;
      return {kind: "network", detail: describeNetworkError(error)};
    } finally {
      clearTimeout(timer);
      clearTimeout(stall);
    }
  }

  async function post(endpoint: string, params: Record<string, string>): Promise<HttpAnswer> {
    const url = new URL(endpoint, baseUrl).toString();
    const body = new URLSearchParams(params).toString();
    let failure: Failure = {kind: "network", detail: "keine Anfrage gesendet"};
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (attempt > 1) {
        const delay = Math.min(retry.maxDelayMs, retry.baseDelayMs * retry.factor ** (attempt - 2));
        // No retry that the deadline would cut off anyway.
        if (delay >= left()) throw failureError({kind: "deadline"}, url, attempt - 1, deadlineMs, secrets);
        log(`GENESIS: neuer Versuch in ${delay} ms`);
        await sleep(delay);
      }
      if (left() <= 0) throw failureError({kind: "deadline"}, url, attempt - 1, deadlineMs, secrets);
      log(`GENESIS: POST ${url} ${params.name ?? params.selection ?? ""} (Versuch ${attempt}/${retry.attempts})`);
      const result = await inLane(baseUrl.origin, () => once(url, body));
      if ("kind" in result) {
        failure = result;
        if (result.kind === "deadline") throw failureError(result, url, attempt, deadlineMs, secrets);
      } else if (result.httpStatus >= 500) {
        failure = {kind: "http", status: result.httpStatus};
      } else {
        return {...result, params, attempts: attempt};
      }
      log(`GENESIS: Versuch ${attempt} fehlgeschlagen (${describeFailure(failure)})`);
    }
    throw failureError(failure, url, retry.attempts, failure.kind === "stall" ? stallMs : timeoutMs, secrets);
  }

  return {source, rawDir: resolve(cwd, options.rawDir ?? join("data", "raw")), jobOptions, secrets, post, log};
}

function failureError(failure: Failure, url: string, attempts: number, timeoutMs: number, secrets: readonly string[]): Error {
  const tries = `nach ${attempts} ${attempts === 1 ? "Versuch" : "Versuchen"}`;
  switch (failure.kind) {
    case "http":
      return new GenesisHttpError(`GENESIS antwortet ${tries} mit HTTP ${failure.status} (${url}). Bitte später erneut versuchen.`, failure.status, attempts);
    case "timeout":
      return new GenesisTimeoutError(`GENESIS antwortet ${tries} nicht innerhalb von ${timeoutMs} ms (${url}).`, timeoutMs, attempts);
    case "stall":
      return new GenesisTimeoutError(`GENESIS sendet ${tries} ${secondsText(timeoutMs)} s lang nichts (${url}); abgebrochen (--stall).`, timeoutMs, attempts);
    case "deadline":
      return new GenesisTimeoutError(`Abruf nach ${secondsText(timeoutMs)} s abgebrochen: die Gesamtfrist ist erreicht (${url}; --deadline).`, timeoutMs, attempts);
    case "network":
      return new GenesisNetworkError(redact(`Keine Verbindung zu GENESIS ${tries} (${url}): ${failure.detail}`, secrets), attempts);
  }
}

/** 300 → "0,3", 60000 → "60" (German decimal comma). */
function secondsText(ms: number): string {
  return String(ms / 1000).replace(".", ",");
}

function describeFailure(failure: Failure): string {
  if (failure.kind === "http") return `HTTP ${failure.status}`;
  if (failure.kind === "network") return failure.detail;
  return failure.kind === "stall" ? "keine Daten mehr" : failure.kind === "deadline" ? "Gesamtfrist erreicht" : "Zeitüberschreitung";
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as {code?: unknown; message?: unknown} | undefined;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : undefined;
  return detail ? `${error.message} (${detail})` : error.message;
}

// GENESIS counts parallel requests per user; one lane per server keeps even concurrent
// fetchTable calls from overlapping.
const lanes = new Map<string, Promise<void>>();

async function inLane<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = lanes.get(key) ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((done) => (release = done));
  const tail = previous.then(() => mine);
  lanes.set(key, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (lanes.get(key) === tail) lanes.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Answers: a zip with the CSV, a plain CSV, or a JSON status envelope.

type FileOutcome =
  | {kind: "data"; csvBytes: Uint8Array; fileName: string; rawExtension: ".zip" | ".csv" | ".json"}
  | {kind: "status"; error: Error};

function interpretFile(answer: HttpAnswer, table: string, warnings: string[], secrets: readonly string[]): FileOutcome {
  const {bytes, httpStatus} = answer;
  const context = {table, endpoint: endpointOf(answer.url)};
  if (httpStatus < 200 || httpStatus >= 300) return {kind: "status", error: nonSuccessError(answer, context, secrets)};
  if (isZip(bytes)) return {kind: "data", ...unpackZip(bytes, table), rawExtension: ".zip"};
  if (looksLikeJson(answer)) {
    const json = parseJson(answer, context.endpoint);
    const status = readStatus(json, secrets);
    if (status === undefined) return {kind: "status", error: new GenesisResponseError(`GENESIS-Antwort für Tabelle ${table} ohne Status und ohne Datei (${context.endpoint}).`)};
    // A JSON answer can still carry the table text in Object.Content (code 0 or 22).
    const content = objectContent(json);
    if ((status.code === STATUS.success || status.code === STATUS.warning) && content) {
      if (status.code === STATUS.warning) warnings.push(`GENESIS-Warnung (Code ${status.code}, Tabelle ${table}): „${status.content}“`);
      return {kind: "data", csvBytes: new TextEncoder().encode(content), fileName: `${table}_flat.csv`, rawExtension: ".json"};
    }
    if (status.code === STATUS.success) {
      return {kind: "status", error: new GenesisResponseError(`GENESIS meldet Erfolg für Tabelle ${table}, liefert aber keine Datei (${context.endpoint}).`)};
    }
    return {kind: "status", error: statusError(status, context, isBareStatus(json)) as GenesisStatusError};
  }
  if (bytes.length === 0) return {kind: "status", error: new GenesisResponseError(`Leere Antwort von GENESIS für Tabelle ${table} (${context.endpoint}).`)};
  if (/html/i.test(answer.contentType ?? "") || firstChar(bytes) === "<") {
    return {kind: "status", error: new GenesisResponseError(`GENESIS liefert für Tabelle ${table} eine HTML-Seite statt einer Datei (${context.endpoint}); ist der Dienst gerade in Wartung?`)};
  }
  return {kind: "data", csvBytes: bytes, fileName: dispositionFileName(answer.contentDisposition) ?? `${table}.csv`, rawExtension: ".csv"};
}

/** Non-2xx (3xx, 4xx): a GENESIS status if the body has one (wrong credentials come as 404 or 200), else HTTP. */
function nonSuccessError(answer: HttpAnswer, context: {table: string; endpoint: string}, secrets: readonly string[]): Error {
  if (answer.httpStatus >= 300 && answer.httpStatus < 400) {
    return new GenesisHttpError(
      `GENESIS leitet auf eine andere Adresse um (HTTP ${answer.httpStatus}); der Umleitung wird nicht gefolgt, damit die Zugangsdaten nicht weitergegeben werden (${answer.url}).`,
      answer.httpStatus,
      answer.attempts
    );
  }
  if (looksLikeJson(answer)) {
    try {
      const json: unknown = JSON.parse(decodeUtf8(answer.bytes));
      const status = readStatus(json, secrets);
      const error = status && statusError(status, context, isBareStatus(json));
      if (error) return error;
    } catch {
      // fall through to the plain HTTP error
    }
  }
  // Redact before shortening: a secret cut in half at the 300th character would no longer match.
  const text = /^text\//i.test(answer.contentType ?? "") ? redact(decodeUtf8(answer.bytes.subarray(0, 64 * 1024)), secrets).slice(0, 300).trim() : "";
  return new GenesisHttpError(`GENESIS antwortet mit HTTP ${answer.httpStatus} (${answer.url})${text ? `: ${text}` : "."}`, answer.httpStatus, answer.attempts);
}

function unpackZip(bytes: Uint8Array, table: string): {csvBytes: Uint8Array; fileName: string} {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipVerified(bytes, {keep: (name) => /\.csv$/i.test(name)});
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    const what = error.kind === "limit" ? "wird nicht entpackt" : "ist beschädigt";
    throw new GenesisResponseError(`Das ZIP von GENESIS für Tabelle ${table} ${what}${error.member === undefined ? "" : ` (${error.member})`}: ${error.problem}. Nichts übernommen.`);
  }
  const names = Object.keys(members);
  // The documented shape is one `…_flat.csv`; prefer it if the archive ever holds more.
  const flat = names.filter((name) => /_flat\.csv$/i.test(name));
  const chosen = flat.length === 1 ? flat[0] : names.length === 1 ? names[0] : undefined;
  if (chosen === undefined) {
    throw new GenesisResponseError(
      `Das ZIP von GENESIS für Tabelle ${table} enthält ${names.length === 0 ? "keine CSV-Datei" : `mehrere CSV-Dateien (${names.join(", ")})`}.`
    );
  }
  return {csvBytes: members[chosen] as Uint8Array, fileName: posix.basename(chosen.replaceAll("\\", "/"))};
}

async function waitForJob(session: Session, jobName: string, table: string): Promise<void> {
  const {pollIntervalMs, maxPolls} = session.jobOptions;
  session.log(`GENESIS: warte auf Bearbeitungsauftrag ${jobName}`);
  for (let poll = 1; poll <= maxPolls; poll++) {
    await sleep(pollIntervalMs);
    const answer = await session.post("catalogue/results", {selection: jobName, area: "user"});
    const context = {table, endpoint: "catalogue/results"};
    if (answer.httpStatus < 200 || answer.httpStatus >= 300) throw nonSuccessError(answer, context, session.secrets);
    const json = parseJson(answer, context.endpoint);
    const status = readStatus(json, session.secrets);
    // 104 ("no objects") is how the list says "not there yet".
    if (status && status.code !== STATUS.success && status.code !== STATUS.noObjects && status.code !== STATUS.warning) {
      throw statusError(status, context, isBareStatus(json)) as GenesisStatusError;
    }
    if (listsResult(json, jobName)) return;
    session.log(`GENESIS: Ergebnis ${jobName} noch nicht bereit (Abfrage ${poll}/${maxPolls})`);
  }
  throw new GenesisJobError(
    `Das Ergebnis des Bearbeitungsauftrags ${jobName} (Tabelle ${table}) lag nach ${maxPolls} Abfragen im Abstand von ${pollIntervalMs} ms nicht vor. ` +
      `Es kann später mit data/resultfile (name=${jobName}) abgerufen werden.`,
    jobName,
    maxPolls
  );
}

function listsResult(json: unknown, jobName: string): boolean {
  const list = (json as {List?: unknown}).List;
  if (!Array.isArray(list)) return false;
  return list.some((entry) => typeof entry?.Code === "string" && entry.Code.trim().toLowerCase() === jobName.toLowerCase());
}

/** The status with the server's message redacted: it could quote a user name back. */
function readStatus(json: unknown, secrets: readonly string[]): GenesisStatus | undefined {
  const status = readRawStatus(json);
  return status && {...status, content: redact(status.content, secrets)};
}

function objectContent(json: unknown): string | undefined {
  const object = (json as {Object?: unknown}).Object;
  const content = typeof object === "object" && object !== null ? (object as {Content?: unknown}).Content : undefined;
  return typeof content === "string" && content.trim() !== "" ? content : undefined;
}

function parseJson(answer: HttpAnswer, endpoint: string): unknown {
  try {
    return JSON.parse(decodeUtf8(answer.bytes));
  } catch {
    throw new GenesisResponseError(`GENESIS-Antwort von ${endpoint} ist kein gültiges JSON (Content-Type ${answer.contentType ?? "fehlt"}).`);
  }
}

function looksLikeJson(answer: HttpAnswer): boolean {
  return /json/i.test(answer.contentType ?? "") || firstChar(answer.bytes) === "{";
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header "PK\x03\x04"; trust the bytes over the Content-Type.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function firstChar(bytes: Uint8Array): string | undefined {
  return decodeUtf8(bytes.subarray(0, 64)).replace(/^\uFEFF/, "").trimStart()[0];
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/** `attachment; filename=x.csv` (the old server even wrote "attachement"); basename only. */
function dispositionFileName(header: string | null): string | undefined {
  const match = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null;
  const name = match?.[1] ? posix.basename(decodeURIComponent(match[1]).replaceAll("\\", "/")) : undefined;
  return name && name !== ".." ? name : undefined;
}

function endpointOf(url: string): string {
  return /[^/]+\/[^/]+$/.exec(new URL(url).pathname)?.[0] ?? url;
}

// ---------------------------------------------------------------------------------------------
// Raw storage: bytes and sidecar, each written to a temp file and renamed into place.

async function storeRaw(
  rawDir: string,
  table: ValidTableRequest,
  answer: HttpAnswer,
  outcome: Extract<FileOutcome, {kind: "data"}>,
  extra: {retrievedAt: string; jobName: string | undefined; warnings: string[]}
): Promise<{rawPath: string; metaPath: string}> {
  const dir = join(rawDir, table.source);
  await mkdir(dir, {recursive: true});
  const stem = `${table.name}_${extra.retrievedAt.replace(/[:.]/g, "-")}`;
  const rawPath = join(dir, stem + outcome.rawExtension);
  const metaPath = join(dir, `${stem}.meta.json`);
  const metadata: RawMetadata = {
    table: table.name,
    source: table.source,
    retrievedAt: extra.retrievedAt,
    method: "POST",
    url: answer.url,
    parameters: withoutCredentialKeys(answer.params),
    httpStatus: answer.httpStatus,
    contentType: answer.contentType,
    contentDisposition: answer.contentDisposition,
    bytes: answer.bytes.length,
    sha256: createHash("sha256").update(answer.bytes).digest("hex"),
    csvFileName: outcome.fileName,
    jobName: extra.jobName ?? null,
    warnings: extra.warnings,
    attempts: answer.attempts
  };
  await writeAtomic(rawPath, answer.bytes);
  await writeAtomic(metaPath, `${JSON.stringify(metadata, null, 2)}\n`);
  return {rawPath, metaPath};
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(temp, data, {flag: "wx"});
    await rename(temp, path);
  } catch (error) {
    await rm(temp, {force: true});
    throw error;
  }
}

function withoutCredentialKeys(params: Record<string, string>): Record<string, string> {
  // Credentials only ever go in headers; this guards the sidecar should that change.
  return Object.fromEntries(Object.entries(params).filter(([key]) => !/^(username|password|token)$/i.test(key)));
}

// ---------------------------------------------------------------------------------------------

function checkedNumbers<T extends object>(values: T, prefix: string): T {
  for (const [key, value] of Object.entries(values)) {
    const minimum = ["attempts", "maxPolls", "timeoutMs", "stallMs", "deadlineMs", "factor"].includes(key) ? 1 : 0;
    const whole = key === "attempts" || key === "maxPolls";
    if (!(typeof value === "number" && Number.isFinite(value) && value >= minimum && (!whole || Number.isInteger(value)))) {
      throw new InputError({file: "fetchTable-Optionen", field: prefix ? `${prefix}.${key}` : key}, `eine ${whole ? "ganze " : ""}Zahl ab ${minimum}`, String(value));
    }
  }
  return values;
}

function oneOf(field: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw new InputError({file: REQUEST, field}, `einer von ${allowed.join(", ")}`, String(value));
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
