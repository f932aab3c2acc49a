import Papa from "papaparse";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROFILE_POPULATION_DATE, PROFILE_POPULATION_SOURCE, populationSourceNote, profileFacts} from "../../src/components/profile-facts.ts";

const snapshot = join(import.meta.dirname, "../../data/snapshot");
const sources = JSON.parse(readFileSync(join(snapshot, "sources.json"), "utf-8")) as {id: string; licence: string; producer?: string; publisher?: string}[];
const regions = Papa.parse<Record<string, string>>(readFileSync(join(snapshot, "regions.csv"), "utf-8"), {header: true, skipEmptyLines: true}).data;
const region = (id: string) => {
  const r = regions.find((x) => x.id === id)!;
  return {id: r.id!, level: r.level!, type: r.type!, land_name: r.level === "kreis" ? "Nordrhein-Westfalen" : null, population: Number(r.population)};
};

describe("profileFacts and populationSourceNote: the population under a profile's heading names its date, producer and licence", () => {
  it("Köln: the GV-ISys figure of 31.12.2021, Destatis, dl-de/by-2-0", () => {
    expect(profileFacts(region("05315"))).toBe("Kreisfreie Stadt · Nordrhein-Westfalen · Schlüssel 05315 · 1.073.096 Einwohner (31.12.2021)");
    expect(populationSourceNote(region("05315"), sources)).toBe("Einwohnerzahl: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Tabelle 04-kreise, Stand 31.12.2021 · Lizenz: dl-de/by-2-0");
  });

  it("Neukölln: the Einwohnerregister figure of the Amt für Statistik Berlin-Brandenburg, CC BY 3.0 DE", () => {
    expect(profileFacts(region("11008008"))).toBe("Berliner Bezirk · Berlin · Schlüssel 11008008 · 327.100 Einwohner (31.12.2021)");
    expect(populationSourceNote(region("11008008"), sources)).toBe("Einwohnerzahl: Amt für Statistik Berlin-Brandenburg, Einwohnerregisterstatistik, Statistischer Bericht A I 5 – hj 2/2023, Tabelle 3, Stand 31.12.2021 · Lizenz: CC BY 3.0 DE");
  });

  it("without a population there is no population part and no source line", () => {
    const none = {...region("05315"), population: null};
    expect(profileFacts(none)).toBe("Kreisfreie Stadt · Nordrhein-Westfalen · Schlüssel 05315");
    expect(populationSourceNote(none, [])).toBeNull();
  });

  it("a level without a known source is an error, not a line without source", () => {
    expect(() => populationSourceNote({...region("05315"), level: "gemeinde"}, sources)).toThrow("Quelle der Einwohnerzahl für die Ebene gemeinde fehlt im Quellenkatalog");
  });

  it("holds for the data: every Kreis and Bezirk has its population of that date, from a source in the catalogue", () => {
    const profiled = regions.filter((r) => r.level === "kreis" || r.level === "bezirk");
    expect(profiled).toHaveLength(412);
    expect(profiled.filter((r) => r.population_date !== PROFILE_POPULATION_DATE).map((r) => r.id)).toEqual([]);
    for (const {id} of Object.values(PROFILE_POPULATION_SOURCE)) expect(sources.map((s) => s.id)).toContain(id);
  });
});
