/**
 * "Strukturdaten für die kreisfreien Städte und Landkreise zur Europawahl am 09.06.2024"
 * (Die Bundeswahlleiterin), in the original file layout: UTF-8 with BOM, `;`, CRLF,
 * `#` comment lines, a `Spalten-Nr.` row, the header row, then 400 Kreis rows and the
 * aggregate rows (2-digit Land key: Land, kreisfreie Städte, Landkreise; `99`: Deutschland).
 * Numbers are in German format; `.` is secret/unknown, `–` nothing.
 */
import {parseCsvText, parseGermanCell, readTextFile, type OfficialCell} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export type StrukturdatenRowKind = "kreis" | "land" | "land_teil" | "bund" | "bund_teil";

export interface StrukturdatenRow {
  line: number;
  /** 5-digit Kreis key, 2-digit Land key, or "DG" for Deutschland (file: `99`). */
  region: string;
  name: string;
  kind: StrukturdatenRowKind;
  /** Spalten-Nr. → cell (only the columns asked for). */
  cells: Map<number, OfficialCell>;
}

export interface StrukturdatenColumn {
  /** The number in the file's `Spalten-Nr.` row. */
  number: number;
  /** A fragment the header of that column must contain (guards against a shifted layout). */
  expect: string;
}

export interface StrukturdatenFile {
  /** Spalten-Nr. → header text. */
  headers: Map<number, string>;
  rows: StrukturdatenRow[];
}

const KEY = "Kreis";
const NAME = "Name";
const LAND = "Land";

export function readStrukturdatenEw24(path: string, label: string, columns: readonly StrukturdatenColumn[]): StrukturdatenFile {
  return parseStrukturdatenEw24(readTextFile(path, label), label, columns);
}

export function parseStrukturdatenEw24(text: string, label: string, columns: readonly StrukturdatenColumn[]): StrukturdatenFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r?\n/);
  let numbersLine = 0;
  while (numbersLine < lines.length && lines[numbersLine]!.startsWith("#")) numbersLine++;
  if (!lines[numbersLine]?.startsWith("Spalten-Nr.")) {
    throw new InputError({file: label, line: numbersLine + 1}, 'nach den Kommentarzeilen (#) die Zeile "Spalten-Nr."', lines[numbersLine]?.slice(0, 40) ?? "Dateiende");
  }
  const numberCells = parseHeaderCells(lines[numbersLine]!);
  const headerNames = parseHeaderCells(lines[numbersLine + 1] ?? "");
  const rows = parseCsvText(text, label, {delimiter: ";", skipLines: numbersLine + 1, required: [LAND, KEY, NAME]});
  const headers = new Map<number, string>();
  numberCells.forEach((cell, index) => {
    if (/^\d+$/.test(cell.trim())) {
      const n = Number(cell);
      headers.set(n, headerNames[index] ?? "");
    }
  });
  for (const column of columns) {
    const header = headers.get(column.number);
    if (header === undefined) throw new InputError({file: label, line: numbersLine + 1, field: `Spalte ${column.number}`}, `eine Spalte Nr. ${column.number}`, "fehlt");
    if (!normalise(header).includes(normalise(column.expect))) {
      throw new InputError({file: label, line: numbersLine + 2, field: `Spalte ${column.number}`}, `eine Überschrift mit "${column.expect}"`, header);
    }
    if (headerNames.filter((h) => h === header).length !== 1) {
      throw new InputError({file: label, line: numbersLine + 2, field: `Spalte ${column.number}`}, "eine eindeutige Spaltenüberschrift", header);
    }
  }
  const out: StrukturdatenRow[] = [];
  const seen = new Set<string>();
  for (const {line, fields} of rows) {
    const key = fields[KEY]!.trim();
    const name = fields[NAME]!.trim();
    let region: string;
    let kind: StrukturdatenRowKind;
    if (/^\d{5}$/.test(key)) {
      region = key;
      kind = "kreis";
    } else if (/^(0[1-9]|1[0-6])$/.test(key)) {
      region = key;
      kind = / Land$/.test(name) ? "land" : "land_teil";
    } else if (key === "99") {
      region = "DG";
      kind = name === "Deutschland" ? "bund" : "bund_teil";
    } else {
      throw new InputError({file: label, line, field: KEY}, "einen Kreisschlüssel (5 Stellen), einen Landesschlüssel (01–16) oder 99", key);
    }
    if (kind === "kreis" && !key.startsWith(landKeyFromName(fields[LAND]!) ?? key.slice(0, 2))) {
      throw new InputError({file: label, line, field: LAND}, `das Land passend zum Kreisschlüssel ${key}`, fields[LAND]);
    }
    if (kind === "kreis" || kind === "land" || kind === "bund") {
      const id = `${kind}:${region}`;
      if (seen.has(id)) throw new InputError({file: label, line, field: KEY}, "jede Region nur einmal", key);
      seen.add(id);
    }
    const cells = new Map<number, OfficialCell>();
    for (const column of columns) {
      const header = headers.get(column.number)!;
      cells.set(column.number, parseGermanCell(fields[header] ?? "", label, line, `Spalte ${column.number}`));
    }
    out.push({line, region, name, kind, cells});
  }
  return {headers, rows: out};
}

/** Splits one `;` line with `"…""…"` quoting (the header has one such cell). */
function parseHeaderCells(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      cells.push(current);
      current = "";
    } else current += c;
  }
  cells.push(current);
  return cells;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

const LAND_KEYS: Record<string, string> = {
  "Schleswig-Holstein": "01",
  Hamburg: "02",
  Niedersachsen: "03",
  Bremen: "04",
  "Nordrhein-Westfalen": "05",
  Hessen: "06",
  "Rheinland-Pfalz": "07",
  "Baden-Württemberg": "08",
  Bayern: "09",
  Saarland: "10",
  Berlin: "11",
  Brandenburg: "12",
  "Mecklenburg-Vorpommern": "13",
  Sachsen: "14",
  "Sachsen-Anhalt": "15",
  Thüringen: "16"
};

function landKeyFromName(name: string): string | undefined {
  return LAND_KEYS[name.trim()];
}
