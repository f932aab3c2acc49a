/**
 * A small invented snapshot with known answers (provenance: written by hand for these tests;
 * region keys are real AGS, the numbers are not). Written in the snapshot's file format:
 * regions.csv, indicators.json, observations.csv, sources.json.
 */
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export interface FixtureRegion {
  id: string;
  name: string;
  level: string;
  type: string;
  parent: string;
  land: string;
  kreisfrei: boolean | null;
  bbsr_kreistyp: number | null;
  population: number | null;
}

export type FixtureObservation = [indicator: string, region: string, period: string, value: number | null, flag: string | null, source?: string];

const land = (id: string, name: string): FixtureRegion => ({id, name, level: "land", type: "Land", parent: "DG", land: id, kreisfrei: null, bbsr_kreistyp: null, population: null});
const kreis = (id: string, name: string, type: string, kreisfrei: boolean, population: number, kreistyp: number): FixtureRegion => ({
  id, name, level: "kreis", type, parent: id.slice(0, 2), land: id.slice(0, 2), kreisfrei, bbsr_kreistyp: kreistyp, population
});

export const REGIONS: FixtureRegion[] = [
  {id: "DG", name: "Deutschland", level: "bund", type: "Bund", parent: "", land: "", kreisfrei: null, bbsr_kreistyp: null, population: null},
  land("01", "Schleswig-Holstein"),
  land("05", "Nordrhein-Westfalen"),
  land("08", "Baden-Württemberg"),
  land("11", "Berlin"),
  kreis("01001", "Flensburg", "Kreisfreie Stadt", true, 91113, 4),
  // Exactly 250,000: a Großstadt (the threshold is inclusive).
  kreis("01002", "Kiel", "Kreisfreie Stadt", true, 250000, 1),
  kreis("01051", "Dithmarschen", "Kreis", false, 133000, 4),
  kreis("05111", "Düsseldorf", "Kreisfreie Stadt", true, 620000, 1),
  kreis("05162", "Rhein-Kreis Neuss", "Kreis", false, 450000, 2),
  kreis("05315", "Köln", "Kreisfreie Stadt", true, 1080000, 1),
  // A Stadtkreis is kreisfrei.
  kreis("08111", "Stuttgart", "Stadtkreis", true, 630000, 1),
  kreis("11000", "Berlin", "Kreisfreie Stadt", true, 3600000, 1),
  {id: "11001001", name: "Mitte", level: "bezirk", type: "Berliner Bezirk", parent: "11000", land: "11", kreisfrei: null, bbsr_kreistyp: null, population: 380000},
  {id: "11002002", name: "Friedrichshain-Kreuzberg", level: "bezirk", type: "Berliner Bezirk", parent: "11000", land: "11", kreisfrei: null, bbsr_kreistyp: null, population: 290000},
  {id: "01100101", name: "Stülerstraße", level: "planungsraum", type: "Planungsraum", parent: "11001001", land: "11", kreisfrei: null, bbsr_kreistyp: null, population: 3000}
];

export const KREISE = REGIONS.filter((r) => r.level === "kreis").map((r) => r.id);

export function indicator(id: string, unit: string, range: [number, number], aggregation: {method: string; weight: string | null; note: string}, levels = ["kreis", "land", "bund"]) {
  return {
    id,
    name: `Indikator ${id}`,
    short_name: id,
    definition: `Testindikator ${id}.`,
    unit,
    decimals: 1,
    area: "Frühkindliche Bildung",
    topic: "Test",
    levels,
    source: {publisher: "Testamt", title: "Teststatistik", table: null, inkar_code: null, source_id: "test", producer: "Testamt"},
    further_sources: [],
    precedence: "",
    reference_date: "31.12.",
    comparability: [{source_id: null, from: null, to: null, reference: "reference_date", reference_at: "31.12.", precision: 0.1, basis: null}],
    numerator: null,
    denominator: null,
    range: {min: range[0], max: range[1]},
    polarity: "neutral",
    caveats: [],
    aggregation,
    licence: "dl-de/by-2-0",
    attribution: "Datenquelle: Testamt",
    coverage: []
  };
}

export const INDICATORS = [
  // A rate: Land/Bund = sum(rate × children) / sum(children), children being its denominator.
  indicator("quote", "%", [0, 100], {method: "weighted", weight: "kinder", note: "Land- und Bundeswerte werden mit der Kinderzahl gewichtet."}),
  indicator("kinder", "Anzahl", [0, 1e9], {method: "sum", weight: null, note: "Summe der Kreise."}),
  indicator("ohne", "%", [0, 100], {method: "none", weight: null, note: "Ohne Abgängerzahlen wird nicht gemittelt."}),
  indicator("amtlich", "%", [0, 100], {method: "published", weight: null, note: "Nur veröffentlichte Landeswerte."}),
  // Weighted by an indicator the registry does not have.
  indicator("waise", "%", [0, 100], {method: "weighted", weight: "gibtsnicht", note: "Gewichtet."}),
  indicator("bezirkswert", "%", [0, 100], {method: "none", weight: null, note: "Nur Bezirke."}, ["bezirk"])
];

export const SOURCES = [
  {id: "test", title: "Teststatistik", publisher: "Testamt", producer: "Testamt", licence: "dl-de/by-2-0", licence_url: "https://www.govdata.de/dl-de/by-2-0", attribution: "Datenquelle: Testamt", url: "https://example.org", reference: "Test", via: "", role: "snapshot"},
  {id: "live", title: "Live-Abruf", publisher: "Testamt", producer: "Testamt", licence: "dl-de/by-2-0", licence_url: "https://www.govdata.de/dl-de/by-2-0", attribution: "Datenquelle: Testamt", url: "https://example.org", reference: "Test", via: "", role: "snapshot"}
];

/**
 * quote 2020 among all Kreise: 30 (Köln), 20, 20 (tie), 15, 10, 5; Düsseldorf '.' (no number);
 * Neuss has no observation. Sorted: 5, 10, 15, 20, 20, 30 → median 17.5, q1 11.25, q3 20.
 */
export const OBSERVATIONS: FixtureObservation[] = [
  ["quote", "05315", "2010", 20, null],
  ["quote", "05315", "2015", 25, null],
  ["quote", "05315", "2019", 28, null],
  ["quote", "05315", "2020", 30, null],
  ["quote", "01002", "2015", 0, "-"],
  ["quote", "01002", "2019", 18, "p"],
  ["quote", "01002", "2020", 20, null],
  ["quote", "01051", "2020", 20, null],
  ["quote", "11000", "2020", 15, null],
  ["quote", "01001", "2020", 10, null],
  ["quote", "08111", "2020", 5, null],
  ["quote", "05111", "2020", null, "."],
  // Published Land value: wins over the computation (which would give 5).
  ["quote", "08", "2020", 7.5, null],
  ["kinder", "01001", "2020", 1000, null],
  ["kinder", "01002", "2020", 3000, null],
  ["kinder", "01051", "2020", 2000, null],
  ["kinder", "05111", "2020", 4000, null],
  ["kinder", "05162", "2020", 5000, null],
  ["kinder", "05315", "2020", 6000, null],
  ["kinder", "08111", "2020", 7000, null],
  ["kinder", "11000", "2020", 8000, null],
  ["ohne", "05315", "2020", 5.1, null],
  ["ohne", "01001", "2020", 7.3, null],
  ["amtlich", "05315", "2020", 40, null],
  ["amtlich", "05", "2020", 33.3, null],
  ["waise", "05315", "2020", 1, null],
  ["bezirkswert", "11001001", "2020", 12, null],
  ["bezirkswert", "11002002", "2020", 14, null]
];

export function observationsCsv(rows: FixtureObservation[]): string {
  const lines = rows.map(([indicator, region, period, value, flag, source = "test"]) => [indicator, region, period, value ?? "", flag ?? "", source].join(","));
  return ["indicator,region,period,value,flag,source", ...lines].join("\n") + "\n";
}

function regionsCsv(regions: FixtureRegion[]): string {
  const cell = (v: unknown) => (v === null || v === undefined ? "" : /[,"]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const lines = regions.map((r) => [r.id, r.name, r.level, r.type, r.parent, r.land, r.kreisfrei, r.bbsr_kreistyp, r.population, "2021-12-31", ""].map(cell).join(","));
  return ["id,name,level,type,parent,land,kreisfrei,bbsr_kreistyp,population,population_date,area_km2", ...lines].join("\n") + "\n";
}

export interface FixtureDirs {
  root: string;
  snapshotDir: string;
  updatesDir: string;
  target: string;
  cleanup(): void;
}

/** Writes a snapshot (default: the one above) into a fresh temp folder `<root>/data/snapshot`. */
export function writeFixture(
  options: {regions?: FixtureRegion[]; indicators?: unknown[]; observations?: FixtureObservation[]; updates?: Record<string, FixtureObservation[]>; sources?: unknown[]} = {}
): FixtureDirs {
  const root = mkdtempSync(join(tmpdir(), "kbm-wh-"));
  const snapshotDir = join(root, "data", "snapshot");
  const updatesDir = join(root, "data", "updates");
  mkdirSync(snapshotDir, {recursive: true});
  writeFileSync(join(snapshotDir, "regions.csv"), regionsCsv(options.regions ?? REGIONS));
  writeFileSync(join(snapshotDir, "indicators.json"), JSON.stringify(options.indicators ?? INDICATORS, null, 2));
  writeFileSync(join(snapshotDir, "sources.json"), JSON.stringify(options.sources ?? SOURCES, null, 2));
  writeFileSync(join(snapshotDir, "observations.csv"), observationsCsv(options.observations ?? OBSERVATIONS));
  if (options.updates) {
    mkdirSync(updatesDir, {recursive: true});
    for (const [name, rows] of Object.entries(options.updates)) writeFileSync(join(updatesDir, name), observationsCsv(rows));
  }
  return {root, snapshotDir, updatesDir, target: join(root, "data", "warehouse.duckdb"), cleanup: () => rmSync(root, {recursive: true, force: true})};
}
