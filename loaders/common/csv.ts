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
  const text = readFileSync(path, "utf-8");
  return parseCsvText(text, label, options);
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
