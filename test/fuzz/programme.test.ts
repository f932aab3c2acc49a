/**
 * Fuzzing the programme sheets loader with the real example sheets (data/programme/*.csv):
 * teilnahmen.csv cut to a slice of up to 300 rows, then mutations of any sheet (bytes, lines,
 * columns, encodings, BOMs, quotes, delimiters, 100 KB fields, line ends), sometimes a sheet
 * missing. The loader must return data plus a list of InputErrors and drop no row without a
 * report; the oracle is in support/programme-oracle.ts.
 */
import fc from "fast-check";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, describe, it} from "vitest";
import {readProgramme} from "../../loaders/programme/load.ts";
import {SHEETS} from "../../loaders/programme/sheets.ts";
import {LABEL, checkProgrammeResult} from "./support/programme-oracle.ts";
import {applyMutation, mutationArb, type Mutation} from "./support/mutate.ts";
import {checkProperty, executed} from "./support/run.ts";

const TEST_FILE = "test/fuzz/programme.test.ts";
const SOURCE = resolve(import.meta.dirname, "../../data/programme");
const NAMES = Object.values(SHEETS);
const ORIGINAL = new Map<string, Uint8Array>(NAMES.map((name) => [name, Uint8Array.from(readFileSync(join(SOURCE, name)))]));
const RUNS = 3000;

interface Case {
  /** Slice of teilnahmen.csv (the one long sheet): first data row and row count. */
  attendance: {start: number; length: number};
  mutations: {sheet: number; mutation: Mutation}[];
  /** A sheet that is not there (index into NAMES), or null. */
  missing: number | null;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  attendance: fc.record({start: fc.nat({max: 1000}), length: fc.integer({min: 0, max: 300})}),
  mutations: fc.array(fc.record({sheet: fc.nat({max: NAMES.length - 1}), mutation: mutationArb}), {minLength: 1, maxLength: 4}),
  missing: fc.option(fc.nat({max: NAMES.length - 1}), {freq: 20})
});

function sliceAttendance(bytes: Uint8Array, start: number, length: number): Uint8Array {
  const lines = Buffer.from(bytes).toString("utf8").split(/(?<=\n)/);
  const data = lines.length - 1;
  const from = 1 + (data > 0 ? start % data : 0);
  return Buffer.from([lines[0]!, ...lines.slice(from, from + length)].join(""), "utf8");
}

describe("Fuzzing: programme sheets loader on mutated real sheets", () => {
  const dir = mkdtempSync(join(tmpdir(), "kbm-fuzz-programme-"));
  afterAll(() => {
    rmSync(dir, {recursive: true, force: true});
    const total = [...executed.values()].reduce((a, b) => a + b, 0);
    if (total > 0) console.info(`Fuzzing Programmlisten: ${total} Fälle`);
  });

  it("returns data and InputErrors with file and line, and drops no row without a report", async () => {
    await checkProperty(
      "Programmlisten",
      TEST_FILE,
      [caseArb],
      async (c: Case) => {
        const sheets = new Map(ORIGINAL);
        sheets.set("teilnahmen.csv", sliceAttendance(sheets.get("teilnahmen.csv")!, c.attendance.start, c.attendance.length));
        for (const {sheet, mutation} of c.mutations) {
          const name = NAMES[sheet]!;
          sheets.set(name, applyMutation(sheets.get(name)!, mutation));
        }
        const present = new Set<string>();
        for (const name of NAMES) {
          rmSync(join(dir, name), {force: true});
          if (c.missing !== null && NAMES[c.missing] === name) continue;
          writeFileSync(join(dir, name), sheets.get(name)!);
          present.add(name);
        }
        const result = readProgramme(dir, {label: LABEL});
        checkProgrammeResult(dir, result, present);
      },
      RUNS
    );
  }, 120_000);
});
