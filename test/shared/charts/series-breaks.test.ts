import {describe, expect, it} from "vitest";
import type {ProfileSeries} from "../../../pipelines/exports/profile-file.ts";
import {sourceBreaks} from "../../../src/shared/charts/series-breaks.ts";
import type {SeriesBasis} from "../../../src/shared/comparability.ts";

function series(rows: [number, number | null, string | null][]): ProfileSeries {
  return {period: rows.map(([y]) => String(y)), year: rows.map(([y]) => y), value: rows.map(([, v]) => v), source: rows.map(([, , s]) => s)} as ProfileSeries;
}

// The population's registry entries: the Regionaldatenbank's 2023/2024 rows rest on Zensus 2022, all else on Zensus 2011.
const POPULATION: SeriesBasis[] = [
  {source_id: "rdb_bevoelkerung_2023_2024", from: null, to: null, basis: "zensus2022"},
  {source_id: null, from: null, to: null, basis: "zensus2011"}
];

describe("sourceBreaks", () => {
  const population = series([
    [2020, 1083498, "gvisys"],
    [2021, 1073096, "gvisys"],
    [2022, 1084800, "ew24_strukturdaten"],
    [2023, 1024408, "rdb_bevoelkerung_2023_2024"],
    [2024, 1024621, "rdb_bevoelkerung_2023_2024"]
  ]);

  it("names a change of population basis as such, and a plain change of source as Quellenwechsel", () => {
    expect(sourceBreaks(population, POPULATION)).toEqual([
      {year: 2022, label: "Quellenwechsel"},
      {year: 2023, label: "Basis Zensus 2022"}
    ]);
  });

  it("without the registry's bases every break is a Quellenwechsel", () => {
    expect(sourceBreaks(population)).toEqual([
      {year: 2022, label: "Quellenwechsel"},
      {year: 2023, label: "Quellenwechsel"}
    ]);
  });

  it("compares with the last value, across missing years, and ignores a flagged year", () => {
    const gap = series([
      [2020, 30.1, "inkar"],
      [2021, null, "inkar"],
      [2022, null, null],
      [2023, 33.4, "rdb_kita_u3_2025"]
    ]);
    expect(sourceBreaks(gap, [{source_id: "rdb_kita_u3_2025", from: null, to: null, basis: "zensus2022"}, {source_id: null, from: null, to: null, basis: "zensus2011"}])).toEqual([{year: 2023, label: "Basis Zensus 2022"}]);
  });

  it("a value without population basis never makes a basis break", () => {
    const mixed = series([
      [2022, 5, "a"],
      [2023, 6, "b"]
    ]);
    expect(sourceBreaks(mixed, [{source_id: "b", from: null, to: null, basis: "zensus2022"}, {source_id: null, from: null, to: null, basis: null}])).toEqual([{year: 2023, label: "Quellenwechsel"}]);
  });
});
