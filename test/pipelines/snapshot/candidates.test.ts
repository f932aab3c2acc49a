import {describe, expect, it} from "vitest";
import {REGISTRY} from "../../../pipelines/indicators/registry.ts";
import {resolveCandidates, type Candidate} from "../../../pipelines/snapshot/candidates.ts";
import type {Region} from "../../../pipelines/snapshot/format.ts";

const region = (id: string, level: Region["level"]): Region => ({id, name: id, level, type: "", parent: "", land: "", kreisfrei: null, bbsr_kreistyp: null, population: null, population_date: "", area_km2: null});
const REGIONS = [region("DG", "bund"), region("13", "land"), region("13003", "kreis"), region("11001001", "bezirk"), region("01100101", "planungsraum")];
const c = (o: Partial<Candidate>): Candidate => ({indicator: "betreuungsquote_u3", region: "13003", period: "2023", value: 63.3, flag: null, source: "ew24_strukturdaten", file: "ew24.csv", line: 7, ...o});
// Only the indicators used here, with the levels the fixtures cover.
const registry = REGISTRY.filter((e) => e.id === "betreuungsquote_u3").map((e) => ({...e, levels: ["kreis" as const]}));

describe("resolveCandidates", () => {
  it("keeps the source earlier in the precedence and reports the other", () => {
    const {observations, overridden} = resolveCandidates([c({source: "ew24_strukturdaten", value: 63.3}), c({source: "inkar", value: 63.31, line: 9, file: "inkar.csv"})], registry, REGIONS);
    expect(observations).toEqual([{indicator: "betreuungsquote_u3", region: "13003", period: "2023", value: 63.31, flag: null, source: "inkar"}]);
    expect(overridden).toEqual([{indicator: "betreuungsquote_u3", winner: "inkar", loser: "ew24_strukturdaten", count: 1, max_abs_diff: 0.01}]);
  });

  it("a value wins over a gap of a source earlier in the precedence, and that is no override", () => {
    const gap = c({source: "inkar", value: null, flag: ".", file: "inkar.csv", line: 9});
    const {observations, overridden} = resolveCandidates([gap, c({source: "ew24_strukturdaten", value: 63.3})], registry, REGIONS);
    expect(observations).toEqual([{indicator: "betreuungsquote_u3", region: "13003", period: "2023", value: 63.3, flag: null, source: "ew24_strukturdaten"}]);
    expect(overridden).toEqual([]);
    // Alone, the gap is kept: a row without a number that coverage counts.
    expect(resolveCandidates([gap], registry, REGIONS).observations).toEqual([{indicator: "betreuungsquote_u3", region: "13003", period: "2023", value: null, flag: ".", source: "inkar"}]);
  });

  it("stops on a value out of the registry's range, naming file and line", () => {
    expect(() => resolveCandidates([c({value: 130})], registry, REGIONS)).toThrow('ew24.csv, Zeile 7, Feld "betreuungsquote_u3": erwartet: einen Wert zwischen 0 und 100 für 13003 2023, gefunden: "130"');
  });

  it("stops on a duplicate key within one source", () => {
    expect(() => resolveCandidates([c({line: 7}), c({line: 8})], registry, REGIONS)).toThrow('ew24.csv, Zeile 8, Feld "betreuungsquote_u3": erwartet: jeden Wert nur einmal je Quelle (13003, 2023), gefunden: "doppelt, schon in Zeile 7"');
  });

  it("sets aside values of regions outside the snapshot and stops on a level the registry does not name", () => {
    const {observations, setAside} = resolveCandidates([c({}), c({region: "16056", period: "2015", line: 12})], registry, REGIONS);
    expect(observations).toHaveLength(1);
    expect(setAside).toEqual([{file: "ew24.csv", line: 12, indicator: "betreuungsquote_u3", region: "16056", period: "2015", reason: "Region nicht im Gebietsstand des Snapshots"}]);
    expect(() => resolveCandidates([c({}), c({region: "13"})], registry, REGIONS)).toThrow('ew24.csv, Zeile 7, Feld "betreuungsquote_u3": erwartet: eine Region der Ebenen kreis (Register), gefunden: "13 (land)"');
  });

  it("fails when a level the registry promises has no values", () => {
    expect(() => resolveCandidates([c({})], [{...registry[0]!, levels: ["kreis", "bezirk"]}], REGIONS)).toThrow("Indikator betreuungsquote_u3: keine Werte für die Ebene(n) bezirk, die das Register nennt");
  });
});
