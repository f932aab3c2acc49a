/**
 * BBSR "Siedlungsstrukturelle Kreistypen 2020": the original download (ISO-8859-1, `;`,
 * 8-digit keys, 401 Kreise including 16056 Eisenach) and the tidy CSV derived from it
 * (UTF-8, 5-digit keys, 400 Kreise).
 */
import {z} from "zod";
import {readCsvFile, validateRow} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

const rowSchema = z.object({
  ags: z.string().regex(/^\d{5}$/, "5-stelliger Kreisschlüssel mit führender Null"),
  kreistyp_id: z.enum(["1", "2", "3", "4"], "Kreistyp 1–4"),
  kreistyp_name: z.string().min(1)
});

export interface BbsrKreistyp {
  ags: string;
  name?: string;
  kreistyp_id: number;
  kreistyp_name: string;
  /** 1-based line in the file. */
  line?: number;
}

export function readBbsrKreistypen(path: string, label = path): BbsrKreistyp[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: ["ags", "kreistyp_id", "kreistyp_name"]}).map(({line, fields}) => {
    const row = validateRow(rowSchema, fields, label, line);
    if (seen.has(row.ags)) throw new InputError({file: label, line, field: "ags"}, "jeden Kreis nur einmal", row.ags);
    seen.add(row.ags);
    return {ags: row.ags, kreistyp_id: Number(row.kreistyp_id), kreistyp_name: row.kreistyp_name, line};
  });
}

const ORIGINAL_COLUMNS = {
  key: "Kreise (2020) Kennziffer",
  name: "Kreise (2020) Name",
  typeId: "Siedlungsstruktureller Kreistyp (2020) Kennziffer",
  typeName: "Siedlungsstruktureller Kreistyp (2020) Name"
} as const;

const originalSchema = z.object({
  [ORIGINAL_COLUMNS.key]: z.string().regex(/^\d{5}000$/, "8-stellige Kennziffer (Kreisschlüssel + 000)"),
  [ORIGINAL_COLUMNS.name]: z.string().min(1, "ein Name"),
  [ORIGINAL_COLUMNS.typeId]: z.enum(["1", "2", "3", "4"], "Kreistyp 1–4"),
  [ORIGINAL_COLUMNS.typeName]: z.string().min(1, "ein Name des Kreistyps")
});

/** The original BBSR file as published: ISO-8859-1, `;`-separated, quoted, 8-digit keys. */
export function readBbsrKreistypenOriginal(path: string, label = path): BbsrKreistyp[] {
  const seen = new Set<string>();
  const rows = readCsvFile(path, label, {delimiter: ";", encoding: "windows-1252", required: Object.values(ORIGINAL_COLUMNS)});
  return rows.map(({line, fields}) => {
    const row = validateRow(originalSchema, fields, label, line);
    const ags = row[ORIGINAL_COLUMNS.key].slice(0, 5);
    if (seen.has(ags)) throw new InputError({file: label, line, field: ORIGINAL_COLUMNS.key}, "jeden Kreis nur einmal", row[ORIGINAL_COLUMNS.key]);
    seen.add(ags);
    return {ags, name: row[ORIGINAL_COLUMNS.name], kreistyp_id: Number(row[ORIGINAL_COLUMNS.typeId]), kreistyp_name: row[ORIGINAL_COLUMNS.typeName], line};
  });
}
