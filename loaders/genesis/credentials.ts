/**
 * GENESIS credentials: from the environment or from a `.env` file in the working directory.
 *
 * Credentials never leave this module except as the two request headers; everything that may be
 * shown to a user (errors, logs, stored metadata) goes through `redact`.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {InputError} from "../common/errors.ts";
import {GenesisCredentialsError} from "./status.ts";

export const CREDENTIAL_VARIABLES = ["KBM_GENESIS_USERNAME", "KBM_GENESIS_PASSWORD", "KBM_GENESIS_TOKEN"] as const;
type CredentialVariable = (typeof CREDENTIAL_VARIABLES)[number];

export type GenesisCredentials =
  | {kind: "password"; username: string; password: string}
  | {kind: "token"; token: string};

export type Env = Readonly<Record<string, string | undefined>>;

export interface CredentialOptions {
  env: Env;
  /** Directory whose `.env` is read when the environment holds no credentials. */
  cwd?: string;
}

/**
 * Finds credentials. The environment wins: if it sets any of the three variables, the .env file
 * is not read at all, so a half-set environment is reported instead of silently mixed with the file.
 * A token wins over username/password from the same source.
 */
export function loadCredentials({env, cwd = process.cwd()}: CredentialOptions): GenesisCredentials {
  const fromEnv = pick(env);
  if (hasAny(fromEnv)) return fromSource(fromEnv, "der Umgebung");
  const envPath = join(cwd, ".env");
  const text = readOptional(envPath);
  const fromFile = text === undefined ? {} : pick(parseDotEnv(text, envPath));
  if (hasAny(fromFile)) return fromSource(fromFile, `der Datei ${envPath}`);
  throw new GenesisCredentialsError(
    "GENESIS-Zugangsdaten fehlen. Setzen Sie KBM_GENESIS_USERNAME und KBM_GENESIS_PASSWORD " +
      "(oder KBM_GENESIS_TOKEN für einen Token) in der Umgebung oder in der Datei .env " +
      `im Arbeitsverzeichnis (${cwd}).`
  );
}

/** The request headers GENESIS expects: a token goes into `username` with an empty `password`. */
export function credentialHeaders(credentials: GenesisCredentials): {username: string; password: string} {
  return credentials.kind === "token"
    ? {username: credentials.token, password: ""}
    : {username: credentials.username, password: credentials.password};
}

/** The secret strings of a credential set, for redaction and leak checks (frozen: redact() keeps its pattern per list). */
export function secretsOf(credentials: GenesisCredentials): readonly string[] {
  const values = credentials.kind === "token" ? [credentials.token] : [credentials.username, credentials.password];
  return Object.freeze(values.filter((value) => value.length > 0));
}

/**
 * The forms a server could echo a secret in: as written, HTML-escaped (&amp; &lt; &#39; …),
 * URL-encoded (%C3%BC, + for a space), Base64 (with and without padding, also URL-safe), and
 * for a user name and password the Base64 of "user:password" (a Basic-auth header).
 */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  const plain = secrets.filter((s) => s.length > 0);
  const base64 = (text: string) => {
    const b = Buffer.from(text, "utf8").toString("base64");
    return [b, b.replace(/=+$/, ""), b.replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_")];
  };
  for (const secret of plain) {
    forms.add(secret);
    forms.add(secret.replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!));
    forms.add(secret.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
    forms.add(secret.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`));
    forms.add(encodeURIComponent(secret));
    forms.add(encodeURIComponent(secret).replaceAll("%20", "+"));
    forms.add(encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
    for (const b of base64(secret)) forms.add(b);
  }
  if (plain.length === 2) for (const b of base64(`${plain[0]}:${plain[1]}`)) forms.add(b);
  return [...forms].filter((f) => f.length > 0);
}

/**
 * Replaces every occurrence of a secret in any form of secretForms, also when a line break
 * splits it (a wrapped error page or Base64 block), with "***". Longest forms first, so an
 * overlap cannot leave parts behind.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const pattern = redactionPattern(secrets);
  return pattern ? text.replace(pattern, "***") : text;
}

/** One pattern per list of secrets (a session keeps its list), built on first use: the client redacts every message it logs. */
const PATTERNS = new WeakMap<readonly string[], RegExp | null>();

function redactionPattern(secrets: readonly string[]): RegExp | null {
  const known = PATTERNS.get(secrets);
  if (known !== undefined) return known;
  const forms = secretForms(secrets).sort((a, b) => b.length - a.length);
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  const pattern = forms.length === 0 ? null : new RegExp(forms.map((f) => [...f].map(escape).join("(?:\\r\\n|\\n|\\r)?")).join("|"), "g");
  PATTERNS.set(secrets, pattern);
  return pattern;
}

/**
 * Parses simple `KEY=VALUE` lines: blank lines and `#` comments are skipped, `export ` is
 * allowed, values may be wrapped in single or double quotes. There is no inline-comment
 * stripping, so a password may contain `#`. Errors name the line but never echo its content.
 */
export function parseDotEnv(text: string, file = ".env"): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!match) {
      // No `found` here: the line may hold a secret.
      throw new InputError({file, line: index + 1}, "eine Zeile der Form SCHLÜSSEL=WERT, einen Kommentar (#) oder eine Leerzeile");
    }
    const [, key = "", value = ""] = match;
    result[key] = unquote(value.trim());
  });
  return result;
}

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
  return value;
}

function pick(source: Env): Partial<Record<CredentialVariable, string>> {
  const picked: Partial<Record<CredentialVariable, string>> = {};
  for (const name of CREDENTIAL_VARIABLES) {
    const value = source[name]?.trim();
    if (value) picked[name] = value;
  }
  return picked;
}

function hasAny(values: Partial<Record<CredentialVariable, string>>): boolean {
  return Object.keys(values).length > 0;
}

function fromSource(values: Partial<Record<CredentialVariable, string>>, where: string): GenesisCredentials {
  const {KBM_GENESIS_USERNAME: username, KBM_GENESIS_PASSWORD: password, KBM_GENESIS_TOKEN: token} = values;
  const credentials: GenesisCredentials =
    token !== undefined
      ? {kind: "token", token}
      : username !== undefined && password !== undefined
        ? {kind: "password", username, password}
        : incomplete(username === undefined ? "KBM_GENESIS_USERNAME" : "KBM_GENESIS_PASSWORD", where);
  for (const secret of secretsOf(credentials)) assertHeaderSafe(secret, where);
  return credentials;
}

function incomplete(missing: CredentialVariable, where: string): never {
  const present = missing === "KBM_GENESIS_USERNAME" ? "KBM_GENESIS_PASSWORD" : "KBM_GENESIS_USERNAME";
  throw new GenesisCredentialsError(
    `GENESIS-Zugangsdaten in ${where} unvollständig: ${present} ist gesetzt, ${missing} fehlt ` +
      "(oder setzen Sie stattdessen KBM_GENESIS_TOKEN)."
  );
}

// HTTP header values must be Latin-1 without control characters; fail early with a message
// that does not show the value rather than let fetch throw something less clear.
function assertHeaderSafe(value: string, where: string): void {
  if (/[^\x20-\x7E\xA0-\xFF]/.test(value)) {
    throw new GenesisCredentialsError(
      `GENESIS-Zugangsdaten in ${where} enthalten Zeichen, die nicht in einem HTTP-Header übertragen werden können ` +
        "(erlaubt sind Latin-1-Zeichen ohne Steuerzeichen)."
    );
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
