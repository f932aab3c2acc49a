/**
 * The line under a profile's heading: kind of region, Land, key and population. The population
 * is the figure that fixes peer-group membership for all years (regions.csv, the same date for
 * every Kreis and Bezirk), named like every other figure: date, producer and licence.
 */
import {formatNumber, formatPeriod} from "./format.js";

/** The reference date of every Kreis's and Bezirk's population in regions.csv (a test keeps it true). */
export const PROFILE_POPULATION_DATE = "2021-12-31";

/** Where the population of each level comes from: a source id of data/snapshot/sources.json and its table. */
export const PROFILE_POPULATION_SOURCE = {
  kreis: {id: "gvisys", table: "Tabelle 04-kreise"},
  bezirk: {id: "statistik_bb_einwohner_2023", table: "Statistischer Bericht A I 5 – hj 2/2023, Tabelle 3"}
} as const;

interface FactsRegion {
  id: string;
  level: string;
  type: string;
  land_name: string | null;
  population: number | null;
}

interface FactsSource {
  id: string;
  publisher?: string;
  producer?: string;
  licence: string;
}

/** "Kreisfreie Stadt · Nordrhein-Westfalen · Schlüssel 05315 · 1.073.096 Einwohner (31.12.2021)". */
export function profileFacts(region: FactsRegion): string {
  const parts = [region.type, region.level === "kreis" ? region.land_name ?? "" : "Berlin", `Schlüssel ${region.id}`];
  if (region.population !== null) parts.push(`${formatNumber(region.population, 0)} Einwohner (${formatPeriod(PROFILE_POPULATION_DATE)})`);
  return parts.filter((p) => p !== "").join(" · ");
}

/**
 * The source line of that population, shown small under the facts: "Einwohnerzahl: Statistisches
 * Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Tabelle 04-kreise, Stand 31.12.2021 · Lizenz:
 * dl-de/by-2-0";
 * null when the region has no population.
 */
export function populationSourceNote(region: FactsRegion, sources: readonly FactsSource[]): string | null {
  if (region.population === null) return null;
  const origin = PROFILE_POPULATION_SOURCE[region.level as keyof typeof PROFILE_POPULATION_SOURCE];
  const source = origin && sources.find((s) => s.id === origin.id);
  if (!source) throw new Error(`Quelle der Einwohnerzahl für die Ebene ${region.level} fehlt im Quellenkatalog`);
  // The licence's short form, the part in parentheses: "dl-de/by-2-0", "CC BY 3.0 DE".
  const licence = /\(([^()]+)\)\s*$/.exec(source.licence)?.[1] ?? source.licence;
  return `Einwohnerzahl: ${source.producer ?? source.publisher ?? source.id}, ${origin.table}, Stand ${formatPeriod(PROFILE_POPULATION_DATE)} · Lizenz: ${licence}`;
}
