import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parseCount, parseCsvText, parseGermanCell, readCsvFile, readTextFile} from "../../../loaders/common/csv.ts";
import {InputError} from "../../../loaders/common/errors.ts";

describe("parseGermanCell", () => {
  it("reads German numbers with thousands separators and decimal commas", () => {
    expect(parseGermanCell("1.631,4", "f.csv", 3, "Spalte 7")).toEqual({value: 1631.4, flag: null});
    expect(parseGermanCell("20.282", "f.csv", 3, "Spalte 34")).toEqual({value: 20282, flag: null});
    expect(parseGermanCell("-4,2", "f.csv", 3, "Spalte 8")).toEqual({value: -4.2, flag: null});
    expect(parseGermanCell("103,2", "f.csv", 3, "Spalte 33")).toEqual({value: 103.2, flag: null});
    expect(parseGermanCell("0", "f.csv", 3, "Spalte 33")).toEqual({value: 0, flag: null});
  });

  it("keeps special values: – and - are exactly zero, . / x ... carry no number", () => {
    expect(parseGermanCell("–", "f.csv", 3, "s")).toEqual({value: 0, flag: "-"});
    expect(parseGermanCell("-", "f.csv", 3, "s")).toEqual({value: 0, flag: "-"});
    expect(parseGermanCell(".", "f.csv", 3, "s")).toEqual({value: null, flag: "."});
    expect(parseGermanCell("/", "f.csv", 3, "s")).toEqual({value: null, flag: "/"});
    expect(parseGermanCell("x", "f.csv", 3, "s")).toEqual({value: null, flag: "x"});
    expect(parseGermanCell("...", "f.csv", 3, "s")).toEqual({value: null, flag: "..."});
    expect(parseGermanCell("", "f.csv", 3, "s")).toEqual({value: null, flag: null});
  });

  it("names file, line and field for text that is not a number", () => {
    expect(() => parseGermanCell("1,2,3", "f.csv", 5, "Spalte 28")).toThrow(
      'f.csv, Zeile 5, Feld "Spalte 28": erwartet: eine Zahl im deutschen Format (1.234,5) oder ein Sonderzeichen (–, ., /, x), gefunden: "1,2,3"'
    );
    // A decimal point is not German format: 1.5 would silently become 15.
    expect(() => parseGermanCell("1.5", "f.csv", 5, "Spalte 28")).toThrow(InputError);
    expect(() => parseGermanCell("k. A.", "f.csv", 5, "Spalte 28")).toThrow(InputError);
  });
});

describe("parseCount", () => {
  it("accepts whole numbers, also written 3.0, and empty", () => {
    expect(parseCount("3", "f", 1, "n")).toBe(3);
    expect(parseCount("3.0", "f", 1, "n")).toBe(3);
    expect(parseCount("", "f", 1, "n")).toBeNull();
  });
  it("rejects fractions and negatives", () => {
    expect(() => parseCount("2.5", "f", 4, "kita_count")).toThrow('f, Zeile 4, Feld "kita_count": erwartet: eine ganze Zahl ≥ 0, gefunden: "2.5"');
    expect(() => parseCount("-1", "f", 4, "kita_count")).toThrow(InputError);
  });
});

describe("CSV files", () => {
  it("reports a missing column before any row", () => {
    expect(() => parseCsvText("ags,name\n01001,Flensburg\n", "k.csv", {required: ["ags", "kreistyp"]})).toThrow('k.csv, Zeile 1, Feld "kreistyp": erwartet: Spalte "kreistyp" in der Kopfzeile, gefunden: "ags,name"');
  });

  it("reads Windows-1252 files when told so and refuses them as UTF-8", () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-csv-"));
    const path = join(dir, "latin1.csv");
    writeFileSync(path, Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x44, 0xfc, 0x6e, 0x6e, 0x3b, 0x31, 0x0a])); // "a;b\nDünn;1\n" in Latin-1
    expect(readCsvFile(path, "latin1.csv", {delimiter: ";", encoding: "windows-1252"})[0]!.fields).toEqual({a: "Dünn", b: "1"});
    expect(() => readTextFile(path, "latin1.csv")).toThrow("latin1.csv: erwartet: eine Textdatei in der Zeichenkodierung utf-8, gefunden: \"ungültige Bytefolge\"");
  });
});
