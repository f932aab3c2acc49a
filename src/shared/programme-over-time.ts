/**
 * The programme's growth month by month: municipalities at each stage and events held. Only
 * counts of municipalities and events (public, never suppressed); no people. Pure and free of
 * Node imports: `kbm reach` (over_time) and the page's growth chart both use it.
 *
 * Rules:
 * - A month's figures are those at its last day, or at the as-of date in the as-of month.
 * - A stage counts from its date on (as in the funnel); "at least this stage" (cumulative):
 *   a municipality in the Fachgruppe is also counted under Erstkontakt.
 * - Events held in a month: not cancelled, dated in the month and on or before the as-of date.
 * - The months run from the month of the first stage or event date to the as-of month.
 */
import type {StageKey} from "../../loaders/programme/sheets.ts";

export const STAGE_KEYS: readonly StageKey[] = ["contact", "analysis", "agreement", "training", "topic_group"];

export interface OverTimeInput {
  municipalities: readonly {eligible?: boolean; stages: Record<StageKey, string | null>}[];
  events: readonly {date: string; type: string; cancelled: boolean}[];
}

export interface MonthFigures {
  /** "2015-08" */
  month: string;
  /** The day the figures hold for: the month's last day, or the as-of date in its month. */
  date: string;
  /** Eligible municipalities that reached at least this stage by `date`. */
  stages: Record<StageKey, number>;
  /** Events held in the month (up to `date`). */
  events_held: number;
  events_by_type: Record<string, number>;
}

/** The last day of the month of an ISO date. */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** "2015-08" → "2015-09" */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Whole months from `from` to `to` (both ISO dates): 2015-01-31 → 2015-02-28 is 0, → 2015-03-01 is 1. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** The first date in the records: the programme's start for the charts. */
export function firstDate(input: OverTimeInput): string | null {
  const dates = [
    ...input.events.map((e) => e.date),
    ...input.municipalities.flatMap((m) => STAGE_KEYS.map((k) => m.stages[k]).filter((d): d is string => d !== null))
  ].sort();
  return dates[0] ?? null;
}

export function overTime(input: OverTimeInput, asOf: string): MonthFigures[] {
  const first = firstDate(input);
  if (first === null || first > asOf) return [];
  const eligible = input.municipalities.filter((m) => m.eligible !== false);
  const out: MonthFigures[] = [];
  for (let month = first.slice(0, 7); month <= asOf.slice(0, 7); month = nextMonth(month)) {
    const end = monthEnd(month);
    const date = end < asOf ? end : asOf;
    const stages = Object.fromEntries(STAGE_KEYS.map((k) => [k, eligible.filter((m) => m.stages[k] !== null && m.stages[k]! <= date).length])) as Record<StageKey, number>;
    const held = input.events.filter((e) => !e.cancelled && e.date.startsWith(month) && e.date <= date);
    const byType: Record<string, number> = {};
    for (const e of held) byType[e.type] = (byType[e.type] ?? 0) + 1;
    out.push({month, date, stages, events_held: held.length, events_by_type: byType});
  }
  return out;
}
