/**
 * INKAR (BBSR Bonn) indicators for the 400 Kreise on current boundaries, in the wide
 * extract of the GERDA package: one row per Kreis and year, one column per indicator.
 * Returns long records; an empty cell is "not published", never 0. Within the years a column
 * has values at all, an empty cell is a gap that coverage must count (inkarGaps).
 */
import {parseDecimal, readCsvFile} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export interface InkarValue {
  column: string;
  region: string;
  year: number;
  value: number;
  line: number;
}

export interface InkarReadOptions {
  /** Key column and year column, which differ between the two INKAR extracts. */
  keyColumn: string;
  yearColumn: string;
  /** Only these value columns are read; each must exist. */
  columns: readonly string[];
}

export type InkarCell = Omit<InkarValue, "value"> & {value: number | null};

/** The published values only. */
export function readInkarWide(path: string, label: string, options: InkarReadOptions): InkarValue[] {
  return readInkarCells(path, label, options).filter((c): c is InkarValue => c.value !== null);
}

/** Every cell of the chosen columns, an empty one with value null. */
export function readInkarCells(path: string, label: string, {keyColumn, yearColumn, columns}: InkarReadOptions): InkarCell[] {
  const out: InkarCell[] = [];
  const seen = new Set<string>();
  for (const {line, fields} of readCsvFile(path, label, {required: [keyColumn, yearColumn, ...columns]})) {
    const region = fields[keyColumn]!;
    if (!/^\d{5}$/.test(region)) throw new InputError({file: label, line, field: keyColumn}, "5-stelliger Kreisschlüssel", region);
    const year = Number(fields[yearColumn]);
    if (!/^(19|20)\d{2}$/.test(fields[yearColumn]!)) throw new InputError({file: label, line, field: yearColumn}, "eine Jahreszahl", fields[yearColumn]);
    const key = `${region}|${year}`;
    if (seen.has(key)) throw new InputError({file: label, line, field: keyColumn}, `jede Kombination aus Kreis und Jahr nur einmal`, key);
    seen.add(key);
    for (const column of columns) {
      const value = parseDecimal(fields[column]!, label, line, column);
      out.push({column, region, year, value, line});
    }
  }
  return out;
}

/**
 * The empty cells inside a column's series: years from the first to the last with any value.
 * Before a series starts (childcare before 2006) an empty cell is no gap, the indicator just
 * did not exist; inside it, an empty cell is a Kreis and year the source left blank.
 */
export function inkarGaps(cells: InkarCell[]): InkarCell[] {
  const span = new Map<string, {first: number; last: number}>();
  for (const c of cells) {
    if (c.value === null) continue;
    const s = span.get(c.column);
    if (!s) span.set(c.column, {first: c.year, last: c.year});
    else {
      s.first = Math.min(s.first, c.year);
      s.last = Math.max(s.last, c.year);
    }
  }
  return cells.filter((c) => {
    const s = span.get(c.column);
    return c.value === null && s !== undefined && c.year >= s.first && c.year <= s.last;
  });
}
