// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Topology} from "topojson-specification";
import {berlinMap, placeLabels, programmeMap} from "../../src/components/programme-map.ts";
import {loadProgramme} from "../../loaders/programme/load.ts";
import {normalizeSvg} from "../support/svg.ts";

const topology = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/snapshot/geo/kreise.topojson"), "utf-8")) as Topology;
// Niedersachsen, Bremen and NRW keep the snapshot file small; the shapes are real.
const north = {...topology, objects: {kreise: {...(topology.objects.kreise as any), geometries: (topology.objects.kreise as any).geometries.filter((g: any) => /^0[345]/.test(g.properties.id))}}} as Topology;

const city = (id: string, name: string, profile_id: string, stage: any, profile_name: string | null = null) => ({id, name, type: "kreisfreie Stadt", profile_id, profile_name, stage});

describe("programmeMap", () => {
  it("puts one dot per city on its Kreis, coloured by stage and linked to the profile", async () => {
    const cities = [
      city("bremen", "Bremen", "04011", "topic_group"),
      {...city("hannover", "Hannover", "03241", "analysis", "Region Hannover"), type: "kreisangehörige Stadt"},
      city("dortmund", "Dortmund", "05913", "contact"),
      city("bochum", "Bochum", "05911", "eligible")
    ];
    const chart = programmeMap(north, cities, {width: 400});
    const links = [...chart.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links.sort()).toEqual(["/profil/03241", "/profil/04011", "/profil/05911", "/profil/05913"]);
    // Links are named (axe: link-name) and the chart is a group, not an image holding links.
    expect(chart.querySelector("a[href='/profil/03241']")?.getAttribute("aria-label")).toBe("Hannover: Analyseworkshop – zum Profil der Region Hannover");
    expect(chart.querySelector("svg[role='img']")).toBeNull();
    expect(chart.querySelector("svg[role='group']")?.getAttribute("aria-label")).toBe(
      "Karte der förderfähigen Städte außer Berlin: 1 förderfähig, noch kein Kontakt, 1 im Austausch, 1 Analyseworkshop, 1 Fachgruppe."
    );
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-map.svg");
  });
});

describe("placeLabels", () => {
  it("keeps labels of close points apart and inside the frame", () => {
    const points = [
      {x: 100, y: 100, text: "Dortmund"},
      {x: 104, y: 103, text: "Bochum"},
      {x: 96, y: 108, text: "Wuppertal"},
      {x: 395, y: 50, text: "Berlin (Bezirke: Kacheln)"}
    ];
    const labels = placeLabels(points, {width: 400, height: 300});
    const boxes = labels.map((l, i) => {
      const w = points[i]!.text.length * 11 * 0.6;
      const x0 = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - w : l.x - w / 2;
      return {x0, x1: x0 + w, y0: l.y - 6.5, y1: l.y + 6.5};
    });
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i]!.x0).toBeGreaterThanOrEqual(0);
      expect(boxes[i]!.x1).toBeLessThanOrEqual(400);
      for (let j = 0; j < i; j++) expect(boxes[i]!.x0 < boxes[j]!.x1 && boxes[j]!.x0 < boxes[i]!.x1 && boxes[i]!.y0 < boxes[j]!.y1 && boxes[j]!.y0 < boxes[i]!.y1, `${i}/${j}`).toBe(false);
    }
    expect(labels[3]!.anchor).toBe("end");
  });
});

describe("berlinMap", () => {
  it("draws the twelve districts, coloured by stage and linked to their profiles", async () => {
    const berlin = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/snapshot/geo/berlin-bezirke.topojson"), "utf-8")) as Topology;
    const names = ["Mitte", "Friedrichshain-Kreuzberg", "Pankow", "Charlottenburg-Wilmersdorf", "Spandau", "Steglitz-Zehlendorf", "Tempelhof-Schöneberg", "Neukölln", "Treptow-Köpenick", "Marzahn-Hellersdorf", "Lichtenberg", "Reinickendorf"];
    const districts = names.map((name, i) => {
      const nn = String(i + 1).padStart(2, "0");
      return {id: `d${nn}`, name: `Berlin-${name}`, type: "Berliner Bezirk", profile_id: `110${nn}0${nn}`, profile_name: null, stage: (i === 0 ? "topic_group" : i < 10 ? "contact" : "eligible") as any};
    });
    const chart = berlinMap(berlin, districts, {width: 400});
    expect(chart.querySelectorAll("g[aria-label='geo'] path")).toHaveLength(12);
    expect([...chart.querySelectorAll("a")].map((a) => a.getAttribute("href")).sort()).toEqual(districts.map((d) => `/profil/${d.profile_id}`).sort());
    expect(chart.getAttribute("aria-label")).toBe("Berliner Bezirke: 2 förderfähig, noch kein Kontakt, 9 im Austausch, 1 Fachgruppe.");
    await expect(normalizeSvg(chart)).toMatchFileSnapshot("__snapshots__/programme-berlin-map.svg");
  });
});

/** The labels an SVG shows, as estimated boxes (0.6 em per character, lines of 1.1 em), from their x/y, anchor and font size. */
function labelBoxes(chart: Element): {text: string; x0: number; x1: number; y0: number; y1: number}[] {
  const out = [];
  for (const group of chart.querySelectorAll("g[aria-label='text']")) {
    const size = Number(group.getAttribute("font-size") ?? 10);
    const anchor = group.getAttribute("text-anchor") ?? "middle";
    for (const t of group.querySelectorAll("text")) {
      const lines = [...t.querySelectorAll("tspan")].map((l) => l.textContent ?? "");
      const all = lines.length ? lines : [t.textContent ?? ""];
      const w = Math.max(...all.map((l) => l.length)) * size * 0.6;
      const h = all.length * size * 1.1;
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(t.getAttribute("transform") ?? "");
      // Plot positions each text by a translate; x/y attributes, where present, are offsets in em.
      const x = Number(m?.[1] ?? 0);
      const y = Number(m?.[2] ?? 0);
      const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
      out.push({text: all.join(" "), x0, x1: x0 + w, y0: y - h / 2, y1: y + h / 2});
    }
  }
  return out;
}

function collisions(boxes: ReturnType<typeof labelBoxes>, width: number): string[] {
  const found = [];
  for (const [i, a] of boxes.entries()) {
    if (a.x0 < -0.5 || a.x1 > width + 0.5) found.push(`${a.text} outside`);
    for (const b of boxes.slice(0, i)) if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) found.push(`${a.text} / ${b.text}`);
  }
  return found;
}

describe("labels at 390 and 1280 px", () => {
  const data = loadProgramme(join(import.meta.dirname, "../../data/programme"));
  const eligible = data.municipalities.filter((m) => m.eligible).map((m) => ({id: m.id, name: m.name, type: m.type, profile_id: m.profile_id, profile_name: null, stage: "contact" as const}));

  it.each([390, 640, 1280])("no two city names on the map collide at %i px; names that fit nowhere get a number and a key", (width) => {
    const chart = programmeMap(topology, eligible, {width});
    const boxes = labelBoxes(chart).filter((b) => b.y1 < Math.round(width * 1.2));
    expect(boxes.length).toBeGreaterThanOrEqual(15);
    expect(collisions(boxes, width)).toEqual([]);
    const names = eligible.filter((m) => m.type !== "Berliner Bezirk").map((m) => m.name);
    const text = [...chart.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    for (const name of names) expect(text, name).toContain(name);
  });

  it.each([390, 640])("Berlin's districts: names where they fit, else numbers with a key, never colliding (%i px)", (width) => {
    const berlin = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/snapshot/geo/berlin-bezirke.topojson"), "utf-8")) as Topology;
    const districts = eligible.filter((m) => m.type === "Berliner Bezirk");
    const chart = berlinMap(berlin, districts, {width});
    const boxes = labelBoxes(chart).filter((b) => !b.text.includes(" · ") && b.y1 < Math.round(width * 0.82));
    expect(collisions(boxes, width)).toEqual([]);
    expect(boxes).toHaveLength(12);
    const numbers = boxes.filter((b) => /^\d+$/.test(b.text));
    if (width < 480) expect(numbers).toHaveLength(12);
    const text = [...chart.querySelectorAll("text")].map((t) => t.textContent).join(" ");
    // The key (lines are tspans, joined here without a separator) names every number.
    for (const n of numbers) expect(text).toMatch(new RegExp(`(?<!\\d)${n.text} [A-ZÄÖÜ]`));
  });
});
