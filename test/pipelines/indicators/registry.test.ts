import {describe, expect, it} from "vitest";
import {REGISTRY, SOURCE_PRECEDENCE} from "../../../pipelines/indicators/registry.ts";
import {SOURCES, sourceById} from "../../../pipelines/indicators/sources.ts";
import {GUIDELINE_AREAS, indicatorSchema, sourceSchema} from "../../../pipelines/snapshot/format.ts";

const EDUCATION = ["Frühkindliche Bildung", "Allgemeinbildende Schule", "Berufliche Bildung", "Hochschule"];

describe("indicator registry", () => {
  it("has at least 30 indicators, at least 15 of them on education itself", () => {
    expect(REGISTRY.length).toBeGreaterThanOrEqual(30);
    expect(REGISTRY.filter((e) => EDUCATION.includes(e.area)).length).toBeGreaterThanOrEqual(15);
    for (const area of EDUCATION) expect(REGISTRY.some((e) => e.area === area), area).toBe(true);
  });

  it("has complete entries that pass the snapshot schema", () => {
    const ids = new Set<string>();
    for (const {origin, ...entry} of REGISTRY) {
      expect(ids.has(entry.id), entry.id).toBe(false);
      ids.add(entry.id);
      const parsed = indicatorSchema.safeParse({...entry, coverage: []});
      expect(parsed.success, `${entry.id}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues[0])}`).toBe(true);
      expect(GUIDELINE_AREAS).toContain(entry.area);
      expect(entry.caveats.length, entry.id).toBeGreaterThan(0);
      expect(entry.range.min, entry.id).toBeLessThan(entry.range.max);
      expect(entry.aggregation.note.length, entry.id).toBeGreaterThan(10);
      expect(Object.keys(origin).length, `${entry.id} has no origin`).toBeGreaterThan(0);
      if (entry.unit === "%") {
        expect(entry.numerator, entry.id).not.toBeNull();
        expect(entry.denominator, entry.id).not.toBeNull();
      }
    }
  });

  it("names licence and attribution of every source an indicator draws on", () => {
    for (const e of REGISTRY) {
      for (const id of [e.source.source_id, ...e.further_sources.map((s) => s.source_id)]) {
        const s = sourceById(id);
        expect(e.licence, `${e.id}/${id}`).toContain(s.licence);
        expect(e.attribution, `${e.id}/${id}`).toContain(s.attribution);
        expect(SOURCE_PRECEDENCE, id).toContain(id);
      }
      if (e.further_sources.length > 0) expect(e.precedence, e.id).not.toBe("");
    }
  });

  it("lets a weighted aggregation point at an indicator of the registry", () => {
    const ids = new Set(REGISTRY.map((e) => e.id));
    for (const e of REGISTRY.filter((x) => x.aggregation.method === "weighted")) expect(ids.has(e.aggregation.weight!), e.id).toBe(true);
    for (const e of REGISTRY.filter((x) => x.aggregation.method !== "weighted")) expect(e.aggregation.weight, e.id).toBeNull();
  });

  it("allows childcare 3–6 above 100 % but keeps shares at most 100", () => {
    expect(REGISTRY.find((e) => e.id === "betreuungsquote_3_6")!.range.max).toBe(130);
    for (const e of REGISTRY.filter((x) => x.unit === "%" && x.id !== "betreuungsquote_3_6")) expect(e.range.max, e.id).toBe(100);
  });

  it("carries no off-topic padding (cars, hospital beds, building permits, GDP or sector shares)", () => {
    for (const e of REGISTRY) expect(`${e.id} ${e.name}`).not.toMatch(/pkw|auto|kranken|bett|baugenehm|bruttoinland|bip|gdp|sektor|wirtschaftsbereich/i);
  });

  it("says the Kita places ratio is not the official Betreuungsquote", () => {
    const ratio = REGISTRY.find((e) => e.id === "kita_plaetze_je_100_u6")!;
    expect(ratio.name).not.toMatch(/Betreuungsquote/);
    expect(ratio.caveats.join(" ")).toContain("Nicht die amtliche Betreuungsquote");
  });
});

describe("source catalogue", () => {
  it("has valid, unique entries with licence and attribution", () => {
    const ids = SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SOURCES) expect(sourceSchema.safeParse(s).success, s.id).toBe(true);
    expect(sourceById("statistik_bb_einwohner_2023").licence).toContain("CC BY 3.0 DE");
    expect(sourceById("inkar").licence).toContain("dl-de/by-2-0");
  });

  it("uses every snapshot source somewhere", () => {
    const used = new Set(REGISTRY.flatMap((e) => [e.source.source_id, ...e.further_sources.map((s) => s.source_id)]));
    const forRegionsAndMaps = ["gvisys", "bbsr_kreistypen", "bkg_vg5000", "geoportal_berlin_lor", "geoportal_berlin_bezirke"];
    for (const s of SOURCES.filter((x) => x.role === "snapshot")) expect(used.has(s.id) || forRegionsAndMaps.includes(s.id), s.id).toBe(true);
  });
});
