import {existsSync} from "node:fs";
import {berlinDay} from "../../../loaders/common/berlin-day.ts";
import {relative, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {readProgramme} from "../../../loaders/programme/load.ts";
import {readProgrammeWorkbook} from "../../../loaders/programme/workbook.ts";
import {snapshotRegionIds} from "../../programme/known-regions.ts";
import {defineCommand} from "../command.ts";

export const checkCommand = defineCommand({
  name: "check",
  summary: "Programmlisten (data/programme) prüfen: jedes Problem mit Datei, Zeile und Feld",
  help: `Aufruf: kbm check [--dir DIR] [--snapshot DIR]
       kbm check --from DATEI.xlsx [--snapshot DIR]

  --dir DIR        Ordner mit den Programmlisten (Standard: data/programme; Vorlagen in dessen README.md)
  --from DATEI     stattdessen eine Excel-Arbeitsmappe prüfen: ein Blatt je Liste (kommunen,
                   veranstaltungen, …), Zeile 1 = Spaltennamen; Meldungen nennen Blatt, Zeile und
                   Spalte (Vorlage: kbm programme vorlage DATEI.xlsx)
  --snapshot DIR   Snapshot, gegen dessen Gebiete die Regionalschlüssel geprüft werden
                   (Standard: data/snapshot; fehlt er, wird nur die Form der Schlüssel geprüft)

Prüft alle Listen vollständig und schreibt jedes Problem als eine Zeile nach stdout
(Datei, Zeile, Feld, was erwartet war, was dastand), etwa unbekannte Kommunen, Veranstaltungen
oder Bereiche, doppelte IDs, Stufendaten in falscher Reihenfolge, Teilnahmen an Veranstaltungen
nach dem Exportdatum der Liste. Eine fehlerhafte Zeile wird gemeldet, nie still übergangen.
Exit-Code 1, wenn es Probleme gibt.`,
  options: {dir: {type: "string"}, from: {type: "string"}, snapshot: {type: "string"}},
  async run({values}, io) {
    if (typeof values.from === "string" && typeof values.dir === "string") throw new UsageError("--dir und --from schließen sich aus");
    const knownRegions = snapshotRegionIds(resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot"));
    let read;
    // The Berlin calendar day: an export date after it is refused.
    const today = berlinDay(new Date());
    if (typeof values.from === "string") {
      const path = resolve(io.cwd, values.from);
      if (!existsSync(path)) throw new UsageError(`Datei ${values.from} gibt es nicht`);
      read = (await readProgrammeWorkbook(path, {label: relative(io.cwd, path) || values.from, knownRegions, today})).result;
    } else {
      const dir = resolve(io.cwd, typeof values.dir === "string" ? values.dir : "data/programme");
      if (!existsSync(dir)) throw new UsageError(`Ordner ${relative(io.cwd, dir) || dir} gibt es nicht`);
      read = readProgramme(dir, {label: relative(io.cwd, dir) || ".", knownRegions, today});
    }
    const {data, problems} = read;
    for (const problem of problems) io.stdout.write(`${problem.message}\n`);
    if (problems.length > 0) throw new Error(`${problems.length} ${problems.length === 1 ? "Problem" : "Probleme"} in den Programmlisten`);
    io.stderr.write(
      `Programmlisten in Ordnung: ${data.municipalities.length} Kommunen, ${data.events.length} Veranstaltungen, ${data.attendance.length} Teilnahmen${knownRegions ? "" : " (Regionalschlüssel nur der Form nach geprüft: kein Snapshot)"}\n`
    );
  }
});
