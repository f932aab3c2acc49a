/**
 * The programme's reach as of a date, computed from the records every time (never stored).
 * Pure: no I/O, no clock; the as-of date is a parameter. This is the count of one day on its
 * own; what may be published (kbm reach, the page) is published.ts, which puts the counts of
 * people under the privacy rule over time (privacy.ts).
 *
 * Rules (one comment per domain choice):
 * - An event on or before the as-of date has been held, a later one is planned; a cancelled
 *   event is neither (counted as cancelled).
 * - Participants are counted at held events only; a person is counted once per group.
 * - A municipality is "engaged" (im Austausch) once its first-contact date is reached; a stage
 *   counts from its date on.
 * - Breakdowns by municipality and by department hide cells of 1 or 2 people (people and share
 *   null). When exactly one department cell is hidden, the next smallest is hidden
 *   too, or the total would give it away.
 */
import {DEPARTMENTS, EVENT_TYPES, ORGANISATION_TYPES, STAGES, type Department, type EventType, type OrganisationType, type SheetKey, type StageKey} from "../../loaders/programme/sheets.ts";
import type {IsoDate, ProgrammeData} from "../../loaders/programme/types.ts";

/** Cells with fewer people are not shown. */
export const MIN_CELL = 3;

export type FunnelStage = "eligible" | StageKey;

export const FUNNEL: readonly {stage: FunnelStage; label: string}[] = [
  {stage: "eligible", label: "förderfähig"},
  {stage: "contact", label: "im Austausch"},
  {stage: "analysis", label: "Analyseworkshop"},
  {stage: "agreement", label: "Vereinbarung"},
  {stage: "training", label: "Fortbildung"},
  {stage: "topic_group", label: "Fachgruppe"}
];

export interface Reach {
  as_of: IsoDate;
  /** Export date of each sheet: later events and stages are not in the records. */
  stand: Record<SheetKey, IsoDate>;
  /** The source line every figure carries: "Programmdaten (Beispieldaten, …), Stand der Liste 31.12.2015". */
  source: string;
  eligible: {total: number; berlin_districts: number};
  engaged: {total: number; berlin_districts: number};
  funnel: {stage: FunnelStage; label: string; municipalities: number}[];
  events: Record<EventType, {held: number; planned: number; cancelled: number}>;
  /** Distinct people and attendance rows at the held events of each type; organisations present among them. */
  participants: Record<EventType, {people: number; attendances: number; organisations: OrganisationType[]}>;
  /** Distinct people from municipalities at all held events: the base of the department shares. */
  municipal_participants: number;
  departments: {department: Department; people: number | null; share: number | null}[];
  /** Every eligible municipality: the stage reached and the distinct people it sent (null: fewer than 3). */
  municipalities: {id: string; stage: FunnelStage; people: number | null}[];
}

export function computeReach(data: ProgrammeData, asOf: IsoDate): Reach {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`Stichtag als JJJJ-MM-TT erwartet, bekam ${JSON.stringify(asOf)}`);
  const reached = (date: IsoDate | null) => date !== null && date <= asOf;
  const eligible = data.municipalities.filter((m) => m.eligible);
  const berlin = (list: typeof eligible) => list.filter((m) => m.type === "Berliner Bezirk").length;
  const engaged = eligible.filter((m) => reached(m.stages.contact));

  const events = Object.fromEntries(EVENT_TYPES.map((t) => [t, {held: 0, planned: 0, cancelled: 0}])) as Reach["events"];
  const held = new Map<string, EventType>();
  for (const e of data.events) {
    const count = events[e.type];
    if (e.cancelled) count.cancelled++;
    else if (e.date <= asOf) {
      count.held++;
      held.set(e.id, e.type);
    } else count.planned++;
  }

  const attended = data.attendance.filter((a) => held.has(a.event));
  const participants = Object.fromEntries(
    EVENT_TYPES.map((type) => {
      const rows = attended.filter((a) => held.get(a.event) === type);
      const present = new Set(rows.map((a) => a.organisation));
      return [type, {people: new Set(rows.map((a) => a.person)).size, attendances: rows.length, organisations: ORGANISATION_TYPES.filter((o) => present.has(o))}];
    })
  ) as Reach["participants"];

  const municipal = attended.filter((a) => a.organisation === "Kommune");
  const municipalPeople = new Set(municipal.map((a) => a.person)).size;
  const departmentCounts = DEPARTMENTS.map((d) => new Set(municipal.filter((a) => a.department === d).map((a) => a.person)).size);
  const shown = suppressCells(departmentCounts, municipalPeople);
  const departments = DEPARTMENTS.map((department, i) => ({
    department,
    people: shown[i]!,
    share: shown[i] === null || municipalPeople === 0 ? null : round4(shown[i]! / municipalPeople)
  }));

  return {
    as_of: asOf,
    stand: data.stand,
    source: programmeSource(data),
    eligible: {total: eligible.length, berlin_districts: berlin(eligible)},
    engaged: {total: engaged.length, berlin_districts: berlin(engaged)},
    funnel: FUNNEL.map(({stage, label}) => ({stage, label, municipalities: stage === "eligible" ? eligible.length : eligible.filter((m) => reached(m.stages[stage])).length})),
    events,
    participants,
    municipal_participants: municipalPeople,
    departments,
    municipalities: eligible.map((m) => {
      const people = new Set(municipal.filter((a) => a.municipality === m.id).map((a) => a.person)).size;
      return {id: m.id, stage: stageOf(m.stages, asOf), people: people > 0 && people < MIN_CELL ? null : people};
    })
  };
}

/** The earliest export date of the sheets: the records are complete up to this day. */
export function listStand(data: ProgrammeData): IsoDate {
  return Object.values(data.stand).sort()[0] ?? "";
}

export function programmeSource(data: ProgrammeData): string {
  const stand = listStand(data);
  return `Programmdaten${data.note ? ` (${data.note})` : ""}, Stand der Liste ${stand.slice(8, 10)}.${stand.slice(5, 7)}.${stand.slice(0, 4)}`;
}

/** The furthest stage a municipality has reached by the date ("eligible" before first contact). */
export function stageOf(stages: Record<StageKey, IsoDate | null>, asOf: IsoDate): FunnelStage {
  let stage: FunnelStage = "eligible";
  for (const {key} of STAGES) if (stages[key] !== null && stages[key] <= asOf) stage = key;
  return stage;
}

/**
 * Hides counts of 1 or 2 (null). If exactly one cell is hidden and the total is known, the
 * smallest other non-zero cell is hidden too, so the hidden one cannot be worked out by
 * subtraction. A total below 3 hides everything that is not zero.
 */
export function suppressCells(counts: readonly number[], total: number): (number | null)[] {
  const small = (n: number) => n > 0 && n < MIN_CELL;
  if (small(total)) return counts.map((n) => (n === 0 ? 0 : null));
  const out: (number | null)[] = counts.map((n) => (small(n) ? null : n));
  if (out.filter((n) => n === null).length === 1) {
    let next = -1;
    out.forEach((n, i) => {
      if (n !== null && n > 0 && (next < 0 || n < out[next]!)) next = i;
    });
    if (next >= 0) out[next] = null;
  }
  return out;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Every date on which a figure can change (event and stage dates), sorted. Between two of
 * them the reach is the same except for `as_of`.
 */
export function changeDates(data: ProgrammeData): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const e of data.events) dates.add(e.date);
  for (const m of data.municipalities) for (const d of Object.values(m.stages)) if (d !== null) dates.add(d);
  return [...dates].sort();
}

/**
 * The reach on every change date, preceded by the state before the first one: what a page
 * needs to show any as-of date without the records (the entry with the latest date ≤ the
 * chosen day holds its figures).
 */
export function reachSeries(data: ProgrammeData): Reach[] {
  const dates = changeDates(data);
  if (dates.length === 0) return [];
  return [dayBefore(dates[0]!), ...dates].map((d) => computeReach(data, d));
}

export function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
