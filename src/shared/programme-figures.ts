/**
 * The reach figures of one as-of date as rows (Stichtag, Kennzahl, Gruppe, Wert): the CSV of
 * `kbm reach --format csv` and the page's download are both made from these rows. A hidden
 * people figure (privacy rule, docs/programm-datenschutz.md) is written "verborgen", never 0.
 * Shared by the CLI and the page, so it lives in src/shared/ (Framework bundles only src/;
 * pipelines never import src/components/).
 */
import type {PublishedReach} from "../../pipelines/programme/published.ts";
import {germanCsv, type CsvCell} from "./german-csv.js";

export const FIGURE_COLUMNS = ["stichtag", "kennzahl", "gruppe", "wert"] as const;

/** How a hidden count of people is shown: fewer than 3, or computable from other published figures. */
export const HIDDEN = "verborgen";

/** The German labels of the stages, as the funnel names them. */
const STAGE_LABEL: Record<string, string> = {contact: "im Austausch", analysis: "Analyseworkshop", agreement: "Vereinbarung", training: "Fortbildung", topic_group: "Fachgruppe"};

type Row = [string, string, CsvCell];

/** The published reach; over_time may be left out (the page's series entries have none). */
export type ReachFigures = Omit<PublishedReach, "over_time"> & {over_time?: PublishedReach["over_time"]};

export function reachRows(reach: ReachFigures): CsvCell[][] {
  const people = (n: number | null): CsvCell => n ?? HIDDEN;
  const rows: Row[] = [
    ["förderfähige Kommunen", "insgesamt", reach.eligible.total],
    ["förderfähige Kommunen", "Berliner Bezirke", reach.eligible.berlin_districts],
    ["Kommunen im Austausch", "insgesamt", reach.engaged.total],
    ["Kommunen im Austausch", "Berliner Bezirke", reach.engaged.berlin_districts],
    ...reach.funnel.map((f): Row => ["Kommunen je Stufe", f.label, f.municipalities]),
    ...Object.entries(reach.events).flatMap(([type, e]): Row[] => [
      ["Veranstaltungen stattgefunden", type, e.held],
      ["Veranstaltungen geplant", type, e.planned],
      ["Veranstaltungen abgesagt", type, e.cancelled]
    ]),
    ["Personenzahlen gezählt am", "Stichtag der Personenzahlen (Quartalsende oder Veröffentlichung)", reach.people_as_of],
    ...Object.entries(reach.participants).flatMap(([type, p]): Row[] => [
      ["Teilnehmende (Personen)", type, people(p.people)],
      ["Teilnahmen", type, people(p.attendances)]
    ]),
    ["kommunale Teilnehmende (Personen)", "insgesamt", people(reach.municipal_participants)],
    ...reach.departments.flatMap((d): Row[] => [
      ["kommunale Teilnehmende nach Bereich (Personen)", d.department, people(d.people)],
      ["kommunale Teilnehmende nach Bereich (Anteil)", d.department, d.share ?? HIDDEN]
    ]),
    ...(reach.over_time ?? []).flatMap((m): Row[] => [
      ...Object.entries(m.stages).map(([stage, n]): Row => ["Kommunen je Stufe im Monat", `${m.month} ${STAGE_LABEL[stage] ?? stage}`, n]),
      ["Veranstaltungen stattgefunden im Monat", m.month, m.events_held]
    ]),
    ...reach.by_agency.flatMap((a): Row[] => [
      ...a.funnel.map((f): Row => [`Agentur ${a.agency}: Kommunen je Stufe`, f.label, f.municipalities]),
      [`Agentur ${a.agency}: Veranstaltungen organisiert`, "stattgefunden", a.events.held],
      [`Agentur ${a.agency}: Veranstaltungen organisiert`, "geplant", a.events.planned],
      [`Agentur ${a.agency}: Veranstaltungen organisiert`, "abgesagt", a.events.cancelled],
      [`Agentur ${a.agency}: Teilnehmende (Personen)`, "insgesamt", people(a.participants)],
      [`Agentur ${a.agency}: kommunale Teilnehmende (Personen)`, "insgesamt", people(a.municipal_participants)],
      ...a.departments.map((d): Row => [`Agentur ${a.agency}: kommunale Teilnehmende nach Bereich (Personen)`, d.department, people(d.people)])
    ])
  ];
  return rows.map((r) => [reach.as_of, ...r]);
}

export function reachCsv(reach: ReachFigures): string {
  return germanCsv(FIGURE_COLUMNS, reachRows(reach));
}
