/**
 * The extract of Regionaldatenbank table 12411-02-03-4 (population by age group on 31.12.2023
 * and 31.12.2024, Zensus-2022 basis) made by another project: UTF-8, `;`, columns
 * `jahr;region_code;region;ebene;bundesland_code;altersgruppe;insgesamt;maennlich;weiblich`,
 * `-`/`.` already turned into empty cells (SOURCES.md §6). Only `insgesamt` is used.
 */
import {z} from "zod";
import {readCsvFile} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export const AGE_GROUPS = [
  "unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 10 Jahre", "10 bis unter 15 Jahre", "15 bis unter 18 Jahre", "18 bis unter 20 Jahre",
  "20 bis unter 25 Jahre", "25 bis unter 30 Jahre", "30 bis unter 35 Jahre", "35 bis unter 40 Jahre", "40 bis unter 45 Jahre", "45 bis unter 50 Jahre",
  "50 bis unter 55 Jahre", "55 bis unter 60 Jahre", "60 bis unter 65 Jahre", "65 bis unter 75 Jahre", "75 Jahre und mehr", "Insgesamt"
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

const rowSchema = z.object({
  jahr: z.string().regex(/^\d{4}$/, "Jahr JJJJ"),
  region_code: z.string().regex(/^(DG|\d{2}|\d{3}|\d{5})$/, "Regionalschlüssel (DG, Land, Regierungsbezirk oder Kreis)"),
  region: z.string().min(1, "Regionsname"),
  ebene: z.enum(["DE", "BL", "RB", "KR"]),
  altersgruppe: z.enum(AGE_GROUPS),
  insgesamt: z.string().regex(/^\d*$/, "Anzahl ohne Trennzeichen oder leer")
});

export interface PopulationByAge {
  /** Reference date 31.12. of this year. */
  year: string;
  region: string;
  name: string;
  level: "DE" | "BL" | "RB" | "KR";
  /** Line of the row "Insgesamt" (for the report). */
  line: number;
  /** Persons per age group; null where the extract has an empty cell. */
  counts: Map<AgeGroup, number | null>;
}

export function readBevoelkerungExtract(path: string, label: string): PopulationByAge[] {
  const rows = readCsvFile(path, label, {delimiter: ";", required: ["jahr", "region_code", "region", "ebene", "altersgruppe", "insgesamt"]});
  const out = new Map<string, PopulationByAge>();
  for (const row of rows) {
    const parsed = rowSchema.safeParse(row.fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? "");
      throw new InputError({file: label, line: row.line, field}, issue.message, row.fields[field] ?? "");
    }
    const r = parsed.data;
    const key = `${r.region_code}|${r.jahr}`;
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = {year: r.jahr, region: r.region_code, name: r.region, level: r.ebene, line: row.line, counts: new Map()}));
    if (entry.counts.has(r.altersgruppe)) throw new InputError({file: label, line: row.line, field: "altersgruppe"}, `jede Altersgruppe einmal je Region und Jahr (${r.region_code} ${r.jahr})`, r.altersgruppe);
    entry.counts.set(r.altersgruppe, r.insgesamt === "" ? null : Number(r.insgesamt));
    if (r.altersgruppe === "Insgesamt") entry.line = row.line;
  }
  for (const entry of out.values()) {
    const missing = AGE_GROUPS.filter((g) => !entry.counts.has(g));
    if (missing.length > 0) throw new InputError({file: label, line: entry.line, field: "altersgruppe"}, `alle ${AGE_GROUPS.length} Altersgruppen für ${entry.region} ${entry.year}`, `fehlt: ${missing.join(", ")}`);
    const parts = AGE_GROUPS.filter((g) => g !== "Insgesamt").map((g) => entry.counts.get(g));
    const total = entry.counts.get("Insgesamt");
    if (parts.every((p) => p !== null) && total !== null && parts.reduce((a, b) => a! + b!, 0) !== total) {
      throw new InputError({file: label, line: entry.line, field: "insgesamt"}, `Summe der Altersgruppen = Insgesamt für ${entry.region} ${entry.year}`, String(total));
    }
  }
  return [...out.values()];
}
