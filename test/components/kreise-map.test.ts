// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Topology} from "topojson-specification";
import {kreiseMap} from "../../src/components/kreise-map.ts";
import {normalizeSvg} from "../support/svg.ts";

const topology = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/snapshot/geo/kreise.topojson"), "utf-8")) as Topology;
// Bremen and Bremerhaven: two Kreise keep the snapshot file small and the shapes real.
const bremen = {...topology, objects: {kreise: {...(topology.objects.kreise as any), geometries: (topology.objects.kreise as any).geometries.filter((g: any) => g.properties.id.startsWith("04"))}}} as Topology;

describe("kreiseMap", () => {
  it("draws one shape per Kreis, grey where there is no value", () => {
    const chart = kreiseMap(bremen, [{id: "04011", name: "Bremen", value: 30.5, flag: null}, {id: "04012", name: "Bremerhaven", value: null, flag: "."}], {width: 400, unit: "%", decimals: 1, label: "Quote (%)"});
    const paths = [...chart.querySelectorAll("g[aria-label='geo'] path")];
    expect(paths).toHaveLength(2);
    const fills = paths.map((p) => p.getAttribute("fill"));
    expect(fills.filter((f) => f === "#d9d9d9")).toHaveLength(1);
    expect(fills.filter((f) => f !== "#d9d9d9" && f !== null)).toHaveLength(1);
  });

  it("matches the SVG snapshot", async () => {
    const chart = kreiseMap(bremen, [{id: "04011", name: "Bremen", value: 30.5, flag: null}, {id: "04012", name: "Bremerhaven", value: 24, flag: null}], {width: 400, unit: "%", decimals: 1, label: "Quote (%)"});
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/kreise-map.svg");
  });
});
