/**
 * What the layout readers share: counting, the callbacks, duplicate keys and the error helpers.
 */
import {InputError} from "../common/errors.ts";
import {DuplicateKeys, KeyHasher} from "./keys.ts";
import type {RowTarget} from "./split.ts";
import type {GenesisLayout, GenesisRecord, ParseHandlers, ParseHeader, ParseOptions, SetAsideRow} from "./types.ts";

/** A layout reader: gets every row, then end() with the number of physical lines. */
export interface RowHandler extends RowTarget {
  end(lines: number): void;
  /** True once the reader is past the data (table footnotes), where malformed quotes don't matter. */
  readonly inFooter?: boolean;
}

export class RecordSink {
  table = "";
  records = 0;
  dataRows = 0;
  recordRows = 0;
  setAsideRows = 0;
  headerLines = 0;
  footerLines = 0;
  readonly setAside: SetAsideRow[] = [];
  readonly hasher = new KeyHasher();
  private readonly keys = new DuplicateKeys();
  private header: ParseHeader | undefined;

  constructor(
    readonly file: string,
    readonly layout: GenesisLayout,
    private readonly handlers: ParseHandlers & Pick<ParseOptions, "regionExisted">
  ) {}

  /** Whether an all-`-` row of this region and period is a region that did not exist (set aside) rather than zeros. */
  dashRowIsAbsentRegion(region: string, period: string): boolean {
    return this.handlers.regionExisted?.(region, period) !== true;
  }

  get started(): boolean {
    return this.header !== undefined;
  }

  /** Announces the header once; records may follow. */
  begin(dimensions: string[], variables: string[]): void {
    if (this.header) return;
    this.header = {file: this.file, layout: this.layout, table: this.table, dimensions, variables};
    this.handlers.onHeader?.(this.header);
  }

  emit(record: GenesisRecord): void {
    this.records++;
    this.handlers.onRecord?.(record);
  }

  putAside(row: SetAsideRow): void {
    if (row.reason !== "footnotes") this.setAsideRows++;
    this.setAside.push(row);
    this.handlers.onSetAside?.(row);
  }

  get keyCount(): number {
    return this.keys.size;
  }

  reserveKeys(count: number): void {
    this.keys.reserve(count);
  }

  /**
   * Registers the key hashed into `hasher` since its last reset(). Returns 0 for a new key, else
   * the line where it was first seen (then throw duplicateKey()). No callback: a closure per row
   * would cost an allocation on the hot path.
   */
  firstLineOfKey(line: number): number {
    return this.keys.add(this.hasher.h1, this.hasher.h2, line);
  }

  duplicateKey(line: number, field: string, first: number, key: string): InputError {
    return new InputError({file: this.file, line, field}, `eindeutiger Schlüssel aus Tabelle, Zeit, Region, Variable und Merkmalen (schon in Zeile ${first})`, key);
  }

  fieldCount(line: number, count: number, expected: number, names: readonly string[]): InputError {
    // A header cell may be empty: then the column is named by its number, never as "".
    const named = names[count]?.trim() ? names[count]! : `Spalte ${count + 1}`;
    const field = count < expected ? named : `Spalte ${expected + 1}`;
    return new InputError({file: this.file, line, field}, `${expected} Felder wie im Kopf`, `${count} Felder`);
  }
}

/** Column positions of a header, by name. */
/**
 * Column positions by name. A name twice would leave the second column unread (or read the
 * same variable twice), so it is refused, naming both positions; empty names are left to the
 * layout's own rules.
 */
export function columnIndex(header: readonly string[], file: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const first = index.get(name);
    if (first !== undefined && name !== "") {
      throw new InputError({file, line: 1, field: name}, "jeder Spaltenname einmal im Kopf", `Spalte ${first + 1} und Spalte ${i + 1}`);
    }
    if (first === undefined) index.set(name, i);
  });
  return index;
}

/** Throws when required columns are missing, naming all of them. */
export function requireColumns(index: Map<string, number>, required: readonly string[], file: string, what: string): void {
  const missing = required.filter((name) => !index.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(", ");
    throw new InputError({file, line: 1, field: missing[0]}, `${missing.length === 1 ? "Pflichtspalte" : "Pflichtspalten"} ${list} im Kopf (${what})`, "fehlt");
  }
}

/** Regional variables of GENESIS: their attribute code is the region key. */
export const REGIONAL_VARIABLES: ReadonlySet<string> = new Set(["DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVB"]);

/** Formats a key for a duplicate-key message. */
export function describeKey(period: string, region: string, variable: string, dimensions: Record<string, string>): string {
  const dims = Object.entries(dimensions).map(([code, value]) => `${code}=${value}`);
  return [period, region, variable, ...dims].join(" | ");
}
