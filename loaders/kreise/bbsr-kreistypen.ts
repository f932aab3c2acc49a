/** BBSR "Siedlungsstrukturelle Kreistypen 2020", tidy CSV (400 Kreise, UTF-8). */
import {z} from "zod";
import {readCsvFile, validateRow} from "../common/csv.ts";

const rowSchema = z.object({
  ags: z.string().regex(/^\d{5}$/, "5-stelliger Kreisschlüssel mit führender Null"),
  kreistyp_id: z.enum(["1", "2", "3", "4"], "Kreistyp 1–4"),
  kreistyp_name: z.string().min(1)
});

export interface BbsrKreistyp {
  ags: string;
  kreistyp_id: number;
  kreistyp_name: string;
}

export function readBbsrKreistypen(path: string, label = path): BbsrKreistyp[] {
  return readCsvFile(path, label, {required: ["ags", "kreistyp_id", "kreistyp_name"]}).map(({line, fields}) => {
    const row = validateRow(rowSchema, fields, label, line);
    return {ags: row.ags, kreistyp_id: Number(row.kreistyp_id), kreistyp_name: row.kreistyp_name};
  });
}
