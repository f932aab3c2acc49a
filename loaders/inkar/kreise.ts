/**
 * INKAR (BBSR Bonn) indicators for the 400 Kreise on current boundaries, in the wide
 * extract of the GERDA package: one row per Kreis and year, one column per indicator.
 * Returns long records; an empty cell is "not published", never 0.
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

export function readInkarWide(path: string, label: string, {keyColumn, yearColumn, columns}: InkarReadOptions): InkarValue[] {
  const out: InkarValue[] = [];
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
      if (value !== null) out.push({column, region, year, value, line});
    }
  }
  return out;
}
