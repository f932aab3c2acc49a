// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {labelWidth, positionStrip, quantile, stripTicks} from "../../src/components/position-strip.ts";
import {formatNumber, formatValue} from "../../src/components/format.ts";
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

describe("stripTicks", () => {
  /** Label boxes [left, right] at the tick positions, as the strip lays them out. */
  const boxes = (min: number, max: number, width: number, format: (d: number) => string) =>
    stripTicks(min, max, width, format).map((t) => {
      const x = ((t - min) / (max - min)) * width;
      const w = labelWidth(format(t));
      return [x - w / 2, x + w / 2] as const;
    });
  const disjoint = (list: (readonly [number, number])[]) => list.every((b, i) => i === 0 || b[0] > list[i - 1]![1]);

  it.each([
    ["population of the Großstädte", 250_000, 3_700_000, 420, (d: number) => formatNumber(d, 0)],
    ["a share", 2.1, 14.7, 420, (d: number) => formatValue(d, "%", 1)],
    ["a share on a phone", 0, 100, 300, (d: number) => formatValue(d, "%", 0)],
    ["a tiny range", 4.61, 4.65, 420, (d: number) => formatValue(d, "%", 2)]
  ])("label boxes do not intersect: %s", (_, min, max, width, format) => {
    const list = boxes(min, max, width, format);
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(disjoint(list)).toBe(true);
  });

  it("the strip puts a long unit into the axis label, not on every tick", () => {
    const chart = positionStrip([{id: "a", name: "A", value: 300_000}, {id: "b", name: "B", value: 3_600_000}], {width: 420, unit: "Personen", decimals: 0, highlight: "a", peerLabel: "Test"});
    const labels = [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.every((l) => !l!.includes("Personen"))).toBe(true);
    expect(chart.textContent).toContain("Personen");
  });
});
