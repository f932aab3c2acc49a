import {describe, expect, it} from "vitest";
import {loadProgramme} from "../../../loaders/programme/load.ts";
import {publishPeople, quarterEnds} from "../../../pipelines/programme/privacy.ts";
import {publishReach, reportingDates} from "../../../pipelines/programme/published.ts";
import {computeReach, dayBefore} from "../../../pipelines/programme/reach.ts";
import {EXAMPLE_DIR} from "./count-sheets.ts";

const m = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("publishPeople (privacy over time)", () => {
  it("hides a value 1 or 2 away from a value published on another date; the earlier-processed date wins", () => {
    const raw = new Map([["2015-03-31", m({x: 10})], ["2015-06-30", m({x: 11})], ["2015-09-30", m({x: 14})]]);
    const out = publishPeople(raw, [], ["2015-09-30", "2015-06-30", "2015-03-31"]);
    expect([...out].map(([d, p]) => [d, p.get("x")])).toEqual([["2015-09-30", 14], ["2015-06-30", 11], ["2015-03-31", null]]);
  });

  it("hides 1 and 2, keeps 0 and 3", () => {
    const out = publishPeople(new Map([["d", m({a: 0, b: 1, c: 2, e: 3})]]), [], ["d"]);
    expect(Object.fromEntries(out.get("d")!)).toEqual({a: 0, b: null, c: null, e: 3});
  });

  it("hides parts until the rest of the total is neither 1–2 nor a single cell", () => {
    const raw = new Map([["d", m({t: 20, p1: 1, p2: 1, p3: 4, p4: 14})]]);
    const out = publishPeople(raw, [{id: "b", total: "t", parts: ["p1", "p2", "p3", "p4"]}], ["d"]).get("d")!;
    // 1 + 1 hidden = rest 2: p3 (4) goes too, rest 6.
    expect(Object.fromEntries(out)).toEqual({t: 20, p1: null, p2: null, p3: null, p4: 14});
  });

  it("keeps the rest of a breakdown away from its rest on other dates", () => {
    const raw = new Map([
      ["a", m({t: 30, p1: 1, p2: 5, p3: 24})],
      ["b", m({t: 31, p1: 1, p2: 6, p3: 24})]
    ]);
    const out = publishPeople(raw, [{id: "b", total: "t", parts: ["p1", "p2", "p3"]}], ["a", "b"]);
    // On a: rest 6 (p1, p2 hidden). On b: t=31 is 1 away from 30, so it is hidden, and so is every non-zero part.
    expect(Object.fromEntries(out.get("a")!)).toEqual({t: 30, p1: null, p2: null, p3: 24});
    expect(Object.fromEntries(out.get("b")!)).toEqual({t: null, p1: null, p2: null, p3: null});
  });

  it("has quarter ends from the first quarter to the last", () => {
    expect(quarterEnds("2014-06-12", "2015-01-01")).toEqual(["2014-06-30", "2014-09-30", "2014-12-31", "2015-03-31"]);
  });
});

/** Every published people figure of a reach, flat: key → value (null = hidden). */
function peopleFigures(r: ReturnType<typeof publishReach> | ReturnType<typeof computeReach>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [type, p] of Object.entries(r.participants)) {
    out.set(`participants/${type}/people`, p.people);
    out.set(`participants/${type}/attendances`, p.attendances);
  }
  out.set("municipal", r.municipal_participants);
  for (const d of r.departments) out.set(`department/${d.department}`, d.people);
  for (const x of r.municipalities) out.set(`municipality/${x.id}`, x.people);
  if ("by_agency" in r) {
    for (const a of r.by_agency) {
      out.set(`agency/${a.agency}/people`, a.participants);
      out.set(`agency/${a.agency}/municipal`, a.municipal_participants);
      for (const d of a.departments) out.set(`agency/${a.agency}/department/${d.department}`, d.people);
    }
    for (const g of r.network.topic_groups) {
      out.set(`topic_group/${g.id}/people`, g.people);
      out.set(`topic_group/${g.id}/attendances`, g.attendances);
    }
    for (const x of r.network.modules) out.set(`module/${x.id}/people`, x.people);
  }
  return out;
}

const BREAKDOWNS = (keys: string[]) => [
  {id: "departments", total: "municipal", parts: keys.filter((k) => k.startsWith("department/"))},
  ...["Berlin", "Bremen", "Hamburg"].map((a) => ({id: a, total: `agency/${a}/municipal`, parts: keys.filter((k) => k.startsWith(`agency/${a}/department/`))}))
];

/**
 * What an attacker can work out from the figures of every day: the difference of any two
 * published values of the same figure, and a total minus its published parts (on one day and
 * between days). Returns every result that is a hidden count (1 or 2 people).
 */
function differencing(days: Map<string, Map<string, number | null>>): string[] {
  const found: string[] = [];
  const values = new Map<string, Map<number, string>>();
  const rests = new Map<string, Map<number, string>>();
  for (const [day, figures] of days) {
    for (const [key, v] of figures) {
      if (v === null) continue;
      if (v > 0 && v < 3) found.push(`${day} ${key} = ${v}`);
      const seen = values.get(key) ?? values.set(key, new Map()).get(key)!;
      if (!seen.has(v)) seen.set(v, day);
    }
    for (const b of BREAKDOWNS([...figures.keys()])) {
      const total = figures.get(b.total) ?? null;
      const hidden = b.parts.filter((k) => figures.get(k) === null);
      if (total === null || hidden.length === 0) continue;
      const rest = total - b.parts.reduce((sum, k) => sum + (figures.get(k) ?? 0), 0);
      if (rest > 0 && rest < 3) found.push(`${day} ${b.total} minus parts = ${rest}`);
      const seen = rests.get(b.id) ?? rests.set(b.id, new Map()).get(b.id)!;
      if (!seen.has(rest)) seen.set(rest, day);
    }
  }
  for (const [label, map] of [...values, ...[...rests].map(([id, r]) => [`rest ${id}`, r] as const)]) {
    const list = [...map];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const diff = Math.abs(list[i]![0] - list[j]![0]);
      if (diff > 0 && diff < 3) found.push(`${label}: ${list[i]![1]} (${list[i]![0]}) − ${list[j]![1]} (${list[j]![0]}) = ${diff}`);
    }
  }
  return found;
}

function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

describe("privacy over time on the example record", () => {
  const data = loadProgramme(EXAMPLE_DIR);
  const days = everyDay(dayBefore(reportingDates(data).dates[0]!), "2016-03-31");

  it("subtracting every pair of published people figures over every day yields no hidden count", () => {
    const published = new Map(days.map((d) => [d, peopleFigures(publishReach(data, d))]));
    expect(published.size).toBeGreaterThan(650);
    expect(differencing(published)).toEqual([]);
  });

  it("the check finds what hiding each day on its own would give away", () => {
    const perDay = new Map(days.map((d) => [d, peopleFigures(computeReach(data, d))]));
    expect(differencing(perDay).length).toBeGreaterThan(0);
  });

  it("still publishes the figures of 28.08.2015 in full", () => {
    const r = publishReach(data, "2015-08-28");
    expect(r.people_as_of).toBe("2015-08-28");
    expect(r.departments.every((d) => d.people !== null)).toBe(true);
    expect(r.participants.Kommunalsalon.people).toBe(197);
  });
});
