/**
 * Tells the three GENESIS layouts apart by their first line, and recognises what the web service
 * sends instead of a file: an HTML page (login, maintenance) or a JSON status message.
 */
import {InputError} from "../common/errors.ts";
import {TITLE_PREFIXES} from "./table.ts";
import type {GenesisLayout} from "./types.ts";

export const EXPECTED_FILE = "GENESIS-CSV (ffcsv mit Kopf \"statistics_code;…\" oder \"Statistik_Code;…\", oder Tabelle \"GENESIS-Tabelle: …\" bzw. \"Tabelle: …\")";

/** Decides the layout from the first line (BOM already removed). Throws for anything else. */
export function detectLayout(firstLine: string, file: string): GenesisLayout {
  const line = firstLine.endsWith("\r") ? firstLine.slice(0, -1) : firstLine;
  if (line.startsWith("statistics_code;")) return "ffcsv";
  if (line.startsWith("Statistik_Code;")) return "ffcsv-legacy";
  if (TITLE_PREFIXES.some((prefix) => line.startsWith(prefix))) return "table";
  for (const [start, delimiter] of [
    ["statistics_code", line.charAt(15)],
    ["Statistik_Code", line.charAt(14)]
  ] as const) {
    if (line.startsWith(start)) throw wrongDelimiter(file, describeDelimiter(delimiter));
  }
  throw new InputError({file, line: 1}, EXPECTED_FILE, line);
}

/** True when the text starts like an HTML page (login, maintenance or error page instead of data). */
export function looksLikeHtml(text: string): boolean {
  return text.trimStart().startsWith("<");
}

export function htmlError(text: string, file: string): InputError {
  const start = text.length - text.trimStart().length;
  const line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
  const first = text.slice(start).split("\n", 1)[0]!.trimEnd();
  return new InputError({file, line}, "CSV-Daten, keine HTML-Seite (Anmeldung, Wartung oder Fehlerseite des Webservice?)", first);
}

export function wrongDelimiter(file: string, found: string, line = 1): InputError {
  return new InputError({file, line}, "Feldtrenner \";\"", found);
}

export function describeDelimiter(char: string): string {
  if (char === "\t") return "Tabulator";
  if (char === "") return "kein Feldtrenner";
  return char;
}

/** True when the text looks like JSON rather than CSV. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart().charAt(0);
  return first === "{" || first === "[";
}

/**
 * The error for a JSON answer. GENESIS sends its status as `{Ident, Status: {Code, Content, Type}}`
 * or, for wrong credentials, bare `{Code, Content, Type}`.
 */
export function jsonError(text: string, file: string): InputError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new InputError({file, line: 1}, "CSV-Daten, keine JSON-Antwort", text.trimStart());
  }
  const status = readStatus(json);
  if (status) {
    return new InputError({file, line: 1}, `CSV-Daten, keine Statusmeldung des GENESIS-Webservice (Status-Code ${status.code}, Typ ${status.type || "unbekannt"})`, status.content);
  }
  return new InputError({file, line: 1}, "CSV-Daten, keine JSON-Antwort", text.trimStart());
}

interface Status {
  code: number | string;
  content: string;
  type: string;
}

function readStatus(json: unknown): Status | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const block = typeof record.Status === "object" && record.Status !== null ? (record.Status as Record<string, unknown>) : "Code" in record ? record : undefined;
  if (!block || (typeof block.Code !== "number" && typeof block.Code !== "string")) return undefined;
  return {
    code: block.Code,
    content: typeof block.Content === "string" ? block.Content.replace(/\s+/g, " ").trim() : "",
    type: typeof block.Type === "string" ? block.Type : ""
  };
}
