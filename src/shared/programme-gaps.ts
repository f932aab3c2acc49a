/**
 * The programme lead's action list: eligible municipalities not yet in contact, or at one
 * stage for at least `threshold` whole months by the as-of date. Municipality-level facts only
 * (stages, which events its staff attended): no people. Pure, no Node imports (the page
 * recomputes it when the threshold in the address changes).
 *
 * Rules:
 * - The stage is the furthest reached by the as-of date; "since" is that stage's date. A
 *   municipality without contact has been waiting since the programme's first recorded date.
 * - Municipalities in a Fachgruppe (the last stage) are not stuck: they are never listed.
 * - Months are whole calendar months (31.01. → 29.02. is 0 full months, → 01.03. is 1).
 * - "Last event attended": the latest held event up to the as-of date that staff of the
 *   municipality attended.
 */
import type {StageKey} from "../../loaders/programme/sheets.ts";
import {monthsBetween, STAGE_KEYS} from "./programme-over-time.js";

export const DEFAULT_GAP_MONTHS = 6;

export interface GapInput {
  id: string;
  name: string;
  agency: string | null;
  profile_id: string | null;
  stages: Record<StageKey, string | null>;
  /** Events its staff attended (any date; filtered by the as-of date here). */
  attended: readonly {event: string; date: string}[];
}

export interface GapRow {
  id: string;
  name: string;
  agency: string | null;
  profile_id: string | null;
  /** "eligible" = no contact yet. */
  stage: "eligible" | StageKey;
  since: string;
  months: number;
  last_event: {id: string; date: string} | null;
}

/** `?monate=N` in the address: a whole number 1–60, else the default. */
export function gapThreshold(search: string): number {
  const raw = new URLSearchParams(search).get("monate");
  const n = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  return n >= 1 && n <= 60 ? n : DEFAULT_GAP_MONTHS;
}

export function gapList(municipalities: readonly GapInput[], asOf: string, start: string, threshold = DEFAULT_GAP_MONTHS): GapRow[] {
  const rows: GapRow[] = [];
  for (const m of municipalities) {
    let stage: GapRow["stage"] = "eligible";
    let since = start;
    for (const key of STAGE_KEYS) {
      const date = m.stages[key];
      if (date !== null && date <= asOf) {
        stage = key;
        since = date;
      }
    }
    if (stage === "topic_group") continue;
    const months = monthsBetween(since, asOf);
    if (stage !== "eligible" && months < threshold) continue;
    const last = m.attended.filter((a) => a.date <= asOf).sort((a, b) => a.date.localeCompare(b.date) || a.event.localeCompare(b.event)).at(-1);
    rows.push({id: m.id, name: m.name, agency: m.agency, profile_id: m.profile_id, stage, since, months, last_event: last ? {id: last.event, date: last.date} : null});
  }
  // Not yet in contact first, then the longest waiting.
  return rows.sort((a, b) => Number(b.stage === "eligible") - Number(a.stage === "eligible") || b.months - a.months || a.name.localeCompare(b.name, "de"));
}

/** Per municipality: the first date its staff attended a held event of each module / topic group, up to the as-of date. */
export function firstAttendedBy(attended: readonly {event: string; date: string}[], keyOf: ReadonlyMap<string, string | null>, asOf: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of attended) {
    const key = keyOf.get(a.event);
    if (!key || a.date > asOf) continue;
    const known = out.get(key);
    if (known === undefined || a.date < known) out.set(key, a.date);
  }
  return out;
}
