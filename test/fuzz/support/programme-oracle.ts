/**
 * The oracle of the programme-sheet fuzz test (test/fuzz/programme.test.ts), also used by the
 * regression cases.
 *
 * readProgramme never throws; it returns data and a list of problems. Checked:
 * - every problem is an InputError naming one of the sheets, and a line (1 ≤ line ≤ lines + 1)
 *   except for the problems of a whole file or of a row that does not exist: the file is
 *   missing, the file is not UTF-8, stand.csv has no row for a sheet (WITHOUT_LINE);
 * - no row is dropped without a report: per sheet, the records returned plus the distinct lines
 *   with a problem equal the non-blank data rows a reference splitter finds; a sheet whose
 *   header or encoding is refused returns nothing;
 * - every text returned (ids, names, titles, reasons, the note) occurs in the input.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import {InputError} from "../../../loaders/common/errors.ts";
import type {ReadResult} from "../../../loaders/programme/load.ts";
import {SHEETS} from "../../../loaders/programme/sheets.ts";
import {referenceRows} from "./reference-csv.ts";

export const LABEL = "data/programme";

/** Problems without a line: they concern a whole file, or a row that is missing. */
export const WITHOUT_LINE = [/^die Datei \(Vorlage/, /^eine Textdatei in UTF-8/, /^eine Zeile mit dem Exportdatum von /];

type SheetName = (typeof SHEETS)[keyof typeof SHEETS];

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Checks one result of readProgramme(dir, {label: LABEL}) against the files in `dir`. */
export function checkProgrammeResult(dir: string, result: ReadResult, present: ReadonlySet<string>): void {
  const byFile = new Map<string, InputError[]>();
  for (const problem of result.problems) {
    check(problem instanceof InputError, `kein InputError: ${String(problem)}`);
    const name = problem.file.startsWith(`${LABEL}/`) ? problem.file.slice(LABEL.length + 1) : "";
    check(Object.values(SHEETS).includes(name as SheetName), `Problem nennt keine der Listen: ${problem.message}`);
    if (problem.line === undefined) check(WITHOUT_LINE.some((p) => p.test(problem.expected)), `Problem ohne Zeile: ${problem.message}`);
    byFile.set(name, [...(byFile.get(name) ?? []), problem]);
  }

  const texts = new Map<string, string>();
  const records: Record<SheetName, number> = {
    "kommunen.csv": result.data.municipalities.length,
    "veranstaltungen.csv": result.data.events.length,
    "teilnahmen.csv": result.data.attendance.length,
    "fachgruppen.csv": result.data.topicGroups.length,
    "module.csv": result.data.modules.length,
    "meilensteine.csv": result.data.milestones.length,
    "stand.csv": Object.keys(result.data.stand).length
  };
  for (const name of Object.values(SHEETS)) {
    const problems = byFile.get(name) ?? [];
    if (!present.has(name)) {
      check(records[name] === 0, `${name} fehlt, aber ${records[name]} Datensätze`);
      check(problems.some((p) => /^die Datei/.test(p.expected)), `${name} fehlt ohne Meldung`);
      continue;
    }
    const bytes = readFileSync(join(dir, name));
    if (!isUtf8(bytes)) {
      check(records[name] === 0 && problems.some((p) => /^eine Textdatei in UTF-8/.test(p.expected)), `${name}: kein UTF-8, aber nicht abgelehnt`);
      continue;
    }
    const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    texts.set(name, text);
    const reference = referenceRows(text);
    for (const p of problems) if (p.line !== undefined) check(Number.isInteger(p.line) && p.line >= 1 && p.line <= reference.lines + 1, `Zeile ${p.line} außerhalb von ${name} (${reference.lines} Zeilen): ${p.message}`);
    if (problems.some((p) => p.line === 1 && p.field !== undefined && /^die Spalte |^jeden Spaltennamen nur einmal|Anführungszeichen.* in der Kopfzeile$/.test(p.expected))) {
      check(records[name] === 0, `${name}: Kopfzeile abgelehnt, aber ${records[name]} Datensätze`);
      continue;
    }
    const dataRows = reference.rows.filter((r, i) => i >= 1 && !r.fields.every((f) => f.trim() === "")).length;
    const reported = new Set(problems.map((p) => p.line).filter((l) => l !== undefined && l > 1)).size;
    if (reference.malformed) {
      // A broken quote: the reported row spans the lines up to where the quote ends (papaparse
      // and the reference may disagree where that is). It must be reported, and no more rows come
      // back than there are.
      check(problems.some((p) => /Anführungszeichen/.test(p.expected)), `${name}: kaputtes Anführungszeichen ohne Meldung`);
      check(records[name] + reported <= dataRows, `${name}: mehr Datensätze und Meldungen als Zeilen`);
      continue;
    }
    expect(records[name] + reported, `${name}: Datensätze (${records[name]}) + Zeilen mit Problem (${reported}) = Datenzeilen`).toBe(dataRows);
  }

  // Every text returned occurs in the input.
  const occurs = (sheet: SheetName, value: string | null, what: string) => {
    if (value === null || value === "") return;
    check(texts.get(sheet)?.includes(value) ?? false, `${what} ${JSON.stringify(value.slice(0, 80))} steht nicht in ${sheet}`);
  };
  for (const m of result.data.municipalities) {
    occurs("kommunen.csv", m.id, "ID");
    occurs("kommunen.csv", m.name, "Name");
    occurs("kommunen.csv", m.reason, "Begründung");
    occurs("kommunen.csv", m.region_key, "Regionalschlüssel");
  }
  for (const e of result.data.events) {
    occurs("veranstaltungen.csv", e.id, "ID");
    occurs("veranstaltungen.csv", e.title, "Titel");
    occurs("veranstaltungen.csv", e.host, "Gastgeber");
  }
  for (const g of result.data.topicGroups) occurs("fachgruppen.csv", g.name, "Fachgruppe");
  for (const m of result.data.modules) occurs("module.csv", m.name, "Modul");
  if (result.data.note !== null) for (const note of result.data.note.split("; ")) occurs("stand.csv", note, "Hinweis");
  const people = new Set(result.data.attendance.map((a) => a.person));
  check([...people].every((p) => Number.isInteger(p) && p >= 1 && p <= people.size), "Personen sind 1 … n");
}
