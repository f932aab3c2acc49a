/**
 * The oracle of the GENESIS fuzz test (test/fuzz/genesis.test.ts), also used by the regression
 * cases: runs the parser on bytes and checks the outcome against the input.
 *
 * Allowed outcomes:
 * - a parse: every data row is accounted for (records' rows + rows set aside = data rows, and
 *   the data rows are the rows a reference splitter finds), and every value returned occurs in
 *   the input (numbers in German or English notation, keys, periods, labels), and no key is
 *   returned twice;
 * - an InputError naming the file and a line (1 ≤ line ≤ lines + 1) and, for problems of a
 *   field, the field (WITHOUT_FIELD lists the problems that concern a line or the file, not a
 *   field). Without a line only the container problems of a zip archive (no CSV member, a second
 *   one, cut off, corrupt, wrong checksum): they concern the whole file.
 * Any other exception is a failure.
 */
import {expect} from "vitest";
import {InputError} from "../../../loaders/common/errors.ts";
import {parseGenesisStream} from "../../../loaders/genesis/index.ts";
import type {GenesisRecord, ParseSummary, SetAsideRow} from "../../../loaders/genesis/types.ts";
import {chunk, countLines, decodeLikeParser} from "./mutate.ts";
import {referenceRows} from "./reference-csv.ts";

/** The expectations of InputErrors without a line: the zip container, a problem of the whole file. */
export const EXPECTED_ZIP = "vollständiges ZIP-Archiv mit genau einer CSV-Datei";
/**
 * InputErrors that name a line but no field, because the problem is not in one field: bytes that
 * are not text, the kind of file, the structure of the header block, a line whose quoting is
 * broken at its end, the delimiter. Everything else must name its field.
 */
export const WITHOUT_FIELD = [
  /^Text in UTF-8 oder Windows-1252/,
  /^gültiges UTF-8/,
  /^GENESIS-CSV \(ffcsv/,
  /^CSV-Daten, keine (HTML-Seite|JSON-Antwort|Statusmeldung)/,
  /^Feldtrenner ";"$/,
  /^Spaltenkopfzeilen/,
  /^Spaltenköpfe mit drei leeren Vorspalten/,
  /^\d+ Felder wie die erste Spaltenkopfzeile$/,
  /^mindestens eine Wertespalte/
];

export interface Parsed {
  summary: ParseSummary;
  records: GenesisRecord[];
  setAside: SetAsideRow[];
  headers: number;
}

/** Small inputs may go byte by byte; big ones in chunks of at least 1/256 of their size (keeps the run time flat). */
function effectiveChunk(size: number, bytes: number): number {
  return Math.max(size, Math.ceil(bytes / 256));
}

export async function runParser(input: Uint8Array, file: string, chunkSize: number): Promise<Parsed> {
  const records: GenesisRecord[] = [];
  const setAside: SetAsideRow[] = [];
  let headers = 0;
  const summary = await parseGenesisStream(chunk(input, effectiveChunk(chunkSize, input.length)), {
    file,
    onHeader: () => void headers++,
    onRecord: (r) => void records.push(r),
    onSetAside: (r) => void setAside.push(r)
  });
  return {summary, records, setAside, headers};
}

/** A cheap assertion for the per-value checks (vitest's expect costs ~10 µs a call). */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/**
 * Every finite number written in the text, in German or English notation ("-12", "191,67",
 * "191.67"): a value the parser returns must be one of them (a value of 100,000 digits is not).
 */
function numbersIn(text: string): Set<number> {
  const numbers = new Set<number>();
  for (const match of text.matchAll(/-?\d+(?:[.,]\d+)?/g)) {
    const value = Number(match[0].replace(",", "."));
    if (Number.isFinite(value)) numbers.add(value);
  }
  return numbers;
}

function occurs(text: string, needle: string): boolean {
  return needle === "" || text.includes(needle);
}

/** "2022-12-31" may come from "31.12.2022". */
function periodOccurs(text: string, period: string): boolean {
  if (occurs(text, period)) return true;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  return iso !== null && text.includes(`${iso[3]}.${iso[2]}.${iso[1]}`);
}

/** Asserts the outcome of one parse (or its error) against the input. */
export function checkOutcome(csv: Uint8Array, file: string, outcome: {parsed: Parsed} | {error: unknown}, zipped: boolean, damagedZip = false): void {
  if ("error" in outcome) {
    const error = outcome.error;
    if (!(error instanceof InputError)) throw error;
    check(error.file.startsWith(file), `Datei im Fehler: ${error.message}`);
    if (error.line === undefined) {
      check(zipped && error.expected === EXPECTED_ZIP, `Fehler ohne Zeile, der nicht das ZIP-Archiv betrifft: ${error.message}`);
      return;
    }
    // A damaged archive may inflate to other text than `csv` (the CRC check comes at its end).
    if (!damagedZip) check(Number.isInteger(error.line) && error.line >= 1 && error.line <= countLines(csv) + 1, `Zeile ${error.line} außerhalb der Datei (${countLines(csv)} Zeilen): ${error.message}`);
    if (error.field === undefined) {
      check(WITHOUT_FIELD.some((pattern) => pattern.test(error.expected)), `Fehler ohne Feld: ${error.message}`);
    } else {
      expect(error.field, `leeres Feld im Fehler: ${error.message}`).not.toBe("");
    }
    return;
  }

  const {summary, records, setAside, headers} = outcome.parsed;
  expect(headers, "onHeader genau einmal").toBe(1);
  expect(summary.records).toBe(records.length);
  expect(summary.recordRows + summary.setAsideRows, "Datenzeilen = Zeilen mit Datensätzen + beiseitegelegte").toBe(summary.dataRows);
  expect(setAside.filter((r) => r.reason !== "footnotes").length).toBe(summary.setAsideRows);
  expect(summary.setAside).toEqual(setAside);
  expect(summary.headerOnly).toBe(summary.dataRows === 0);
  if (summary.recordRows === 0) expect(records).toEqual([]);
  else expect(records.length).toBeGreaterThanOrEqual(summary.recordRows);

  const text = decodeLikeParser(csv, summary.encoding).replace(/^\uFEFF/, "");
  const reference = referenceRows(text);
  const lines = reference.lines;
  for (const row of setAside) check(row.line >= 1 && row.line + row.lines - 1 <= lines + 1, `beiseitegelegte Zeile ${row.line} in der Datei`);

  // Data rows counted by the reference splitter.
  if (!reference.malformed) {
    let dataRows: number;
    if (summary.layout === "table") {
      const footnotes = setAside.find((r) => r.reason === "footnotes");
      const footerStart = footnotes ? footnotes.line : Number.POSITIVE_INFINITY;
      dataRows = reference.rows.filter((r, i) => i >= summary.headerLines && r.line < footerStart && !(r.fields.length === 1 && r.fields[0]!.trim() === "")).length;
    } else {
      dataRows = reference.rows.filter((r, i) => i >= 1 && !(r.fields.length === 1 && r.fields[0] === "")).length;
    }
    expect(summary.dataRows, "Datenzeilen laut Referenz-Zerleger").toBe(dataRows);
  }

  // Every value returned occurs in the input. Distinct values are checked once (fast on 100 KB inputs).
  const numbers = numbersIn(text);
  const strings = new Map<string, string>();
  const want = (what: string, value: string) => {
    if (value !== "" && !strings.has(value)) strings.set(value, what);
  };
  const periods = new Set<string>();
  for (const r of records) {
    if (r.value !== null && !(r.value === 0 && r.flag === "-")) check(numbers.has(r.value), `Wert ${r.value} steht nicht in der Eingabe`);
    // A count is a whole number: "47.123" of unit Anzahl read as 47.123 people would be a wrong number with exit 0.
    if (r.value !== null && r.unit === "Anzahl") check(Number.isInteger(r.value), `Anzahl ${r.value} ist keine ganze Zahl`);
    if (r.flag !== null && r.flag !== "()") want("Kennzeichen", r.flag);
    // The flag agrees with the value: "-" is exactly zero, ". ... / x" carry no number.
    if (r.flag === "-") check(r.value === 0, `Kennzeichen "-" neben ${r.value}`);
    if (r.flag === "." || r.flag === "..." || r.flag === "/" || r.flag === "x") check(r.value === null, `Kennzeichen "${r.flag}" neben ${r.value}`);
    periods.add(r.period);
    want("Region", r.region);
    want("Regionsname", r.region_name);
    if (!file.includes(r.table)) want("Tabelle", r.table);
    if (summary.layout === "table") {
      if (!/^Spalte \d+$/.test(r.variable)) for (const part of r.variable.split(" / ")) want("Spaltenbeschriftung", part);
      for (const v of Object.values(r.dimensions)) want("Vorspalte", v);
      want("Einheit", r.unit);
    } else {
      want("Variable", r.variable);
      for (const [code, attribute] of Object.entries(r.dimensions)) {
        want("Merkmal", code);
        want("Ausprägung", attribute);
      }
      if (!text.includes(r.unit.replaceAll(" ", "_"))) want("Einheit", r.unit);
    }
  }
  // One value per key: two records of the same table, period, region, variable and attributes
  // would be two different numbers for one cell (the same variable in two columns did that).
  const keys = new Set<string>();
  for (const r of records) {
    const key = JSON.stringify([r.table, r.period, r.region, r.variable, Object.entries(r.dimensions).sort()]);
    check(!keys.has(key), `Schlüssel doppelt ausgegeben: ${key}`);
    keys.add(key);
  }
  for (const period of periods) check(periodOccurs(text, period), `Zeitraum ${period}`);
  for (const [value, what] of strings) check(text.includes(value), `${what} ${JSON.stringify(value.slice(0, 80))} steht nicht in der Eingabe`);
}

