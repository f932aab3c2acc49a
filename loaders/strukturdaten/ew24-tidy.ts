/**
 * The tidy extract of the EW 2024 Strukturdaten (400 Kreis rows, decimal points, `–`/`.` → empty).
 * The importer reads the original file for all values; this extract is only compared with it.
 */
import {parseDecimal, readCsvFile} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export interface TidyStrukturdatenRow {
  line: number;
  ags: string;
  values: Record<string, number | null>;
}

export function readStrukturdatenTidy(path: string, label: string, columns: readonly string[]): TidyStrukturdatenRow[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: ["ags", ...columns]}).map(({line, fields}) => {
    const ags = fields.ags!;
    if (!/^\d{5}$/.test(ags)) throw new InputError({file: label, line, field: "ags"}, "5-stelliger Kreisschlüssel", ags);
    if (seen.has(ags)) throw new InputError({file: label, line, field: "ags"}, "jeden Kreis nur einmal", ags);
    seen.add(ags);
    const values: Record<string, number | null> = {};
    for (const column of columns) values[column] = parseDecimal(fields[column]!, label, line, column);
    return {line, ags, values};
  });
}
