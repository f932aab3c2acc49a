// @vitest-environment jsdom
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import type {Topology} from "topojson-specification";
import {areaMap, fillYears, groupChart, levelBars, scatterChart, trainingTrend, type TrendRow} from "../../src/components/training-charts.ts";
import {normalizeSvg} from "../support/svg.ts";

/** The chart's main SVG (Plot returns a figure when it draws a legend). */
const main = (el: Element): Element => (el.tagName.toLowerCase() === "svg" ? el : el.querySelector("svg[role='img']")!);
const row = (year: number, value: number | null, extra: Partial<TrendRow> = {}): TrendRow => ({year, value, flag: null, median: value === null ? null : value + 1, q1: null, q3: null, land: null, bund: null, ...extra});
const rows: TrendRow[] = [row(2018, 30.94), row(2019, 32.26), row(2020, 34.18), row(2023, 36.2, {land: 31, bund: 36.4, median: 35.5})];
const options = {width: 600, unit: "%", decimals: 1, regionName: "Köln", medianLabel: "Median Großstädte", landName: "Nordrhein-Westfalen", title: "Betreuungsquote unter 3"};

describe("trainingTrend", () => {
  it("fills missing years with empty rows, so the line breaks at 2021–2022 instead of bridging them", () => {
    expect(fillYears(rows).map((r) => [r.year, r.value])).toEqual([[2018, 30.94], [2019, 32.26], [2020, 34.18], [2021, null], [2022, null], [2023, 36.2]]);
    const chart = trainingTrend(rows, {...options, gaps: [{from: 2021, to: 2022, label: "keine Kreiswerte"}], sourceBreak: 2023});
    const svg = main(chart);
    expect(svg.getAttribute("aria-label")).toBe("Betreuungsquote unter 3 Köln: von 30,9\u00a0% (2018) auf 36,2\u00a0% (2023); Median Großstädte 2023: 35,5\u00a0%.");
    expect(svg.textContent).toContain("Kreiswerte");
    // The source change is a break: a labelled rule with its legend entry (the shared trend chart).
    expect(svg.textContent).toContain("andere Quelle");
    expect(svg.querySelector(".trend-legend [data-kind='break']")).not.toBeNull();
  });

  it("labels an event and grows in presentation mode", () => {
    const small = trainingTrend(rows, {...options, events: [{x: 2013.58, label: "Rechtsanspruch ab 01.08.2013"}]});
    const big = trainingTrend(rows, {...options, big: true, events: [{x: 2013.58, label: "Rechtsanspruch ab 01.08.2013"}]});
    const height = (el: Element) => Number(main(el).getAttribute("height"));
    expect(height(big)).toBeGreaterThan(height(small));
    expect(main(big).getAttribute("style")).toContain("font-size: 17px");
  });

  it("matches the SVG snapshot", async () => {
    const chart = trainingTrend(rows, {...options, gaps: [{from: 2021, to: 2022, label: "keine Kreiswerte"}], sourceBreak: 2023});
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/training-trend.html");
  });
});

describe("groupChart", () => {
  const members = (n: number) => Array.from({length: n}, (_, i) => ({id: String(i), name: `Stadt ${i}`, value: i === 3 ? null : i}));
  it("up to 30 members: one bar each with the region highlighted; members without a number left out and counted", () => {
    const chart = groupChart(members(25), {width: 600, unit: "%", decimals: 1, highlight: "5", median: 12, label: "Test 2023"});
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(24);
    expect(main(chart).getAttribute("aria-label")).toBe("Test 2023: 24 Regionen mit Wert, 1 ohne; Stadt 5 5,0\u00a0%, Median 12,0\u00a0%.");
  });

  it("more members: one dot each, stacked where values coincide", () => {
    const many = Array.from({length: 45}, (_, i) => ({id: String(i), name: `Kreis ${i}`, value: i < 4 ? 0 : i}));
    const chart = groupChart(many, {width: 600, unit: "%", decimals: 1, highlight: "10", median: 20, label: "Niedersachsen 2020"});
    const [others, self] = [...chart.querySelectorAll("g[aria-label='dot']")].map((g) => [...g.querySelectorAll("circle")]);
    expect(others!.length + self!.length).toBe(45);
    // Sorted from the highest value: the four zeros come last, each at its own height.
    const zeros = others!.slice(-4);
    expect(new Set(zeros.map((d) => d.getAttribute("cx"))).size).toBe(1);
    expect(new Set(zeros.map((d) => d.getAttribute("cy"))).size).toBe(4);
  });
});

describe("levelBars, scatterChart", () => {
  it("levelBars leaves out a missing Land value and names it", () => {
    const chart = levelBars([{label: "Köln", value: 36.2, kind: "region"}, {label: "Nordrhein-Westfalen", value: null, kind: "land"}, {label: "Deutschland", value: 36.4, kind: "bund"}], {width: 500, unit: "%", decimals: 1, title: "Quote 2020"});
    expect(main(chart).getAttribute("aria-label")).toBe("Quote 2020: Köln 36,2\u00a0%, Deutschland 36,4\u00a0%; ohne Wert: Nordrhein-Westfalen.");
  });

  it("scatterChart marks and names the chosen region", () => {
    const chart = scatterChart([{id: "a", name: "A", x: 1, y: 2, group: true}, {id: "b", name: "B", x: 3, y: 4}], {width: 500, x: {label: "x", unit: "%", decimals: 1}, y: {label: "y", unit: "%", decimals: 1}, highlight: "a", groupLabel: "Gruppe", restLabel: "übrige", title: "Streuung"});
    const svg = main(chart);
    expect(svg.getAttribute("aria-label")).toBe("Streuung: 1 Punkte Gruppe, 1 übrige; A: 1,0 % / 2,0 %.");
    expect(svg.textContent).toContain("A");
  });
});

describe("areaMap", () => {
  const topology = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/snapshot/geo/berlin-planungsraeume.topojson"), "utf-8")) as Topology;
  it("draws only the chosen Planungsräume; one without a number is grey, not 0", () => {
    const include = new Set(["01100101", "01100102", "01100103"]);
    const chart = areaMap(topology, [{id: "01100101", name: "Stülerstraße", value: 10, flag: null}, {id: "01100102", name: "Großer Tiergarten", value: null, flag: "."}, {id: "01100103", name: "Lützowstraße", value: 40, flag: null}], {width: 500, unit: "%", decimals: 1, label: "Kinderarmut", title: "Karte", include});
    const svg = main(chart);
    expect(svg.getAttribute("aria-label")).toBe("Karte: 3 Planungsräume, 2 mit Wert, 1 ohne (grau); von 10,0\u00a0% bis 40,0\u00a0%.");
    const grey = [...svg.querySelectorAll("path")].filter((p) => p.getAttribute("fill") === "#e6e6e6" || p.closest("g")?.getAttribute("fill") === "#e6e6e6");
    expect(grey.length).toBeGreaterThanOrEqual(1);
  });
});
