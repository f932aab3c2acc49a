/**
 * Text for the CSV-injection property tests (test/components/download-injection.test.ts,
 * test/pipelines/exports/german-csv.test.ts).
 */
import fc from "fast-check";

/** What a spreadsheet would run: a cell starting with = + - @, tab or CR (OWASP CSV injection). */
export const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;

/** Text that tries hard: formula starts, quotes, separators and line breaks before any Unicode. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("", "=", "+", "-", "@", "\t", "\r", "\n", " ", '"', ";", "'", "=HYPERLINK(", "-2,5", "@SUM(", "\uFEFF"), fc.string({unit: "binary", maxLength: 30}))
  .map(([start, rest]) => start + rest);
