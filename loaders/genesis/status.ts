/**
 * Typed errors for the GENESIS web service (REST API 2020).
 *
 * GENESIS reports most problems as HTTP 200 with a JSON envelope
 * `{Ident, Status: {Code, Content, Type}, Parameter, …}`; wrong credentials come as a bare
 * `{"Code": 2, "Content": …, "Type": "ERROR"}`. Each known code maps to its own class so callers
 * can react with `instanceof` and still show the server's own (German) text.
 */

/** Base class of every error the GENESIS client throws (except InputError for bad input). */
export class GenesisError extends Error {
  override name = "GenesisError";
}

/** The status block of a GENESIS answer, as the server sent it. */
export interface GenesisStatus {
  code: number;
  /** The server's message (German for language=de), already redacted. */
  content: string;
  /** "Information", "Warnung", "Fehler", "ERROR", … */
  type: string;
}

/** Context for messages: which table or job the request was about. */
export interface StatusContext {
  table?: string;
  endpoint?: string;
}

export class GenesisStatusError extends GenesisError {
  override name = "GenesisStatusError";
  readonly code: number;
  readonly serverMessage: string;
  readonly statusType: string;
  readonly table: string | undefined;

  constructor(summary: string, status: GenesisStatus, context: StatusContext = {}, hint?: string) {
    super(formatStatusMessage(summary, status, context) + (hint ? `. ${hint}` : ""));
    this.code = status.code;
    this.serverMessage = status.content;
    this.statusType = status.type;
    this.table = context.table;
  }
}

/** Code 22: a warning came back without any data. */
export class GenesisWarningError extends GenesisStatusError {
  override name = "GenesisWarningError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("GENESIS meldet eine Warnung und liefert keine Daten", status, context);
  }
}

/** Code 50: the server has no data newer than the requested state. */
export class GenesisNoNewerDataError extends GenesisStatusError {
  override name = "GenesisNoNewerDataError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Keine neueren Daten vorhanden", status, context);
  }
}

/** Code 90: the table does not exist (in this database). */
export class GenesisTableNotFoundError extends GenesisStatusError {
  override name = "GenesisTableNotFoundError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Tabelle nicht gefunden", status, context);
  }
}

/** Code 98: too large for a direct download; the client repeats the request with job=true. */
export class GenesisTooLargeError extends GenesisStatusError {
  override name = "GenesisTooLargeError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Tabelle zu groß für den direkten Abruf", status, context);
  }
}

/** Code 99: a background job was created; its name is in the server message. */
export class GenesisJobCreatedError extends GenesisStatusError {
  override name = "GenesisJobCreatedError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Bearbeitungsauftrag erstellt", status, context);
  }
}

/** Code 104: nothing matches the selection. */
export class GenesisNoObjectsError extends GenesisStatusError {
  override name = "GenesisNoObjectsError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Keine Objekte zur Auswahl", status, context);
  }
}

/** Code -1: no data cube behind the (partial) table. */
export class GenesisNoDataCubeError extends GenesisStatusError {
  override name = "GenesisNoDataCubeError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Kein Datenquader gefunden", status, context);
  }
}

/** Bare code 2: the server refused the credentials. */
export class GenesisAuthError extends GenesisStatusError {
  override name = "GenesisAuthError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Anmeldung bei GENESIS fehlgeschlagen", status, context, "Prüfen Sie KBM_GENESIS_USERNAME und KBM_GENESIS_PASSWORD bzw. KBM_GENESIS_TOKEN.");
  }
}

/** Any other non-success code. */
export class GenesisUnknownStatusError extends GenesisStatusError {
  override name = "GenesisUnknownStatusError";
  constructor(status: GenesisStatus, context?: StatusContext) {
    super("Unbekannter GENESIS-Status", status, context);
  }
}

/** A non-2xx HTTP answer that is not a GENESIS status (after all retries for 5xx). */
export class GenesisHttpError extends GenesisError {
  override name = "GenesisHttpError";
  constructor(
    message: string,
    readonly httpStatus: number,
    readonly attempts: number
  ) {
    super(message);
  }
}

/** No answer within the per-request timeout (after all retries). */
export class GenesisTimeoutError extends GenesisError {
  override name = "GenesisTimeoutError";
  constructor(
    message: string,
    readonly timeoutMs: number,
    readonly attempts: number
  ) {
    super(message);
  }
}

/** The connection failed (refused, reset, DNS …) on every attempt. */
export class GenesisNetworkError extends GenesisError {
  override name = "GenesisNetworkError";
  constructor(
    message: string,
    readonly attempts: number
  ) {
    super(message);
  }
}

/** A background job could not be followed to its result (no name, or polling bound reached). */
export class GenesisJobError extends GenesisError {
  override name = "GenesisJobError";
  constructor(
    message: string,
    readonly jobName: string | undefined,
    readonly polls: number
  ) {
    super(message);
  }
}

/** The answer has an unexpected shape (not a zip with a CSV, unreadable JSON …). */
export class GenesisResponseError extends GenesisError {
  override name = "GenesisResponseError";
}

/** No usable credentials in the environment or in .env. */
export class GenesisCredentialsError extends GenesisError {
  override name = "GenesisCredentialsError";
}

/** Known status codes (GENESIS REST API 2020). */
export const STATUS = {
  success: 0,
  auth: 2,
  warning: 22,
  noNewerData: 50,
  tableNotFound: 90,
  tooLarge: 98,
  jobCreated: 99,
  noObjects: 104,
  noDataCube: -1
} as const;

/**
 * Reads the status out of a parsed JSON answer: the envelope's `Status` block, or the bare
 * top-level `{Code, Content, Type}` that wrong credentials produce. Undefined if neither.
 */
export function readStatus(json: unknown): GenesisStatus | undefined {
  if (!isRecord(json)) return undefined;
  const block = isRecord(json.Status) ? json.Status : json;
  const code = toCode(block.Code);
  if (code === undefined) return undefined;
  return {
    code,
    content: typeof block.Content === "string" ? block.Content : "",
    type: typeof block.Type === "string" ? block.Type : ""
  };
}

/** True when the status is the bare form (no `Status` wrapper), i.e. the auth failure shape. */
export function isBareStatus(json: unknown): boolean {
  return isRecord(json) && !isRecord(json.Status) && toCode(json.Code) !== undefined;
}

/** The typed error for a non-success status. Code 0 has none. */
export function statusError(status: GenesisStatus, context: StatusContext = {}, bare = false): GenesisStatusError | undefined {
  // The bare shape is how the server reports a failed login; code 2 inside an envelope is not documented.
  if (bare && status.code === STATUS.auth) return new GenesisAuthError(status, context);
  switch (status.code) {
    case STATUS.success:
      return undefined;
    case STATUS.warning:
      return new GenesisWarningError(status, context);
    case STATUS.noNewerData:
      return new GenesisNoNewerDataError(status, context);
    case STATUS.tableNotFound:
      return new GenesisTableNotFoundError(status, context);
    case STATUS.tooLarge:
      return new GenesisTooLargeError(status, context);
    case STATUS.jobCreated:
      return new GenesisJobCreatedError(status, context);
    case STATUS.noObjects:
      return new GenesisNoObjectsError(status, context);
    case STATUS.noDataCube:
      return new GenesisNoDataCubeError(status, context);
    default:
      return new GenesisUnknownStatusError(status, context);
  }
}

function formatStatusMessage(summary: string, status: GenesisStatus, context: StatusContext): string {
  const details = [`GENESIS-Code ${status.code}`, status.type || undefined, context.table ? `Tabelle ${context.table}` : undefined, context.endpoint]
    .filter(Boolean)
    .join(", ");
  const server = status.content ? `: „${status.content}“` : "";
  return `${summary} (${details})${server}`;
}

function toCode(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  // Some GENESIS answers quote numbers; accept "104" and "-1" but nothing looser.
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
