// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Topology} from "topojson-specification";
import {berlinMap, placeLabels, programmeMap} from "../../src/components/programme-map.ts";
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
