/**
 * The programme's spreadsheets (CSV exports, `;`-separated, dates TT.MM.JJJJ): file names,
 * the fixed vocabularies and one zod schema per row. data/programme/README.md documents the
 * same templates for the people who keep the sheets.
 */
import {z} from "zod";

export const SHEETS = {
  municipalities: "kommunen.csv",
  events: "veranstaltungen.csv",
  attendance: "teilnahmen.csv",
  topicGroups: "fachgruppen.csv",
  modules: "module.csv",
  /** Published milestones (date, text, source): annotations on the growth chart. */
  milestones: "meilensteine.csv",
  /** One row per sheet: the date it was exported. */
  stand: "stand.csv"
} as const;

export type SheetKey = Exclude<keyof typeof SHEETS, "stand" | "milestones">;
export const DATED_SHEETS: SheetKey[] = ["municipalities", "events", "attendance", "topicGroups", "modules"];

export const MUNICIPALITY_TYPES = ["kreisfreie Stadt", "Berliner Bezirk", "kreisangehörige Stadt", "sonstige"] as const;
export const EVENT_TYPES = ["Auftaktveranstaltung", "Kommunalsalon", "Analyseworkshop", "Fortbildung", "Fachgruppentreffen", "Exkursion"] as const;
export const ORGANISATION_TYPES = ["Kommune", "Wissenschaft", "Stiftung", "Verband", "Land/Bund", "Sonstige"] as const;
export const DEPARTMENTS = ["Jugend", "Schule", "Koordinierung Bildung", "Stabsstelle Oberbürgermeister", "Stadtentwicklung", "Soziales", "Sonstige"] as const;
/** The three locations of the Transferagenturen für Großstädte. */
export const AGENCIES = ["Berlin", "Bremen", "Hamburg"] as const;

export type MunicipalityType = (typeof MUNICIPALITY_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type Department = (typeof DEPARTMENTS)[number];
export type Agency = (typeof AGENCIES)[number];

/** The stages a municipality passes, in order; `column` is the date column in kommunen.csv. */
export const STAGES = [
  {key: "contact", column: "erstkontakt", label: "Erstkontakt"},
  {key: "analysis", column: "analyseworkshop", label: "Analyseworkshop"},
  {key: "agreement", column: "vereinbarung", label: "Vereinbarung"},
  {key: "training", column: "erste_fortbildung", label: "Fortbildung"},
  {key: "topic_group", column: "fachgruppe", label: "Fachgruppe"}
] as const;
export type StageKey = (typeof STAGES)[number]["key"];

/** Berlin's twelve districts, keys as in the Regionaldatenbank: 11001001 Mitte … 11012012 Reinickendorf. */
export const BERLIN_DISTRICT_KEYS: readonly string[] = Array.from({length: 12}, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  return `110${n}0${n}`;
});

/** "28.08.2015" or "2015-08-28" → "2015-08-28"; null for anything that is not a calendar date. */
export function parseSheetDate(text: string): string | null {
  const t = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = german ? [german[3]!, german[2]!, german[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (y === undefined) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** "2015-08-28" → "28.08.2015", for messages. */
export function germanDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

const DATE_EXPECTED = "ein Datum TT.MM.JJJJ";

const text = (expected: string) => z.string().trim().min(1, {error: expected});
const optionalText = z.string().trim().transform((t) => (t === "" ? null : t));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, {error: `einer von: ${values.join(", ")}`});
const yesNo = z.string().trim().toLowerCase().pipe(z.enum(["ja", "nein"], {error: "ja oder nein"})).transform((v) => v === "ja");
const date = z.string().transform((t, ctx) => {
  const parsed = parseSheetDate(t);
  if (parsed === null) {
    ctx.addIssue({code: "custom", message: DATE_EXPECTED, input: t});
    return z.NEVER;
  }
  return parsed;
});
const optionalDate = z.string().transform((t, ctx) => {
  if (t.trim() === "") return null;
  const parsed = parseSheetDate(t);
  if (parsed === null) {
    ctx.addIssue({code: "custom", message: `${DATE_EXPECTED} oder leer`, input: t});
    return z.NEVER;
  }
  return parsed;
});
const id = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {error: "eine ID aus Buchstaben, Ziffern, - und _"});
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().trim().pipe(z.union([z.literal("").transform(() => null), oneOf(values)], {error: `leer oder einer von: ${values.join(", ")}`}));

export const municipalityRow = z.object({
  id,
  name: text("ein Name"),
  typ: oneOf(MUNICIPALITY_TYPES),
  regionalschluessel: z.string().trim().regex(/^(\d{2}|\d{5}|\d{8})$/, {error: "ein Regionalschlüssel mit 2, 5 oder 8 Ziffern"}),
  foerderfaehig: yesNo,
  begruendung: text("eine Begründung der Förderfähigkeit"),
  agentur: optionalEnum(AGENCIES),
  erstkontakt: optionalDate,
  analyseworkshop: optionalDate,
  vereinbarung: optionalDate,
  erste_fortbildung: optionalDate,
  fachgruppe: optionalDate
});

export const eventRow = z.object({
  id,
  typ: oneOf(EVENT_TYPES),
  datum: date,
  gastgeber: id,
  titel: text("ein Titel"),
  modul: optionalText,
  fachgruppe: optionalText,
  abgesagt: yesNo,
  /** The organising agency; not the host (Hamburg hosts events but belongs to no agency). */
  agentur: oneOf(AGENCIES)
});

export const attendanceRow = z.object({
  veranstaltung: id,
  name: z.string(),
  email: z.string().trim().regex(/^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$/, {error: "eine E-Mail-Adresse (zählt verschiedene Personen)"}),
  telefon: z.string().optional(),
  organisation: oneOf(ORGANISATION_TYPES),
  kommune: optionalText,
  bereich: optionalEnum(DEPARTMENTS)
});

export const topicGroupRow = z.object({id, name: text("ein Name")});
export const milestoneRow = z.object({datum: date, text: text("ein Text"), quelle: text("die Quelle (wer hat es wann veröffentlicht)")});
export const moduleRow = z.object({id, nummer: z.string().trim().regex(/^[1-9]\d*$/, {error: "eine Modulnummer (1, 2, …)"}).transform(Number), name: text("ein Name")});
/** `hinweis` (optional column): a note every page showing the data repeats, e.g. that it is example data. */
export const standRow = z.object({liste: z.string().trim(), exportiert_am: date, hinweis: z.string().trim().optional()});

/** The columns each sheet must have (telefon is optional in teilnahmen.csv). */
export const REQUIRED_COLUMNS: Record<keyof typeof SHEETS, string[]> = {
  municipalities: Object.keys(municipalityRow.shape),
  events: Object.keys(eventRow.shape),
  attendance: Object.keys(attendanceRow.shape).filter((c) => c !== "telefon"),
  topicGroups: Object.keys(topicGroupRow.shape),
  modules: Object.keys(moduleRow.shape),
  milestones: Object.keys(milestoneRow.shape),
  stand: Object.keys(standRow.shape).filter((c) => c !== "hinweis")
};
