import {existsSync} from "node:fs";
import {relative, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {loadProgramme} from "../../../loaders/programme/load.ts";
import {germanDate, parseSheetDate} from "../../../loaders/programme/sheets.ts";
import {reachCsv} from "../../../src/shared/programme-figures.ts";
import {snapshotRegionIds} from "../../programme/known-regions.ts";
import {publishReach} from "../../programme/published.ts";
import {listStand} from "../../programme/reach.ts";
import {choice, defineCommand} from "../command.ts";
import {berlinDay} from "../../../loaders/common/berlin-day.ts";

export {berlinDay};

/** `kbm reach` with its clock: the default as-of date is the clock's day (tests pass a fixed one). */
export function createReachCommand(now: () => Date) {
  return defineCommand({
    name: "reach",
    summary: "Reichweite des Programms zu einem Stichtag (aus den Programmlisten berechnet)",
    help: `Aufruf: kbm reach [--as-of DATUM] [--format json|csv] [--dir DIR]

  --as-of DATUM    Stichtag, TT.MM.JJJJ oder JJJJ-MM-TT (Standard: heute). Veranstaltungen bis
                   einschließlich zu diesem Tag gelten als stattgefunden, spätere als geplant.
  --format F       json (Standard) oder csv (deutsches CSV: ; und Dezimalkomma, UTF-8 mit BOM)
  --dir DIR        Ordner mit den Programmlisten (Standard: data/programme)

Berechnet die Kennzahlen jedes Mal aus den Listen: förderfähige und beteiligte Kommunen,
Trichter der Stufen, Veranstaltungen (stattgefunden, geplant, abgesagt), Teilnehmende je
Veranstaltungsart und Anteile der Bereiche unter den kommunalen Teilnehmenden; dazu
over_time (je Monat: Kommunen je Stufe, stattgefundene Veranstaltungen), by_agency (je
Transferagentur: förderfähig, Stufen, organisierte Veranstaltungen, Teilnehmende, Bereiche)
und network (Fachgruppen, Fortbildungsmodule).

Datenschutz: Kommunen und Veranstaltungen werden immer gezählt. Personen werden nur zu
Quartalsenden und an Veröffentlichungstagen (meilensteine.csv) gezählt (people_as_of);
eine Personenzahl unter 3 oder eine, die sich aus anderen veröffentlichten Zahlen errechnen
ließe, bleibt verborgen (null bzw. "verborgen"; Regel: docs/programm-datenschutz.md).
Die Listen müssen fehlerfrei sein (sonst Exit-Code 1; Details mit kbm check).`,
    options: {"as-of": {type: "string"}, format: {type: "string"}, dir: {type: "string"}},
    async run({values}, io) {
      const format = choice(values.format, ["json", "csv"] as const, "format", "json");
      const given = values["as-of"];
      const asOf = typeof given === "string" ? parseSheetDate(given) : berlinDay(now());
      if (asOf === null) throw new UsageError(`--as-of erwartet ein Datum TT.MM.JJJJ oder JJJJ-MM-TT, bekam ${JSON.stringify(given)}`);
      const dir = resolve(io.cwd, typeof values.dir === "string" ? values.dir : "data/programme");
      if (!existsSync(dir)) throw new UsageError(`Ordner ${relative(io.cwd, dir) || dir} gibt es nicht`);
      const data = loadProgramme(dir, {label: relative(io.cwd, dir) || ".", knownRegions: snapshotRegionIds(resolve(io.cwd, "data/snapshot"))});
      const stand = listStand(data);
      if (asOf > stand) io.stderr.write(`Hinweis: Die Listen haben Stand ${germanDate(stand)}; was danach geschah, ist nicht erfasst.\n`);
      const reach = publishReach(data, asOf);
      io.stdout.write(format === "json" ? `${JSON.stringify(reach, null, 2)}\n` : reachCsv(reach));
    }
  });
}

export const reachCommand = createReachCommand(() => new Date());
