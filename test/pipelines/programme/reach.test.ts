import {describe, expect, it} from "vitest";
import {loadProgramme} from "../../../loaders/programme/load.ts";
import type {ProgrammeData} from "../../../loaders/programme/types.ts";
import {changeDates, computeReach, dayBefore, reachSeries, stageOf, suppressCells} from "../../../pipelines/programme/reach.ts";
import {EXAMPLE_DIR} from "./count-sheets.ts";

const stages = {contact: null, analysis: null, agreement: null, training: null, topic_group: null};

/** Provenance: made up for this test. Two eligible municipalities, one not; four events. */
const DATA: ProgrammeData = {
  stand: {municipalities: "2015-12-31", events: "2015-12-31", attendance: "2015-12-31", topicGroups: "2015-12-31", modules: "2015-12-31"},
  note: null,
  municipalities: [
    {id: "a", name: "A", type: "kreisfreie Stadt", region_key: "05911", profile_id: "05911", eligible: true, reason: "r", agency: "Bremen", stages: {...stages, contact: "2015-01-10", analysis: "2015-03-01"}},
    {id: "b", name: "B", type: "Berliner Bezirk", region_key: "11001001", profile_id: "11001001", eligible: true, reason: "r", agency: "Berlin", stages: {...stages, contact: "2015-06-01"}},
    {id: "c", name: "C", type: "kreisfreie Stadt", region_key: "01002", profile_id: "01002", eligible: false, reason: "r", agency: null, stages}
  ],
  events: [
    {id: "E1", type: "Kommunalsalon", date: "2015-02-01", host: "a", title: "t", module: null, topic_group: null, cancelled: false, agency: "Bremen"},
    {id: "E2", type: "Analyseworkshop", date: "2015-03-01", host: "a", title: "t", module: null, topic_group: null, cancelled: false, agency: "Bremen"},
    {id: "E3", type: "Kommunalsalon", date: "2015-09-01", host: "b", title: "t", module: null, topic_group: null, cancelled: false, agency: "Bremen"},
    {id: "E4", type: "Fortbildung", date: "2015-04-01", host: "a", title: "t", module: "M1", topic_group: null, cancelled: true, agency: "Bremen"}
  ],
  attendance: [
    ...[1, 2, 3, 4].map((person) => ({event: "E1", person, organisation: "Kommune" as const, municipality: "a", department: "Jugend" as const})),
    {event: "E1", person: 5, organisation: "Kommune", municipality: "c", department: "Schule"},
    {event: "E1", person: 6, organisation: "Stiftung", municipality: null, department: null},
    ...[1, 2, 7].map((person) => ({event: "E2", person, organisation: "Kommune" as const, municipality: "a", department: (person === 7 ? "Soziales" : "Jugend") as "Jugend"})),
    {event: "E3", person: 8, organisation: "Kommune", municipality: "b", department: "Schule"}
  ],
  topicGroups: [],
  modules: [{id: "M1", number: 1, name: "m"}],
  milestones: []
};

describe("computeReach", () => {
  it("counts held, planned and cancelled events by the as-of date", () => {
    const reach = computeReach(DATA, "2015-03-01");
    expect(reach.events.Kommunalsalon).toEqual({held: 1, planned: 1, cancelled: 0});
    expect(reach.events.Analyseworkshop).toEqual({held: 1, planned: 0, cancelled: 0});
    expect(reach.events.Fortbildung).toEqual({held: 0, planned: 0, cancelled: 1});
  });

  it("counts engaged municipalities and the funnel from the stage dates", () => {
    expect(computeReach(DATA, "2015-05-31")).toMatchObject({eligible: {total: 2, berlin_districts: 1}, engaged: {total: 1, berlin_districts: 0}});
    expect(computeReach(DATA, "2015-06-01").engaged).toEqual({total: 2, berlin_districts: 1});
    expect(computeReach(DATA, "2015-03-01").funnel.map((f) => f.municipalities)).toEqual([2, 1, 1, 0, 0, 0]);
  });

  it("counts distinct people at held events only, per type and overall", () => {
    const reach = computeReach(DATA, "2015-03-01");
    expect(reach.participants.Kommunalsalon).toEqual({people: 6, attendances: 6, organisations: ["Kommune", "Stiftung"]});
    expect(reach.participants.Analyseworkshop).toEqual({people: 3, attendances: 3, organisations: ["Kommune"]});
    // Municipal people: 1–5 at E1, 7 at E2 (1 and 2 again): six distinct, Stiftung not counted.
    expect(reach.municipal_participants).toBe(6);
  });

  it("hides department cells of 1 or 2 people, and one more when only one is hidden", () => {
    const reach = computeReach(DATA, "2015-03-01");
    // Jugend 4, Schule 1, Soziales 1: two cells hidden, nothing else needed.
    expect(reach.departments.filter((d) => d.people !== 0)).toEqual([
      {department: "Jugend", people: 4, share: 0.6667},
      {department: "Schule", people: null, share: null},
      {department: "Soziales", people: null, share: null}
    ]);
  });

  it("hides municipalities with 1 or 2 participants in the per-municipality counts", () => {
    expect(computeReach(DATA, "2015-12-31").municipalities).toEqual([
      {id: "a", stage: "analysis", people: 5},
      {id: "b", stage: "contact", people: null}
    ]);
  });

  it("refuses a date that is not JJJJ-MM-TT", () => {
    expect(() => computeReach(DATA, "28.08.2015")).toThrow("Stichtag als JJJJ-MM-TT erwartet");
  });
});

describe("suppressCells", () => {
  it("keeps cells of 3 and more and zeros", () => {
    expect(suppressCells([5, 0, 3], 8)).toEqual([5, 0, 3]);
  });
  it("hides 1 and 2; with a single hidden cell also the smallest other non-zero cell", () => {
    expect(suppressCells([5, 2, 4, 0], 11)).toEqual([5, null, null, 0]);
    expect(suppressCells([1, 2, 9], 12)).toEqual([null, null, 9]);
  });
  it("hides every non-zero cell when the total itself is below 3", () => {
    expect(suppressCells([1, 1, 0], 2)).toEqual([null, null, 0]);
  });
});

describe("stageOf and the series", () => {
  it("is the furthest stage reached by the date", () => {
    const s = DATA.municipalities[0]!.stages;
    expect([stageOf(s, "2015-01-09"), stageOf(s, "2015-01-10"), stageOf(s, "2016-01-01")]).toEqual(["eligible", "contact", "analysis"]);
  });

  it("changes only on change dates: every day of the example record equals its series entry", () => {
    const data = loadProgramme(EXAMPLE_DIR);
    const series = reachSeries(data);
    expect(series[0]!.as_of).toBe(dayBefore(changeDates(data)[0]!));
    for (let day = "2014-05-01"; day <= "2016-02-01"; day = next(day)) {
      const entry = series.findLast((s) => s.as_of <= day) ?? series[0]!;
      expect({...entry, as_of: day}, day).toEqual(computeReach(data, day));
    }
  });
});

function next(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
