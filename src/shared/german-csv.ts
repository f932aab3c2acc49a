/**
 * German CSV, as German Excel and LibreOffice open it with a double click: UTF-8 with BOM,
 * `;` as separator, decimal comma, CRLF line ends, no thousands separator.
 *
 * One module for `kbm export`, the analyst downloads (pipelines/exports/german-csv.ts re-exports
 * it) and every download button on the pages (src/components/download.ts). It lives under src/
 * because Framework bundles only files there; no Node imports.
 *
 * Rules:
 * - Numbers are written as numbers: `-1,5`, `1234567,89`, never in exponent notation.
 *   NaN and ±Infinity become empty cells.
 * - Text is text. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 *   `@`, tab or CR) gets a leading `'` (CSV/formula injection, OWASP). A lone `-`, the official
 *   special value "exactly zero", cannot start a formula and is kept as it is.
 * - A cell is quoted ("…", inner quotes doubled) when it holds `;`, `"`, CR or LF.
 * - null and undefined are empty; booleans are WAHR/FALSCH; bigints are integers; dates are
 *   ISO dates (2021-12-31).
 */

export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

export const BOM = "\uFEFF";
export const SEPARATOR = ";";
export const NEWLINE = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to text a spreadsheet would read as a formula. */
export function neutraliseFormula(text: string): string {
  if (text === "-") return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number with decimal comma and without exponent: 0.000001 → "0,000001", -1.5 → "-1,5". */
export function formatGermanNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Object.is(n, -0)) return "0";
  return expandExponent(String(n)).replace(".", ",");
}

/** Rewrites JavaScript's shortest round-trip form "1.5e-7" / "1e+21" as plain digits. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = "", exponentText] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`.replace(/0+$/, "");
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function formatGermanCell(cell: CsvCell): string {
  let text: string;
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return formatGermanNumber(cell);
  if (typeof cell === "bigint") return cell.toString();
  if (typeof cell === "boolean") return cell ? "WAHR" : "FALSCH";
  if (cell instanceof Date) text = Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  else text = neutraliseFormula(cell);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file as a string, starting with the BOM. */
export function germanCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map((h) => formatGermanCell(h)).join(SEPARATOR)];
  for (const row of rows) lines.push(row.map(formatGermanCell).join(SEPARATOR));
  return BOM + lines.join(NEWLINE) + NEWLINE;
}

/** Records → German CSV with the given columns in that order. */
export function germanCsvFromRecords<T extends object>(records: Iterable<T>, columns: readonly (keyof T & string)[]): string {
  function* rows() {
    for (const record of records) yield columns.map((c) => record[c] as CsvCell);
  }
  return germanCsv(columns, rows());
}

/** UTF-8 bytes of germanCsv (for downloads and loaders). */
export function germanCsvBytes(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Uint8Array {
  return new TextEncoder().encode(germanCsv(header, rows));
}

/**
 * Reads German CSV back into rows of strings (BOM removed, quotes resolved, the formula `'`
 * kept as written). For tests and round trips; not a general CSV reader.
 */
export function parseGermanCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = text.startsWith(BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === SEPARATOR) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      // CRLF ends the row; the LF is consumed below.
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** "-1,5" → -1.5; "" → null. Throws on anything else. */
export function parseGermanNumber(text: string): number | null {
  if (text === "") return null;
  if (!/^-?\d+(,\d+)?$/.test(text)) throw new Error(`keine Zahl in deutscher Schreibweise: ${JSON.stringify(text)}`);
  return Number(text.replace(",", "."));
}
