/**
 * Regression cases the fuzz tests found (test/fuzz/genesis.test.ts, test/fuzz/programme.test.ts),
 * each reduced to a small input and kept as a plain test. The seed and path name the run that
 * found it (paths replay only with the arbitraries of that time).
 */
import {strToU8, zipSync} from "fflate";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {InputError} from "../../loaders/common/errors.ts";
import {parseGenesisStream} from "../../loaders/genesis/index.ts";
import {readProgramme} from "../../loaders/programme/load.ts";
import {FIXTURE} from "../loaders/programme/fixture.ts";

const V5_HEADER =
  "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label";
const v5Row = (value = "158789") => `12411;Bevölkerung;STAG;Stichtag;2024-12-31;KREISE;Kreise;08222;Mannheim, Stadtkreis;${value};Anzahl;BEVSTD;Bevölkerungsstand`;

async function parseError(bytes: Uint8Array, file: string): Promise<InputError> {
  try {
    await parseGenesisStream([bytes], {file});
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("GENESIS parser: cases found by fuzzing", () => {
  // Seed 20250601, path 38:13:15:19:21:24:3:4:20 (12411-01-01-4_flat.csv in a zip with a flipped byte).
  it("a zip whose member does not match its CRC-32 is an error, not silently different data", async () => {
    const csv = strToU8(`\uFEFF${V5_HEADER}\n${v5Row()}\n`);
    // Stored (not deflated), so a flipped data byte inflates without complaint: only the checksum tells.
    const archive = zipSync({"12411-01-01-4_1_de_flat.csv": csv}, {level: 0});
    const at = archive.indexOf(0x37, 30 + "12411-01-01-4_1_de_flat.csv".length + 100); // a "7" inside the data
    expect(at).toBeGreaterThan(0);
    const damaged = archive.slice();
    damaged[at] = 0x38;
    const error = await parseError(damaged, "t.zip");
    expect(error.message).toBe('t.zip, Feld "12411-01-01-4_1_de_flat.csv": erwartet: vollständiges ZIP-Archiv mit genau einer CSV-Datei, gefunden: "beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht)"');
    expect(error.line).toBeUndefined();
    // The intact archive still reads.
    const summary = await parseGenesisStream([archive], {file: "t.zip"});
    expect(summary.records).toBe(1);
  });

  // Seed 20250601, path 972:1:0:1:1:0:… (13211-02-05-4_00.csv with a 100 KB field of "9").
  it("a number beyond the range of a double is an error, never Infinity", async () => {
    const huge = "9".repeat(400);
    for (const value of [huge, `${huge},5`, `-${huge}`]) {
      const error = await parseError(strToU8(`${V5_HEADER}\n${v5Row(value)}\n`), "t.csv");
      expect([error.line, error.field, error.expected]).toEqual([2, "value", "Zahl (Dezimalkomma) oder Sonderzeichen (- . ... / x)"]);
    }
    // 17 digits still parse (rounded to the nearest double).
    const records: (number | null)[] = [];
    await parseGenesisStream([strToU8(`${V5_HEADER}\n${v5Row("12345678901234567")}\n`)], {file: "t.csv", onRecord: (r) => records.push(r.value)});
    expect(records).toEqual([12345678901234568]);
  });

  // Seed 20250601: path 62:0:2:4:4:1:0:3:3:3 (61511-…_de_flat.csv) and path 342:0:0:0:0:1:2:2:2:2
  // (12411-01-01-4_flat.csv), a 100 KB field of ";" in the header: empty column names.
  it("an error in a column whose header cell is empty names the column by number, not as the field \"\"", async () => {
    const ffcsv = await parseError(strToU8(`${V5_HEADER};;\n${v5Row()}\n`), "t.csv");
    expect([ffcsv.line, ffcsv.field]).toEqual([2, "Spalte 14"]);
    const legacy = await parseError(strToU8("Statistik_Code;Zeit;1_Merkmal_Code;1_Auspraegung_Code;1_Auspraegung_Label;BEVSTD__Bevoelkerungsstand__Anzahl;\n"), "t.csv");
    expect([legacy.line, legacy.field, legacy.expected]).toEqual([1, "Spalte 7", "Wertespalte der Form CODE__Label__Einheit"]);
  });
});

function readSheets(change: Record<string, (text: string) => string>) {
  const dir = mkdtempSync(join(tmpdir(), "kbm-regression-"));
  try {
    for (const [name, text] of Object.entries(FIXTURE)) writeFileSync(join(dir, name), (change[name] ?? ((t: string) => t))(text));
    return readProgramme(dir, {label: "data/programme"});
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

describe("programme sheets: cases found by fuzzing", () => {
  // Seed 20250601, path 0:0:1:0:0:0:0:0:0:1:1:0:0:0:0:1:0:1:1:1:1 (kommunen.csv, every other line end CRLF).
  it("a sheet mixing CRLF and LF line ends: every row is read, none joined to its neighbour", () => {
    const mixed = (text: string) => text.split("\n").map((line, i) => (i % 2 === 0 && line !== "" ? `${line}\r` : line)).join("\n");
    const {data, problems} = readSheets({"kommunen.csv": mixed, "teilnahmen.csv": mixed});
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(data.municipalities.map((m) => m.id)).toEqual(["bochum", "berlin-mitte", "hannover", "kiel"]);
    expect(data.municipalities.map((m) => m.stages.contact)).toEqual(["2014-07-01", "2014-06-12", null, null]);
    expect(data.attendance).toHaveLength(5);
  });

  // Seed 20250601, path 75:0:0:0:0:1:4:3:1:1:2:2:1:1:1:1:1:1:2:1:3:1:2:2:3:3:3:3 (fachgruppen.csv, 100 KB of '"').
  it("a broken quote is reported and its row refused; the lines it swallowed are not read as one valid row", () => {
    const groups = "id;name\nmonitoring;\"Moni\"toring\nvielfalt;Vielfalt\n";
    const unclosed = "id;name\nmonitoring;Monitoring\nvielfalt;\"Vielfalt\nstadt;Stadt\n";
    const a = readSheets({"fachgruppen.csv": () => groups});
    expect(a.data.topicGroups).toEqual([]);
    expect(a.problems.filter((p) => p.file.endsWith("fachgruppen.csv")).map((p) => [p.line, p.field, p.expected])).toEqual([[2, "name", 'nach dem schließenden Anführungszeichen ";" oder das Zeilenende']]);
    const b = readSheets({"fachgruppen.csv": () => unclosed});
    expect(b.data.topicGroups.map((g) => g.id)).toEqual(["monitoring"]);
    expect(b.problems.filter((p) => p.file.endsWith("fachgruppen.csv")).map((p) => [p.line, p.field, p.expected])).toEqual([[3, "name", "ein schließendes Anführungszeichen"]]);
    // A quoted cell with a line break, ";" and "" stays one valid cell.
    const c = readSheets({"fachgruppen.csv": () => 'id;name\nmonitoring;"Moni;""tor""\ning"\n'});
    expect(c.problems.filter((p) => p.file.endsWith("fachgruppen.csv"))).toEqual([]);
    expect(c.data.topicGroups).toEqual([{id: "monitoring", name: 'Moni;"tor"\ning'}]);
  });
});

