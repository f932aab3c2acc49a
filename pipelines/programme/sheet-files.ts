/**
 * Writing the programme sheets: CSV text as the templates describe it (`;`, UTF-8 with BOM,
 * LF), the folder written all at once (no half-written set), and the empty Excel template
 * (one sheet per table, the column names in row 1) that /programm/ offers for download.
 */
import ExcelJS from "exceljs";
import {mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {TEMPLATE_COLUMNS, WORKBOOK_SHEETS} from "../../loaders/programme/workbook.ts";

/** One sheet as CSV text. Cells with `;`, `"` or a line break are quoted. */
export function sheetCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => (/[;"\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(";")).join("\n") + "\n";
}

/**
 * Writes every file into `dir` at once: first into a temporary folder beside the files, then
 * each renamed into place. A failure before the renames leaves the folder as it was.
 */
export function writeSheetsAtomically(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, {recursive: true});
  const staging = mkdtempSync(join(dir, ".import-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(staging, name), text);
    for (const name of Object.keys(files)) renameSync(join(staging, name), join(dir, name));
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
}

/** The empty workbook template: one sheet per table with the template's column names in row 1, dates as text TT.MM.JJJJ. */
export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kommunaler Bildungsmonitor";
  // A fixed date keeps the template byte-stable between builds.
  workbook.created = workbook.modified = new Date(Date.UTC(2015, 11, 31));
  for (const [key, name] of Object.entries(WORKBOOK_SHEETS) as [keyof typeof WORKBOOK_SHEETS, string][]) {
    const sheet = workbook.addWorksheet(name);
    const columns = TEMPLATE_COLUMNS[key];
    sheet.addRow(columns);
    sheet.getRow(1).font = {bold: true};
    columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.max(12, c.length + 2);
      // Text cells: Excel keeps leading zeros of Regionalschlüssel and does not turn IDs into numbers.
      column.numFmt = "@";
    });
    sheet.views = [{state: "frozen", ySplit: 1}];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
