// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Topology} from "topojson-specification";
import {berlinMap} from "../../src/components/berlin-map.ts";
import {regionTooltip} from "../../src/components/map-choropleth.ts";
import {normalizeSvg} from "../support/svg.ts";

const geo = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../data/snapshot/geo", name), "utf-8")) as Topology;
const bezirke = geo("berlin-bezirke.topojson");
const planungsraeume = geo("berlin-planungsraeume.topojson");
const NAMES = ["Mitte", "Friedrichshain-Kreuzberg", "Pankow", "Charlottenburg-Wilmersdorf", "Spandau", "Steglitz-Zehlendorf", "Tempelhof-Schöneberg", "Neukölln", "Treptow-Köpenick", "Marzahn-Hellersdorf", "Lichtenberg", "Reinickendorf"];
// Invented values; Pankow without observation, Spandau flagged ".".
const values = NAMES.map((name, i) => {
  const id = `110${String(i + 1).padStart(2, "0")}0${String(i + 1).padStart(2, "0")}`;
  return {id, name, parent_name: "Berlin", value: i === 2 || i === 4 ? null : 10 + 3 * i, flag: i === 4 ? "." : null};
});
const options = {width: 500, unit: "%", decimals: 1, label: "Kinderarmut (%)", polarity: "higher_worse" as const, flagLabels: {".": "unbekannt oder geheim"}, href: (id: string) => `/profil/${id}`};

describe("berlinMap", () => {
  it("Bezirke: one shape each, opening the profile; tooltips say why a value is missing, never 0", () => {
    const chart = berlinMap("bezirk", {bezirke}, values, options);
    const shapes = [...chart.querySelectorAll("g[aria-label='geo'] path")];
    expect(shapes).toHaveLength(12);
    const tip = (i: number) => regionTooltip(NAMES[i]!, values[i], options);
    expect(tip(4)).toBe("Spandau (Berlin)\nkein Wert: unbekannt oder geheim (Kennzeichen „.“)");
    expect(tip(2)).toBe("Pankow (Berlin)\nkeine Angabe");
    expect(tip(0)).toBe("Mitte (Berlin)\n10,0\u00a0%");
    expect(regionTooltip("Spandau", undefined, options)).toBe("Spandau\nkeine Angabe");
    // No <a> in the image (axe: nested-interactive); a click opens the profile, the table view
    // under the map carries the same links for keyboard and screen reader.
    expect(chart.querySelectorAll("a")).toHaveLength(0);
    const targets = shapes.map((p) => (p as SVGPathElement).dataset.href);
    expect(targets).toHaveLength(12);
    expect(targets).toContain("/profil/11001001");
    // Two hatched shapes over the grey ones.
    expect(chart.querySelectorAll("g[aria-label='ohne Wert'] path")).toHaveLength(2);
    expect(chart.getAttribute("aria-label")).toBe("Karte der Berliner Bezirke: Kinderarmut (%). 10 von 12 Bezirken mit Wert, von 10,0\u00a0% (Mitte) bis 43,0\u00a0% (Reinickendorf).");
  });

  it("a click on a Bezirk opens its profile", () => {
    const opened: string[] = [];
    const chart = berlinMap("bezirk", {bezirke}, values, {...options, navigate: (url) => opened.push(url)});
    const neukoelln = [...chart.querySelectorAll<SVGPathElement>("g[aria-label='geo'] path")].find((p) => p.dataset.href === "/profil/11008008")!;
    neukoelln.dispatchEvent(new MouseEvent("click", {bubbles: true}));
    expect(opened).toEqual(["/profil/11008008"]);
  });

  it("Bezirke: matches the SVG snapshot", async () => {
    await expect(normalizeSvg(berlinMap("bezirk", {bezirke}, values, options))).toMatchFileSnapshot("__snapshots__/berlin-map-bezirke.svg");
  });

  it("Planungsräume: 542 shapes, Bezirk borders on top, nothing to open where there is no profile", () => {
    const ids = (planungsraeume.objects.planungsraeume as unknown as {geometries: {properties: {id: string; name: string}}[]}).geometries.map((g) => g.properties);
    const rows = ids.map((p, i) => ({id: p.id, name: p.name, parent_name: "Mitte", value: i % 50 === 0 ? null : i % 37, flag: i % 50 === 0 ? "." : null}));
    const chart = berlinMap("planungsraum", {bezirke, planungsraeume}, rows, {...options, href: () => null});
    expect(chart.querySelectorAll("g[aria-label='geo'] path")).toHaveLength(542);
    expect(chart.querySelectorAll("g[aria-label='Grenzen'] path")).toHaveLength(1);
    expect(chart.querySelectorAll("path[data-href]")).toHaveLength(0);
    expect(chart.getAttribute("aria-label")).toMatch(/^Karte der Berliner Planungsräume: Kinderarmut \(%\)\. 531 von 542 Planungsräumen mit Wert/);
  });

  it("Planungsräume need their boundaries", () => {
    expect(() => berlinMap("planungsraum", {bezirke}, [], options)).toThrow(/Planungsräume/);
  });
});
