/**
 * The reach as it may be published (`kbm reach`, the page, the downloads): the counts of
 * municipalities and events of the as-of date itself, the counts of people under the
 * privacy-over-time rule (privacy.ts), plus the growth by month, the figures per agency and
 * the network of Fachgruppen and training modules.
 *
 * Rules beyond reach.ts:
 * - An event belongs to the agency that organised it (veranstaltungen.csv, agentur), not to
 *   its host's; a municipality to the agency responsible for it (kommunen.csv, agentur).
 * - A person counts for an agency when they attended a held event it organised.
 * - A Fachgruppe's members are the municipalities whose staff attended one of its held
 *   meetings or excursions; a module's municipalities those whose staff attended a held session.
 */
import {AGENCIES, DEPARTMENTS, EVENT_TYPES, type Agency, type Department, type EventType, type OrganisationType, type StageKey} from "../../loaders/programme/sheets.ts";
import type {IsoDate, ProgrammeData} from "../../loaders/programme/types.ts";
import {firstDate, overTime, STAGE_KEYS, type MonthFigures} from "../../src/shared/programme-over-time.ts";
import {publishPeople, quarterEnds, type Breakdown, type Published} from "./privacy.ts";
import {changeDates, computeReach, dayBefore, FUNNEL, listStand, type FunnelStage, type Reach} from "./reach.ts";

export interface AgencyFigures {
  agency: Agency;
  eligible: number;
  /** Eligible municipalities that reached each stage (funnel: eligible, contact, …). */
  funnel: {stage: FunnelStage; label: string; municipalities: number}[];
  events: {held: number; planned: number; cancelled: number};
  events_by_type: Record<EventType, number>;
  /** Distinct people at the held events it organised (null: hidden). */
  participants: number | null;
  municipal_participants: number | null;
  departments: {department: Department; people: number | null; share: number | null}[];
}

export interface TopicGroupFigures {
  id: string;
  name: string;
  /** Municipality ids whose staff attended a held meeting or excursion of the group. */
  members: string[];
  meetings: {held: number; planned: number; cancelled: number};
  people: number | null;
  attendances: number | null;
}

export interface ModuleFigures {
  id: string;
  number: number;
  name: string;
  sessions: {held: number; planned: number; cancelled: number};
  people: number | null;
  /** Municipality ids whose staff attended a held session. */
  municipalities: string[];
}

export interface PublishedReach extends Omit<Reach, "participants" | "municipal_participants"> {
  /** Distinct people and attendance rows at the held events of each type (null: hidden); organisations present. */
  participants: Record<EventType, {people: number | null; attendances: number | null; organisations: OrganisationType[]}>;
  /** Distinct people from municipalities at all held events (null: hidden): the base of the department shares. */
  municipal_participants: number | null;
  /** The reporting date the people figures are counted on (the latest on or before as_of). */
  people_as_of: IsoDate;
  over_time: MonthFigures[];
  by_agency: AgencyFigures[];
  network: {topic_groups: TopicGroupFigures[]; modules: ModuleFigures[]};
}

const DEPARTMENT_KEY = (d: string) => `department/${d}`;
const OTHER_MUNICIPALITIES = "municipality/(nicht förderfähig)";

/** The raw people counts of one date, as a flat map (the keys privacy.ts works on). */
function peopleCounts(data: ProgrammeData, date: IsoDate): Map<string, number> {
  const held = new Map(data.events.filter((e) => !e.cancelled && e.date <= date).map((e) => [e.id, e]));
  const rows = data.attendance.filter((a) => held.has(a.event));
  const counts = new Map<string, number>();
  const distinct = (key: string, list: typeof rows) => counts.set(key, new Set(list.map((a) => a.person)).size);
  for (const type of EVENT_TYPES) {
    const ofType = rows.filter((a) => held.get(a.event)!.type === type);
    distinct(`participants/${type}/people`, ofType);
    counts.set(`participants/${type}/attendances`, ofType.length);
  }
  const municipal = rows.filter((a) => a.organisation === "Kommune");
  distinct("municipal", municipal);
  for (const d of DEPARTMENTS) distinct(DEPARTMENT_KEY(d), municipal.filter((a) => a.department === d));
  const eligible = new Set(data.municipalities.filter((m) => m.eligible).map((m) => m.id));
  for (const id of eligible) distinct(`municipality/${id}`, municipal.filter((a) => a.municipality === id));
  distinct(OTHER_MUNICIPALITIES, municipal.filter((a) => !eligible.has(a.municipality!)));
  for (const agency of AGENCIES) {
    const ofAgency = rows.filter((a) => held.get(a.event)!.agency === agency);
    distinct(`agency/${agency}/people`, ofAgency);
    const local = ofAgency.filter((a) => a.organisation === "Kommune");
    distinct(`agency/${agency}/municipal`, local);
    for (const d of DEPARTMENTS) distinct(`agency/${agency}/${DEPARTMENT_KEY(d)}`, local.filter((a) => a.department === d));
  }
  for (const g of data.topicGroups) {
    const ofGroup = rows.filter((a) => held.get(a.event)!.topic_group === g.id);
    distinct(`topic_group/${g.id}/people`, ofGroup);
    counts.set(`topic_group/${g.id}/attendances`, ofGroup.length);
  }
  for (const m of data.modules) distinct(`module/${m.id}/people`, rows.filter((a) => held.get(a.event)!.module === m.id));
  return counts;
}

function breakdowns(data: ProgrammeData): Breakdown[] {
  const eligible = data.municipalities.filter((m) => m.eligible).map((m) => `municipality/${m.id}`);
  return [
    {id: "departments", total: "municipal", parts: DEPARTMENTS.map(DEPARTMENT_KEY)},
    {id: "municipalities", total: "municipal", parts: eligible, neverShown: [OTHER_MUNICIPALITIES]},
    ...AGENCIES.map((a) => ({id: `agency/${a}`, total: `agency/${a}/municipal`, parts: DEPARTMENTS.map((d) => `agency/${a}/${DEPARTMENT_KEY(d)}`)}))
  ];
}

/** Reporting dates (privacy rule 1): a baseline before the first record, quarter ends up to the list's date, and the publication days. */
export function reportingDates(data: ProgrammeData): {dates: IsoDate[]; order: IsoDate[]} {
  const first = firstDate(data) ?? listStand(data);
  const baseline = dayBefore(first);
  const published = [...new Set(data.milestones.map((m) => m.date))].sort();
  const quarters = quarterEnds(first, listStand(data) || first);
  const dates = [...new Set([baseline, ...quarters, ...published])].sort();
  const order = [...published, ...dates.filter((d) => !published.includes(d)).reverse()];
  return {dates, order};
}

/** Every reporting date's published people figures; computed once per record. */
const cache = new WeakMap<ProgrammeData, {dates: IsoDate[]; published: Map<IsoDate, Published>}>();
export function publishedPeople(data: ProgrammeData): {dates: IsoDate[]; published: Map<IsoDate, Published>} {
  let entry = cache.get(data);
  if (!entry) {
    const {dates, order} = reportingDates(data);
    const raw = new Map(dates.map((d) => [d, peopleCounts(data, d)]));
    entry = {dates, published: publishPeople(raw, breakdowns(data), order)};
    cache.set(data, entry);
  }
  return entry;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const share = (people: number | null, total: number | null) => (people === null || total === null || total === 0 ? null : round4(people / total));

export function publishReach(data: ProgrammeData, asOf: IsoDate): PublishedReach {
  const base = computeReach(data, asOf);
  const {dates, published} = publishedPeople(data);
  const peopleAsOf = dates.findLast((d) => d <= asOf) ?? dates[0]!;
  const people = published.get(peopleAsOf)!;
  const get = (key: string) => (people.has(key) ? people.get(key)! : null);
  const municipal = get("municipal");
  const held = (e: {cancelled: boolean; date: IsoDate}) => !e.cancelled && e.date <= asOf;
  const status = (list: {cancelled: boolean; date: IsoDate}[]) => ({
    held: list.filter(held).length,
    planned: list.filter((e) => !e.cancelled && e.date > asOf).length,
    cancelled: list.filter((e) => e.cancelled).length
  });
  const heldEvents = new Map(data.events.filter(held).map((e) => [e.id, e]));
  const municipalitiesAt = (match: (e: (typeof data.events)[number]) => boolean) =>
    [...new Set(data.attendance.filter((a) => a.municipality !== null && heldEvents.has(a.event) && match(heldEvents.get(a.event)!)).map((a) => a.municipality!))].sort();
  const reached = (date: IsoDate | null) => date !== null && date <= asOf;

  return {
    ...base,
    participants: Object.fromEntries(
      EVENT_TYPES.map((t) => [t, {...base.participants[t], people: get(`participants/${t}/people`), attendances: get(`participants/${t}/attendances`)}])
    ) as PublishedReach["participants"],
    municipal_participants: municipal,
    departments: DEPARTMENTS.map((d) => ({department: d, people: get(DEPARTMENT_KEY(d)), share: share(get(DEPARTMENT_KEY(d)), municipal)})),
    municipalities: base.municipalities.map((m) => ({...m, people: get(`municipality/${m.id}`)})),
    people_as_of: peopleAsOf,
    over_time: overTime(data, asOf),
    by_agency: AGENCIES.map((agency) => {
      const mine = data.municipalities.filter((m) => m.eligible && m.agency === agency);
      const events = data.events.filter((e) => e.agency === agency);
      const local = get(`agency/${agency}/municipal`);
      return {
        agency,
        eligible: mine.length,
        funnel: FUNNEL.map(({stage, label}) => ({stage, label, municipalities: stage === "eligible" ? mine.length : mine.filter((m) => reached(m.stages[stage as StageKey])).length})),
        events: status(events),
        events_by_type: Object.fromEntries(EVENT_TYPES.map((t) => [t, events.filter((e) => e.type === t && held(e)).length])) as Record<EventType, number>,
        participants: get(`agency/${agency}/people`),
        municipal_participants: local,
        departments: DEPARTMENTS.map((d) => ({department: d, people: get(`agency/${agency}/${DEPARTMENT_KEY(d)}`), share: share(get(`agency/${agency}/${DEPARTMENT_KEY(d)}`), local)}))
      };
    }),
    network: {
      topic_groups: data.topicGroups.map((g) => ({
        id: g.id,
        name: g.name,
        members: municipalitiesAt((e) => e.topic_group === g.id),
        meetings: status(data.events.filter((e) => e.topic_group === g.id)),
        people: get(`topic_group/${g.id}/people`),
        attendances: get(`topic_group/${g.id}/attendances`)
      })),
      modules: data.modules.map((m) => ({
        id: m.id,
        number: m.number,
        name: m.name,
        sessions: status(data.events.filter((e) => e.module === m.id)),
        people: get(`module/${m.id}/people`),
        municipalities: municipalitiesAt((e) => e.module === m.id)
      }))
    }
  };
}

/**
 * What the page needs for any as-of date: the published reach on every date a figure can
 * change (stage and event dates, reporting dates), preceded by the state before the first.
 * Without over_time (the page computes it from the stage and event dates).
 */
export function publishedSeries(data: ProgrammeData): Omit<PublishedReach, "over_time">[] {
  const dates = [...new Set([...changeDates(data), ...publishedPeople(data).dates])].sort();
  if (dates.length === 0) return [];
  return [dayBefore(dates[0]!), ...dates].map((d) => {
    const {over_time: _o, ...rest} = publishReach(data, d);
    return rest;
  });
}
