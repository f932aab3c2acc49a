/**
 * Destatis GV-ISys "Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und
 * Bevölkerungsdichte", Gebietsstand 31.12.2021, in its tidy CSV form (400 Kreise).
 */
import {z} from "zod";
import {parseDecimal, readCsvFile, validateRow} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export interface KreisMetadata {
  ags: string;
  name: string;
  kreistyp: string;
  kreisfrei: boolean;
  land_ags: string;
  land_name: string;
  area_km2: number;
  population: number;
}

const COLUMNS = ["ags", "name", "kreistyp", "kreisfrei", "land_ags", "land_name", "flaeche_km2", "bevoelkerung"] as const;

const rowSchema = z.object({
  ags: z.string().regex(/^\d{5}$/, "5-stelliger Kreisschlüssel mit führender Null"),
  name: z.string().min(1, "ein Name"),
  kreistyp: z.enum(["Kreisfreie Stadt", "Stadtkreis", "Landkreis", "Kreis", "Regionalverband"], "einer der Kreistypen des GV-ISys"),
  kreisfrei: z.enum(["ja", "nein"], "ja oder nein"),
  land_ags: z.string().regex(/^(0[1-9]|1[0-6])$/, "Landesschlüssel 01–16"),
  land_name: z.string().min(1)
});

export function readKreisMetadata(path: string, label = path): KreisMetadata[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: COLUMNS}).map(({line, fields}) => {
    const row = validateRow(rowSchema, fields, label, line);
    if (!row.ags.startsWith(row.land_ags)) throw new InputError({file: label, line, field: "land_ags"}, `Land passend zum Kreisschlüssel ${row.ags}`, row.land_ags);
    if (seen.has(row.ags)) throw new InputError({file: label, line, field: "ags"}, "jeden Kreis nur einmal", row.ags);
    seen.add(row.ags);
    const area = parseDecimal(fields.flaeche_km2!, label, line, "flaeche_km2");
    const population = parseDecimal(fields.bevoelkerung!, label, line, "bevoelkerung");
    if (area === null || area <= 0) throw new InputError({file: label, line, field: "flaeche_km2"}, "eine Fläche größer 0", fields.flaeche_km2);
    if (population === null || !Number.isInteger(population)) throw new InputError({file: label, line, field: "bevoelkerung"}, "eine ganze Zahl", fields.bevoelkerung);
    return {ags: row.ags, name: row.name, kreistyp: row.kreistyp, kreisfrei: row.kreisfrei === "ja", land_ags: row.land_ags, land_name: row.land_name, area_km2: area, population};
  });
}
