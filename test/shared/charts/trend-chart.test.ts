// Runs in Node without a global DOM: the chart is drawn into a jsdom document it is handed,
// as the report draft (kbm bericht) does.
import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {fillYears, labelRows, planTrend, trendChart, yearTicks, type TrendChartOptions, type TrendRow} from "../../../src/shared/charts/trend-chart.ts";
import {normalizeSvg} from "../../support/svg.ts";

const {document} = new JSDOM("<!doctype html><body></body>").window;
const row = (year: number, value: number | null, extra: Partial<TrendRow> = {}): TrendRow => ({year, value, flag: null, median: null, q1: null, q3: null, land: null, bund: null, ...extra});
const points: TrendRow[] = [
  row(2018, 5.1, {median: 6.0, q1: 5.0, q3: 7.2, land: 5.8, bund: 6.2}),
  row(2019, null, {flag: ".", median: 6.1, q1: 5.1, q3: 7.0, land: 5.9, bund: 6.3}),
  row(2020, 5.6, {median: 6.3, q1: 5.4, q3: 7.5, land: null, bund: 6.4})
];
const base: TrendChartOptions = {width: 500, unit: "%", decimals: 1, regionName: "Köln", medianLabel: "Median Großstädte", landName: "Nordrhein-Westfalen", document};

const legendKinds = (svg: Element) => [...svg.querySelectorAll(".trend-legend [data-kind]")].map((g) => g.getAttribute("data-kind"));
const legendTexts = (svg: Element) => [...svg.querySelectorAll(".trend-legend text")].map((t) => t.textContent);
const linePaths = (svg: Element) => [...svg.querySelectorAll("g[aria-label='line']")];

describe("trendChart", () => {
  it("breaks the region's line at a year without a number instead of drawing 0, and marks the flagged year", () => {
    const svg = trendChart(points, base);
    expect(svg.tagName.toLowerCase()).toBe("svg");
    // The region's line is the last line mark: two separate points → no continuous path through 2019.
    const regionPath = linePaths(svg).at(-1)!.querySelector("path")!.getAttribute("d")!;
    expect(regionPath.match(/M/g)).toHaveLength(2);
    expect(svg.querySelectorAll("g[aria-label='tick'] line")).toHaveLength(1);
    expect(svg.getAttribute("aria-label")).toBe("Zeitreihe Köln: von 5,1\u00a0% (2018) auf 5,6\u00a0% (2020); Median Großstädte 2020: 6,3\u00a0%.");
  });

  it("has a legend of exactly the marks it draws: band and flag included, Land and Bund as lines", () => {
    const svg = trendChart(points, base);
    expect(legendKinds(svg)).toEqual(["region", "median", "band", "land", "bund", "flag"]);
    expect(legendTexts(svg)).toContain("mittlere Hälfte der Vergleichsgruppe");
    // One line mark each for median, Land, Bund and the region; one area for the band.
    expect(linePaths(svg)).toHaveLength(4);
    expect(svg.querySelectorAll("g[aria-label='area']")).toHaveLength(1);
    // Without Land values there is no Land line and no Land entry, and the plan says why.
    const noLand = points.map((p) => ({...p, land: null}));
    const svg2 = trendChart(noLand, base);
    expect(legendKinds(svg2)).toEqual(["region", "median", "band", "bund", "flag"]);
    expect(linePaths(svg2)).toHaveLength(3);
    expect(planTrend(noLand, base).notes).toContain("Für Nordrhein-Westfalen liegt kein Wert vor.");
  });

  it("says for which years Land values exist when they cover only part of the series", () => {
    expect(planTrend(points, base).notes).toEqual(["Nordrhein-Westfalen: Werte 2018–2019; für die übrigen Jahre ist kein Wert veröffentlicht oder berechenbar."]);
  });

  it("never puts a count on the axis of a Land 18 times its size: Land and Bund are left out, with the reason", () => {
    const population = [2018, 2019, 2020].map((y, i) => row(y, 1_080_000 + i * 1000, {land: 17_900_000, bund: 83_000_000}));
    const options = {...base, unit: "Personen", decimals: 0, medianLabel: null};
    const plan = planTrend(population, options);
    expect(plan.drawLand).toBe(false);
    expect(plan.drawBund).toBe(false);
    expect(plan.notes[0]).toMatch(/^Nordrhein-Westfalen und Deutschland sind um ein Vielfaches größer/);
    const svg = trendChart(population, options);
    expect(legendKinds(svg)).toEqual(["region"]);
    // The region's own range spans the axis: its line is not flat.
    const ys = [...svg.querySelectorAll("g[aria-label='dot'] circle")].map((c) => Number(c.getAttribute("cy")));
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(50);
  });

  it("labels years as whole numbers, also for a two-year series", () => {
    const svg = trendChart([row(2021, 3), row(2022, 4)], base);
    const ticks = [...svg.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["2021", "2022"]);
    expect(yearTicks(1995, 2022, 460)).toEqual([1995, 2000, 2005, 2010, 2015, 2020]);
    expect(yearTicks(2006, 2023, 460).every(Number.isInteger)).toBe(true);
  });

  it("marks a break with a labelled rule and does not run the line across it", () => {
    const rows = [row(2018, 30), row(2019, 31), row(2020, 32), row(2021, 40), row(2022, 41)];
    const svg = trendChart(rows, {...base, breaks: [{year: 2021, label: "Zensus 2022"}]});
    expect(legendKinds(svg)).toContain("break");
    expect(svg.textContent).toContain("Zensus 2022");
    const regionPath = linePaths(svg).at(-1)!.querySelectorAll("path");
    expect(regionPath).toHaveLength(2);
  });

  it("names each line of a user-picked set in the legend", () => {
    const others = [{name: "Bonn", points: [{year: 2018, value: 4}, {year: 2020, value: 4.5}]}, {name: "Essen", points: [{year: 2018, value: null}]}];
    const svg = trendChart(points, {...base, others});
    expect(legendTexts(svg)).toContain("Bonn");
    // Essen has no value: no line, no legend entry.
    expect(legendTexts(svg)).not.toContain("Essen");
  });

  it("lays the legend out in rows that do not overlap and stay inside the width", () => {
    const svg = trendChart(points, {...base, width: 300});
    const entries = [...svg.querySelectorAll(".trend-legend > g")].map((g) => /translate\(([\d.]+),([\d.]+)\)/.exec(g.getAttribute("transform")!)!.slice(1).map(Number));
    const rowsUsed = new Set(entries.map(([, y]) => y));
    expect(rowsUsed.size).toBeGreaterThan(1);
  });

  it("grows in presentation mode", () => {
    const small = trendChart(points, base);
    const big = trendChart(points, {...base, big: true});
    expect(Number(big.getAttribute("height"))).toBeGreaterThan(Number(small.getAttribute("height")));
    expect(big.getAttribute("style")).toContain("font-size: 17px");
  });

  it("fills missing years so that 2020 → 2023 is not drawn as a straight line", () => {
    const filled = fillYears([points[0]!, {...points[2]!, year: 2021}]);
    expect(filled.map((p) => p.year)).toEqual([2018, 2019, 2020, 2021]);
    expect(filled[1]).toMatchObject({year: 2019, value: null, flag: null});
  });

  it("matches the SVG snapshot", async () => {
    await expect(normalizeSvg(trendChart(points, base))).toMatchFileSnapshot("__snapshots__/trend-chart.html");
  });
});

describe("labelRows", () => {
  it("stacks a label that would run into the one before it, and reuses the lowest free line", () => {
    // 12 px type: "Quellenwechsel" is about 101 px wide.
    expect(labelRows([{x: 100, text: "Quellenwechsel"}, {x: 160, text: "Basis Zensus 2022"}, {x: 330, text: "Quellenwechsel"}], 12)).toEqual([0, 1, 0]);
    expect(labelRows([{x: 100, text: "Quellenwechsel"}, {x: 260, text: "Basis Zensus 2022"}], 12)).toEqual([0, 0]);
  });
});
