import ExcelJS from "exceljs";
import {unzipSync, zipSync} from "fflate";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {MAX_XLSX_BYTES, excelSerialToIsoDate, readXlsxFile} from "../../../loaders/common/xlsx.ts";

/** A workbook made here with exceljs: shared and rich text, a formula, a date cell, an empty row, a far column. */
async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("T3 T4");
  ws.getCell("A1").value = "Stichtag";
  ws.getCell("B1").value = {richText: [{text: "Friedrichs-"}, {text: "\nhain"}]};
  ws.getCell("C1").value = {text: "Verweis", hyperlink: "https://example.org/"};
  ws.getCell("A3").value = 45291;
  ws.getCell("B3").value = "A & B";
  ws.getCell("AA3").value = 1.5;
  ws.getCell("AB3").value = {formula: "AA3*2", result: 3};
  ws.getCell("C3").value = new Date(Date.UTC(2015, 7, 28));
  const dir = mkdtempSync(join(tmpdir(), "kbm-xlsx-"));
  const path = join(dir, "t.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("readXlsxFile (exceljs)", () => {
  it("reads text, rich text, links, numbers, formula results, dates and empty rows", async () => {
    const wb = await readXlsxFile(await workbook(), "t.xlsx");
    expect(wb.sheetNames).toEqual(["T3 T4"]);
    expect(wb.sheet("T3 T4")).toEqual([
      {row: 1, cells: {A: "Stichtag", B: "Friedrichs-\nhain", C: "Verweis"}},
      {row: 2, cells: {}},
      {row: 3, cells: {A: "45291", B: "A & B", C: "42244", AA: "1.5", AB: "3"}, dates: {C: "2015-08-28"}}
    ]);
  });

  it("names a missing sheet, a file that is not a zip and a zip that is no workbook", async () => {
    await expect(readXlsxFile(await workbook(), "t.xlsx").then((wb) => wb.sheet("T6"))).rejects.toThrow('t.xlsx, Feld "T6": erwartet: ein Tabellenblatt "T6", gefunden: "T3 T4"');
    const dir = mkdtempSync(join(tmpdir(), "kbm-xlsx-"));
    writeFileSync(join(dir, "x.xlsx"), "not a zip");
    await expect(readXlsxFile(join(dir, "x.xlsx"), "x.xlsx")).rejects.toThrow('x.xlsx: erwartet: eine .xlsx-Datei (ZIP-Archiv), gefunden: "keine lesbare ZIP-Datei"');
    // A ZIP archive with no workbook in it.
    writeFileSync(join(dir, "z.xlsx"), Buffer.from("504b0506000000000000000000000000000000000000", "hex"));
    await expect(readXlsxFile(join(dir, "z.xlsx"), "z.xlsx")).rejects.toThrow("z.xlsx: erwartet: eine Excel-Arbeitsmappe (.xlsx)");
  });

  it("refuses a workbook whose bytes do not match their checksum, instead of reading another number", async () => {
    // Re-packed without compression, so that a changed digit inflates without complaint.
    const members = unzipSync(readFileSync(await workbook()));
    const packed = zipSync(members, {level: 0});
    const at = Buffer.from(packed).indexOf("<v>45291</v>");
    expect(at).toBeGreaterThan(0);
    const damaged = packed.slice();
    damaged[at + 7] = 0x32; // 45291 → 45292
    const dir = mkdtempSync(join(tmpdir(), "kbm-xlsx-"));
    writeFileSync(join(dir, "d.xlsx"), damaged);
    await expect(readXlsxFile(join(dir, "d.xlsx"), "d.xlsx")).rejects.toThrow('d.xlsx, Feld "xl/worksheets/sheet1.xml": erwartet: eine unbeschädigte Excel-Arbeitsmappe (.xlsx), gefunden: "beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht)"');
    // The intact re-packed workbook reads.
    writeFileSync(join(dir, "ok.xlsx"), packed);
    expect((await readXlsxFile(join(dir, "ok.xlsx"), "ok.xlsx")).sheet("T3 T4")[2]!.cells.A).toBe("45291");
  });

  it("refuses a workbook above 50 MB, and one that inflates past 256 MB, before exceljs reads it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-xlsx-"));
    writeFileSync(join(dir, "big.xlsx"), Buffer.concat([readFileSync(await workbook()), Buffer.alloc(MAX_XLSX_BYTES)]));
    await expect(readXlsxFile(join(dir, "big.xlsx"), "big.xlsx")).rejects.toThrow(/^big\.xlsx: erwartet: eine Excel-Arbeitsmappe bis 50 MB, gefunden: "50,0 MB"$/);
    // A sheet declaring 300 MB in the central directory: refused by that size, before anything is inflated.
    const bomb = Buffer.from(zipSync(unzipSync(readFileSync(await workbook()))));
    const entry = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), bomb.lastIndexOf("xl/worksheets/sheet1.xml"));
    bomb.writeUInt32LE(300 * 1024 ** 2, entry + 24);
    writeFileSync(join(dir, "bomb.xlsx"), bomb);
    await expect(readXlsxFile(join(dir, "bomb.xlsx"), "bomb.xlsx")).rejects.toThrow('bomb.xlsx, Feld "xl/worksheets/sheet1.xml": erwartet: eine Excel-Arbeitsmappe ohne übergroße Teile, gefunden: "entpackt größer als 256 MB (ZIP-Bombe?)"');
  });

  it("converts Excel serial dates", () => {
    expect(excelSerialToIsoDate(41639)).toBe("2013-12-31");
    expect(excelSerialToIsoDate(45291)).toBe("2023-12-31");
  });
});
