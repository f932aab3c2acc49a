/**
 * The regions of the snapshot: Bund (DG), 16 Länder, the 400 Kreise on the territorial state of
 * 01.07.2021, Berlin's 12 Bezirke and its 542 LOR-Planungsräume.
 */
import {InputError} from "../../loaders/common/errors.ts";
import {BERLIN_BEZIRKE, BERLIN_KREIS, bezirkKey} from "../../loaders/berlin/bezirke.ts";
import type {Planungsraum, PlrPopulation} from "../../loaders/berlin/planungsraeume.ts";
import type {BezirkPopulation} from "../../loaders/berlin/statistik-bb.ts";
import type {BbsrKreistyp} from "../../loaders/kreise/bbsr-kreistypen.ts";
import type {KreisMetadata} from "../../loaders/kreise/metadata.ts";
import {describeNonCurrentKey} from "../../loaders/kreise/territory.ts";
import type {Region} from "./format.ts";

export interface RegionInputs {
  kreise: KreisMetadata[];
  kreistypen: BbsrKreistyp[];
  kreistypenLabel: string;
  bezirkNames: Map<string, string>;
  bezirkPopulation: BezirkPopulation[];
  planungsraeume: Planungsraum[];
  plrPopulation: PlrPopulation[];
  /** Cities with rows of their own inside a Kreis (key → Kreis), named and counted by the Zensus 2022. */
  cities: {id: string; kreis: string; name: string; population: number}[];
}

/** Population date of the cities stored as Gemeinden: the Zensus 2022 reference day. */
export const CITY_POPULATION_DATE = "2022-05-15";

export interface SetAsideKey {
  file: string;
  line?: number;
  region: string;
  name?: string;
  reason: string;
}

/** Population of Bezirke: Einwohnerregister on this date (the date Kreis membership is fixed on). */
export const BEZIRK_POPULATION_DATE = "2021-12-31";
export const PLR_POPULATION_DATE = "2022-06-30";

export function buildRegions(inputs: RegionInputs, setAside: SetAsideKey[]): Region[] {
  const regions: Region[] = [];
  const kreisIds = new Set(inputs.kreise.map((k) => k.ags));
  const types = new Map<string, number>();
  for (const t of inputs.kreistypen) {
    if (!kreisIds.has(t.ags)) {
      setAside.push({file: inputs.kreistypenLabel, line: t.line, region: t.ags, name: t.name, reason: describeNonCurrentKey(t.ags)});
      continue;
    }
    types.set(t.ags, t.kreistyp_id);
  }
  const laender = new Map<string, {name: string; population: number; area: number}>();
  for (const k of inputs.kreise) {
    const land = laender.get(k.land_ags) ?? {name: k.land_name, population: 0, area: 0};
    land.population += k.population;
    land.area += k.area_km2;
    laender.set(k.land_ags, land);
    const kreistyp = types.get(k.ags);
    if (kreistyp === undefined) throw new InputError({file: inputs.kreistypenLabel, field: "Kreistyp"}, `einen Kreistyp für jeden der 400 Kreise, auch ${k.ags}`, "fehlt");
    regions.push({id: k.ags, name: k.name, level: "kreis", type: k.kreistyp, parent: k.land_ags, land: k.land_ags, kreisfrei: k.kreisfrei, bbsr_kreistyp: kreistyp, population: k.population, population_date: "2021-12-31", area_km2: k.area_km2});
  }
  if (laender.size !== 16) throw new InputError({file: "Kreise"}, "Kreise aus allen 16 Ländern", `${laender.size} Länder`);
  let total = 0;
  let totalArea = 0;
  for (const [id, land] of laender) {
    total += land.population;
    totalArea += land.area;
    regions.push({id, name: land.name, level: "land", type: "Land", parent: "DG", land: id, kreisfrei: null, bbsr_kreistyp: null, population: land.population, population_date: "2021-12-31", area_km2: round(land.area, 2)});
  }
  regions.push({id: "DG", name: "Deutschland", level: "bund", type: "Bund", parent: "", land: "", kreisfrei: null, bbsr_kreistyp: null, population: total, population_date: "2021-12-31", area_km2: round(totalArea, 2)});

  if (!kreisIds.has(BERLIN_KREIS)) throw new InputError({file: "Kreise"}, "den Kreis 11000 Berlin");
  const plrArea = new Map<string, number>();
  for (const p of inputs.planungsraeume) plrArea.set(p.bezirk, (plrArea.get(p.bezirk) ?? 0) + p.area_km2);
  for (const b of BERLIN_BEZIRKE) {
    const name = inputs.bezirkNames.get(b.nr);
    if (name !== b.name) throw new InputError({file: "Berliner Bezirke"}, `den Bezirk ${b.nr} ${b.name}`, name ?? "fehlt");
    const population = inputs.bezirkPopulation.find((p) => p.bezirk === b.nr && p.date === BEZIRK_POPULATION_DATE);
    if (!population) throw new InputError({file: "Einwohnerregister Bezirke"}, `Einwohner von ${b.name} am ${BEZIRK_POPULATION_DATE}`, "fehlt");
    regions.push({
      id: bezirkKey(b.nr),
      name: b.name,
      level: "bezirk",
      type: "Berliner Bezirk",
      parent: BERLIN_KREIS,
      land: "11",
      kreisfrei: null,
      bbsr_kreistyp: null,
      population: population.insgesamt,
      population_date: BEZIRK_POPULATION_DATE,
      area_km2: round(plrArea.get(b.nr) ?? 0, 2)
    });
  }
  for (const c of inputs.cities) {
    const kreis = inputs.kreise.find((k) => k.ags === c.kreis);
    if (!kreis) throw new InputError({file: "Städte mit eigener Zeile"}, `den Kreis ${c.kreis} der Stadt ${c.id}`, "fehlt");
    regions.push({id: c.id, name: c.name, level: "gemeinde", type: "Stadt im Kreis (eigene Zeile)", parent: c.kreis, land: kreis.land_ags, kreisfrei: null, bbsr_kreistyp: null, population: c.population, population_date: CITY_POPULATION_DATE, area_km2: null});
  }
  const plrPopulation = new Map(inputs.plrPopulation.map((p) => [p.id, p.total]));
  const taken = new Set(regions.map((r) => r.id));
  for (const p of inputs.planungsraeume) {
    if (taken.has(p.id)) throw new InputError({file: "Planungsräume", field: "PLR_ID"}, "eine PLR_ID, die nicht schon als Regionsschlüssel vergeben ist", p.id);
    const population = plrPopulation.get(p.id);
    if (population === undefined) throw new InputError({file: "Einwohnerregister Planungsräume"}, `Einwohner des Planungsraums ${p.id}`, "fehlt");
    regions.push({
      id: p.id,
      name: p.name,
      level: "planungsraum",
      type: "LOR-Planungsraum",
      parent: bezirkKey(p.bezirk),
      land: "11",
      kreisfrei: null,
      bbsr_kreistyp: null,
      population,
      population_date: PLR_POPULATION_DATE,
      area_km2: round(p.area_km2, 3)
    });
  }
  if (plrPopulation.size !== inputs.planungsraeume.length) throw new InputError({file: "Einwohnerregister Planungsräume"}, `${inputs.planungsraeume.length} Planungsräume wie in der Geometrie`, `${plrPopulation.size}`);
  return regions;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
