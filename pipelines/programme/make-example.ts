/**
 * Writes the example programme sheets in data/programme/: a complete, plausible record of
 * the Transferagenturen für Großstädte from June 2014 to December 2015 that reproduces the
 * figures published on 28.08.2015 exactly (docs: /work/shared/docs/programme.md).
 *
 *   npx tsx pipelines/programme/make-example.ts [OUT_DIR]
 *
 * Deterministic (seeded): running it twice writes the same bytes. The story (who was
 * contacted when, which event took place where) is written out below; the participants are
 * drawn with a fixed seed and the published figures are checked before anything is written.
 * Real city names and keys; which city has which stage is made up (illustrative). All names
 * and addresses are fictitious (@example.org).
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {type Department, type EventType, type OrganisationType} from "../../loaders/programme/sheets.ts";
import {mulberry32} from "../common/random.ts";
import {sheetCsv as csv} from "./sheet-files.ts";

export const EXAMPLE_STAND = "2015-12-31";
export const EXAMPLE_NOTE = "Beispieldaten, Zuordnung der Städte illustrativ";

// ---------------------------------------------------------------------------------------
// Municipalities. Stage dates: contact, analysis workshop, agreement. The first training and
// the topic-group membership follow from the attendance below (first Fortbildung, first
// Fachgruppentreffen or Exkursion a municipality's staff attended).
// ---------------------------------------------------------------------------------------
type Kind = "kreisfreie Stadt" | "Berliner Bezirk" | "kreisangehörige Stadt" | "sonstige";
interface MunicipalitySpec {
  id: string;
  name: string;
  type: Kind;
  key: string;
  eligible: boolean;
  reason: string;
  agency?: "Berlin" | "Bremen" | "Hamburg";
  contact?: string;
  analysis?: string;
  agreement?: string;
}

const GROSS = "über 250.000 Einwohner, nicht in „Lernen vor Ort“";
const BEZIRK = "Berliner Bezirk (eigene Jugend- und Schulverwaltung)";
const LVO = "über 250.000 Einwohner, aber Teilnahme an „Lernen vor Ort“";
const KLEIN = "unter 250.000 Einwohner";

const district = (n: number, name: string, dates: Partial<MunicipalitySpec> = {}): MunicipalitySpec => {
  const nn = String(n).padStart(2, "0");
  return {id: `berlin-${slug(name)}`, name: `Berlin-${name}`, type: "Berliner Bezirk", key: `110${nn}0${nn}`, eligible: true, reason: BEZIRK, agency: "Berlin", ...dates};
};
const city = (id: string, name: string, key: string, agency: MunicipalitySpec["agency"], dates: Partial<MunicipalitySpec> = {}): MunicipalitySpec => ({
  id, name, type: key.length === 8 ? "kreisangehörige Stadt" : "kreisfreie Stadt", key, eligible: true, reason: GROSS, agency, ...dates
});
const other = (id: string, name: string, key: string, reason: string, type: Kind = key.length === 8 ? "kreisangehörige Stadt" : "kreisfreie Stadt"): MunicipalitySpec => ({id, name, type, key, eligible: false, reason});

export const MUNICIPALITIES: MunicipalitySpec[] = [
  district(1, "Mitte", {contact: "2014-06-12", analysis: "2015-02-24", agreement: "2015-04-14"}),
  district(2, "Friedrichshain-Kreuzberg", {contact: "2014-06-26", analysis: "2015-09-08", agreement: "2015-10-27"}),
  district(3, "Pankow", {contact: "2014-11-06", analysis: "2015-12-01"}),
  district(4, "Charlottenburg-Wilmersdorf", {contact: "2015-05-21"}),
  district(5, "Spandau", {contact: "2015-01-15"}),
  district(6, "Steglitz-Zehlendorf"),
  district(7, "Tempelhof-Schöneberg", {contact: "2014-09-25", analysis: "2015-11-10"}),
  district(8, "Neukölln", {contact: "2014-06-19", analysis: "2015-06-09", agreement: "2015-08-04"}),
  district(9, "Treptow-Köpenick", {contact: "2015-03-12"}),
  district(10, "Marzahn-Hellersdorf", {contact: "2014-07-10", analysis: "2015-09-29", agreement: "2015-12-10"}),
  district(11, "Lichtenberg", {contact: "2014-09-04", analysis: "2015-10-20"}),
  district(12, "Reinickendorf", {contact: "2015-10-08"}),
  city("bremen", "Bremen", "04011", "Bremen", {contact: "2014-06-16", analysis: "2015-03-17", agreement: "2015-05-05"}),
  city("dortmund", "Dortmund", "05913", "Bremen", {contact: "2014-06-26", analysis: "2015-04-21", agreement: "2015-06-16"}),
  city("hannover", "Hannover", "03241001", "Hamburg", {contact: "2014-07-03", analysis: "2015-07-07", agreement: "2015-09-22"}),
  city("frankfurt-am-main", "Frankfurt am Main", "06412", "Berlin", {contact: "2014-08-21", analysis: "2015-09-15", agreement: "2015-11-05"}),
  city("duesseldorf", "Düsseldorf", "05111", "Bremen", {contact: "2014-10-09", analysis: "2015-10-06"}),
  city("bochum", "Bochum", "05911", "Bremen", {contact: "2014-11-20", analysis: "2015-11-03"}),
  city("wuppertal", "Wuppertal", "05124", "Bremen", {contact: "2015-01-22", analysis: "2015-11-24"}),
  city("bielefeld", "Bielefeld", "05711", "Hamburg", {contact: "2015-02-26", analysis: "2015-12-08"}),
  city("stuttgart", "Stuttgart", "08111", "Berlin", {contact: "2015-04-16"}),
  city("augsburg", "Augsburg", "09761", "Berlin", {contact: "2015-06-11"}),
  city("karlsruhe", "Karlsruhe", "08212", "Berlin", {contact: "2015-07-09"}),
  city("bonn", "Bonn", "05314", "Bremen", {contact: "2015-09-17"}),
  city("muenster", "Münster", "05515", "Hamburg", {contact: "2015-11-12"}),
  city("wiesbaden", "Wiesbaden", "06414", "Berlin"),
  other("hamburg", "Hamburg", "02000", LVO),
  other("muenchen", "München", "09162", LVO),
  other("koeln", "Köln", "05315", LVO),
  other("essen", "Essen", "05113", LVO),
  other("leipzig", "Leipzig", "14713", LVO),
  other("dresden", "Dresden", "14612", LVO),
  other("nuernberg", "Nürnberg", "09564", LVO),
  other("duisburg", "Duisburg", "05112", LVO),
  other("mannheim", "Mannheim", "08222", LVO),
  other("gelsenkirchen", "Gelsenkirchen", "05513", LVO),
  other("moenchengladbach", "Mönchengladbach", "05116", LVO),
  other("kiel", "Kiel", "01002", KLEIN),
  other("braunschweig", "Braunschweig", "03101", KLEIN),
  other("chemnitz", "Chemnitz", "14511", KLEIN),
  other("aachen", "Aachen", "05334002", KLEIN),
  other("potsdam", "Potsdam", "12054", KLEIN),
  other("halle-saale", "Halle (Saale)", "15002", KLEIN),
  other("magdeburg", "Magdeburg", "15003", KLEIN),
  other("erfurt", "Erfurt", "16051", KLEIN),
  other("mainz", "Mainz", "07315", KLEIN),
  other("kassel", "Kassel", "06611", KLEIN),
  other("freiburg", "Freiburg im Breisgau", "08311", KLEIN),
  other("luebeck", "Lübeck", "01003", KLEIN),
  other("oldenburg", "Oldenburg (Oldenburg)", "03403", KLEIN),
  other("osnabrueck", "Osnabrück", "03404", KLEIN),
  other("rostock", "Rostock", "13003", KLEIN),
  other("landkreis-harburg", "Landkreis Harburg", "03353", "Landkreis, keine Großstadt", "sonstige")
];

export const TOPIC_GROUPS = [
  {id: "bildungsmanagement", name: "Kommunales und lokales Bildungsmanagement"},
  {id: "monitoring", name: "Monitoring"},
  {id: "diversitaet", name: "Diversität"},
  {id: "stadtentwicklung", name: "Stadtentwicklung"},
  {id: "kooperation", name: "Kooperation zwischen Kommune und Zivilgesellschaft"}
];

export const MODULES = [
  {id: "M1", number: 1, name: "Einführung in das kommunale Bildungsmanagement"},
  {id: "M2", number: 2, name: "Datengestütztes Steuern"},
  {id: "M3", number: 3, name: "Bildung und Stadtentwicklung"},
  {id: "M4", number: 4, name: "Diversität und soziale Lage"},
  {id: "M5", number: 5, name: "Kooperieren, koordinieren, beteiligen"},
  {id: "M6", number: 6, name: "Qualitätsentwicklung und Wirkungsorientierung"}
];

/** What the programme published about itself (shared/seed: the article of 28.08.2015), for the growth chart. */
const ARTICLE = "„Ein Jahr Transferagenturen für Großstädte“, Meldung vom 28.08.2015";
export const MILESTONES = [
  {date: "2014-06-01", text: "Juni 2014: die Transferagenturen in Berlin, Bremen und Hamburg nehmen die Arbeit auf", source: ARTICLE},
  {date: "2015-08-28", text: "21 von 26 Städten im Austausch, darunter 10 von 12 Berliner Bezirken", source: ARTICLE},
  {date: "2015-08-28", text: "eine Auftaktveranstaltung, sechs Kommunalsalons mit knapp 200 Teilnehmenden, fünf Analyseworkshops", source: ARTICLE},
  {date: "2015-08-28", text: "zehn weitere Analyseworkshops bis Ende 2015 geplant", source: ARTICLE}
];

// ---------------------------------------------------------------------------------------
// Events. `from` names the municipalities whose staff attend and how many of them.
// ---------------------------------------------------------------------------------------
interface EventSpec {
  type: EventType;
  date: string;
  host: string;
  title: string;
  module?: string;
  group?: string;
  cancelled?: boolean;
  from?: Record<string, number>;
  /** The Transferagentur that organised it; default: the host's agency (a host outside the programme needs one). */
  agency?: "Berlin" | "Bremen" | "Hamburg";
}

/** An event's organiser: given, or the agency of its host. Hosts outside the programme (Hamburg, Nürnberg) host but organise nothing. */
export function organiser(e: EventSpec): "Berlin" | "Bremen" | "Hamburg" {
  const agency = e.agency ?? MUNICIPALITIES.find((m) => m.id === e.host)?.agency;
  if (!agency) throw new Error(`example: event ${e.title} at ${e.host} needs an agency`);
  return agency;
}

const salon = (date: string, host: string, topic: string, agency?: EventSpec["agency"]): EventSpec => ({type: "Kommunalsalon", date, host, title: `Kommunalsalon: ${topic}`, agency});
const workshop = (date: string, host: string, staff: number): EventSpec => ({type: "Analyseworkshop", date, host, title: `Analyseworkshop ${MUNICIPALITIES.find((m) => m.id === host)!.name}`, from: {[host]: staff}});
const training = (date: string, host: string, module: string, from: Record<string, number>, cancelled = false): EventSpec => ({
  type: "Fortbildung", date, host, module, from, cancelled, title: `Fortbildung: ${MODULES.find((m) => m.id === module)!.name}`
});
const meeting = (date: string, host: string, group: string, title: string, from: Record<string, number>, cancelled = false): EventSpec => ({
  type: "Fachgruppentreffen", date, host, group, from, cancelled, title: `Fachgruppe ${TOPIC_GROUPS.find((g) => g.id === group)!.name}: ${title}`
});

export const EVENTS: EventSpec[] = [
  {type: "Auftaktveranstaltung", date: "2014-06-26", host: "berlin-mitte", title: "Auftaktveranstaltung der Transferagenturen für Großstädte", from: {"berlin-mitte": 5, bremen: 4, "berlin-neukoelln": 4, "berlin-friedrichshain-kreuzberg": 4, dortmund: 4}},
  salon("2014-09-25", "hamburg", "Bildungsmanagement in der Großstadt", "Hamburg"),
  salon("2014-11-27", "bremen", "Daten für die Bildungsplanung"),
  salon("2015-01-29", "berlin-mitte", "Übergänge von der Kita bis in den Beruf"),
  workshop("2015-02-24", "berlin-mitte", 8),
  workshop("2015-03-17", "bremen", 7),
  salon("2015-03-26", "frankfurt-am-main", "Bildung und Stadtentwicklung"),
  workshop("2015-04-21", "dortmund", 7),
  salon("2015-05-07", "hamburg", "Vielfalt als Ressource", "Hamburg"),
  training("2015-05-19", "berlin-mitte", "M1", {"berlin-mitte": 4, bremen: 3}),
  workshop("2015-06-09", "berlin-neukoelln", 6),
  training("2015-06-23", "bremen", "M2", {"berlin-mitte": 2, bremen: 3, dortmund: 4}),
  salon("2015-06-25", "dortmund", "Kooperation von Schule und Jugendhilfe"),
  workshop("2015-07-07", "hannover", 8),
  meeting("2015-07-14", "bremen", "monitoring", "Auftakttreffen", {bremen: 2, dortmund: 2, "berlin-mitte": 2}),
  training("2015-08-11", "frankfurt-am-main", "M3", {}, true),
  meeting("2015-08-18", "berlin-mitte", "bildungsmanagement", "Auftakttreffen", {"berlin-mitte": 2, bremen: 2, dortmund: 1}),
  training("2015-08-25", "dortmund", "M1", {dortmund: 3, "berlin-neukoelln": 4}),
  // ---- published on 28.08.2015; everything below was planned then ----
  workshop("2015-09-08", "berlin-friedrichshain-kreuzberg", 7),
  {...training("2015-09-10", "hamburg", "M3", {"berlin-mitte": 2, bremen: 2, "berlin-neukoelln": 2}), agency: "Hamburg"},
  workshop("2015-09-15", "frankfurt-am-main", 8),
  meeting("2015-09-22", "berlin-neukoelln", "diversitaet", "Auftakttreffen", {"berlin-neukoelln": 3, "berlin-mitte": 2}),
  training("2015-09-24", "berlin-neukoelln", "M4", {"berlin-neukoelln": 2, "berlin-mitte": 2, hannover: 3}),
  workshop("2015-09-29", "berlin-marzahn-hellersdorf", 7),
  salon("2015-10-01", "bremen", "Ganztag gemeinsam gestalten"),
  workshop("2015-10-06", "duesseldorf", 6),
  meeting("2015-10-13", "dortmund", "monitoring", "Indikatoren für die Steuerung", {dortmund: 2, bremen: 2, hannover: 2}),
  training("2015-10-15", "dortmund", "M5", {dortmund: 3, bremen: 2, hannover: 2}),
  workshop("2015-10-20", "berlin-lichtenberg", 6),
  {type: "Exkursion", date: "2015-10-29", host: "nuernberg", agency: "Bremen", group: "monitoring", title: "Exkursion in die Praxis: Bildungsbüro und Bildungsmonitoring", from: {dortmund: 2, bremen: 1, hannover: 2, nuernberg: 2}},
  workshop("2015-11-03", "bochum", 6),
  {...meeting("2015-11-05", "hamburg", "kooperation", "Auftakttreffen", {}, true), agency: "Hamburg"},
  workshop("2015-11-10", "berlin-tempelhof-schoeneberg", 6),
  meeting("2015-11-17", "hannover", "stadtentwicklung", "Auftakttreffen", {hannover: 3, bremen: 1, "berlin-mitte": 2}),
  training("2015-11-19", "bremen", "M6", {bremen: 2, "berlin-mitte": 2, "berlin-friedrichshain-kreuzberg": 3, "frankfurt-am-main": 3}),
  workshop("2015-11-24", "wuppertal", 6),
  {type: "Exkursion", date: "2015-11-26", host: "hamburg", agency: "Hamburg", group: "diversitaet", title: "Exkursion in die Praxis: Sprachförderung im Quartier", from: {"berlin-neukoelln": 2, "berlin-mitte": 1, hamburg: 2}},
  workshop("2015-12-01", "berlin-pankow", 6),
  salon("2015-12-03", "berlin-mitte", "Ein Jahr Großstadtnetzwerk"),
  workshop("2015-12-08", "bielefeld", 6),
  training("2015-12-10", "berlin-mitte", "M2", {"berlin-friedrichshain-kreuzberg": 2, "frankfurt-am-main": 2, "berlin-marzahn-hellersdorf": 3, hannover: 1}),
  meeting("2015-12-15", "berlin-mitte", "kooperation", "Auftakttreffen", {"berlin-mitte": 2, "berlin-neukoelln": 1, "berlin-friedrichshain-kreuzberg": 2, "frankfurt-am-main": 2}),
  meeting("2015-12-17", "bremen", "bildungsmanagement", "Zweites Treffen", {bremen: 2, "berlin-mitte": 1, dortmund: 1, "frankfurt-am-main": 1})
];

/** The published figures (28.08.2015) the draw must reproduce. */
export const PUBLISHED = {
  asOf: "2015-08-28",
  salonPeople: 197,
  salonMunicipal: 120,
  salonOthers: {Wissenschaft: 30, Stiftung: 25, Verband: 22} as Record<string, number>,
  /** Distinct municipal participants of all events up to 28.08.2015, by department: 22 %, 20 %, 32 %, rest. */
  departments: {"Jugend": 33, "Schule": 30, "Koordinierung Bildung": 48, "Stabsstelle Oberbürgermeister": 12, "Stadtentwicklung": 10, "Soziales": 9, "Sonstige": 8} as Record<Department, number>
};

// ---------------------------------------------------------------------------------------
// The draw.
// ---------------------------------------------------------------------------------------
interface Person {
  name: string;
  email: string;
  phone: string;
  organisation: OrganisationType;
  municipality: string | null;
  department: Department | null;
}

export interface ExampleRecord {
  people: Person[];
  /** event index → person indices */
  attendance: number[][];
}

export function drawExample(seed = 20150828): ExampleRecord {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const shuffle = <T>(list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const names = shuffle(FIRST_NAMES.flatMap((f) => SURNAMES.map((s) => [f, s] as const)));
  const people: Person[] = [];
  const newPerson = (organisation: OrganisationType, municipality: string | null, department: Department | null): number => {
    const [first, last] = names[people.length]!;
    const email = `${ascii(first)}.${ascii(last)}@example.org`;
    const phone = random() < 0.3 ? `+49 000 ${String(1000 + people.length).padStart(4, "0")} ${String(Math.floor(random() * 900) + 100)}` : "";
    people.push({name: `${first} ${last}`, email, phone, organisation, municipality, department});
    return people.length - 1;
  };
  const attendance: number[][] = EVENTS.map(() => []);
  const attend = (event: number, person: number) => {
    if (!attendance[event]!.includes(person)) attendance[event]!.push(person);
  };
  const contact = (id: string) => MUNICIPALITIES.find((m) => m.id === id)!.contact;
  const published = EVENTS.map((e) => e.date <= PUBLISHED.asOf);
  const salons = EVENTS.map((e, i) => (e.type === "Kommunalsalon" ? i : -1)).filter((i) => i >= 0);
  const salonsBefore = salons.filter((i) => published[i]);
  const salonsAfter = salons.filter((i) => !published[i]);

  // Departments of the municipal participants up to 28.08.2015: exactly the published shares.
  const departmentsBefore = shuffle(Object.entries(PUBLISHED.departments).flatMap(([d, n]) => Array<Department>(n).fill(d as Department)));
  // Later newcomers come from the departments in the same proportions.
  const weighted = Object.entries(PUBLISHED.departments).flatMap(([d, n]) => Array<Department>(n).fill(d as Department));
  const laterDepartment = () => pick(weighted);
  const nextDepartment = () => departmentsBefore.pop() ?? laterDepartment();

  // 1. Staff of the municipalities working with the agencies before 28.08.2015 (rosters).
  const roster = new Map<string, number[]>();
  const staff = (id: string) => roster.get(id) ?? (roster.set(id, []), roster.get(id)!);
  const hire = (id: string, department = nextDepartment()) => {
    const p = newPerson("Kommune", id, department);
    staff(id).push(p);
    return p;
  };
  const ROSTER_BEFORE: Record<string, number> = {"berlin-mitte": 12, bremen: 11, dortmund: 11, "berlin-neukoelln": 8, "berlin-friedrichshain-kreuzberg": 5, hannover: 9};
  for (const [id, n] of Object.entries(ROSTER_BEFORE)) for (let i = 0; i < n; i++) hire(id);

  // 2. Non-salon events up to 28.08.2015: drawn from the rosters.
  const covered = new Set<number>();
  EVENTS.forEach((e, i) => {
    if (!published[i] || e.type === "Kommunalsalon" || e.cancelled) return;
    for (const [id, n] of Object.entries(e.from ?? {})) for (const p of shuffle([...staff(id)]).slice(0, n)) {
      attend(i, p);
      covered.add(p);
    }
  });
  // 3. Exactly 30 of them never went to a Kommunalsalon; every other municipal participant did.
  const rosterPeople = [...roster.values()].flat();
  const nonSalon = new Set(shuffle([...covered]).slice(0, 150 - PUBLISHED.salonMunicipal));
  const salonGoers = rosterPeople.filter((p) => !nonSalon.has(p));
  // …plus staff from cities nationwide until there are 120 municipal salon participants.
  const nationwide = MUNICIPALITIES.filter((m) => !(m.id in ROSTER_BEFORE) && (!m.eligible || (m.contact && salonsBefore.some((s) => EVENTS[s]!.date >= m.contact!))));
  while (salonGoers.length < PUBLISHED.salonMunicipal) salonGoers.push(hire(pick(nationwide).id));
  if (departmentsBefore.length !== 0) throw new Error(`draw: ${departmentsBefore.length} departments left over`);

  const allowedSalons = (p: number, pool: number[]) => {
    const id = people[p]!.municipality;
    const from = id === null ? undefined : contact(id);
    return pool.filter((s) => from === undefined || EVENTS[s]!.date >= from);
  };
  const goToSalons = (p: number, pool: number[]) => {
    const allowed = shuffle(allowedSalons(p, pool));
    const visits = Math.min(allowed.length, 1 + (random() < 0.45 ? 1 : 0) + (random() < 0.15 ? 1 : 0));
    for (const s of allowed.slice(0, visits)) attend(s, p);
  };
  for (const p of salonGoers) goToSalons(p, salonsBefore);
  for (const [organisation, n] of Object.entries(PUBLISHED.salonOthers)) for (let i = 0; i < n; i++) goToSalons(newPerson(organisation as OrganisationType, null, null), salonsBefore);

  // Kick-off guests besides the municipalities: ministries and some salon regulars.
  const kickoff = EVENTS.findIndex((e) => e.type === "Auftaktveranstaltung");
  for (let i = 0; i < 4; i++) attend(kickoff, newPerson("Land/Bund", null, null));
  const regulars = people.map((p, i) => ({p, i})).filter(({p}) => p.organisation === "Stiftung" || p.organisation === "Wissenschaft");
  for (const {i} of shuffle(regulars).slice(0, 8)) attend(kickoff, i);

  // 4. After 28.08.2015: new staff join with their analysis workshop, the rest come from the rosters.
  EVENTS.forEach((e, i) => {
    if (published[i] || e.type === "Kommunalsalon" || e.cancelled) return;
    for (const [id, n] of Object.entries(e.from ?? {})) {
      const known = shuffle([...staff(id)]);
      const fresh = e.type === "Analyseworkshop" ? Math.max(2, n - known.length) : Math.max(0, n - known.length);
      for (let k = 0; k < fresh; k++) known.unshift(hire(id, laterDepartment()));
      for (const p of known.slice(0, n)) attend(i, p);
    }
  });
  // The two later salons: regulars and newcomers, now also from the Länder and others.
  const later = MUNICIPALITIES.filter((m) => !m.eligible || m.contact !== undefined);
  for (const s of salonsAfter) {
    const regularsNow = shuffle(people.map((_, i) => i).filter((i) => allowedSalons(i, [s]).length > 0 && people[i]!.organisation !== "Land/Bund")).slice(0, 30);
    for (const p of regularsNow) attend(s, p);
    for (let k = 0; k < 10; k++) {
      const m = pick(later);
      if (!m.eligible || EVENTS[s]!.date >= m.contact!) attend(s, hire(m.id, laterDepartment()));
    }
    for (const organisation of ["Wissenschaft", "Stiftung", "Verband", "Land/Bund", "Sonstige"] as const) attend(s, newPerson(organisation, null, null));
  }
  return {people, attendance};
}

/** The sheets as text: name → CSV (`;`, UTF-8 with BOM as spreadsheet programs write it). */
export function exampleSheets(record: ExampleRecord = drawExample()): Record<string, string> {
  const {people, attendance} = record;
  const ids = EVENTS.map((_, i) => `V${String(i + 1).padStart(3, "0")}`);
  // First training and topic-group membership: the first such event a municipality's staff attended.
  const firstOf = (id: string, types: EventType[]) =>
    EVENTS.map((e, i) => ({e, i})).filter(({e, i}) => types.includes(e.type) && attendance[i]!.some((p) => people[p]!.municipality === id)).map(({e}) => e.date).sort()[0] ?? "";
  const de = (iso: string | undefined) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");

  const kommunen = MUNICIPALITIES.map((m) => [
    m.id, m.name, m.type, m.key, m.eligible ? "ja" : "nein", m.reason, m.agency ?? "",
    de(m.contact), de(m.analysis), de(m.agreement),
    m.eligible ? de(firstOf(m.id, ["Fortbildung"])) : "", m.eligible ? de(firstOf(m.id, ["Fachgruppentreffen", "Exkursion"])) : ""
  ]);
  const veranstaltungen = EVENTS.map((e, i) => [ids[i]!, e.type, de(e.date), e.host, e.title, e.module ?? "", e.group ?? "", e.cancelled ? "ja" : "nein", organiser(e)]);
  const teilnahmen: string[][] = [];
  EVENTS.forEach((_, i) => {
    const rows = attendance[i]!.map((p) => people[p]!).sort((a, b) => a.name.localeCompare(b.name, "de"));
    for (const p of rows) {
      // Some rows carry the address as typed, with capitals: the loader compares addresses case-insensitively.
      const email = p.email.length % 5 === 0 ? p.email.replace(/^./, (c) => c.toUpperCase()) : p.email;
      teilnahmen.push([ids[i]!, p.name, email, p.phone, p.organisation, p.municipality ?? "", p.department ?? ""]);
    }
  });
  const sheets = {
    "kommunen.csv": csv(["id", "name", "typ", "regionalschluessel", "foerderfaehig", "begruendung", "agentur", "erstkontakt", "analyseworkshop", "vereinbarung", "erste_fortbildung", "fachgruppe"], kommunen),
    "veranstaltungen.csv": csv(["id", "typ", "datum", "gastgeber", "titel", "modul", "fachgruppe", "abgesagt", "agentur"], veranstaltungen),
    "teilnahmen.csv": csv(["veranstaltung", "name", "email", "telefon", "organisation", "kommune", "bereich"], teilnahmen),
    "fachgruppen.csv": csv(["id", "name"], TOPIC_GROUPS.map((g) => [g.id, g.name])),
    "module.csv": csv(["id", "nummer", "name"], MODULES.map((m) => [m.id, String(m.number), m.name])),
    "meilensteine.csv": csv(["datum", "text", "quelle"], MILESTONES.map((m) => [de(m.date), m.text, m.source])),
    "stand.csv": csv(["liste", "exportiert_am", "hinweis"], ["kommunen.csv", "veranstaltungen.csv", "teilnahmen.csv", "fachgruppen.csv", "module.csv"].map((l) => [l, de(EXAMPLE_STAND), EXAMPLE_NOTE]))
  };
  return sheets;
}

function slug(name: string): string {
  return ascii(name).replace(/[^a-z0-9]+/g, "-");
}

function ascii(text: string): string {
  return text.toLowerCase().replaceAll("ä", "ae").replaceAll("ö", "oe").replaceAll("ü", "ue").replaceAll("ß", "ss").replace(/[^a-z0-9-]/g, "");
}

const FIRST_NAMES = [
  "Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hannes", "Ida", "Jonas", "Katja", "Lars", "Mara", "Nils", "Olga", "Paul",
  "Rosa", "Sven", "Tara", "Ugur", "Vera", "Wim", "Yara", "Zoe", "Aylin", "Bernd", "Carla", "Dirk", "Emma", "Fritz", "Gül", "Henrik",
  "Inga", "Jan", "Kemal", "Lena", "Milan", "Nora", "Oskar", "Petra"
];
const SURNAMES = ["Muster", "Beispiel", "Probe", "Platzhalter", "Fiktiv", "Exempel", "Vorlage", "Testfeld", "Demo", "Musterfrau", "Mustermann", "Erdacht", "Ohnename", "Ausgedacht"];

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? join(import.meta.dirname, "../../data/programme"));
  mkdirSync(out, {recursive: true});
  for (const [name, text] of Object.entries(exampleSheets())) writeFileSync(join(out, name), text);
  process.stderr.write(`Beispieldaten geschrieben nach ${out}\n`);
}
