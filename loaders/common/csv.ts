/**
 * Reads a small, well-formed tabular source file (the tidy CSVs in ../shared and the
 * snapshot) with papaparse and validates each row with zod. Errors name file, line and field.
 * Large GENESIS files go through the streaming parser in loaders/genesis instead.
 */
import Papa from "papaparse";
import {readFileSync} from "node:fs";
import type {z} from "zod";
import {InputError} from "./errors.ts";

export interface CsvOptions {
  delimiter?: string;
  /** Character set of the file; old official files are often Windows-1252 (default UTF-8). */
  encoding?: "utf-8" | "windows-1252";
  /** Lines before the header row (comment blocks). */
  skipLines?: number;
  /** Columns that must be present; their absence is reported before any row. */
  required?: readonly string[];
}

export interface CsvRow {
  /** 1-based line of the row in the file. */
  line: number;
  fields: Record<string, string>;
}

export function readCsvFile(path: string, label: string, options: CsvOptions = {}): CsvRow[] {
  return parseCsvText(readTextFile(path, label, options.encoding), label, options);
}

/**
 * Reads a text file in the given encoding. UTF-8 is decoded strictly: bytes that are not
 * UTF-8 (a Windows-1252 file read by mistake) are an error, not silent replacement characters.
 */
export function readTextFile(path: string, label: string, encoding: "utf-8" | "windows-1252" = "utf-8"): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder(encoding, {fatal: true}).decode(bytes);
  } catch {
    throw new InputError({file: label}, `eine Textdatei in der Zeichenkodierung ${encoding}`, "ungültige Bytefolge");
  }
}

export function parseCsvText(text: string, label: string, {delimiter = ",", skipLines = 0, required = []}: CsvOptions = {}): CsvRow[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new InputError({file: label, line: 1}, "eine Kopfzeile", "leere Datei");
  const lines = text.split(/\r?\n/);
  const body = lines.slice(skipLines).join("\n");
  const result = Papa.parse<string[]>(body, {delimiter, skipEmptyLines: false});
  const rows = result.data;
  const header = rows[0] ?? [];
  const offset = skipLines + 1;
  for (const column of required) {
    if (!header.includes(column)) throw new InputError({file: label, line: offset, field: column}, `Spalte "${column}" in der Kopfzeile`, header.join(delimiter));
  }
  const out: CsvRow[] = [];
  // papaparse reports rows, not lines: track physical lines so quoted newlines stay accounted for.
  let line = offset;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    line += 1 + countNewlines(rows[i - 1]!);
    if (cells.length === 1 && cells[0] === "") continue;
    if (cells.length !== header.length) {
      throw new InputError({file: label, line}, `${header.length} Felder getrennt durch "${delimiter}"`, `${cells.length} Felder`);
    }
    const fields: Record<string, string> = {};
    header.forEach((name, j) => (fields[name] = cells[j]!));
    out.push({line, fields});
  }
  return out;
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 10) n++;
  return n;
}

/** Validates one row with a zod schema, turning the first issue into an InputError. */
export function validateRow<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".");
  const found = field && typeof value === "object" && value !== null ? (value as Record<string, unknown>)[issue.path[0] as string] : undefined;
  throw new InputError({file, line, field: field || undefined}, issue.message, found === undefined ? undefined : String(found));
}

/** Parses a number in `.`-decimal notation; empty means missing. */
export function parseDecimal(text: string, file: string, line: number, field: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || !/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(trimmed)) {
    throw new InputError({file, line, field}, "eine Zahl mit Dezimalpunkt oder ein leeres Feld", text);
  }
  return value;
}

/** A cell of an official table: a number, or a special value that says why there is none. */
export interface OfficialCell {
  value: number | null;
  /** "-" nothing (value 0), "." unknown or secret, "..." not yet available, "/" not reliable, "x" locked. */
  flag: "-" | "." | "..." | "/" | "x" | null;
}

/**
 * Parses a cell in German number format (`1.631,4`, `20.282`, `-4,2`) with the special values
 * of official statistics. `–` (en dash) and `-` mean "nothing" (exactly zero); an empty cell is
 * missing (null, no flag). Anything else is an error naming file, line and field.
 */
export function parseGermanCell(text: string, file: string, line: number, field: string): OfficialCell {
  const trimmed = text.trim();
  if (trimmed === "") return {value: null, flag: null};
  switch (trimmed) {
    case "-":
    case "–":
      return {value: 0, flag: "-"};
    case ".":
    case "...":
    case "/":
    case "x":
      return {value: null, flag: trimmed};
  }
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(trimmed)) {
    throw new InputError({file, line, field}, "eine Zahl im deutschen Format (1.234,5) oder ein Sonderzeichen (–, ., /, x)", text);
  }
  return {value: Number(trimmed.replaceAll(".", "").replace(",", ".")), flag: null};
}

/** Parses a whole number of persons or objects; empty means missing. */
export function parseCount(text: string, file: string, line: number, field: string): number | null {
  const value = parseDecimal(text, file, line, field);
  if (value !== null && (!Number.isInteger(value) || value < 0)) throw new InputError({file, line, field}, "eine ganze Zahl ≥ 0", text);
  return value;
}
