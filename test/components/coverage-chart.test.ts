// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {coverageChart, coverageMessage, yearRanges} from "../../src/components/coverage-chart.ts";
import {normalizeSvg} from "../support/svg.ts";

// The shape of the under-3 childcare rate: Kreise 2006–2020 and 2023, Land/Bund and 8 Bezirke 2023.
const kreise = [...Array.from({length: 15}, (_, i) => 2006 + i), 2023].map((year) => ({level: "kreis", period: String(year), year, with_value: 400, without_value: 0, expected: 400}));
const rows = [
  {level: "bund", period: "2023", year: 2023, with_value: 1, without_value: 0, expected: 1},
  {level: "land", period: "2023", year: 2023, with_value: 16, without_value: 0, expected: 16},
  ...kreise,
  {level: "bezirk", period: "2023", year: 2023, with_value: 8, without_value: 0, expected: 12}
];

describe("coverageChart", () => {
  it("one cell per level and year with a value; gaps stay empty", () => {
    const chart = coverageChart(rows, {width: 640});
    expect(chart.querySelectorAll("g[aria-label='cell'] rect")).toHaveLength(19);
    // 2006 … 2023 on the axis, 2021 and 2022 included (empty).
    expect(chart.querySelectorAll("g[aria-label='x-axis tick label'] text")).toHaveLength(18);
    expect(chart.getAttribute("aria-label")).toBe(
      "Abdeckung nach Jahr und Ebene: Bund 2023 (1 von 1 mit Wert); Länder 2023 (16 von 16 mit Wert); Kreise 2006–2020, 2023 (400 von 400 mit Wert); Berliner Bezirke 2023 (8 von 12 mit Wert)."
    );
  });

  it("matches the SVG snapshot", async () => {
    await expect(normalizeSvg(coverageChart(rows, {width: 640}))).toMatchFileSnapshot("__snapshots__/coverage-chart.svg");
  });

  it("year ranges and an empty message", () => {
    expect(yearRanges([2023, 2006, 2007, 2008, 2020, 2019])).toBe("2006–2008, 2019–2020, 2023");
    expect(coverageMessage([])).toBe("Abdeckung: keine Werte.");
  });
});
