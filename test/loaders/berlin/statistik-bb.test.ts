import {describe, expect, it} from "vitest";
import {BERLIN_BEZIRKE, bezirkKey, isBezirkKey, labelMatchesBezirk} from "../../../loaders/berlin/bezirke.ts";
import {readKitaliste} from "../../../loaders/berlin/kitaliste.ts";
import {readEinwohnerBericht, readTable3} from "../../../loaders/berlin/statistik-bb.ts";
import type {SheetRow} from "../../../loaders/common/xlsx.ts";
import {describeShared, sharedPath} from "../shared-data.ts";

describe("Berlin Bezirke", () => {
  it("uses the Regionaldatenbank keys 11001001 … 11012012", () => {
    expect(BERLIN_BEZIRKE.map((b) => bezirkKey(b.nr))).toEqual(["11001001", "11002002", "11003003", "11004004", "11005005", "11006006", "11007007", "11008008", "11009009", "11010010", "11011011", "11012012"]);
    expect(isBezirkKey("11012012")).toBe(true);
    expect(isBezirkKey("11012011")).toBe(false);
    expect(() => bezirkKey("13")).toThrow("keine Berliner Bezirksnummer: 13");
  });

  it("matches the abbreviated and hyphenated labels of the statistical reports", () => {
    expect(labelMatchesBezirk("Friedrichs-\r\nhain-\r\nKreuz-\r\nberg", "Friedrichshain-Kreuzberg")).toBe(true);
    expect(labelMatchesBezirk("Friedrh.-Kreuzb.", "Friedrichshain-Kreuzberg")).toBe(true);
    expect(labelMatchesBezirk("Charlbg.-Wilmersd.", "Charlottenburg-Wilmersdorf")).toBe(true);
    expect(labelMatchesBezirk("Tempelh.-Schöneb.", "Tempelhof-Schöneberg")).toBe(true);
    expect(labelMatchesBezirk("Pankow", "Mitte")).toBe(false);
    expect(labelMatchesBezirk("Treptow-Köpenick", "Steglitz-Zehlendorf")).toBe(false);
  });
});

describe("Statistischer Bericht A I 5, Tabelle 3", () => {
  const header: SheetRow = {row: 3, cells: {A: "Stichtag", B: "Berlin", ...Object.fromEntries(BERLIN_BEZIRKE.map((b, i) => [String.fromCharCode(67 + i), b.name]))}};
  const block = (row: number, label: string): SheetRow => ({row, cells: {B: label}});
  const values = (row: number, serial: number, numbers: number[]): SheetRow => ({row, cells: {A: String(serial), ...Object.fromEntries(numbers.map((n, i) => [String.fromCharCode(66 + i), String(n)]))}});
  const twelve = (n: number) => Array.from({length: 12}, () => n);

  it("reads the three blocks and checks Deutsche + Ausländer = insgesamt and the Bezirke sum", () => {
    const rows = [header, block(5, "Deutsche"), values(6, 45291, [120, ...twelve(10)]), block(7, "Ausländer"), values(8, 45291, [24, ...twelve(2)]), block(9, "insgesamt"), values(10, 45291, [144, ...twelve(12)])];
    const out = readTable3(rows, "b.xlsx");
    expect(out).toHaveLength(13);
    expect(out[1]).toEqual({date: "2023-12-31", bezirk: "01", insgesamt: 12, deutsche: 10, auslaender: 2, row: 10});
  });

  it("names a wrong Bezirk column and a total that does not add up", () => {
    const swapped: SheetRow = {row: 3, cells: {...header.cells, C: "Pankow"}};
    expect(() => readTable3([swapped], "b.xlsx")).toThrow('b.xlsx, Blatt T3 T4, Zeile 3, Feld "C3": erwartet: die Spalte des Bezirks Mitte, gefunden: "Pankow"');
    const rows = [header, block(5, "Deutsche"), values(6, 45291, [120, ...twelve(10)]), block(7, "Ausländer"), values(8, 45291, [24, ...twelve(2)]), block(9, "insgesamt"), values(10, 45291, [145, ...twelve(12)])];
    expect(() => readTable3(rows, "b.xlsx")).toThrow('b.xlsx, Blatt T3 T4, Feld "B": erwartet: Deutsche + Ausländer = insgesamt am 2023-12-31, gefunden: "120 + 24 ≠ 145"');
  });
});

describeShared("Statistik Berlin-Brandenburg and Kitaliste, real files", () => {
  it("reads 2013–2023 by Bezirk and the age groups of 31.12.2023", async () => {
    const b = await readEinwohnerBericht(sharedPath("data/berlin/statistik-bb_SB_A01-05-00_2023h02_BE.xlsx"), "a15.xlsx");
    expect(b.population).toHaveLength(11 * 13);
    expect(b.population.find((p) => p.bezirk === "berlin" && p.date === "2023-12-31")).toMatchObject({insgesamt: 3878100, auslaender: 946369});
    expect(b.population.find((p) => p.bezirk === "01" && p.date === "2013-12-31")!.insgesamt).toBe(348102);
    expect(b.ages).toHaveLength(13);
    expect(b.ages.find((a) => a.bezirk === "01")!.groups["unter 6"]).toBe(21562);
    expect(b.ages.find((a) => a.bezirk === "berlin")!.groups["unter 6"]).toBe(215179);
  });

  it("sums the Kitaliste to its own Gesamtsumme", async () => {
    const k = await readKitaliste(sharedPath("data/berlin/senbjf_kitaliste_2023-11.xlsx"), "kitaliste.xlsx");
    expect(k.kitas).toHaveLength(2922);
    expect(k.total).toBe(197817);
    expect(k.kitas.filter((x) => x.places === null)).toHaveLength(2);
    expect(Object.keys(k.kitas[0]!).sort()).toEqual(["bezirk", "id", "places", "row", "type"]);
  });
});
