/**
 * Reads the cell values of an .xlsx workbook (Office Open XML) with exceljs, a kept library:
 * enough for the published tables of statistical offices and the programme's workbooks, which
 * are plain grids of numbers, labels and dates. Formulas are read as their cached results.
 *
 * Cell text: numbers as JavaScript writes them ("1.5"), rich text joined, hyperlinks as their
 * text, errors as written ("#N/A"), booleans as 1/0. A cell Excel formats as a date is given
 * as its Excel serial number (as the file stores it; see excelSerialToIsoDate) and, in
 * `dates`, as an ISO date. Empty cells are absent; a merged range has its value once, in its
 * top-left cell.
 */
import ExcelJS from "exceljs";
import {readFileSync} from "node:fs";
import {InputError} from "./errors.ts";
import {ZipProblem, unzipVerified} from "./zip-integrity.ts";

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Column letter ("A", "B", …, "AA") → cell text; empty cells are absent. */
  cells: Record<string, string>;
  /** Column letter → ISO date, for cells formatted as dates. */
  dates?: Record<string, string>;
}

export interface Workbook {
  sheetNames: string[];
  sheet(name: string): SheetRow[];
}

/**
 * The workbooks read here (Statistik Berlin-Brandenburg's tables, the programme's sheets) are a
 * few MB and inflate to some tens; exceljs needs about ten times the inflated size in memory.
 */
export const MAX_XLSX_BYTES = 50 * 1024 ** 2;
const XLSX_LIMITS = {maxBytes: 256 * 1024 ** 2, maxRatio: 200};

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export async function readXlsxFile(path: string, label: string): Promise<Workbook> {
  return readXlsxBytes(readFileSync(path), label);
}

export async function readXlsxBytes(bytes: Uint8Array, label: string): Promise<Workbook> {
  // An .xlsx file is a ZIP archive: "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new InputError({file: label}, "eine .xlsx-Datei (ZIP-Archiv)", "keine lesbare ZIP-Datei");
  // exceljs holds the whole workbook in memory, so size is bounded before it starts.
  if (bytes.length > MAX_XLSX_BYTES) throw new InputError({file: label}, `eine Excel-Arbeitsmappe bis ${MAX_XLSX_BYTES / 1024 ** 2} MB`, `${(bytes.length / 1024 ** 2).toFixed(1).replace(".", ",")} MB`);
  // exceljs unzips without checking checksums: a damaged workbook would give other cell values.
  try {
    unzipVerified(bytes, {limits: XLSX_LIMITS});
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    throw new InputError({file: label, field: error.member}, error.kind === "limit" ? "eine Excel-Arbeitsmappe ohne übergroße Teile" : "eine unbeschädigte Excel-Arbeitsmappe (.xlsx)", error.problem);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError({file: label}, "eine Excel-Arbeitsmappe (.xlsx)", error instanceof Error ? error.message.split("\n")[0]! : String(error));
  }
  const sheets = new Map(workbook.worksheets.map((w) => [w.name, w]));
  if (sheets.size === 0) throw new InputError({file: label}, "eine Excel-Arbeitsmappe (.xlsx)", "keine Tabellenblätter");
  return {
    sheetNames: [...sheets.keys()],
    sheet(name) {
      const worksheet = sheets.get(name);
      if (!worksheet) throw new InputError({file: label, field: name}, `ein Tabellenblatt "${name}"`, [...sheets.keys()].join(", "));
      const rows: SheetRow[] = [];
      for (let r = 1; r <= worksheet.rowCount; r++) {
        const row = worksheet.getRow(r);
        const cells: Record<string, string> = {};
        const dates: Record<string, string> = {};
        row.eachCell({includeEmpty: false}, (cell) => {
          // exceljs repeats a merged range's value in every cell of it; the file has it once, top left.
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const column = cell.address.replace(/\d+$/, "");
          const value = cellValue(cell.value);
          if (value instanceof Date) {
            cells[column] = String((value.getTime() - EXCEL_EPOCH) / DAY);
            dates[column] = value.toISOString().slice(0, 10);
          } else if (value !== "") cells[column] = value;
        });
        rows.push(Object.keys(dates).length ? {row: r, cells, dates} : {row: r, cells});
      }
      return rows;
    }
  };
}

function cellValue(value: ExcelJS.CellValue): string | Date {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return String(value.error);
  if ("result" in value) return value.result === undefined ? "" : cellValue(value.result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}

/** Excel's 1900 date system: serial 45291 is 2023-12-31. */
export function excelSerialToIsoDate(serial: number): string {
  const ms = EXCEL_EPOCH + Math.round(serial) * DAY;
  return new Date(ms).toISOString().slice(0, 10);
}
