import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {formatGermanCell, formatGermanNumber, germanCsv, neutraliseFormula, parseGermanCsv, parseGermanNumber} from "../../../pipelines/exports/german-csv.ts";
import {PEER_FIELDS, PROFILE_COLUMNS, profileCsv, type ProfileRecord} from "../../../pipelines/exports/profile.ts";
import * as shared from "../../../src/shared/german-csv.ts";
import {RUNS_AS_FORMULA, hostileText} from "../../fuzz/support/hostile-text.ts";

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

describe("German CSV of kbm export: formula injection (property tests)", () => {
  const SETTINGS = {seed: 20250601, numRuns: 2000};

  it("is the one shared module (src/shared/german-csv.ts), re-exported for the pipelines", () => {
    expect(formatGermanCell).toBe(shared.formatGermanCell);
    expect(germanCsv).toBe(shared.germanCsv);
  });

  it("any text becomes a cell a spreadsheet does not run: ' before = + - @ tab CR, nothing else changed", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const [, row] = parseGermanCsv(germanCsv(["s"], [[text]]));
        expect(row).toHaveLength(1);
        if (text !== "-") expect(RUNS_AS_FORMULA.test(row![0]!), JSON.stringify(row![0])).toBe(false);
        expect(row![0]!.replace(/^'(?=[=+\-@\t\r])/, "")).toBe(text);
      }),
      SETTINGS
    );
  });

  it("any finite number is the German number (-2,5), unprefixed, never an exponent, and reads back exactly", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({noNaN: true, noDefaultInfinity: true}), fc.integer(), fc.double({min: -1e-6, max: 1e-6, noNaN: true})), (n) => {
        const cell = formatGermanCell(n);
        expect(cell).toMatch(/^-?\d+(,\d+)?$/);
        expect(parseGermanNumber(cell)).toBe(Object.is(n, -0) ? 0 : n);
      }),
      SETTINGS
    );
  });

  it("kbm export --format csv (profileCsv): hostile text in any text column stays inert, numbers stay numbers", () => {
    const record = fc.record({
      region: hostileText,
      indicator: hostileText,
      year: fc.integer({min: 1990, max: 2030}),
      period: hostileText,
      value: fc.option(fc.double({noNaN: true, noDefaultInfinity: true})),
      flag: fc.option(hostileText),
      unit: hostileText,
      source: hostileText,
      land: fc.option(fc.double({noNaN: true, noDefaultInfinity: true})),
      land_status: fc.constant(null),
      bund: fc.option(fc.integer()),
      bund_status: fc.constant(null),
      change_1y: fc.option(fc.double({min: -100, max: 100, noNaN: true})),
      change_5y: fc.constant(null),
      change_10y: fc.constant(null),
      peers: fc.constant({})
    }) as fc.Arbitrary<ProfileRecord>;
    fc.assert(
      fc.property(fc.array(record, {maxLength: 5}), (records) => {
        const rows = parseGermanCsv(profileCsv(records, ["grossstaedte"]));
        expect(rows).toHaveLength(records.length + 1);
        records.forEach((r, i) => {
          const row = rows[i + 1]!;
          expect(row).toHaveLength(PROFILE_COLUMNS.length + PEER_FIELDS.length);
          PROFILE_COLUMNS.forEach((column, j) => {
            const cell = row[j]!;
            const value = r[column];
            if (typeof value === "number") expect(parseGermanNumber(cell)).toBe(Object.is(value, -0) ? 0 : value);
            else if (cell !== "-" && typeof value === "string") expect(RUNS_AS_FORMULA.test(cell), `${column}: ${JSON.stringify(cell)}`).toBe(false);
          });
        });
      }),
      {seed: 20250601, numRuns: 300}
    );
  });
});

