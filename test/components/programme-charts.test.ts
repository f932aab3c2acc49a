// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {departmentChart, eventTimeline, funnelChart, indicatorChart, participantChart} from "../../src/components/programme-charts.ts";
import {loadProgramme} from "../../loaders/programme/load.ts";
import {computeReach} from "../../pipelines/programme/reach.ts";
import {EXAMPLE_DIR} from "../pipelines/programme/count-sheets.ts";
import {normalizeSvg} from "../support/svg.ts";

const data = loadProgramme(EXAMPLE_DIR);
const published = computeReach(data, "2015-08-28");
const early = computeReach(data, "2014-06-30");
const texts = (chart: Element) => [...chart.querySelectorAll("text")].map((t) => t.textContent);

describe("funnelChart", () => {
  it("draws one bar per stage with its count and states the funnel", async () => {
    const chart = funnelChart(published.funnel, {width: 480});
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(6);
    expect(texts(chart)).toEqual(expect.arrayContaining(["26", "21", "5", "4", "3"]));
    expect(chart.getAttribute("aria-label")).toBe("Stufen der Zusammenarbeit: förderfähig 26, im Austausch 21, Analyseworkshop 5, Vereinbarung 4, Fortbildung 4, Fachgruppe 3.");
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-funnel.svg");
  });
});

describe("departmentChart", () => {
  it("shows shares in German format", async () => {
    const chart = departmentChart(published.departments, {width: 480});
    expect(texts(chart)).toEqual(expect.arrayContaining(["22\u00a0% (33)", "20\u00a0% (30)", "32\u00a0% (48)"]));
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-departments.svg");
  });

  it("draws no bar for a hidden cell and writes verborgen", () => {
    const chart = departmentChart(early.departments, {width: 480});
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(4);
    expect(texts(chart).filter((t) => t === "verborgen")).toHaveLength(3);
  });
});

describe("participantChart", () => {
  it("shows people and attendances per event type", async () => {
    const chart = participantChart(published.participants, {width: 560});
    expect(texts(chart)).toContain("197 Personen · 325 Teilnahmen");
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-participants.svg");
  });
});

describe("eventTimeline", () => {
  it("fills held events, rings planned ones, crosses cancelled ones", async () => {
    const events = data.events.map((e) => ({...e, host_name: e.host}));
    const chart = eventTimeline(events, "2015-08-28", {width: 800});
    const marks = [...chart.querySelectorAll("g[aria-label='dot'] path")];
    expect(marks).toHaveLength(43);
    expect(marks.filter((m) => m.getAttribute("fill") === "#08519c")).toHaveLength(17);
    expect(chart.getAttribute("aria-label")).toBe("Zeitleiste der Veranstaltungen: 17 stattgefunden, 24 geplant, 2 abgesagt (Stichtag 28.08.2015).");
    expect(texts(chart)).toEqual(expect.arrayContaining(["Jul 2014", "Okt 2015", "Stichtag 28.08.2015"]));
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-timeline.svg");
  });

  it("keeps its axis labels apart at 390 px", () => {
    const events = data.events.map((e) => ({...e, host_name: e.host}));
    const chart = eventTimeline(events, "2015-08-28", {width: 390});
    const ticks = [...chart.querySelectorAll("g[aria-label='x-axis tick label'] text")].map((t) => t.textContent ?? "");
    // Room per label: the plot width (390 − 150 − 20) divided by the labels, at 0.6 em of 10 px per character.
    expect(ticks.length).toBeGreaterThan(1);
    expect(Math.max(...ticks.map((t) => t.length)) * 6).toBeLessThan((390 - 170) / ticks.length);
  });

  it("keeps the whole as-of label inside the frame at the right edge, also at 390 px", () => {
    const events = data.events.map((e) => ({...e, host_name: e.host}));
    for (const width of [390, 800]) {
      const late = eventTimeline(events, "2015-12-31", {width});
      const label = [...late.querySelectorAll("text")].find((t) => t.textContent === "Stichtag 31.12.2015")!;
      // Anchored at its end, left of the line: nothing of it runs past the right edge.
      expect(label.closest("[text-anchor]")?.getAttribute("text-anchor") ?? label.getAttribute("text-anchor"), String(width)).toBe("end");
      const early = eventTimeline(events, "2014-07-01", {width});
      const first = [...early.querySelectorAll("text")].find((t) => t.textContent === "Stichtag 01.07.2014")!;
      expect(first.closest("[text-anchor]")?.getAttribute("text-anchor") ?? "start", String(width)).toBe("start");
    }
  });
});

describe("indicatorChart", () => {
  it("sorts by value, says 'kein Wert' instead of 0 and names periods when they differ", async () => {
    const rows = [
      {label: "Bochum", value: 9, period: "2022"},
      {label: "Berlin-Mitte", value: 20.25, period: "2023"},
      {label: "Hannover (Region Hannover)", value: null, period: null}
    ];
    const chart = indicatorChart(rows, {width: 600, unit: "%", decimals: 1, label: "Quote (%)"});
    expect(chart.querySelectorAll("g[aria-label='bar'] rect")).toHaveLength(2);
    expect(texts(chart)).toEqual(expect.arrayContaining(["20,3\u00a0% (2023)", "9,0\u00a0% (2022)", "kein Wert"]));
    expect(chart.getAttribute("aria-label")).toBe("Quote (%): von 9,0\u00a0% (2022) (Bochum) bis 20,3\u00a0% (2023) (Berlin-Mitte); 1 ohne Wert.");
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-indicator.svg");
  });
});
