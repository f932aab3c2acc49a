/**
 * Property tests of the CSV downloads on the pages (src/components/download.ts): whatever text
 * goes in, the cell a spreadsheet reads back cannot start a formula; every number comes out as
 * the German number (-2,5), unprefixed, and reads back exactly.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {csvCell, germanCsv, germanNumber} from "../../src/components/download.ts";
import {parseGermanCsv, parseGermanNumber} from "../../src/shared/german-csv.ts";
import {RUNS_AS_FORMULA, hostileText} from "../fuzz/support/hostile-text.ts";

const SETTINGS = {seed: 20250601, numRuns: 2000};

describe("download.ts: formula injection (property tests)", () => {
  it("any text becomes one cell that reads back as the text, with ' before a formula start; only a lone - stays as it is", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const rows = parseGermanCsv(germanCsv(["a"], [[text]]));
        expect(rows).toHaveLength(2);
        expect(rows[1]).toHaveLength(1);
        const cell = rows[1]![0]!;
        if (text !== "-") expect(RUNS_AS_FORMULA.test(cell), JSON.stringify(cell)).toBe(false);
        expect(cell).toBe(RUNS_AS_FORMULA.test(text) && text !== "-" ? `'${text}` : text);
      }),
      SETTINGS
    );
  });

  it("a row of texts keeps its number of cells (no separator or line break gets through)", () => {
    fc.assert(
      fc.property(fc.array(hostileText, {minLength: 1, maxLength: 6}), (texts) => {
        const rows = parseGermanCsv(germanCsv(texts.map((_, i) => `h${i}`), [texts]));
        expect(rows[1]).toHaveLength(texts.length);
      }),
      SETTINGS
    );
  });

  it("any finite number is the German number, unprefixed, and reads back exactly", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (n) => {
        const cell = csvCell(n);
        expect(cell).toBe(germanNumber(n));
        expect(cell).toMatch(/^-?\d+(,\d+)?$/);
        expect(parseGermanNumber(cell)).toBe(Object.is(n, -0) ? 0 : n);
      }),
      SETTINGS
    );
    expect([csvCell(-2.5), csvCell(-0.001), csvCell(-1e-7), csvCell(Number.NaN), csvCell(Number.POSITIVE_INFINITY)]).toEqual(["-2,5", "-0,001", "-0,0000001", "", ""]);
  });

  it("a header cell is neutralised too (the first cell follows the byte order mark)", () => {
    expect(germanCsv(["=1+1", "a"], [])).toBe("\uFEFF'=1+1;a\r\n");
  });
});
