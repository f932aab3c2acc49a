// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {positionStrip, quantile} from "../../src/components/position-strip.ts";
import {trendChart, type TrendPoint} from "../../src/components/trend-chart.ts";
import {normalizeSvg} from "../support/svg.ts";

const points: TrendPoint[] = [
  {year: 2018, value: 5.1, flag: null, median: 6.0, q1: 5.0, q3: 7.2, land: 5.8, bund: 6.2},
  {year: 2019, value: null, flag: ".", median: 6.1, q1: 5.1, q3: 7.0, land: 5.9, bund: 6.3},
  {year: 2020, value: 5.6, flag: null, median: 6.3, q1: 5.4, q3: 7.5, land: null, bund: 6.4}
];

describe("trendChart", () => {
  it("breaks the region's line at a year without a number instead of drawing 0", () => {
    const chart = trendChart(points, {width: 500, unit: "%", decimals: 1, regionName: "Köln", peerLabel: "Großstädte", landName: "Nordrhein-Westfalen"});
    const svg = chart.querySelector("svg[role='img']")!;
    // The region's line is the last line mark: two separate points → no continuous path through 2019.
    const lines = [...svg.querySelectorAll("g[aria-label='line'] path")];
    const regionPath = lines.at(-1)!.getAttribute("d")!;
    expect(regionPath.match(/M/g)).toHaveLength(2);
    // The flagged year is marked on the axis.
    expect(svg.querySelectorAll("g[aria-label='tick'] line")).toHaveLength(1);
    expect(svg.getAttribute("aria-label")).toBe("Zeitreihe Köln: von 5,1\u00a0% (2018) auf 5,6\u00a0% (2020); Median Großstädte 2020: 6,3\u00a0%.");
  });

  it("matches the SVG snapshot", async () => {
    const chart = trendChart(points, {width: 500, unit: "%", decimals: 1, regionName: "Köln", peerLabel: "Großstädte", landName: "Nordrhein-Westfalen"});
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/trend-chart.html");
  });
});

describe("positionStrip", () => {
  const values = [
    {id: "a", name: "A", value: 1},
    {id: "b", name: "B", value: 2},
    {id: "c", name: "C", value: null},
    {id: "d", name: "D", value: 4}
  ];

  it("draws every peer with a number, leaves out the others, and highlights the region", () => {
    const chart = positionStrip(values, {width: 400, unit: "%", decimals: 1, highlight: "b", peerLabel: "Test"});
    const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg")!;
    expect(svg.querySelectorAll("g[aria-label='tick'] line")).toHaveLength(3); // 2 peers + median
    expect(svg.querySelectorAll("g[aria-label='dot'] circle")).toHaveLength(1);
    expect(svg.getAttribute("aria-label")).toBe("Position unter 3 Regionen der Gruppe Test: B 2,0\u00a0%, Median 2,0\u00a0%.");
  });

  it("says so when the region itself has no value", () => {
    const chart = positionStrip(values, {width: 400, unit: "%", decimals: 1, highlight: "c", peerLabel: "Test"});
    expect(chart.getAttribute("aria-label")).toContain("die Region selbst hat keinen Wert");
  });

  it("computes quantiles like DuckDB's quantile_cont", () => {
    expect(quantile([1, 2, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([7], 0.75)).toBe(7);
  });
});

describe("withGaps", () => {
  it("inserts empty years so that 2020 → 2023 is not drawn as a straight line", async () => {
    const {withGaps} = await import("../../src/components/trend-chart.ts");
    const filled = withGaps([points[0]!, {...points[2]!, year: 2021}]);
    expect(filled.map((p) => p.year)).toEqual([2018, 2019, 2020, 2021]);
    expect(filled[1]).toMatchObject({year: 2019, value: null, flag: null});
  });
});
