/**
 * `kbm import`: reads the real source files (laid out as in ../shared) and builds the
 * canonical snapshot. Everything that is left out is listed in the import report.
 */
import {join} from "node:path";
import {readInkarWide} from "../../loaders/inkar/kreise.ts";
import {readKreisMetadata} from "../../loaders/kreise/metadata.ts";
import {readBbsrKreistypen} from "../../loaders/kreise/bbsr-kreistypen.ts";
import {InputError} from "../../loaders/common/errors.ts";
import {REGISTRY} from "../indicators/registry.ts";
import {SOURCES} from "../indicators/sources.ts";
import type {Indicator, Observation, Region} from "./format.ts";
import {readFeatures, toTopology} from "./geo.ts";
import {renderSourcesDoc} from "./sources-doc.ts";
import type {Snapshot} from "./write.ts";

export const SOURCE_FILES = {
  kreisMetadata: "data/kreise/kreise_metadata_2021-12-31.csv",
  bbsrKreistypen: "data/kreise/bbsr_kreistypen_2020.csv",
  inkar: "data/kreise/inkar_kreise_1995-2022.csv",
  kreiseGeo: "data/geo/de_kreise_vg5000_2021-07-01.geojson",
  laenderGeo: "data/geo/de_laender_vg5000_2021-01-01.geojson"
} as const;

export interface ImportReport {
  counts: Record<string, number>;
  /** Values read but not stored, with the reason. */
  setAside: {file: string; line: number; region: string; reason: string}[];
}

export function buildSnapshot(fromDir: string): {snapshot: Snapshot; report: ImportReport} {
  const file = (key: keyof typeof SOURCE_FILES) => ({path: join(fromDir, SOURCE_FILES[key]), label: SOURCE_FILES[key]});
  const report: ImportReport = {counts: {}, setAside: []};

  const regions = buildRegions(file("kreisMetadata"), file("bbsrKreistypen"));
  const regionIds = new Set(regions.map((r) => r.id));

  const observations: Observation[] = [];
  const inkarEntries = REGISTRY.filter((e) => e.origin.inkarColumn);
  const byColumn = new Map(inkarEntries.map((e) => [e.origin.inkarColumn!, e]));
  const inkar = file("inkar");
  for (const v of readInkarWide(inkar.path, inkar.label, {keyColumn: "county_code", yearColumn: "year", columns: [...byColumn.keys()]})) {
    const entry = byColumn.get(v.column)!;
    if (!regionIds.has(v.region)) {
      report.setAside.push({file: inkar.label, line: v.line, region: v.region, reason: "Kreis nicht im Gebietsstand 01.07.2021"});
      continue;
    }
    if (v.value < entry.range.min || v.value > entry.range.max) {
      throw new InputError({file: inkar.label, line: v.line, field: v.column}, `einen Wert zwischen ${entry.range.min} und ${entry.range.max}`, String(v.value));
    }
    observations.push({indicator: entry.id, region: v.region, period: String(v.year), value: v.value, flag: null, source: entry.source.source_id});
  }

  const indicators: Indicator[] = REGISTRY.map(({origin: _origin, ...indicator}) => indicator);
  const geo = {
    "kreise.topojson": toTopology({kreise: readFeatures(file("kreiseGeo"), (p) => ({id: String(p.AGS), name: String(p.GEN)}))}),
    "laender.topojson": toTopology({laender: readFeatures(file("laenderGeo"), (p) => ({id: String(p.AGS), name: String(p.GEN)}))})
  };
  report.counts = {regions: regions.length, indicators: indicators.length, observations: observations.length, set_aside: report.setAside.length};
  return {snapshot: {regions, indicators, observations, sources: SOURCES, sourcesDoc: renderSourcesDoc(SOURCES), geo}, report};
}

function buildRegions(metadataFile: {path: string; label: string}, typesFile: {path: string; label: string}): Region[] {
  const kreise = readKreisMetadata(metadataFile.path, metadataFile.label);
  const types = new Map(readBbsrKreistypen(typesFile.path, typesFile.label).map((t) => [t.ags, t.kreistyp_id]));
  const regions: Region[] = [];
  const laender = new Map<string, {name: string; population: number; area: number}>();
  for (const k of kreise) {
    const land = laender.get(k.land_ags) ?? {name: k.land_name, population: 0, area: 0};
    land.population += k.population;
    land.area += k.area_km2;
    laender.set(k.land_ags, land);
    const kreistyp = types.get(k.ags);
    if (kreistyp === undefined) throw new InputError({file: typesFile.label, field: "ags"}, `einen Kreistyp für jeden der 400 Kreise, auch ${k.ags}`);
    regions.push({id: k.ags, name: k.name, level: "kreis", type: k.kreistyp, parent: k.land_ags, land: k.land_ags, kreisfrei: k.kreisfrei, bbsr_kreistyp: kreistyp, population: k.population, population_date: "2021-12-31", area_km2: k.area_km2});
  }
  let total = 0;
  let totalArea = 0;
  for (const [id, land] of laender) {
    total += land.population;
    totalArea += land.area;
    regions.push({id, name: land.name, level: "land", type: "Land", parent: "DG", land: id, kreisfrei: null, bbsr_kreistyp: null, population: land.population, population_date: "2021-12-31", area_km2: round(land.area, 2)});
  }
  regions.push({id: "DG", name: "Deutschland", level: "bund", type: "Bund", parent: "", land: "", kreisfrei: null, bbsr_kreistyp: null, population: total, population_date: "2021-12-31", area_km2: round(totalArea, 2)});
  return regions;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
