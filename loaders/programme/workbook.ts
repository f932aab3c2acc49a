/**
 * The programme sheets as one Excel workbook: one sheet per table, named like the CSV file
 * without ".csv" (kommunen, veranstaltungen, teilnahmen, fachgruppen, module, meilensteine,
 * stand), first row = the same column names as the CSV templates. Read with exceljs and
 * validated by the same rules as the CSV sheets; every message names the workbook, the sheet,
 * the row and the column (name and letter).
 *
 * Cells: text as typed; numbers as JavaScript writes them; a cell formatted as a date becomes
 * TT.MM.JJJJ. Columns the template does not know are not read.
 */
import {InputError} from "../common/errors.ts";
import {readXlsxFile, type SheetRow} from "../common/xlsx.ts";
import {duplicateColumn, validateSheets, type RawRow, type ReadOptions, type ReadResult} from "./load.ts";
import {REQUIRED_COLUMNS, SHEETS} from "./sheets.ts";

type Key = keyof typeof SHEETS;

/** Sheet name in a workbook: the CSV name without ".csv". */
export const WORKBOOK_SHEETS = Object.fromEntries(Object.entries(SHEETS).map(([k, file]) => [k, file.replace(/\.csv$/, "")])) as Record<Key, string>;

/** Every column of a sheet's template, the optional ones included (telefon, hinweis). */
export const TEMPLATE_COLUMNS: Record<Key, string[]> = {
  ...REQUIRED_COLUMNS,
  attendance: ["veranstaltung", "name", "email", "telefon", "organisation", "kommune", "bereich"],
  stand: ["liste", "exportiert_am", "hinweis"]
};

export interface WorkbookSheets {
  result: ReadResult;
  /** The template columns each readable sheet has, and its data rows as text (for `kbm programme import`). */
  sheets: Partial<Record<Key, {columns: string[]; rows: RawRow[]}>>;
}

const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export async function readProgrammeWorkbook(path: string, options: ReadOptions & {label: string}): Promise<WorkbookSheets> {
  const label = options.label;
  const workbook = await readXlsxFile(path, label);
  const fileOf = (key: Key) => `${label}, Blatt ${WORKBOOK_SHEETS[key]}`;
  const letters = new Map<Key, Map<string, string>>();
  const sheets: WorkbookSheets["sheets"] = {};

  const read = (key: Key, problems: InputError[]): RawRow[] | null => {
    const name = WORKBOOK_SHEETS[key];
    if (!workbook.sheetNames.includes(name)) {
      problems.push(new InputError({file: fileOf(key)}, `ein Tabellenblatt "${name}" (wie in der Vorlage: kbm programme vorlage)`, "fehlt"));
      return null;
    }
    const rows: SheetRow[] = workbook.sheet(name);
    const headerRow = rows[0];
    const header = new Map<string, string>();
    for (const [letter, text] of Object.entries(headerRow?.cells ?? {})) header.set(letter, text.trim());
    const twice = duplicateColumn([...header].map(([letter, column]) => [`Spalte ${letter}`, column]));
    if (twice) {
      problems.push(new InputError({file: fileOf(key), line: 1, field: twice.name}, "jeden Spaltennamen nur einmal in Zeile 1", `${twice.first} und ${twice.second}`));
      return null;
    }
    letters.set(key, new Map([...header].map(([letter, column]) => [column, letter])));
    const present = [...header.values()];
    const missing = REQUIRED_COLUMNS[key].filter((c) => !present.includes(c));
    if (missing.length > 0) {
      for (const column of missing) problems.push(new InputError({file: fileOf(key), line: 1, field: column}, `die Spalte "${column}" in Zeile 1`, present.join(", ") || "leer"));
      return null;
    }
    const out: RawRow[] = [];
    for (const row of rows.slice(1)) {
      const fields: Record<string, string> = {};
      let any = false;
      for (const [letter, column] of header) {
        const date = row.dates?.[letter];
        const text = date ? german(date) : (row.cells[letter] ?? "");
        if (text.trim() !== "") any = true;
        fields[column] = text;
      }
      if (any) out.push({line: row.row, fields});
    }
    sheets[key] = {columns: TEMPLATE_COLUMNS[key].filter((c) => present.includes(c)), rows: out};
    return out;
  };
  const result = validateSheets({fileOf, read, fieldOf: (key, field) => columnName(letters.get(key), field), nameOf: (key) => `Blatt ${WORKBOOK_SHEETS[key]}`}, options);
  return {result, sheets};
}

/** "agentur" → "agentur, Spalte G" (the message writes Feld "agentur, Spalte G"). */
function columnName(letters: Map<string, string> | undefined, field: string): string {
  const letter = letters?.get(field);
  return letter ? `${field}, Spalte ${letter}` : field;
}
