/**
 * A local stand-in for the GENESIS web service, for tests. It listens on 127.0.0.1 only and
 * answers from two places, in this order:
 *  1. scripted routes (crafted answers: status envelopes, auth errors, 5xx, hangs, job sequences);
 *  2. the real recorded exchanges (vcrpy cassettes) in ../shared/fixtures/genesis.
 * Anything else gets a 404 naming the request, so a test never silently talks to nothing.
 * Every request is recorded (headers, body, timing) so tests can check what the client sent.
 */
import {existsSync, readFileSync} from "node:fs";
import {createServer, type IncomingHttpHeaders, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {resolve} from "node:path";
import {performance} from "node:perf_hooks";
import {fileURLToPath} from "node:url";
import {zipSync} from "fflate";
import {parse} from "yaml";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The shared GENESIS fixtures next to the repository, if they are there. */
export function genesisFixtureDir(): string | undefined {
  const dir = resolve(REPO_ROOT, "../shared/fixtures/genesis");
  return existsSync(dir) ? dir : undefined;
}

export const FAKE_BASE_PATHS = {
  regionalstatistik: "/genesisws/rest/2020/",
  "genesis-online": "/genesisWS/rest/2020/"
} as const;

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Full path without query, e.g. /genesisws/rest/2020/data/tablefile. */
  path: string;
  /** The part after /rest/2020/, e.g. data/tablefile. */
  endpoint: string;
  /** Raw query string including "?" (GENESIS clients should send none). */
  search: string;
  headers: IncomingHttpHeaders;
  body: string;
  params: Record<string, string>;
  startedAt: number;
  endedAt: number | undefined;
  /** Which kind of answer it got. */
  answeredBy: "script" | "cassette" | "unmatched" | "limit";
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer: for client timeouts. The socket is destroyed by the client or on close(). */
  hang?: boolean;
  /** Send the headers, then one byte of the body every `everyMs`, forever: a server that is slow but never silent. */
  trickleMs?: number;
}

export interface Route {
  /** e.g. "data/tablefile"; matches under any base path. */
  endpoint: string;
  /** Parameters that must be present with these values (others are ignored). */
  params?: Record<string, string>;
  /** Served one after another. */
  responses: FakeResponse[];
  /** Keep serving the last response after the list is used up (otherwise the route retires). */
  repeatLast?: boolean;
}

export interface CassetteInteraction {
  method: string;
  path: string;
  params: Record<string, string>;
  response: FakeResponse;
}

export interface FakeGenesisServer {
  readonly origin: string;
  /** A KBM_GENESIS_URL for this server; the path picks which recorded source answers. */
  baseUrl(source?: keyof typeof FAKE_BASE_PATHS): string;
  readonly requests: readonly RecordedRequest[];
  /** Highest number of requests in flight at the same time. */
  readonly maxConcurrent: number;
  script(route: Route): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** Cassette files to replay. */
  cassettes?: string[];
  /** Requests beyond this get HTTP 429 (a runaway client loop cannot spin forever). */
  maxRequests?: number;
  maxBodyBytes?: number;
}

export async function startFakeGenesisServer(options: FakeServerOptions = {}): Promise<FakeGenesisServer> {
  const {maxRequests = 500, maxBodyBytes = 64 * 1024} = options;
  const recorded = (options.cassettes ?? []).flatMap(loadCassette);
  const routes: {route: Route; next: number}[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  let maxConcurrent = 0;

  const server = createServer((req, res) => {
    const started = performance.now();
    active += 1;
    maxConcurrent = Math.max(maxConcurrent, active);
    let ended = false;
    const entry: RecordedRequest = {
      seq: requests.length + 1,
      method: req.method ?? "",
      path: "",
      endpoint: "",
      search: "",
      headers: req.headers,
      body: "",
      params: {},
      startedAt: started,
      endedAt: undefined,
      answeredBy: "unmatched"
    };
    res.on("close", () => {
      if (ended) return;
      ended = true;
      active -= 1;
      entry.endedAt = performance.now();
    });

    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      entry.path = url.pathname;
      entry.search = url.search;
      entry.endpoint = /\/rest\/2020\/(.*)$/i.exec(url.pathname)?.[1] ?? "";
      entry.body = Buffer.concat(chunks).toString("utf8");
      entry.params = {...Object.fromEntries(url.searchParams), ...Object.fromEntries(new URLSearchParams(entry.body))};
      requests.push(entry);
      if (tooLarge) return send(res, {status: 413, body: "fake GENESIS: request body too large"});
      if (requests.length > maxRequests) {
        entry.answeredBy = "limit";
        return send(res, {status: 429, body: `fake GENESIS: more than ${maxRequests} requests`});
      }
      const scripted = takeScripted(entry);
      if (scripted) {
        entry.answeredBy = "script";
        return send(res, scripted);
      }
      const replay = recorded.find((interaction) => matchesRecorded(interaction, entry));
      if (replay) {
        entry.answeredBy = "cassette";
        return send(res, replay.response);
      }
      send(res, {
        status: 404,
        headers: {"content-type": "text/plain; charset=utf-8"},
        body: `fake GENESIS: no scripted or recorded answer for ${entry.method} ${entry.path} ${JSON.stringify(normalizeParams(entry.params))}`
      });
    });
  });

  function takeScripted(entry: RecordedRequest): FakeResponse | undefined {
    for (const slot of routes) {
      const {route} = slot;
      if (route.endpoint !== entry.endpoint) continue;
      if (!Object.entries(route.params ?? {}).every(([key, value]) => entry.params[key] === value)) continue;
      if (slot.next < route.responses.length) return route.responses[slot.next++];
      if (route.repeatLast && route.responses.length > 0) return route.responses[route.responses.length - 1];
    }
    return undefined;
  }

  function send(res: ServerResponse, response: FakeResponse): void {
    if (response.hang) return;
    if (response.trickleMs) {
      res.writeHead(response.status ?? 200, response.headers ?? {});
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write("x")), response.trickleMs);
      timers.add(timer);
      res.on("close", () => clearInterval(timer));
      return;
    }
    const write = () => {
      if (res.destroyed) return;
      const body = response.body ?? "";
      res.writeHead(response.status ?? 200, {"content-length": String(Buffer.byteLength(body)), ...response.headers});
      res.end(body);
    };
    if (!response.delayMs) return write();
    const timer = setTimeout(() => {
      timers.delete(timer);
      write();
    }, response.delayMs);
    timers.add(timer);
  }

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const {port} = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: (source = "regionalstatistik") => origin + FAKE_BASE_PATHS[source],
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
    script(route) {
      routes.push({route, next: 0});
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Cassettes

/** Reads a vcrpy cassette. Zip bodies are stored as YAML `!!binary` (base64). */
export function loadCassette(file: string): CassetteInteraction[] {
  // "binary" is a YAML 1.1 tag; naming it makes the parser decode it to bytes under the 1.2 core schema.
  const document = parse(readFileSync(file, "utf8"), {customTags: ["binary"]}) as {interactions?: unknown};
  if (!Array.isArray(document.interactions)) throw new Error(`${file}: no "interactions" list`);
  return document.interactions.map((raw: VcrInteraction, index) => {
    const where = `${file}, interaction ${index}`;
    if (!raw?.request?.uri || !raw.response?.status) throw new Error(`${where}: request.uri or response.status missing`);
    const uri = new URL(raw.request.uri);
    const requestBody = asText(raw.request.body);
    const params = {...Object.fromEntries(uri.searchParams), ...Object.fromEntries(new URLSearchParams(requestBody))};
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(raw.response.headers ?? {})) {
      // Length and framing are the fake server's own business.
      if (/^(content-length|transfer-encoding|connection|keep-alive)$/i.test(name)) continue;
      headers[name.toLowerCase()] = Array.isArray(values) ? values.join(", ") : String(values);
    }
    return {
      method: String(raw.request.method ?? "GET").toUpperCase(),
      path: uri.pathname,
      params,
      response: {status: Number(raw.response.status.code), headers, body: asBody(raw.response.body?.string)}
    };
  });
}

interface VcrInteraction {
  request?: {method?: string; uri?: string; body?: unknown};
  response?: {status?: {code?: number}; headers?: Record<string, unknown>; body?: {string?: unknown}};
}

function asBody(value: unknown): string | Uint8Array {
  if (value instanceof Uint8Array) return value;
  return typeof value === "string" ? value : "";
}

function asText(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return typeof value === "string" ? value : "";
}

/**
 * Parameters as GENESIS sees them: credentials dropped (they belong in headers and were removed
 * by the recorder anyway), empty values dropped (the recorder sent `startyear=` etc.), and
 * `quality=off` dropped (the server default the recorder sent explicitly).
 */
export function normalizeParams(params: Record<string, string>): Record<string, string> {
  const entries = Object.entries(params).filter(
    ([key, value]) => value !== "" && !/^(username|password)$/i.test(key) && !(key === "quality" && value === "off")
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function matchesRecorded(interaction: CassetteInteraction, request: RecordedRequest): boolean {
  if (interaction.method !== request.method || interaction.path !== request.path) return false;
  return JSON.stringify(normalizeParams(interaction.params)) === JSON.stringify(normalizeParams(request.params));
}

// ---------------------------------------------------------------------------------------------
// Crafted answers. Their shapes follow the recorded envelopes; the texts are illustrative.

const MASKED = "********************";

export function jsonResponse(value: unknown, status = 200): FakeResponse {
  return {status, headers: {"content-type": "application/json;charset=UTF-8"}, body: JSON.stringify(value)};
}

/** The usual envelope `{Ident, Status, Parameter, Object, Copyright}`. */
export function statusEnvelope(
  code: number,
  content: string,
  type = "Information",
  extra: {service?: string; method?: string; object?: unknown; list?: unknown[]; status?: number} = {}
): FakeResponse {
  const {service = "data", method = "tablefile", object = null, list, status = 200} = extra;
  return jsonResponse(
    {
      Ident: {Service: service, Method: method},
      Status: {Code: code, Content: content, Type: type},
      Parameter: {username: MASKED, password: MASKED},
      ...(list === undefined ? {Object: object} : {List: list}),
      Copyright: "© Statistische Ämter des Bundes und der Länder, Deutschland (Testantwort)"
    },
    status
  );
}

/** The bare shape a failed login produces (no Status wrapper). */
export function bareStatus(code: number, content: string, type = "ERROR", status = 200): FakeResponse {
  return jsonResponse({Code: code, Content: content, Type: type}, status);
}

/** A catalogue/results answer listing the given result names (none: code 104). */
export function resultsList(names: string[]): FakeResponse {
  if (names.length === 0) {
    return statusEnvelope(104, "Es gibt keine Objekte zum angegebenen Selektionskriterium", "Information", {service: "catalogue", method: "results", list: []});
  }
  const list = names.map((name) => ({Code: name, Content: "Ergebnistabelle", Values: "1", Time: "", Size: ""}));
  return statusEnvelope(0, "erfolgreich", "Information", {service: "catalogue", method: "results", list});
}

/** A tablefile answer: a zip with the given members. */
export function zipResponse(members: Record<string, string | Uint8Array>, zipName = "table_flat.zip"): FakeResponse {
  const files = Object.fromEntries(Object.entries(members).map(([name, content]) => [name, typeof content === "string" ? new TextEncoder().encode(content) : content]));
  return {
    status: 200,
    headers: {"content-type": "application/zip", "content-disposition": `attachment; filename=${zipName}`},
    body: zipSync(files)
  };
}
