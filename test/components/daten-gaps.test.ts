import {describe, expect, it} from "vitest";
import {MISSING_TOPICS, pullHint, yearGaps} from "../../src/daten/gaps.ts";

describe("/daten/: what is still missing", () => {
  it("finds the years inside a Kreis series without any value, not before or after it", () => {
    const coverage = [
      // Kita rate: 2019, 2020 and 2023 with values; 2021 and 2022 without; nothing before 2019.
      {indicator: "betreuungsquote_u3", level: "kreis", first_year: 2018, with_value: [0, 400, 400, 0, 0, 400]},
      {indicator: "betreuungsquote_u3", level: "land", first_year: 2023, with_value: [16]},
      {indicator: "schulabgaenger_ohne_hsa", level: "kreis", first_year: 2020, with_value: [400, 382, 400]}
    ];
    expect(yearGaps(coverage)).toEqual([{indicator: "betreuungsquote_u3", years: [2021, 2022]}]);
  });

  it("says how kbm pull could fetch a gap, or that it cannot", () => {
    expect(pullHint("betreuungsquote_u3")).toContain("kbm pull --table 22543-01-02-4");
    expect(pullHint("mss_kinderarmut")).toBeNull();
    expect(MISSING_TOPICS.map((t) => t.topic)).toEqual(["Weiterbildung", "Ganztag", "Ausbildungsmarkt"]);
  });
});
