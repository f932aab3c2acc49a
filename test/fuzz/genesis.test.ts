/**
 * Fuzzing the GENESIS parser with slices of the real server responses (../shared/fixtures/genesis):
 * up to 300 data rows with the file's header (and, for the table layout, sometimes its
 * footnotes), mutated by test/fuzz/support/mutate.ts, sometimes wrapped in a zip (intact, cut
 * off or with a flipped byte), fed in chunks of random size.
 *
 * The oracle (what counts as a correct outcome) is in support/genesis-oracle.ts.
 */
import fc from "fast-check";
import {zipSync} from "fflate";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {parseGenesisFile} from "../../loaders/genesis/index.ts";
import {checkOutcome, runParser, type Parsed} from "./support/genesis-oracle.ts";
import {applyMutations, mutationArb, type Mutation} from "./support/mutate.ts";
import {checkProperty, executed} from "./support/run.ts";

const TEST_FILE = "test/fuzz/genesis.test.ts";
const fixtureDir = resolve(import.meta.dirname, "../../../shared/fixtures/genesis");
const present = existsSync(fixtureDir);
if (!present && !process.env.CI) console.warn(`GENESIS-Fixtures fehlen (${fixtureDir}): Fuzz-Tests des Parsers übersprungen (unter CI=true schlagen sie fehl)`);
const fixtures = present ? readdirSync(fixtureDir).filter((f) => f.endsWith(".csv")).sort() : [];

/** Cases per fixture file (7 files: 7,000 cases). */
const RUNS_PER_FIXTURE = 1000;
const MAX_DATA_ROWS = 300;

interface Slice {
  start: number;
  length: number;
  footer: boolean;
}

interface Case {
  slice: Slice;
  mutations: Mutation[];
  chunkSize: number;
  zip: {damage: "none" | "truncate" | "flip"; at: number} | null;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  // Mostly short slices (bugs show in few rows, and they keep the run short), a third up to 300 rows.
  slice: fc.record({start: fc.nat({max: 1 << 20}), length: fc.oneof({weight: 2, arbitrary: fc.integer({min: 0, max: 30})}, {weight: 1, arbitrary: fc.integer({min: 0, max: MAX_DATA_ROWS})}), footer: fc.boolean()}),
  mutations: fc.array(mutationArb, {maxLength: 4}),
  chunkSize: fc.oneof(fc.integer({min: 1, max: 64}), fc.integer({min: 65, max: 4096}), fc.constant(1 << 16), fc.integer({min: 1, max: 200_000})),
  zip: fc.option(fc.record({damage: fc.constantFrom("none" as const, "truncate" as const, "flip" as const), at: fc.nat({max: 1 << 30})}), {freq: 8})
});

interface Original {
  name: string;
  lines: Uint8Array[];
  headerLines: number;
  footerLines: number;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) {
    lines.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

async function original(name: string): Promise<Original> {
  const path = join(fixtureDir, name);
  const summary = await parseGenesisFile(path);
  return {name, lines: splitLines(readFileSync(path)), headerLines: summary.headerLines, footerLines: summary.footerLines};
}

function sliceOf(o: Original, slice: Slice): Uint8Array {
  const dataEnd = o.lines.length - o.footerLines;
  const dataCount = dataEnd - o.headerLines;
  const start = o.headerLines + (dataCount > 0 ? slice.start % dataCount : 0);
  const parts = [...o.lines.slice(0, o.headerLines), ...o.lines.slice(start, Math.min(dataEnd, start + slice.length))];
  if (slice.footer) parts.push(...o.lines.slice(dataEnd));
  return Uint8Array.from(Buffer.concat(parts));
}

function zipped(csv: Uint8Array, name: string, damage: NonNullable<Case["zip"]>): Uint8Array {
  const archive = zipSync({[name.replace(/\.csv$/, "_flat.csv")]: csv}, {level: 6, mtime: new Date("2025-01-01T00:00:00Z")});
  if (damage.damage === "truncate") return archive.slice(0, damage.at % archive.length);
  if (damage.damage === "flip") {
    const out = archive.slice();
    const at = damage.at % out.length;
    out[at] = out[at]! ^ (1 + (damage.at % 255));
    return out;
  }
  return archive;
}

const describeFixtures = present || process.env.CI ? describe : describe.skip;

describeFixtures("Fuzzing: GENESIS parser on mutated slices of the real files", () => {
  it("finds the fixture files", () => {
    expect(fixtures.length, `CSV-Fixtures in ${fixtureDir}`).toBeGreaterThanOrEqual(7);
  });

  for (const name of fixtures) {
    it(`${name}: a parse that accounts for every row, or an InputError with file, line and field`, async () => {
      const o = await original(name);
      await checkProperty(
        `GENESIS ${name}`,
        TEST_FILE,
        [caseArb],
        async (c: Case) => {
          const csv = applyMutations(sliceOf(o, c.slice), c.mutations);
          const input = c.zip ? zipped(csv, name, c.zip) : csv;
          let outcome: {parsed: Parsed} | {error: unknown};
          try {
            outcome = {parsed: await runParser(input, name, c.chunkSize)};
          } catch (error) {
            outcome = {error};
          }
          checkOutcome(csv, name, outcome, c.zip !== null, c.zip !== null && c.zip.damage !== "none");
        },
        RUNS_PER_FIXTURE
      );
    }, 120_000);
  }

  afterAll(() => {
    const total = [...executed.values()].reduce((a, b) => a + b, 0);
    if (total > 0) console.info(`Fuzzing GENESIS: ${total} Fälle (${[...executed].map(([k, v]) => `${k.replace(/^GENESIS /, "")}: ${v}`).join(", ")})`);
  });
});
