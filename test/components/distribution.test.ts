// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {distributionChart, distributionMessage, dotRadius, swarmHeight} from "../../src/components/distribution.ts";
import {colorClasses} from "../../src/components/map-scale.ts";
import {normalizeSvg} from "../support/svg.ts";

// Invented values for twelve regions; one flagged without a number.
const rows = [12, 14, 15, 15, 16, 18, 19, 21, 22, 25, 31, null].map((value, i) => ({id: `r${i}`, name: `Region ${i + 1}`, value, flag: value === null ? "." : null}));
const numbers = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
const stats = {median: 18, q1: 15, q3: 21.5};
const base = {width: 500, unit: "%", decimals: 1, label: "Quote (%)", stats, regionsLabel: "Bezirken", regionName: "Bezirk"};

describe("distributionChart", () => {
  it("a beeswarm: one dot per region with a number, the median marked, the text states the spread", () => {
    const chart = distributionChart(rows, {...base, classes: colorClasses(numbers, {decimals: 1, polarity: "neutral", classes: 5})});
    expect(chart.querySelectorAll("g[aria-label='dot'] circle")).toHaveLength(11);
    expect(chart.querySelector("g[aria-label='rule'] line")).not.toBeNull();
    expect(chart.textContent).toContain("Median 18,0\u00a0%");
    expect(chart.querySelector("figcaption")?.textContent).toMatch(/^Jeder Punkt ist ein Bezirk, in der Farbe der Karte\./);
    expect(chart.getAttribute("aria-label")).toBe(
      "Verteilung: Quote (%) in 11 Bezirken. Median 18,0\u00a0%, die mittlere Hälfte liegt zwischen 15,0\u00a0% und 21,5\u00a0%; niedrigster Wert 12,0\u00a0% (Region 1), höchster 31,0\u00a0% (Region 11). 1 ohne Wert."
    );
  });

  it("matches the SVG snapshot", async () => {
    const chart = distributionChart(rows, {...base, classes: colorClasses(numbers, {decimals: 1, polarity: "higher_worse", classes: 5})});
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/distribution-swarm.svg");
  });

  it("falls back to a histogram where equal values would pile up too high", () => {
    const zeros = Array.from({length: 300}, (_, i) => ({id: `k${i}`, name: `Kreis ${i}`, value: i < 200 ? 0 : i, flag: null}));
    const chart = distributionChart(zeros, {...base, stats: {median: 0, q1: 0, q3: 200}, regionsLabel: "Kreisen", regionName: "Kreis"});
    expect(chart.querySelectorAll("g[aria-label='dot'] circle")).toHaveLength(0);
    expect(chart.querySelectorAll("g[aria-label='rect'] rect").length).toBeGreaterThan(5);
    expect(chart.querySelector("figcaption")?.textContent).toMatch(/^Zu viele gleiche Werte für Punkte: Die Balken zeigen, wie viele Kreise/);
  });
});

describe("swarm layout", () => {
  it("stacks equal values, spreads distinct ones", () => {
    expect(swarmHeight([100, 100, 100], 3, 1)).toBeCloseTo(17, 5);
    expect(swarmHeight([0, 50, 100], 3)).toBe(3);
    expect(dotRadius(12)).toBe(7);
    expect(dotRadius(400)).toBe(3.5);
    expect(dotRadius(542)).toBe(3);
  });

  it("the message without any number", () => {
    expect(distributionMessage([{id: "a", name: "A", value: null, flag: "."}], base)).toBe("Verteilung: Quote (%) in 0 Bezirken: kein Wert.");
  });
});
