/**
 * Privacy over time: which counts of people may be published, on any as-of date.
 *
 * Counts of municipalities and events are public and never suppressed. Counts of people are
 * protected. Hiding cells of 1 or 2 people protects each date on its own, but the as-of date
 * can be any day: two neighbouring days subtracted, or a total minus its published parts, could
 * reveal a hidden count. The rule (docs/programm-datenschutz.md):
 *
 * 1. Fixed reporting dates. People are counted only as of reporting dates: quarter ends
 *    (31.03., 30.06., 30.09., 31.12.) and the days the programme itself published figures
 *    (meilensteine.csv). Any other as-of date shows the people figures of the latest reporting
 *    date before it, and says so. Between two reporting dates nothing about people changes,
 *    so day-by-day differencing yields nothing.
 * 2. Distance between published values. A people figure is published on a reporting date only
 *    if it is 0 or at least 3, and equal to or at least 3 away from every value of the same
 *    figure published on another reporting date. Conflicts are settled in a fixed order: the
 *    publication days first (their figures are public already), then from the latest reporting
 *    date to the earliest.
 * 3. Totals and parts. Where a total is shown with its parts (municipal participants by
 *    department or by municipality, an agency's by department), hidden parts must not follow
 *    from it: more parts are hidden, smallest first, until the hidden rest (total minus shown
 *    parts) is 0 or at least 3, is not exactly one cell, and is equal to or at least 3 away
 *    from the rest of the same breakdown on every other reporting date. Parts that are never
 *    shown (people from municipalities outside the list) count as hidden. If that cannot be
 *    reached, the total is hidden too; with a hidden total, every non-zero part is hidden.
 *
 * Pure: no I/O, no clock.
 */
import type {IsoDate} from "../../loaders/programme/types.ts";

export const MIN_PEOPLE = 3;

export interface Breakdown {
  id: string;
  total: string;
  parts: string[];
  /** Parts counted in the total that are never published. */
  neverShown?: string[];
}

export type Published = Map<string, number | null>;

const small = (n: number) => n > 0 && n < MIN_PEOPLE;
const tooClose = (a: number, b: number) => a !== b && Math.abs(a - b) < MIN_PEOPLE;

/** Quarter ends from the quarter of `from` to the quarter of `to` (inclusive). */
export function quarterEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const end = new Date(Date.UTC(year, quarter * 3 + 3, 0)).toISOString().slice(0, 10);
    out.push(end);
    if (end >= to) return out;
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year++;
  }
}

/**
 * Applies rules 2 and 3 to the raw counts of every reporting date. `order` is the processing
 * order (rule 2); every date of `raw` must be in it.
 */
export function publishPeople(raw: ReadonlyMap<IsoDate, ReadonlyMap<string, number>>, breakdowns: readonly Breakdown[], order: readonly IsoDate[]): Map<IsoDate, Published> {
  const published = new Map<IsoDate, Published>();
  const rests = new Map<string, Map<IsoDate, number>>(breakdowns.map((b) => [b.id, new Map()]));
  const partKeys = new Set(breakdowns.flatMap((b) => [...b.parts, ...(b.neverShown ?? [])]));

  /** Rule 2 for one figure on one date, against what other dates published. */
  const fits = (key: string, value: number, date: IsoDate) => {
    if (value === 0) return true;
    if (small(value)) return false;
    for (const [other, figures] of published) {
      const v = other === date ? null : (figures.get(key) ?? null);
      if (v !== null && tooClose(v, value)) return false;
    }
    return true;
  };

  for (const date of order) {
    const counts = raw.get(date);
    if (!counts) throw new Error(`publishPeople: no counts for ${date}`);
    const hiddenTotals = new Set<string>();
    // Rule 3 can hide a total another breakdown already used: repeat until nothing changes.
    for (;;) {
      const out: Published = new Map();
      for (const [key, value] of counts) if (!partKeys.has(key)) out.set(key, !hiddenTotals.has(key) && fits(key, value, date) ? value : null);
      published.set(date, out);
      const restOf = new Map<string, number>();
      let again = false;
      for (const b of breakdowns) {
        const total = out.get(b.total) ?? null;
        const value = (k: string) => counts.get(k) ?? 0;
        const shown = new Set(b.parts.filter((k) => fits(k, value(k), date)));
        if (total === null) {
          for (const k of b.parts) out.set(k, shown.has(k) && value(k) === 0 ? 0 : null);
          continue;
        }
        for (;;) {
          const hidden = [...b.parts.filter((k) => !shown.has(k)), ...(b.neverShown ?? [])].filter((k) => value(k) > 0);
          const rest = total - b.parts.filter((k) => shown.has(k)).reduce((sum, k) => sum + value(k), 0);
          const single = hidden.length === 1 && !(b.neverShown ?? []).includes(hidden[0]!);
          const clash = [...rests.get(b.id)!].some(([other, r]) => other !== date && tooClose(r, rest));
          if (hidden.length === 0 || (!small(rest) && !single && !clash)) {
            restOf.set(b.id, rest);
            break;
          }
          const next = b.parts.filter((k) => shown.has(k) && value(k) > 0).sort((x, y) => value(x) - value(y) || x.localeCompare(y))[0];
          if (next === undefined) {
            hiddenTotals.add(b.total);
            again = true;
            break;
          }
          shown.delete(next);
        }
        if (again) break;
        for (const k of b.parts) out.set(k, shown.has(k) ? value(k) : null);
      }
      if (again) continue;
      for (const [id, rest] of restOf) rests.get(id)!.set(date, rest);
      break;
    }
  }
  return published;
}
