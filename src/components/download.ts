/**
 * CSV downloads as German spreadsheet programs open them with a double click: UTF-8 with BOM,
 * `;` as separator, decimal comma, no thousands separator, CRLF line ends. Text a spreadsheet
 * would run as a formula (starting with = + - @, tab or CR) gets a leading ' (CSV injection).
 * Pure text functions plus one button; no Node imports, so pages and `kbm` share it.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "ja" : "nein";
  if (typeof cell === "number") return Number.isFinite(cell) ? germanNumber(cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** 0.2 → "0,2", 1234.5 → "1234,5", 1e-7 → "0,0000001": never an exponent. */
export function germanNumber(n: number): string {
  let text = String(Object.is(n, -0) ? 0 : n);
  // Doubles this large are whole numbers; toFixed would answer in exponent form again.
  if (/e/i.test(text)) text = Math.abs(n) >= 1e21 ? BigInt(n).toString() : n.toFixed(20).replace(/\.?0+$/, "");
  return text.replace(".", ",");
}

/** The whole file, starting with the byte order mark. */
export function germanCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(";")];
  for (const row of rows) lines.push(row.map(csvCell).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** A button that saves the CSV under `filename`; the file is made when clicked. */
export function downloadButton(label: string, filename: string, make: () => string): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "download";
  button.textContent = label;
  button.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([make()], {type: "text/csv;charset=utf-8"}));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}
