import {strToU8, zipSync} from "fflate";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {excelSerialToIsoDate, readXlsxFile} from "../../../loaders/common/xlsx.ts";

/** A minimal workbook with one sheet, shared strings (one with rich-text runs) and an inline string. */
function workbook(): string {
  const files = {
    "xl/workbook.xml": strToU8('<workbook xmlns:r="r"><sheets><sheet name="T3 T4" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/sharedStrings.xml": strToU8('<sst><si><t>Stichtag</t></si><si><r><t>Friedrichs-</t></r><r><t xml:space="preserve">&#10;hain</t></r></si><si><t>A &amp; B</t></si></sst>'),
    "xl/worksheets/sheet1.xml": strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>' +
        '<row r="2"/><row r="3"><c r="A3"><v>45291</v></c><c r="B3" t="s"><v>2</v></c><c r="AA3"><v>1.5</v></c><c r="AB3"/></row></sheetData></worksheet>'
    )
  };
  const dir = mkdtempSync(join(tmpdir(), "kbm-xlsx-"));
  const path = join(dir, "t.xlsx");
  writeFileSync(path, zipSync(files));
  return path;
}

describe("readXlsxFile", () => {
  it("reads shared, rich-text and inline strings, numbers and empty rows", () => {
    const wb = readXlsxFile(workbook(), "t.xlsx");
    expect(wb.sheetNames).toEqual(["T3 T4"]);
    expect(wb.sheet("T3 T4")).toEqual([
      {row: 1, cells: {A: "Stichtag", B: "Friedrichs-\nhain", C: "inline"}},
      {row: 2, cells: {}},
      {row: 3, cells: {A: "45291", B: "A & B", AA: "1.5"}}
    ]);
  });

  it("names a missing sheet and a file that is not a zip", () => {
    expect(() => readXlsxFile(workbook(), "t.xlsx").sheet("T6")).toThrow('t.xlsx, Feld "T6": erwartet: ein Tabellenblatt "T6", gefunden: "T3 T4"');
    const dir = mkdtempSync(join(tmpdir(), "kbm-xlsx-"));
    writeFileSync(join(dir, "x.xlsx"), "not a zip");
    expect(() => readXlsxFile(join(dir, "x.xlsx"), "x.xlsx")).toThrow('x.xlsx: erwartet: eine .xlsx-Datei (ZIP-Archiv), gefunden: "keine lesbare ZIP-Datei"');
  });

  it("converts Excel serial dates", () => {
    expect(excelSerialToIsoDate(41639)).toBe("2013-12-31");
    expect(excelSerialToIsoDate(45291)).toBe("2023-12-31");
  });
});
