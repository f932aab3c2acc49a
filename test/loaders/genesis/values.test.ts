import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CellReader, CellStatus, QualityStatus, isoPeriod, looksLikePeriod, parseDecimal, qualityFlag} from "../../../loaders/genesis/values.ts";

const read = (raw: string) => {
  const cell = new CellReader();
  const status = cell.read(raw);
  return status === CellStatus.Ok ? [cell.value, cell.flag] : status;
};

describe("CellReader", () => {
  it.each([
    ["1302", [1302, null]],
    ["191,67", [191.67, null]],
    ["6.8", [6.8, null]],
    ["-21", [-21, null]],
    ["0", [0, null]],
    ["-", [0, "-"]],
    [".", [null, "."]],
    ["...", [null, "..."]],
    ["/", [null, "/"]],
    ["x", [null, "x"]],
    ["(14)", [14, "()"]],
    ["(1,5)", [1.5, "()"]],
    ["123 p", [123, "p"]],
    ["123r", [123, "r"]],
    ["4,5 s", [4.5, "s"]],
    ["7 e", [7, "e"]]
  ])("%s", (raw, expected) => expect(read(raw)).toEqual(expected));

  it.each([
    ["", CellStatus.Empty],
    ["abc", CellStatus.NotANumber],
    ["12a", CellStatus.NotANumber],
    ["1.234,5", CellStatus.NotANumber],
    ["1,", CellStatus.NotANumber],
    [",5", CellStatus.NotANumber],
    ["*", CellStatus.UnknownSymbol],
    ["--", CellStatus.UnknownSymbol],
    ["()", CellStatus.UnknownSymbol],
    ["p", CellStatus.NotANumber],
    [" 12", CellStatus.NotANumber]
  ])("rejects %j", (raw, status) => expect(read(raw)).toBe(status));

  it("applies quality marks, but a value-replacing symbol wins", () => {
    const cell = new CellReader();
    cell.read("166");
    expect(cell.applyQuality("e")).toBe(QualityStatus.Ok);
    expect(cell.flag).toBe("e");
    cell.read("14");
    cell.applyQuality("()");
    expect([cell.value, cell.flag]).toEqual([14, "()"]);
    cell.read("-");
    cell.applyQuality("e");
    expect([cell.value, cell.flag]).toEqual([0, "-"]);
    cell.read("/");
    expect(cell.applyQuality("")).toBe(QualityStatus.Ok);
    expect(cell.flag).toBe("/");
    expect(cell.applyQuality("q")).toBe(QualityStatus.Unknown);
    expect(qualityFlag("()")).toBe("()");
  });

  it("refuses a symbol in the mark column that contradicts the value, and keeps the ones that agree", () => {
    const cell = new CellReader();
    const apply = (value: string, mark: string) => {
      cell.read(value);
      return cell.applyQuality(mark);
    };
    for (const [value, mark] of <[string, string][]>[["1024621", "-"], ["0,5", "-"], ["47", "."], ["47", "x"], ["47", "/"], ["47", "..."], ["/", "x"], ["-", "."], [".", "-"]]) {
      expect(apply(value, mark), `${mark} neben ${value}`).toBe(QualityStatus.Contradicts);
    }
    for (const [value, mark, flag] of <[string, string, string][]>[["0", "-", "-"], ["-", "-", "-"], [".", ".", "."], ["x", "x", "x"], ["47", "p", "p"]]) {
      expect(apply(value, mark), `${mark} neben ${value}`).toBe(QualityStatus.Ok);
      expect(cell.flag).toBe(flag);
    }
  });
});

describe("parseDecimal", () => {
  it("agrees with Number() for decimal-comma numbers (seeded property test)", () => {
    fc.assert(
      fc.property(fc.integer({min: -1e9, max: 1e9}), fc.integer({min: 0, max: 9999}), fc.integer({min: 0, max: 4}), (int, frac, digits) => {
        const fraction = digits === 0 ? "" : "," + String(frac).padStart(4, "0").slice(0, digits);
        const text = `${int}${fraction}`;
        expect(parseDecimal(text, 0, text.length)).toBe(Number(text.replace(",", ".")));
      }),
      {seed: 20250101, numRuns: 2000}
    );
  });

  it("parses a slice without copying and rejects junk", () => {
    expect(parseDecimal("(12,5)", 1, 5)).toBe(12.5);
    expect(parseDecimal("-0", 0, 2)).toBe(0);
    expect(Object.is(parseDecimal("-0", 0, 2), -0)).toBe(false);
    expect(parseDecimal("1234567890,123456789", 0, 20)).toBe(1234567890.1234568);
    expect(parseDecimal("1e5", 0, 3)).toBeNaN();
    expect(parseDecimal("-", 0, 1)).toBeNaN();
  });
});

describe("periods", () => {
  it("turns reference dates into ISO and leaves years and school years as labelled", () => {
    expect(isoPeriod("31.12.2022")).toBe("2022-12-31");
    expect(isoPeriod("01.03.2016")).toBe("2016-03-01");
    expect(isoPeriod("2015")).toBe("2015");
    expect(isoPeriod("2024-12-31")).toBe("2024-12-31");
    expect(isoPeriod(" 2015/16 ")).toBe("2015/16");
  });

  it.each([
    ["2015", true],
    ["2015/16", true],
    ["2015/2016", true],
    ["01.03.2016", true],
    ["2024-12-31", true],
    ["Summe", false],
    ["15", false],
    ["", false]
  ])("looksLikePeriod(%j) = %s", (raw, expected) => expect(looksLikePeriod(raw)).toBe(expected));
});
