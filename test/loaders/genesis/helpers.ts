/**
 * Shared helpers for the GENESIS parser tests: where the real fixture files are, and a collector
 * that runs the parser and keeps everything it emits.
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe} from "vitest";
import {parseGenesisFile, parseGenesisStream, type ByteSource} from "../../../loaders/genesis/index.ts";
import type {GenesisRecord, ParseHeader, ParseSummary, SetAsideRow} from "../../../loaders/genesis/types.ts";

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)));
/** The real server responses, outside the repository (see its SOURCES.md). */
export const fixtureDir = resolve(repoRoot, "../shared/fixtures/genesis");
const present = existsSync(fixtureDir);
if (!present && !process.env.CI) console.warn(`GENESIS-Fixtures fehlen (${fixtureDir}): Tests mit echten Dateien übersprungen`);

/** describe() for tests on the real files: skipped when the folder is absent, but run (and failing) under CI. */
export const describeFixtures = present || process.env.CI ? describe : describe.skip;

export function fixture(name: string): string {
  return join(fixtureDir, name);
}

export interface Collected {
  summary: ParseSummary;
  header: ParseHeader | undefined;
  records: GenesisRecord[];
  setAside: SetAsideRow[];
}

function collector() {
  const records: GenesisRecord[] = [];
  const setAside: SetAsideRow[] = [];
  let header: ParseHeader | undefined;
  const handlers = {
    onHeader: (h: ParseHeader) => {
      if (header) throw new Error("onHeader twice");
      header = h;
    },
    onRecord: (r: GenesisRecord) => {
      if (!header) throw new Error("record before header");
      records.push(r);
    },
    onSetAside: (row: SetAsideRow) => setAside.push(row)
  };
  return {handlers, result: (summary: ParseSummary): Collected => ({summary, header, records, setAside})};
}

export async function collectFile(path: string): Promise<Collected> {
  const c = collector();
  return c.result(await parseGenesisFile(path, c.handlers));
}

/** Parses text or bytes named `file` (default "t.csv"), optionally cut into chunks of `chunkSize` bytes. */
export async function collect(input: string | Uint8Array | ByteSource, file = "t.csv", chunkSize?: number): Promise<Collected> {
  const c = collector();
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const source = bytes instanceof Uint8Array ? (chunkSize ? chunks(bytes, chunkSize) : [bytes]) : bytes;
  return c.result(await parseGenesisStream(source, {file, ...c.handlers}));
}

export function chunks(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** The message of the error a parse throws (fails the test if it does not throw). */
export async function parseError(input: string | Uint8Array, file = "t.csv"): Promise<string> {
  try {
    await collect(input, file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the parse to fail");
}

export function find(records: GenesisRecord[], match: Partial<Omit<GenesisRecord, "dimensions">> & {dimensions?: Record<string, string>}): GenesisRecord {
  const found = records.filter(
    (r) =>
      (Object.keys(match) as (keyof GenesisRecord)[]).every((key) => (key === "dimensions" ? JSON.stringify(r.dimensions) === JSON.stringify(match.dimensions) : r[key] === match[key]))
  );
  if (found.length !== 1) throw new Error(`expected one record for ${JSON.stringify(match)}, found ${found.length}`);
  return found[0]!;
}

export function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** A v5 (since 2025) ffcsv header and row builder for small inline inputs. */
export const V5_HEADER =
  "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label";

export function v5Row({value = "123", region = "05315", name = "Köln, kreisfreie Stadt", sex = "GESM", time = "2024-12-31", unit = "Anzahl", variable = "BEVSTD"} = {}): string {
  return `12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;${time};KREISE;Kreise und kreisfreie Städte;${region};${name};GES;Geschlecht;${sex};männlich;${value};${unit};${variable};Bevölkerungsstand`;
}

export function v5(...rows: string[]): string {
  return [V5_HEADER, ...rows].join("\n") + "\n";
}

export const LEGACY_HEADER =
  "Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;2_Merkmal_Code;2_Merkmal_Label;2_Auspraegung_Code;2_Auspraegung_Label;BEVSTD__Bevoelkerungsstand__Anzahl";

export function legacyRow({value = "123", region = "05315", name = "      Köln, kreisfreie Stadt", sex = "GESM", time = "31.12.2022"} = {}): string {
  return `12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;${time};KREISE;Kreise und kreisfreie Städte;${region};${name};GES;Geschlecht;${sex};männlich;${value}`;
}

export function legacy(...rows: string[]): string {
  return [LEGACY_HEADER, ...rows].join("\n") + "\n";
}

/** A small table-layout file: two value columns with a unit row. */
export function table(rows: string[], {footer = true} = {}): string {
  return [
    "GENESIS-Tabelle: 21111-02-06-4",
    "Absolventen/Abgänger;;;;",
    ";;;Schulabschluss;Schulabschluss",
    ";;;Insgesamt;weiblich",
    ";;;Anzahl;Anzahl",
    ...rows,
    ...(footer ? ["__________", '"Fußnote; mit Semikolon', 'über zwei Zeilen"', "Stand: 24.02.2018 / 11:43:46"] : [])
  ].join("\n") + "\n";
}
