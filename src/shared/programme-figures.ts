/**
 * The reach figures of one as-of date as rows (Stichtag, Kennzahl, Gruppe, Wert): the CSV of
 * `kbm reach --format csv` and the page's download are both made from these rows. A hidden
 * cell (fewer than 3 people) is written "< 3". Shared by the CLI and the page, so it lives in
 * src/shared/ (Framework bundles only src/; pipelines never import src/components/).
 */
import type {Reach} from "../../pipelines/programme/reach.ts";
import {germanCsv, type CsvCell} from "./german-csv.js";

export const FIGURE_COLUMNS = ["stichtag", "kennzahl", "gruppe", "wert"] as const;

export const HIDDEN = "< 3";

export function reachRows(reach: Reach): CsvCell[][] {
  const rows: [string, string, CsvCell][] = [
    ["förderfähige Kommunen", "insgesamt", reach.eligible.total],
    ["förderfähige Kommunen", "Berliner Bezirke", reach.eligible.berlin_districts],
    ["Kommunen im Austausch", "insgesamt", reach.engaged.total],
    ["Kommunen im Austausch", "Berliner Bezirke", reach.engaged.berlin_districts],
    ...reach.funnel.map((f): [string, string, CsvCell] => ["Kommunen je Stufe", f.label, f.municipalities]),
    ...Object.entries(reach.events).flatMap(([type, e]): [string, string, CsvCell][] => [
      ["Veranstaltungen stattgefunden", type, e.held],
      ["Veranstaltungen geplant", type, e.planned],
      ["Veranstaltungen abgesagt", type, e.cancelled]
    ]),
    ...Object.entries(reach.participants).flatMap(([type, p]): [string, string, CsvCell][] => [
      ["Teilnehmende (Personen)", type, p.people],
      ["Teilnahmen", type, p.attendances]
    ]),
    ["kommunale Teilnehmende (Personen)", "insgesamt", reach.municipal_participants],
    ...reach.departments.flatMap((d): [string, string, CsvCell][] => [
      ["kommunale Teilnehmende nach Bereich (Personen)", d.department, d.people ?? HIDDEN],
      ["kommunale Teilnehmende nach Bereich (Anteil)", d.department, d.share ?? HIDDEN]
    ])
  ];
  return rows.map((r) => [reach.as_of, ...r]);
}

export function reachCsv(reach: Reach): string {
  return germanCsv(FIGURE_COLUMNS, reachRows(reach));
}
