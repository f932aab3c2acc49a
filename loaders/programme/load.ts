/**
 * Reads the programme sheets (data/programme/*.csv) with papaparse, validates every row
 * with zod, cross-checks the sheets against each other and returns anonymised records.
 *
 * Every problem is collected, none is thrown on the way: `readProgramme` returns the
 * records of the valid rows together with the full list of problems (each an InputError
 * naming file, line and field), so `kbm check` can print them all. `loadProgramme` is the
 * strict entry for everything else: it refuses the sheets while any problem is left, so a
 * bad row is never dropped silently from a figure.
 *
 * Privacy: names, e-mail addresses and phone numbers are read only to tell people apart.
 * They never leave this module: a person becomes an integer (order of first appearance),
 * and columns the template does not know are not read at all.
 */
import {personalDataIn} from "./personal-data.ts";
import Papa from "papaparse";
import {existsSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import type {z} from "zod";
import {InputError} from "../common/errors.ts";
import {
  AGENCIES,
  BERLIN_DISTRICT_KEYS,
  DATED_SHEETS,
  REQUIRED_COLUMNS,
  SHEETS,
  STAGES,
  attendanceRow,
  eventRow,
  germanDate,
  milestoneRow,
  moduleRow,
  municipalityRow,
  standRow,
  topicGroupRow,
  type SheetKey
} from "./sheets.ts";
import type {Attendance, Milestone, Municipality, ProgrammeData, ProgrammeEvent, TopicGroup, TrainingModule} from "./types.ts";

export interface ReadOptions {
  /** How the folder is named in messages (default: the path as given). */
  label?: string;
  /** Region ids the statistics know (Länder, Kreise); when given, region keys are checked against them. */
  knownRegions?: ReadonlySet<string>;
  /** Today as an ISO date (the caller's clock, Europe/Berlin): an export date after it is refused. */
  today?: string;
}

export interface ReadResult {
  data: ProgrammeData;
  problems: InputError[];
}

/** The sheets have problems; the message lists every one. */
export class ProgrammeSheetsError extends Error {
  override name = "ProgrammeSheetsError";
  constructor(readonly problems: InputError[]) {
    super(`${problems.length} ${problems.length === 1 ? "Problem" : "Probleme"} in den Programmlisten (Details: kbm check):\n${problems.map((p) => `  ${p.message}`).join("\n")}`);
  }
}

/** The records, or ProgrammeSheetsError when any row has a problem. */
export function loadProgramme(dir: string, options: ReadOptions = {}): ProgrammeData {
  const {data, problems} = readProgramme(dir, options);
  if (problems.length > 0) throw new ProgrammeSheetsError(problems);
  return data;
}

export function readProgramme(dir: string, options: ReadOptions = {}): ReadResult {
  const label = options.label ?? dir;
  const fileOf = (key: keyof typeof SHEETS) => join(label, SHEETS[key]).split("\\").join("/");
  return validateSheets({fileOf, read: (key, problems) => readSheet(join(dir, SHEETS[key]), fileOf(key), REQUIRED_COLUMNS[key], problems)}, options);
}

/** Where the rows of each sheet come from (CSV files, or the sheets of a workbook) and how messages name them. */
export interface SheetSource {
  /** How messages name the sheet ("data/programme/kommunen.csv", "programm.xlsx, Blatt kommunen"). */
  fileOf(key: keyof typeof SHEETS): string;
  /** The rows (header names → cell text), or null when the sheet cannot be read (reported into `problems`). */
  read(key: keyof typeof SHEETS, problems: InputError[]): RawRow[] | null;
  /** How messages name a column (default: its name). */
  fieldOf?(key: keyof typeof SHEETS, field: string): string;
  /** How messages refer to another sheet ("module.csv", "Blatt module"; default: the CSV name). */
  nameOf?(key: keyof typeof SHEETS): string;
}

export interface RawRow {
  line: number;
  fields: Record<string, string>;
}

/** Validates and cross-checks the sheets of any source; every problem is collected. */
export function validateSheets(source: SheetSource, options: ReadOptions = {}): ReadResult {
  const problems: InputError[] = [];
  const fileOf = source.fileOf;
  const nameOf = (key: keyof typeof SHEETS) => source.nameOf?.(key) ?? SHEETS[key];
  const report = (key: keyof typeof SHEETS, line: number | undefined, field: string | undefined, expected: string, found?: string) =>
    problems.push(new InputError({file: fileOf(key), line, field: field === undefined || !source.fieldOf ? field : source.fieldOf(key, field)}, expected, found));

  const keys = Object.keys(SHEETS) as (keyof typeof SHEETS)[];
  const readable = new Set<keyof typeof SHEETS>();
  const raw = {} as Record<keyof typeof SHEETS, RawRow[]>;
  for (const key of keys) {
    const rows = source.read(key, problems);
    if (rows) readable.add(key);
    raw[key] = rows ?? [];
  }

  /** Validates each row; a row with any issue is reported field by field and left out. */
  function valid<S extends z.ZodType>(key: keyof typeof SHEETS, schema: S): {line: number; fields: Record<string, string>; value: z.output<S>}[] {
    const out = [];
    for (const row of raw[key]) {
      const result = schema.safeParse(row.fields);
      if (result.success) out.push({...row, value: result.data});
      else for (const issue of result.error.issues) {
        const field = issue.path.length ? String(issue.path[0]) : undefined;
        report(key, row.line, field, issue.message, field === undefined ? undefined : row.fields[field]);
      }
    }
    return out;
  }

  /** Ids are unique within a sheet; returns the rows whose id is new, plus every id written (for references). */
  function unique<T extends {fields: Record<string, string>; line: number; value: {id: string}}>(key: keyof typeof SHEETS, rows: T[]): {rows: T[]; written: Set<string>} {
    const firstLine = new Map<string, number>();
    const kept: T[] = [];
    for (const row of rows) {
      const first = firstLine.get(row.value.id);
      if (first !== undefined) report(key, row.line, "id", `eine eindeutige ID (schon in Zeile ${first})`, row.value.id);
      else {
        firstLine.set(row.value.id, row.line);
        kept.push(row);
      }
    }
    // References to a row that exists but is invalid are not reported twice.
    const written = new Set(raw[key].map((r) => (r.fields.id ?? "").trim()).filter(Boolean));
    return {rows: kept, written};
  }

  // stand.csv: the export date of every other sheet.
  const stand = {} as Record<SheetKey, string>;
  const standLines = new Map<string, number>();
  const notes = new Set<string>();
  for (const row of valid("stand", standRow)) {
    if (row.value.hinweis) notes.add(row.value.hinweis);
    const key = DATED_SHEETS.find((k) => SHEETS[k] === row.value.liste);
    if (!key) report("stand", row.line, "liste", `eine der Listen ${DATED_SHEETS.map((k) => SHEETS[k]).join(", ")}`, row.value.liste);
    else if (standLines.has(key)) report("stand", row.line, "liste", `jede Liste einmal (schon in Zeile ${standLines.get(key)})`, row.value.liste);
    else if (options.today && row.value.exportiert_am > options.today) report("stand", row.line, "exportiert_am", `ein Exportdatum bis heute (${germanDate(options.today)})`, germanDate(row.value.exportiert_am));
    else {
      standLines.set(key, row.line);
      stand[key] = row.value.exportiert_am;
    }
  }
  if (readable.has("stand")) {
    // A sheet whose row is there but invalid is reported once, above.
    for (const key of DATED_SHEETS) if (!raw.stand.some((r) => r.fields.liste?.trim() === SHEETS[key])) report("stand", undefined, "liste", `eine Zeile mit dem Exportdatum von ${SHEETS[key]}`);
  }

  // Reference tables.
  const topicGroupRows = unique("topicGroups", valid("topicGroups", topicGroupRow));
  const moduleRows = unique("modules", valid("modules", moduleRow));
  const topicGroups: TopicGroup[] = topicGroupRows.rows.map((r) => r.value);
  const modules: TrainingModule[] = moduleRows.rows.map((r) => ({id: r.value.id, number: r.value.nummer, name: r.value.name}));
  const milestones: Milestone[] = valid("milestones", milestoneRow).map((r) => ({date: r.value.datum, text: r.value.text, source: r.value.quelle}));

  // Municipalities.
  const municipalityRows = unique("municipalities", valid("municipalities", municipalityRow));
  const municipalities: Municipality[] = [];
  // A municipality under two ids would count twice as eligible and engaged.
  const keyLines = new Map<string, {line: number; id: string}>();
  for (const {line, value: m} of municipalityRows.rows) {
    let ok = true;
    const fail = (field: string, expected: string, found?: string) => {
      report("municipalities", line, field, expected, found);
      ok = false;
    };
    const key = m.regionalschluessel;
    const earlier = keyLines.get(key);
    if (earlier) fail("regionalschluessel", `jeden Regionalschlüssel nur einmal (schon in Zeile ${earlier.line} als „${earlier.id}“)`, key);
    else keyLines.set(key, {line, id: m.id});
    let profile: string | null = key.length >= 5 ? key.slice(0, 5) : null;
    if (m.typ === "Berliner Bezirk") {
      if (!BERLIN_DISTRICT_KEYS.includes(key)) fail("regionalschluessel", "der Schlüssel eines Berliner Bezirks, 11001001 (Mitte) … 11012012 (Reinickendorf)", key);
      profile = key;
    } else if (m.typ === "kreisfreie Stadt" && key.length !== 5) fail("regionalschluessel", "ein Kreisschlüssel mit 5 Ziffern (kreisfreie Stadt)", key);
    else if (m.typ === "kreisangehörige Stadt" && (key.length !== 8 || key.startsWith("11"))) fail("regionalschluessel", "ein Gemeindeschlüssel mit 8 Ziffern (kreisangehörige Stadt; das Profil zeigt ihren Kreis)", key);
    else if (options.knownRegions && !options.knownRegions.has(key.length === 2 ? key : key.slice(0, 5))) {
      fail("regionalschluessel", key.length === 2 ? "ein Land der Statistik" : "ein Kreis der Statistik (Gebietsstand 2021)", key);
    }
    if (m.foerderfaehig && m.agentur === null) fail("agentur", `die zuständige Agentur (${AGENCIES.join(", ")}) bei förderfähigen Kommunen`, "");

    const stages = {} as Municipality["stages"];
    let previous: {label: string; date: string} | null = null;
    for (const stage of STAGES) {
      const date = m[stage.column];
      stages[stage.key] = date;
      if (date === null) continue;
      if (!m.foerderfaehig) fail(stage.column, "leer: Stufen nur bei förderfähigen Kommunen", germanDate(date));
      else if (previous && date < previous.date) fail(stage.column, `ein Datum nicht vor der Stufe „${previous.label}“ (${germanDate(previous.date)})`, germanDate(date));
      else if (stand.municipalities && date > stand.municipalities) fail(stage.column, `ein Datum bis zum Exportdatum der Liste (${germanDate(stand.municipalities)})`, germanDate(date));
      previous = {label: stage.label, date};
    }
    // A later stage needs every earlier one: the funnel cannot skip a step.
    const missing = STAGES.findIndex((s) => stages[s.key] === null);
    const after = missing < 0 ? -1 : STAGES.findIndex((s, i) => i > missing && stages[s.key] !== null);
    if (m.foerderfaehig && missing > 0 && after > 0) fail(STAGES[missing]!.column, `ein Datum, weil die spätere Stufe „${STAGES[after]!.label}“ eines hat`, "");
    for (const [field, text] of [["name", m.name], ["begruendung", m.begruendung]] as const) {
      const found = personalDataIn(text);
      if (found) fail(field, PERSONAL_DATA_EXPECTED, found);
    }
    if (ok) {
      municipalities.push({id: m.id, name: m.name, type: m.typ, region_key: key, profile_id: profile, eligible: m.foerderfaehig, reason: m.begruendung, agency: m.agentur, stages});
    }
  }
  const municipalityIds = municipalityRows.written;

  // Events.
  const eventRows = unique("events", valid("events", eventRow));
  const events: ProgrammeEvent[] = [];
  for (const {line, value: e} of eventRows.rows) {
    let ok = true;
    const fail = (field: string, expected: string, found?: string) => {
      report("events", line, field, expected, found);
      ok = false;
    };
    if (!municipalityIds.has(e.gastgeber)) fail("gastgeber", `die ID einer Kommune aus ${nameOf("municipalities")}`, e.gastgeber);
    if (e.typ === "Fortbildung") {
      if (e.modul === null) fail("modul", `das Modul der Fortbildung (ID aus ${nameOf("modules")})`, "");
      else if (!moduleRows.written.has(e.modul)) fail("modul", `die ID eines Moduls aus ${nameOf("modules")}`, e.modul);
    } else if (e.modul !== null) fail("modul", "leer (ein Modul haben nur Fortbildungen)", e.modul);
    if (e.typ === "Fachgruppentreffen" && e.fachgruppe === null) fail("fachgruppe", `die Fachgruppe des Treffens (ID aus ${nameOf("topicGroups")})`, "");
    else if (e.fachgruppe !== null && e.typ !== "Fachgruppentreffen" && e.typ !== "Exkursion") fail("fachgruppe", "leer (eine Fachgruppe haben nur Fachgruppentreffen und Exkursionen)", e.fachgruppe);
    else if (e.fachgruppe !== null && !topicGroupRows.written.has(e.fachgruppe)) fail("fachgruppe", `die ID einer Fachgruppe aus ${nameOf("topicGroups")}`, e.fachgruppe);
    const inTitle = personalDataIn(e.titel);
    if (inTitle) fail("titel", PERSONAL_DATA_EXPECTED, inTitle);
    if (ok) events.push({id: e.id, type: e.typ, date: e.datum, host: e.gastgeber, title: e.titel, module: e.modul, topic_group: e.fachgruppe, cancelled: e.abgesagt, agency: e.agentur});
  }
  const eventById = new Map(events.map((e) => [e.id, e]));

  // Attendance: the only sheet with personal data. People are numbered here, by e-mail address.
  const attendance: Attendance[] = [];
  const personOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const {line, value: a} of valid("attendance", attendanceRow)) {
    let ok = true;
    const fail = (field: string, expected: string, found?: string) => {
      report("attendance", line, field, expected, found);
      ok = false;
    };
    const event = eventById.get(a.veranstaltung);
    if (!eventRows.written.has(a.veranstaltung)) fail("veranstaltung", `die ID einer Veranstaltung aus ${nameOf("events")}`, a.veranstaltung);
    else if (event?.cancelled) fail("veranstaltung", "eine Veranstaltung, die nicht abgesagt ist", a.veranstaltung);
    else if (event && stand.attendance && event.date > stand.attendance) {
      fail("veranstaltung", `eine Veranstaltung bis zum Exportdatum der Liste (${germanDate(stand.attendance)})`, `${a.veranstaltung} am ${germanDate(event.date)}`);
    }
    if (a.organisation === "Kommune") {
      if (a.kommune === null) fail("kommune", `die ID einer Kommune aus ${nameOf("municipalities")} (Organisation Kommune)`, "");
      else if (!municipalityIds.has(a.kommune)) fail("kommune", `die ID einer Kommune aus ${nameOf("municipalities")}`, a.kommune);
      const inDepartment = personalDataIn(a.bereich);
      if (a.bereich === null) fail("bereich", "der Bereich der Person (Organisation Kommune)", "");
      else if (inDepartment) fail("bereich", PERSONAL_DATA_EXPECTED, inDepartment);
    } else {
      if (a.kommune !== null) fail("kommune", "leer (eine Kommune nur bei Organisation Kommune)", a.kommune);
      if (a.bereich !== null) fail("bereich", "leer (ein Bereich nur bei Organisation Kommune)", a.bereich);
    }
    const key = personKey(a.email);
    const twice = seen.get(`${a.veranstaltung}\u0000${key}`);
    if (twice !== undefined) fail("email", `eine Teilnahme je Person und Veranstaltung (dieselbe Adresse schon in Zeile ${twice})`);
    else seen.set(`${a.veranstaltung}\u0000${key}`, line);
    if (!ok) continue;
    let person = personOf.get(key);
    if (person === undefined) personOf.set(key, (person = personOf.size + 1));
    attendance.push({event: a.veranstaltung, person, organisation: a.organisation, municipality: a.kommune, department: a.bereich});
  }

  const order = keys.map(fileOf);
  problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {data: {stand, note: notes.size ? [...notes].join("; ") : null, municipalities, events, attendance, topicGroups, modules, milestones}, problems};
}

/** Free text that reaches the warehouse holds no personal data (personal-data.ts). */
const PERSONAL_DATA_EXPECTED = "keine personenbezogenen Daten (E-Mail-Adresse, Telefonnummer) in diesem Text";

/**
 * Who a row's e-mail address is, for counting people: Unicode NFC (an ü typed as u + ¨ is the
 * same ü), without zero-width characters and soft hyphens (invisible, pasted along from web
 * pages), case-folded (Anna@… is anna@…). Otherwise one person counts as two.
 */
export function personKey(email: string): string {
  return email.normalize("NFC").replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "").trim().toLowerCase();
}

/**
 * The first column name that appears twice (place, name pairs in order), with both places; a
 * second "email" column would otherwise overwrite the first one's value in every row.
 */
export function duplicateColumn(columns: readonly (readonly [string, string])[]): {name: string; first: string; second: string} | undefined {
  const seen = new Map<string, string>();
  for (const [place, name] of columns) {
    if (name === "") continue;
    const first = seen.get(name);
    if (first !== undefined) return {name, first, second: place};
    seen.set(name, place);
  }
  return undefined;
}

/** Largest accepted sheet: 86 MB (a million rows) took 12 s and 1.3 GB; the real ones are under 100 KB. */
export const MAX_SHEET_BYTES = 20 * 1024 ** 2;

/** Reads one sheet into rows of trimmed header names → cell text; problems go to the list. */
function readSheet(path: string, file: string, required: string[], problems: InputError[]): RawRow[] | null {
  if (!existsSync(path)) {
    problems.push(new InputError({file}, "die Datei (Vorlage in data/programme/README.md)", "fehlt"));
    return null;
  }
  // The sheets are hand-kept lists of some hundred rows; a file of gigabytes would hold
  // kbm check and kbm data for minutes, so it is refused before it is read.
  const size = statSync(path).size;
  if (size > MAX_SHEET_BYTES) {
    problems.push(new InputError({file}, `eine Programmliste bis ${MAX_SHEET_BYTES / 1024 ** 2} MB`, `${(size / 1024 ** 2).toFixed(1).replace(".", ",")} MB`));
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true}).decode(readFileSync(path));
  } catch {
    problems.push(new InputError({file}, "eine Textdatei in UTF-8 (beim Export „CSV UTF-8“ wählen)", "ungültige Bytefolge"));
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Rows end at LF; a CR before it is dropped below. Left to guess, papaparse takes the first line
  // end for all: after a CRLF it would join the next LF-only line to its row (a mix of both comes
  // from editing an export by hand).
  const parsed = Papa.parse<string[]>(text, {delimiter: ";", newline: "\n", skipEmptyLines: false});
  const rows = parsed.data;
  for (const cells of rows) {
    const last = cells.length - 1;
    if (last >= 0 && cells[last]!.endsWith("\r")) cells[last] = cells[last]!.slice(0, -1);
  }
  // A broken quote (never closed, or text after the closing quote) makes papaparse read on past
  // line ends: the row it reports then holds the following lines too. Such a row is reported and
  // refused, never read as data.
  const quoteProblems = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.type === "Quotes" && error.row !== undefined && !quoteProblems.has(error.row)) {
      quoteProblems.set(error.row, error.code === "MissingQuotes" ? "ein schließendes Anführungszeichen" : 'nach dem schließenden Anführungszeichen ";" oder das Zeilenende');
    }
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (quoteProblems.has(0)) {
    problems.push(new InputError({file, line: 1, field: header[header.length - 1] || `Spalte ${header.length}`}, `${quoteProblems.get(0)!} in der Kopfzeile`, header.join(";")));
    return null;
  }
  const twice = duplicateColumn(header.map((name, i) => [`Spalte ${i + 1}`, name]));
  if (twice) {
    problems.push(new InputError({file, line: 1, field: twice.name}, "jeden Spaltennamen nur einmal in der Kopfzeile", `${twice.first} und ${twice.second}`));
    return null;
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const found = header.join(";");
    for (const column of missing) problems.push(new InputError({file, line: 1, field: column}, `die Spalte "${column}" in der Kopfzeile (Trennzeichen ;)`, found));
    return null;
  }
  const out: RawRow[] = [];
  // papaparse counts rows, not lines: track physical lines so quoted line breaks stay accounted for.
  let line = 1;
  for (let i = 1; i < rows.length; i++) {
    line += 1 + [...rows[i - 1]!.join("")].filter((c) => c === "\n").length;
    const cells = rows[i]!;
    const quote = quoteProblems.get(i);
    if (quote !== undefined) {
      const column = Math.min(cells.length, header.length) - 1;
      problems.push(new InputError({file, line, field: header[column] || `Spalte ${column + 1}`}, quote, cells[cells.length - 1]));
      continue;
    }
    if (cells.every((c) => c.trim() === "")) continue;
    if (cells.length !== header.length) {
      problems.push(new InputError({file, line}, `${header.length} Felder getrennt durch ";"`, `${cells.length} Felder`));
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, j) => (fields[name] = cells[j]!));
    out.push({line, fields});
  }
  return out;
}
