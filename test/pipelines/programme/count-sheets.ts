/**
 * Counts the reach figures straight from the raw example sheets, independently of the loader
 * and of pipelines/programme/reach.ts: own CSV splitting, own date handling, own counting.
 * The tests compare `kbm reach` with these counts.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";

export const EXAMPLE_DIR = join(import.meta.dirname, "../../../data/programme");

/** Rows of a `;` sheet as objects. The example sheets quote nothing (checked). */
export function rawSheet(name: string, dir = EXAMPLE_DIR): Record<string, string>[] {
  const text = readFileSync(join(dir, name), "utf-8").replace(/^\uFEFF/, "");
  if (text.includes('"')) throw new Error(`${name}: quoted cells; this counter does not read them`);
  const [header, ...lines] = text.split("\n").filter((l) => l !== "");
  const columns = header!.split(";");
  return lines.map((line) => Object.fromEntries(line.split(";").map((cell, i) => [columns[i], cell])));
}

const iso = (german: string) => (german ? `${german.slice(6, 10)}-${german.slice(3, 5)}-${german.slice(0, 2)}` : "");

export function countReach(asOf: string, dir = EXAMPLE_DIR) {
  const municipalities = rawSheet("kommunen.csv", dir);
  const events = rawSheet("veranstaltungen.csv", dir);
  const attendance = rawSheet("teilnahmen.csv", dir);
  const eligible = municipalities.filter((m) => m.foerderfaehig === "ja");
  const berlin = (list: typeof eligible) => list.filter((m) => m.typ === "Berliner Bezirk").length;
  const reached = (column: string) => eligible.filter((m) => m[column] !== "" && iso(m[column]!) <= asOf);
  const engaged = reached("erstkontakt");
  const types = ["Auftaktveranstaltung", "Kommunalsalon", "Analyseworkshop", "Fortbildung", "Fachgruppentreffen", "Exkursion"];
  const held = new Map(events.filter((e) => e.abgesagt === "nein" && iso(e.datum!) <= asOf).map((e) => [e.id!, e.typ!]));
  const atHeld = attendance.filter((a) => held.has(a.veranstaltung!));
  const person = (a: Record<string, string>) => a.email!.toLowerCase();
  const municipal = atHeld.filter((a) => a.organisation === "Kommune");
  const total = new Set(municipal.map(person)).size;
  const departments = ["Jugend", "Schule", "Koordinierung Bildung", "Stabsstelle Oberbürgermeister", "Stadtentwicklung", "Soziales", "Sonstige"].map((department) => ({
    department,
    people: new Set(municipal.filter((a) => a.bereich === department).map(person)).size
  }));
  return {
    eligible: {total: eligible.length, berlin_districts: berlin(eligible)},
    engaged: {total: engaged.length, berlin_districts: berlin(engaged)},
    funnel: [eligible.length, ...["erstkontakt", "analyseworkshop", "vereinbarung", "erste_fortbildung", "fachgruppe"].map((c) => reached(c).length)],
    events: Object.fromEntries(
      types.map((t) => {
        const ofType = events.filter((e) => e.typ === t);
        return [t, {
          held: ofType.filter((e) => e.abgesagt === "nein" && iso(e.datum!) <= asOf).length,
          planned: ofType.filter((e) => e.abgesagt === "nein" && iso(e.datum!) > asOf).length,
          cancelled: ofType.filter((e) => e.abgesagt === "ja").length
        }];
      })
    ),
    participants: Object.fromEntries(
      types.map((t) => {
        const rows = atHeld.filter((a) => held.get(a.veranstaltung!) === t);
        return [t, {people: new Set(rows.map(person)).size, attendances: rows.length}];
      })
    ),
    municipal_participants: total,
    departments
  };
}

const STAGE_COLUMNS = ["erstkontakt", "analyseworkshop", "vereinbarung", "erste_fortbildung", "fachgruppe"];

/** Last day of a "JJJJ-MM" month, counted by hand (leap years included). */
function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return `${month}-${String(days).padStart(2, "0")}`;
}

/** Per month from the first date in the sheets to the as-of month: eligible municipalities at each stage and events held in the month. */
export function countOverTime(asOf: string, dir = EXAMPLE_DIR) {
  const municipalities = rawSheet("kommunen.csv", dir);
  const events = rawSheet("veranstaltungen.csv", dir);
  const eligible = municipalities.filter((m) => m.foerderfaehig === "ja");
  const all = [...events.map((e) => iso(e.datum!)), ...municipalities.flatMap((m) => STAGE_COLUMNS.map((c) => iso(m[c]!)))].filter(Boolean).sort();
  const months: string[] = [];
  for (let y = Number(all[0]!.slice(0, 4)), m = Number(all[0]!.slice(5, 7)); `${y}-${String(m).padStart(2, "0")}` <= asOf.slice(0, 7); m === 12 ? ((m = 1), y++) : m++) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return months.map((month) => {
    const end = lastDay(month) < asOf ? lastDay(month) : asOf;
    return {
      month,
      date: end,
      stages: STAGE_COLUMNS.map((c) => eligible.filter((m) => m[c] !== "" && iso(m[c]!) <= end).length),
      events_held: events.filter((e) => e.abgesagt === "nein" && iso(e.datum!).slice(0, 7) === month && iso(e.datum!) <= end).length
    };
  });
}

/** Per agency: eligible, stage counts, events it organised by status, distinct people at its held events. */
export function countByAgency(asOf: string, dir = EXAMPLE_DIR) {
  const municipalities = rawSheet("kommunen.csv", dir);
  const events = rawSheet("veranstaltungen.csv", dir);
  const attendance = rawSheet("teilnahmen.csv", dir);
  return ["Berlin", "Bremen", "Hamburg"].map((agency) => {
    const mine = municipalities.filter((m) => m.foerderfaehig === "ja" && m.agentur === agency);
    const organised = events.filter((e) => e.agentur === agency);
    const held = new Set(organised.filter((e) => e.abgesagt === "nein" && iso(e.datum!) <= asOf).map((e) => e.id));
    const rows = attendance.filter((a) => held.has(a.veranstaltung!));
    return {
      agency,
      funnel: [mine.length, ...STAGE_COLUMNS.map((c) => mine.filter((m) => m[c] !== "" && iso(m[c]!) <= asOf).length)],
      events: {
        held: held.size,
        planned: organised.filter((e) => e.abgesagt === "nein" && iso(e.datum!) > asOf).length,
        cancelled: organised.filter((e) => e.abgesagt === "ja").length
      },
      participants: new Set(rows.map((a) => a.email!.toLowerCase())).size,
      municipal_participants: new Set(rows.filter((a) => a.organisation === "Kommune").map((a) => a.email!.toLowerCase())).size
    };
  });
}
