// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {positionStrip, quantile} from "../../src/components/position-strip.ts";
import {normalizeSvg} from "../support/svg.ts";


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
