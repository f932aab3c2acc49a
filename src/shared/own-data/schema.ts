/**
 * The template of "Eigene Daten" (docs/eigene-daten.md): columns and the zod schemas of one
 * data row and one metadata row. Each check's message is the "erwartet" part of the problem
 * the page and `kbm own check` show; the found value is the cell as written.
 */
import {z} from "zod";
import {readGermanNumber} from "./numbers.js";

export const DATA_COLUMNS = ["gebiet_id", "gebiet_name", "kennzahl", "jahr", "wert"] as const;
export const DATA_OPTIONAL = ["zaehler", "nenner", "hinweis"] as const;
export const META_COLUMNS = ["kennzahl", "name", "einheit", "definition", "quelle", "stichtag", "polaritaet"] as const;
export const META_REQUIRED = ["kennzahl", "name"] as const;

/** Special values as in official statistics: `.` secret, `-` nothing; empty means missing. */
export const OWN_FLAGS = {".": "geheim oder unbekannt", "-": "nichts vorhanden"} as const;
export type OwnFlag = keyof typeof OWN_FLAGS;

export const POLARITIES = {hoch_gut: "higher_better", hoch_schlecht: "higher_worse", neutral: "neutral"} as const;

export const EXPECT = {
  gebiet_id: "Gebietsschlüssel aus Buchstaben, Ziffern, _ . - (höchstens 40 Zeichen)",
  gebiet_name: "Name des Gebiets (1 bis 200 Zeichen)",
  kennzahl: "Kennzahl-ID aus Kleinbuchstaben, Ziffern und _ (z. B. sprachfoerderbedarf)",
  jahr: "Jahr mit vier Ziffern (1990 bis 2100)",
  wert: 'Zahl in deutscher Schreibweise (1.234,5), "." (geheim), "-" (nichts) oder leer',
  english: "Zahl mit Dezimalkomma (1.234,5); Zahlen mit Dezimalpunkt wie 1,234.5 sind mehrdeutig",
  excelDate: "Zahl mit Dezimalkomma; Excel hat die Zahl in ein Datum verwandelt (Zelle als Text oder Zahl formatieren)",
  count: "Anzahl als ganze Zahl ab 0 in deutscher Schreibweise oder leer",
  hinweis: "Hinweistext mit höchstens 500 Zeichen",
  name: "Name der Kennzahl (1 bis 200 Zeichen)",
  polaritaet: "hoch_gut, hoch_schlecht, neutral oder leer",
  text: "Text mit höchstens 1000 Zeichen"
} as const;

export interface ParsedValue {
  value: number | null;
  flag: OwnFlag | null;
  /** Decimals as written (for display). */
  decimals: number;
}

/** A cell with a German number, or the reason it is none (the message names the trap). */
function numberIssue(text: string, fallback: string): string | null {
  const reading = readGermanNumber(text);
  if (reading.kind === "number") return null;
  return reading.kind === "english" ? EXPECT.english : reading.kind === "excel-date" ? EXPECT.excelDate : fallback;
}

const valueCell = z.string().transform((text, ctx): ParsedValue => {
  const t = text.trim();
  if (t === "") return {value: null, flag: null, decimals: 0};
  if (t === "." || t === "-") return {value: null, flag: t, decimals: 0};
  const issue = numberIssue(t, EXPECT.wert);
  if (issue) {
    ctx.addIssue({code: "custom", message: issue});
    return z.NEVER;
  }
  const reading = readGermanNumber(t) as {value: number; decimals: number};
  return {value: reading.value, flag: null, decimals: reading.decimals};
});

const countCell = z.string().transform((text, ctx): number | null => {
  const t = text.trim();
  if (t === "") return null;
  const issue = numberIssue(t, EXPECT.count);
  const reading = readGermanNumber(t);
  if (issue || reading.kind !== "number" || reading.value < 0 || !Number.isInteger(reading.value)) {
    ctx.addIssue({code: "custom", message: issue ?? EXPECT.count});
    return z.NEVER;
  }
  return reading.value;
});

const textUpTo = (max: number, message: string) => z.string().transform((t) => t.trim()).pipe(z.string().max(max, message));

export const dataRowSchema = z.object({
  gebiet_id: z.string().trim().regex(/^[\p{L}\p{N}][\p{L}\p{N}_.\-]{0,39}$/u, EXPECT.gebiet_id),
  gebiet_name: z.string().trim().min(1, EXPECT.gebiet_name).max(200, EXPECT.gebiet_name),
  kennzahl: z.string().trim().regex(/^[a-z][a-z0-9_]{0,79}$/, EXPECT.kennzahl),
  jahr: z
    .string()
    .trim()
    .regex(/^\d{4}$/, EXPECT.jahr)
    .transform(Number)
    .pipe(z.number().min(1990, EXPECT.jahr).max(2100, EXPECT.jahr)),
  wert: valueCell,
  zaehler: countCell,
  nenner: countCell,
  hinweis: textUpTo(500, EXPECT.hinweis)
});
export type DataRowFields = z.output<typeof dataRowSchema>;

export const metaRowSchema = z.object({
  kennzahl: z.string().trim().regex(/^[a-z][a-z0-9_]{0,79}$/, EXPECT.kennzahl),
  name: z.string().trim().min(1, EXPECT.name).max(200, EXPECT.name),
  einheit: textUpTo(40, "Einheit mit höchstens 40 Zeichen (z. B. %, je 1.000 Kinder)"),
  definition: textUpTo(1000, EXPECT.text),
  quelle: textUpTo(300, "Quelle mit höchstens 300 Zeichen"),
  stichtag: textUpTo(40, "Stichtag mit höchstens 40 Zeichen (z. B. 31.12.2022 oder Schuljahr 2022/23)"),
  polaritaet: z
    .string()
    .trim()
    .refine((p) => p === "" || p in POLARITIES, EXPECT.polaritaet)
});
export type MetaRowFields = z.output<typeof metaRowSchema>;
