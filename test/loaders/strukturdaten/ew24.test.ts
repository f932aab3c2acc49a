import {describe, expect, it} from "vitest";
import {parseStrukturdatenEw24, readStrukturdatenEw24} from "../../../loaders/strukturdaten/ew24.ts";
import {describeShared, sharedPath} from "../shared-data.ts";

// The original layout in small: BOM, comment lines, Spalten-Nr., header, Kreis, Land and national rows.
const HEADER = [
  "\uFEFF# © Die Bundeswahlleiterin, Wiesbaden 2024;;;;;",
  "# Strukturdaten;;;;;",
  "#;;;;;",
  "Spalten-Nr.;;;1;2;",
  'Land;Kreis;Name;Fläche am 30.06.2023 (km²);Kindertagesbetreuung am 01.03.2023 - Betreute Kinder unter 3 Jahre (Betreuungsquote);Fußnoten'
];
const COLUMNS = [
  {number: 1, expect: "Fläche"},
  {number: 2, expect: "Betreute Kinder unter 3 Jahre"}
];
const file = (...rows: string[]) => [...HEADER, ...rows].join("\r\n") + "\r\n";

describe("EW 2024 Strukturdaten (original layout)", () => {
  it("reads Kreis, Land and national rows with German numbers and special values", () => {
    const parsed = parseStrukturdatenEw24(
      file(
        "Mecklenburg-Vorpommern;13003;Rostock;181,4;63,3;",
        "Mecklenburg-Vorpommern;13;Mecklenburg-Vorpommern Land;23.294,8;.;",
        "Mecklenburg-Vorpommern;13;Mecklenburg-Vorpommern kreisfreie Städte;311,9;–;",
        "Deutschland;99;Deutschland;357.592,2;36,4;Spalte 27: Einschl. externe"
      ),
      "ew24.csv",
      COLUMNS
    );
    expect(parsed.headers.get(2)).toContain("Betreute Kinder unter 3 Jahre");
    expect(parsed.rows.map((r) => [r.region, r.kind, r.line, r.cells.get(1), r.cells.get(2)])).toEqual([
      ["13003", "kreis", 6, {value: 181.4, flag: null}, {value: 63.3, flag: null}],
      ["13", "land", 7, {value: 23294.8, flag: null}, {value: null, flag: "."}],
      ["13", "land_teil", 8, {value: 311.9, flag: null}, {value: 0, flag: "-"}],
      ["DG", "bund", 9, {value: 357592.2, flag: null}, {value: 36.4, flag: null}]
    ]);
  });

  it("refuses a file without the Spalten-Nr. row", () => {
    expect(() => parseStrukturdatenEw24("# x\nLand;Kreis;Name\n", "ew24.csv", COLUMNS)).toThrow('ew24.csv, Zeile 2: erwartet: nach den Kommentarzeilen (#) die Zeile "Spalten-Nr.", gefunden: "Land;Kreis;Name"');
  });

  it("refuses a column whose header is not the expected one (shifted layout)", () => {
    expect(() => parseStrukturdatenEw24(file("x;13003;Rostock;1;2;"), "ew24.csv", [{number: 2, expect: "Betreute Kinder 3 bis unter 6"}])).toThrow(
      'ew24.csv, Zeile 5, Feld "Spalte 2": erwartet: eine Überschrift mit "Betreute Kinder 3 bis unter 6", gefunden: "Kindertagesbetreuung am 01.03.2023 - Betreute Kinder unter 3 Jahre (Betreuungsqu…"'
    );
  });

  it("names a missing column", () => {
    expect(() => parseStrukturdatenEw24(file(), "ew24.csv", [{number: 9, expect: "x"}])).toThrow('ew24.csv, Zeile 4, Feld "Spalte 9": erwartet: eine Spalte Nr. 9, gefunden: "fehlt"');
  });

  it("rejects a bad key, a duplicate Kreis, a Land that does not match and a non-numeric cell", () => {
    expect(() => parseStrukturdatenEw24(file("Bayern;9162;München;310,7;38,9;"), "ew24.csv", COLUMNS)).toThrow(
      'ew24.csv, Zeile 6, Feld "Kreis": erwartet: einen Kreisschlüssel (5 Stellen), einen Landesschlüssel (01–16) oder 99, gefunden: "9162"'
    );
    expect(() => parseStrukturdatenEw24(file("Bayern;09162;München;310,7;38,9;", "Bayern;09162;München;310,7;38,9;"), "ew24.csv", COLUMNS)).toThrow(
      'ew24.csv, Zeile 7, Feld "Kreis": erwartet: jede Region nur einmal, gefunden: "09162"'
    );
    expect(() => parseStrukturdatenEw24(file("Hessen;09162;München;310,7;38,9;"), "ew24.csv", COLUMNS)).toThrow('ew24.csv, Zeile 6, Feld "Land": erwartet: das Land passend zum Kreisschlüssel 09162, gefunden: "Hessen"');
    expect(() => parseStrukturdatenEw24(file("Bayern;09162;München;310,7;n. v.;"), "ew24.csv", COLUMNS)).toThrow(
      'ew24.csv, Zeile 6, Feld "Spalte 2": erwartet: eine Zahl im deutschen Format (1.234,5) oder ein Sonderzeichen (–, ., /, x), gefunden: "n. v."'
    );
  });
});

describeShared("EW 2024 Strukturdaten, real file", () => {
  it("has 400 Kreise, 14 Land rows (no Hamburg, no Berlin) and the national row", () => {
    const f = readStrukturdatenEw24(sharedPath("data/kreise/bundeswahlleiterin_ew24_strukturdaten_kreise.csv"), "ew24", [
      {number: 32, expect: "Betreute Kinder unter 3 Jahre"},
      {number: 33, expect: "3 bis unter 6"}
    ]);
    expect(f.rows.filter((r) => r.kind === "kreis")).toHaveLength(400);
    expect(f.rows.filter((r) => r.kind === "land").map((r) => r.region)).toEqual(["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "15", "16"]);
    const dg = f.rows.find((r) => r.kind === "bund")!;
    expect(dg.cells.get(32)).toEqual({value: 36.4, flag: null});
    expect(dg.cells.get(33)).toEqual({value: 90.9, flag: null});
    expect(f.rows.find((r) => r.region === "13003")!.cells.get(33)).toEqual({value: 103.2, flag: null});
  });
});
