/**
 * Reads the data and metadata CSVs of the template: encoding, separator, header, then every
 * row through the zod schema. Every problem is listed with its line; a row with a problem is
 * never used, and nothing is dropped silently (rows with every cell empty, which spreadsheets
 * leave at the end, hold nothing and are skipped).
 */
import Papa from "papaparse";
import type {z} from "zod";
import {decodeText, type Encoding} from "./encoding.js";
import {problem, type OwnProblem} from "./problems.js";
import {DATA_COLUMNS, DATA_OPTIONAL, dataRowSchema, META_COLUMNS, META_REQUIRED, metaRowSchema, type MetaRowFields, type OwnFlag} from "./schema.js";

export interface OwnRow {
  line: number;
  gebiet_id: string;
  gebiet_name: string;
  kennzahl: string;
  jahr: number;
  value: number | null;
  flag: OwnFlag | null;
  decimals: number;
  zaehler: number | null;
  nenner: number | null;
  hinweis: string;
}

export interface OwnMeta extends MetaRowFields {
  line: number;
}

interface Table {
  encoding: Encoding;
  header: string[];
  /** Cells by column name, with the row's first physical line. */
  records: {line: number; cells: Record<string, string>}[];
}

const SEPARATOR_NAMES: Record<string, string> = {",": "Komma", "\t": "Tabulator", "|": "senkrechter Strich"};

/** Decodes, checks the separator and header, splits rows. Null when the file cannot be read at all. */
function readTable(bytes: Uint8Array, file: string, required: readonly string[], known: readonly string[], problems: OwnProblem[]): Table | null {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) {
    problems.push(decoded.problem);
    return null;
  }
  const text = decoded.text;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.trim() === "") {
    problems.push(problem({file, line: 1}, `Kopfzeile mit den Spalten ${required.join(";")}`, firstLine));
    return null;
  }
  if (!firstLine.includes(";")) {
    const other = Object.keys(SEPARATOR_NAMES).find((s) => firstLine.includes(s));
    const named = other ? `; die Kopfzeile ist mit ${SEPARATOR_NAMES[other]} getrennt` : "";
    problems.push(problem({file, line: 1}, `Semikolon (;) als Trennzeichen${named}`, firstLine));
    return null;
  }
  const parsed = Papa.parse<string[]>(text, {delimiter: ";", skipEmptyLines: false});
  const rows = parsed.data;
  // Physical line of each row: a quoted cell may span lines.
  const lines: number[] = [];
  let line = 1;
  for (const row of rows) {
    lines.push(line);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  for (const error of parsed.errors) {
    if (error.code === "UndetectableDelimiter") continue;
    const at = error.row !== undefined && error.row !== null ? lines[error.row] : undefined;
    problems.push(problem({file, line: at}, "gültiges CSV (Anführungszeichen paarweise)", error.message));
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  let headerOk = true;
  for (const column of required) {
    if (!header.includes(column)) {
      problems.push(problem({file, line: 1, field: column}, `Spalte ${column} (Kopfzeile: ${required.join(";")})`, rows[0]!.join(";")));
      headerOk = false;
    }
  }
  header.forEach((h, i) => {
    if (header.indexOf(h) !== i) {
      problems.push(problem({file, line: 1, field: h}, "jede Spalte nur einmal", rows[0]!.join(";")));
      headerOk = false;
    } else if (!known.includes(h)) {
      problems.push(problem({file, line: 1, field: h || `Spalte ${i + 1}`}, `nur die Spalten ${known.join(", ")}; diese Spalte wird nicht gelesen`, rows[0]![i], "hinweis"));
    }
  });
  if (!headerOk) return null;
  const records: Table["records"] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((cell) => cell.trim() === "")) continue;
    if (row.length !== header.length) {
      problems.push(problem({file, line: lines[r]}, `${header.length} Felder wie in der Kopfzeile, getrennt durch ;`, `${row.length} Felder: ${row.join(";")}`));
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = row[i]!));
    for (const column of known) cells[column] ??= "";
    records.push({line: lines[r]!, cells});
  }
  return {encoding: decoded.encoding, header, records};
}

/** Issues of one row as problems: field, what was expected, the cell as written. */
function rowProblems(error: z.ZodError, file: string, line: number, cells: Record<string, string>): OwnProblem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return problem({file, line, field}, issue.message, cells[field] ?? "");
  });
}

export interface DataFile {
  encoding: Encoding | null;
  /** Rows read without a problem in any field, before cross-checks. */
  rows: OwnRow[];
  /** Every gebiet_id and kennzahl the file names (rows with problems too) → first line. */
  named: {areas: Map<string, number>; indicators: Set<string>};
  problems: OwnProblem[];
}

export function readDataCsv(bytes: Uint8Array, file: string): DataFile {
  const problems: OwnProblem[] = [];
  const table = readTable(bytes, file, DATA_COLUMNS, [...DATA_COLUMNS, ...DATA_OPTIONAL], problems);
  const named = {areas: new Map<string, number>(), indicators: new Set<string>()};
  if (!table) return {encoding: null, rows: [], named, problems};
  const rows: OwnRow[] = [];
  const seen = new Map<string, number>();
  for (const {line, cells} of table.records) {
    const [id, kennzahl, jahr] = [cells.gebiet_id!.trim(), cells.kennzahl!.trim(), cells.jahr!.trim()];
    if (id && !named.areas.has(id)) named.areas.set(id, line);
    if (kennzahl) named.indicators.add(kennzahl);
    // Duplicates by the key as written, so a repeated row is reported even when it has other problems.
    const key = `${id}\u0000${kennzahl}\u0000${jahr}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem({file, line, field: "gebiet_id"}, `jede Kombination aus gebiet_id, kennzahl und jahr nur einmal (schon in Zeile ${first})`, `${id};${kennzahl};${jahr}`));
      continue;
    }
    seen.set(key, line);
    const result = dataRowSchema.safeParse(cells);
    if (!result.success) {
      problems.push(...rowProblems(result.error, file, line, cells));
      continue;
    }
    const r = result.data;
    if (r.zaehler !== null && r.nenner !== null && r.zaehler > r.nenner) {
      problems.push(problem({file, line, field: "zaehler"}, `höchstens so groß wie nenner (${cells.nenner!.trim()})`, cells.zaehler!));
      continue;
    }
    rows.push({line, gebiet_id: r.gebiet_id, gebiet_name: r.gebiet_name, kennzahl: r.kennzahl, jahr: r.jahr, value: r.wert.value, flag: r.wert.flag, decimals: r.wert.decimals, zaehler: r.zaehler, nenner: r.nenner, hinweis: r.hinweis});
  }
  return {encoding: table.encoding, rows, named, problems};
}

export interface MetaFile {
  encoding: Encoding | null;
  indicators: OwnMeta[];
  problems: OwnProblem[];
}

export function readMetaCsv(bytes: Uint8Array, file: string): MetaFile {
  const problems: OwnProblem[] = [];
  const table = readTable(bytes, file, META_REQUIRED, META_COLUMNS, problems);
  if (!table) return {encoding: null, indicators: [], problems};
  const indicators: OwnMeta[] = [];
  const seen = new Map<string, number>();
  for (const {line, cells} of table.records) {
    const result = metaRowSchema.safeParse(cells);
    if (!result.success) {
      problems.push(...rowProblems(result.error, file, line, cells));
      continue;
    }
    const first = seen.get(result.data.kennzahl);
    if (first !== undefined) {
      problems.push(problem({file, line, field: "kennzahl"}, `jede Kennzahl nur einmal (schon in Zeile ${first})`, result.data.kennzahl));
      continue;
    }
    seen.set(result.data.kennzahl, line);
    indicators.push({line, ...result.data});
  }
  return {encoding: table.encoding, indicators, problems};
}
