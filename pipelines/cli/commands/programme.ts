import {existsSync} from "node:fs";
import {relative, resolve} from "node:path";
import {writeFileSync} from "node:fs";
import {UsageError} from "../../../loaders/common/errors.ts";
import {readProgrammeWorkbook} from "../../../loaders/programme/workbook.ts";
import {SHEETS} from "../../../loaders/programme/sheets.ts";
import {snapshotRegionIds} from "../../programme/known-regions.ts";
import {sheetCsv, templateWorkbook, writeSheetsAtomically} from "../../programme/sheet-files.ts";
import {defineCommand} from "../command.ts";

export const programmeCommand = defineCommand({
  name: "programme",
  summary: "Programmlisten als Excel-Arbeitsmappe: einlesen (import) oder leere Vorlage schreiben (vorlage)",
  help: `Aufruf: kbm programme import DATEI.xlsx [--dir DIR] [--snapshot DIR]
       kbm programme vorlage DATEI.xlsx

  import    prüft die Arbeitsmappe (ein Blatt je Liste: kommunen, veranstaltungen, teilnahmen,
            fachgruppen, module, meilensteine, stand; Zeile 1 = Spaltennamen wie in den
            CSV-Vorlagen) und schreibt sie als CSV-Listen nach DIR (Standard: data/programme).
            Gibt es Probleme, wird nichts geschrieben: jedes Problem mit Blatt, Zeile und Spalte
            auf stdout, Exit-Code 1. Datumszellen werden TT.MM.JJJJ; nur Spalten der Vorlage
            werden übernommen; alle Listen werden zusammen ersetzt.
  vorlage   schreibt die leere Vorlage (alle Blätter mit ihren Spalten) nach DATEI.xlsx.

  --dir DIR        Zielordner der CSV-Listen (Standard: data/programme)
  --snapshot DIR   Snapshot, gegen dessen Gebiete die Regionalschlüssel geprüft werden
                   (Standard: data/snapshot)`,
  options: {dir: {type: "string"}, snapshot: {type: "string"}},
  positionals: {min: 2, max: 2, names: "import DATEI.xlsx oder vorlage DATEI.xlsx"},
  async run({values, positionals}, io) {
    const [action, file] = positionals as [string, string];
    const path = resolve(io.cwd, file);
    if (action === "vorlage") {
      writeFileSync(path, await templateWorkbook());
      io.stderr.write(`Vorlage geschrieben: ${relative(io.cwd, path) || path}\n`);
      return;
    }
    if (action !== "import") throw new UsageError(`kbm programme: erwartet import oder vorlage, bekam ${JSON.stringify(action)}`);
    if (!existsSync(path)) throw new UsageError(`Datei ${file} gibt es nicht`);
    const knownRegions = snapshotRegionIds(resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot"));
    const {result, sheets} = await readProgrammeWorkbook(path, {label: relative(io.cwd, path) || file, knownRegions});
    for (const problem of result.problems) io.stdout.write(`${problem.message}\n`);
    if (result.problems.length > 0) throw new Error(`${result.problems.length} ${result.problems.length === 1 ? "Problem" : "Probleme"} in der Arbeitsmappe; nichts geschrieben`);
    const dir = resolve(io.cwd, typeof values.dir === "string" ? values.dir : "data/programme");
    const files: Record<string, string> = {};
    for (const [key, sheet] of Object.entries(sheets) as [keyof typeof SHEETS, NonNullable<(typeof sheets)[keyof typeof SHEETS]>][]) {
      files[SHEETS[key]] = sheetCsv(sheet.columns, sheet.rows.map((r) => sheet.columns.map((c) => r.fields[c] ?? "")));
    }
    writeSheetsAtomically(dir, files);
    io.stderr.write(
      `Programmlisten geschrieben nach ${relative(io.cwd, dir) || "."}: ${result.data.municipalities.length} Kommunen, ${result.data.events.length} Veranstaltungen, ${result.data.attendance.length} Teilnahmen\n`
    );
  }
});
