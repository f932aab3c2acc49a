import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {formatGermanCell, formatGermanNumber, germanCsv, neutraliseFormula, parseGermanCsv, parseGermanNumber} from "../../../pipelines/exports/german-csv.ts";

describe("German CSV", () => {
  it("starts with a BOM, separates with ';', ends lines with CRLF", () => {
    expect(germanCsv(["a", "b"], [[1.5, "x"]])).toBe("\uFEFFa;b\r\n1,5;x\r\n");
  });

  it("writes numbers as numbers with a decimal comma, negative numbers untouched", () => {
    expect(formatGermanCell(-1.5)).toBe("-1,5");
    expect(formatGermanCell(-0)).toBe("0");
    expect(formatGermanCell(1234567.89)).toBe("1234567,89");
    expect(formatGermanCell(42)).toBe("42");
    expect(formatGermanCell(10n)).toBe("10");
    expect(formatGermanCell(Number.NaN)).toBe("");
    expect(formatGermanCell(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("never uses exponent notation", () => {
    expect(formatGermanNumber(1.5e-7)).toBe("0,00000015");
    expect(formatGermanNumber(-2e-7)).toBe("-0,0000002");
    expect(formatGermanNumber(1e21)).toBe("1000000000000000000000");
    expect(formatGermanNumber(1.25e22)).toBe("12500000000000000000000");
  });

  it("neutralises formula injection in text: = + - @ tab CR get a leading apostrophe", () => {
    for (const text of ["=SUM(A1)", "+1", "-1+2", "@foo", "\tx", "\rx"]) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula("Köln")).toBe("Köln");
    // The special value "exactly zero" cannot start a formula and stays readable.
    expect(neutraliseFormula("-")).toBe("-");
    // A number-looking string is still text: it gets the apostrophe; only numbers are numbers.
    expect(formatGermanCell("-5")).toBe("'-5");
    expect(formatGermanCell(-5)).toBe("-5");
  });

  it("quotes cells with separator, quote or line break; empty for null", () => {
    expect(formatGermanCell('Kiel; "Landeshauptstadt"')).toBe('"Kiel; ""Landeshauptstadt"""');
    expect(formatGermanCell("a\nb")).toBe('"a\nb"');
    expect(formatGermanCell("=1;2")).toBe(`"'=1;2"`);
    expect(formatGermanCell(null)).toBe("");
    expect(formatGermanCell(undefined)).toBe("");
    expect(formatGermanCell(true)).toBe("WAHR");
    expect(formatGermanCell(new Date("2021-12-31T00:00:00Z"))).toBe("2021-12-31");
  });

  it("round trip: every finite number comes back exactly, text comes back (formulas with their apostrophe)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({noNaN: true, noDefaultInfinity: true}), fc.string())), (rows) => {
        const back = parseGermanCsv(germanCsv(["n", "s"], rows));
        expect(back[0]).toEqual(["n", "s"]);
        rows.forEach(([n, s], i) => {
          expect(parseGermanNumber(back[i + 1]![0]!)).toBe(Object.is(n, -0) ? 0 : n);
          expect(back[i + 1]![1]).toBe(neutraliseFormula(s));
        });
      }),
      {seed: 20240630, numRuns: 200}
    );
  });
});
