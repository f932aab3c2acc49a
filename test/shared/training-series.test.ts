import {describe, expect, it} from "vitest";
import type {TrainingData} from "../../pipelines/exports/training.ts";
import {gapYears, seriesOutline, sourceRuns} from "../../src/shared/training-series.ts";

/** Two Kreise and the Bund; 2020 has only a Bund value, 2021 only a flag; the source changes in 2022. */
function fixture(): TrainingData {
  return {
    regions: [{id: "05315"}, {id: "09162"}],
    series: {
      quote: {
        years: [2018, 2019, 2020, 2021, 2022, 2023],
        values: {"05315": [30, 31, null, null, 35, 36], "09162": [null, 29, null, null, 33, null], DG: [25, 26, 27, null, 28, 29]},
        flags: {"05315": {3: "."}},
        sources: {kreis: {2018: ["inkar"], 2019: ["inkar"], 2022: ["rdb_2022"], 2023: ["rdb_2023"]}, bund: {2020: ["inkar"]}},
        computed: {}
      }
    }
  } as unknown as TrainingData;
}

describe("seriesOutline", () => {
  it("names the years with a Kreis value, the years between without one, and where the source changes", () => {
    expect(seriesOutline(fixture(), "quote")).toBe("2018, 2019, 2022 und 2023; ohne Kreiswerte 2020 und 2021; Quellenwechsel 2022 und 2023");
  });

  it("a Bund value or a flag does not count as a Kreis value", () => {
    expect(gapYears(fixture(), "quote")).toEqual([2020, 2021]);
  });

  it("a series from one source without gaps is just its span", () => {
    const data = fixture();
    const series = data.series.quote!;
    series.values = {"05315": [1, 2, 3, 4, 5, 6]};
    series.sources = {kreis: Object.fromEntries(series.years.map((y) => [y, ["inkar"]]))};
    expect(sourceRuns(data, "quote")).toEqual([{from: 2018, to: 2023, sources: ["inkar"]}]);
    expect(seriesOutline(data, "quote")).toBe("2018–2023");
  });
});
