/**
 * CSV downloads as German spreadsheet programs open them with a double click: UTF-8 with BOM,
 * `;` as separator, decimal comma, no thousands separator, CRLF line ends. Text a spreadsheet
 * would run as a formula (starting with = + - @, tab or CR) gets a leading ' (CSV injection).
 * The rules are those of `kbm export` (src/shared/german-csv.ts); here yes/no is written
 * "ja"/"nein", as the page tables say it. Plus one button; no Node imports.
 */
import {formatGermanCell, formatGermanNumber, germanCsv as sharedGermanCsv} from "../shared/german-csv.js";

export type CsvCell = string | number | boolean | null | undefined;

/** One cell: text neutralised and quoted where needed, numbers German, booleans ja/nein. */
export function csvCell(cell: CsvCell): string {
  return formatGermanCell(typeof cell === "boolean" ? (cell ? "ja" : "nein") : cell);
}

/** 0.2 → "0,2", 1234.5 → "1234,5", 1e-7 → "0,0000001": never an exponent; NaN and ±Infinity → "". */
export function germanNumber(n: number): string {
  return formatGermanNumber(n);
}

/** The whole file, starting with the byte order mark. */
export function germanCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  function* yesNo() {
    for (const row of rows) yield row.map((cell) => (typeof cell === "boolean" ? (cell ? "ja" : "nein") : cell));
  }
  return sharedGermanCsv(header, yesNo());
}

/** A button that saves the CSV under `filename`; the file is made when clicked. */
export function downloadButton(label: string, filename: string, make: () => string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "download";
  button.textContent = label;
  button.addEventListener("click", () => saveBlob(new Blob([make()], {type: "text/csv;charset=utf-8"}), filename));
  return button;
}

/** Saves bytes made in the page as a file (nothing leaves the browser). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Large files (a DOCX with figures) need a moment before the URL may go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
