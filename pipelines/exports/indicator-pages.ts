/**
 * Data for the indicator catalogue: /indikatoren/ (one list) and /indikatoren/<id> (one
 * JSON per indicator, all in indicators.zip, which Framework unpacks at build time).
 * Each page file holds what its page shows and nothing else: the registry entry, coverage
 * per level and period, the latest map of each level with its distribution, and the
 * Land/Bund values with their status.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {strToU8, Zip, ZipDeflate} from "fflate";
import {REGION_LEVELS, type Indicator, type RegionLevel, type Source} from "../snapshot/format.ts";
import {queryRows} from "../warehouse/sql.ts";
import {areaOrder, flagLabels, mapLayer, sourceMeta, type MapLayer, type MapLevel, type MapPeriod, type MapRegions} from "./map-data.ts";
import {derived, exportSql, num, str} from "./sql.ts";

export interface CoverageRow {
  level: RegionLevel;
  period: string;
  year: number;
  /** Regions with a number. */
  with_value: number;
  /** Regions with a flag but no number. */
  without_value: number;
  /** Regions the level has (400 Kreise, 16 Länder …). */
  expected: number;
  sources: string[];
}

export interface DistributionStats {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The latest mappable period of one level, with all regions of the level. */
export interface IndicatorMap {
  level: MapLevel;
  regions: MapRegions;
  period: MapPeriod;
  stats: DistributionStats;
  /** The sources of the boundaries drawn. */
  geometry_sources: string[];
}

export interface LandBundRow {
  region: string;
  region_name: string;
  level: "bund" | "land";
  period: string;
  year: number;
  value: number | null;
  flag: string | null;
  status: "published" | "computed" | "absent";
  /** published, sum, weighted, none */
  method: string;
  source: string | null;
  kreise_with_value: number;
  kreise_expected: number;
  note: string | null;
}

export interface IndicatorPage {
  indicator: Indicator;
  /** Every source the page names (registry, coverage, maps, Land/Bund values). */
  sources: Record<string, Source>;
  flag_labels: Record<string, string>;
  /** Levels in the order bund, land, kreis, bezirk, planungsraum; periods oldest first. */
  coverage: CoverageRow[];
  /** The level with the most regions with a number first, then kreis, bezirk, planungsraum. */
  maps: IndicatorMap[];
  /** Only periods in which at least one Land or Bund value is published or computed. */
  land_bund: LandBundRow[];
  /** Periods in which every Land/Bund value is absent (the reason: indicator.aggregation.note). */
  land_bund_absent_periods: string[];
}

export interface CatalogLevel {
  level: RegionLevel;
  first: string;
  last: string;
  /** Every period with a value, oldest first (gaps show: 2006 … 2020, 2023). */
  periods: string[];
  /** The most regions with a number in any one period. */
  regions: number;
  expected: number;
}

export interface IndicatorCatalogItem {
  id: string;
  name: string;
  short_name: string;
  definition: string;
  unit: string;
  area: string;
  topic: string;
  polarity: Indicator["polarity"];
  reference_date: string;
  levels: CatalogLevel[];
  /** Sources with values, the main source first. */
  sources: {id: string; title: string; publisher: string}[];
}

const MAP_LEVELS: readonly MapLevel[] = ["kreis", "bezirk", "planungsraum"];

async function registry(connection: DuckDBConnection, indicator: string | null): Promise<Indicator[]> {
  const rows = await queryRows(connection, "SELECT meta FROM indicators WHERE $indicator::VARCHAR IS NULL OR id = $indicator::VARCHAR ORDER BY id", {indicator});
  return rows.map((r) => JSON.parse(String(r.meta)) as Indicator).sort(areaOrder);
}

export async function coverageRows(connection: DuckDBConnection, indicator: string | null = null): Promise<Map<string, CoverageRow[]>> {
  const rows = await queryRows(connection, exportSql("indicator-page-coverage"), {indicator});
  const out = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    const list = out.get(String(r.indicator)) ?? [];
    list.push({
      level: String(r.level) as RegionLevel,
      period: String(r.period),
      year: Number(r.year),
      with_value: Number(r.with_value),
      without_value: Number(r.without_value),
      expected: Number(r.expected),
      sources: (r.sources as unknown[]).map(String)
    });
    out.set(String(r.indicator), list);
  }
  for (const list of out.values()) list.sort((a, b) => REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level) || a.period.localeCompare(b.period));
  return out;
}

async function statsRows(connection: DuckDBConnection, indicator: string | null): Promise<Map<string, DistributionStats>> {
  const rows = await queryRows(connection, exportSql("indicator-page-stats"), {indicator});
  return new Map(
    rows.map((r) => [
      `${String(r.indicator)}|${String(r.level)}|${String(r.period)}`,
      {n: Number(r.n), min: num(r.min)!, q1: derived(r.q1)!, median: derived(r.median)!, q3: derived(r.q3)!, max: num(r.max)!}
    ])
  );
}

async function landBundRows(connection: DuckDBConnection, indicator: string | null): Promise<Map<string, LandBundRow[]>> {
  const rows = await queryRows(connection, exportSql("indicator-page-land-bund"), {indicator});
  const out = new Map<string, LandBundRow[]>();
  for (const r of rows) {
    const list = out.get(String(r.indicator)) ?? [];
    list.push({
      region: String(r.region),
      region_name: String(r.region_name),
      level: String(r.level) as "bund" | "land",
      period: String(r.period),
      year: Number(r.year),
      // Published values as stored; computed ones without floating-point noise.
      value: r.status === "computed" ? derived(r.value) : num(r.value),
      flag: str(r.flag),
      status: String(r.status) as LandBundRow["status"],
      method: String(r.method),
      source: str(r.source),
      kreise_with_value: Number(r.kreise_with_value),
      kreise_expected: Number(r.kreise_expected),
      note: str(r.note)
    });
    out.set(String(r.indicator), list);
  }
  return out;
}

/** The registry entry's own sources plus every source named by the page's data. */
function sourceIdsOf(indicator: Indicator, coverage: readonly CoverageRow[], maps: readonly IndicatorMap[], landBund: readonly LandBundRow[]): Set<string> {
  const ids = new Set<string>([indicator.source.source_id, ...indicator.further_sources.map((f) => f.source_id)]);
  for (const c of coverage) for (const s of c.sources) ids.add(s);
  for (const m of maps) {
    for (const g of m.geometry_sources) ids.add(g);
    ids.add(m.period.source);
    for (const s of Object.values(m.period.other_sources)) ids.add(s);
  }
  for (const r of landBund) if (r.source) ids.add(r.source);
  return ids;
}

/** Builds the page documents of every indicator (or one). */
export async function indicatorPages(connection: DuckDBConnection, only: string | null = null): Promise<IndicatorPage[]> {
  const indicators = await registry(connection, only);
  if (only !== null && indicators.length === 0) throw new Error(`Indikator ${JSON.stringify(only)} gibt es nicht`);
  const coverage = await coverageRows(connection, only);
  const stats = await statsRows(connection, only);
  const landBund = await landBundRows(connection, only);
  const layers: MapLayer[] = [];
  for (const level of MAP_LEVELS) layers.push(await mapLayer(connection, level));
  const allSources = await sourceMeta(connection, (await queryRows(connection, "SELECT id FROM sources")).map((r) => String(r.id)));

  return indicators.map((indicator) => {
    const maps: IndicatorMap[] = [];
    for (const layer of layers) {
      const periods = layer.indicators.find((i) => i.indicator.id === indicator.id)?.periods;
      const latest = periods?.at(-1);
      if (!latest) continue;
      const s = stats.get(`${indicator.id}|${layer.level}|${latest.period}`);
      if (!s) throw new Error(`Keine Verteilung für ${indicator.id}, ${layer.level}, ${latest.period}`);
      maps.push({level: layer.level, regions: layer.regions, period: latest, stats: s, geometry_sources: layer.geometry_sources});
    }
    // The level with the most regions with a number leads (Kreise; Planungsräume for the MSS).
    const main = maps.reduce<IndicatorMap | null>((best, m) => (best === null || m.stats.n > best.stats.n ? m : best), null);
    if (main) {
      maps.splice(maps.indexOf(main), 1);
      maps.unshift(main);
    }

    const rows = landBund.get(indicator.id) ?? [];
    const shownPeriods = new Set(rows.filter((r) => r.status !== "absent").map((r) => r.period));
    const absent = rows.filter((r) => !shownPeriods.has(r.period));
    const cov = coverage.get(indicator.id) ?? [];
    const used = sourceIdsOf(indicator, cov, maps, rows);
    const flags = new Set<string>();
    for (const m of maps) for (const f of Object.values(m.period.flags)) flags.add(f);
    return {
      indicator,
      sources: Object.fromEntries([...used].sort().filter((id) => allSources[id]).map((id) => [id, allSources[id]!])),
      flag_labels: flagLabels(flags),
      coverage: cov,
      maps,
      land_bund: rows.filter((r) => shownPeriods.has(r.period)),
      land_bund_absent_periods: [...new Set(absent.map((r) => r.period))]
    };
  });
}

/** The list on /indikatoren/: one entry per indicator, ordered by guideline area and name. */
export async function indicatorCatalogPage(connection: DuckDBConnection): Promise<IndicatorCatalogItem[]> {
  const indicators = await registry(connection, null);
  const coverage = await coverageRows(connection, null);
  const sources = await sourceMeta(connection, (await queryRows(connection, "SELECT id FROM sources")).map((r) => String(r.id)));
  return indicators.map((indicator) => {
    const rows = coverage.get(indicator.id) ?? [];
    const levels: CatalogLevel[] = [];
    for (const level of REGION_LEVELS) {
      const list = rows.filter((r) => r.level === level && r.with_value > 0);
      if (list.length === 0) continue;
      levels.push({level, first: list[0]!.period, last: list.at(-1)!.period, periods: list.map((r) => r.period), regions: Math.max(...list.map((r) => r.with_value)), expected: list[0]!.expected});
    }
    const counts = new Map<string, number>();
    for (const r of rows) for (const s of r.sources) counts.set(s, (counts.get(s) ?? 0) + r.with_value);
    const ids = [...counts.keys()].sort((a, b) => Number(b === indicator.source.source_id) - Number(a === indicator.source.source_id) || counts.get(b)! - counts.get(a)! || a.localeCompare(b));
    return {
      id: indicator.id,
      name: indicator.name,
      short_name: indicator.short_name,
      definition: indicator.definition,
      unit: indicator.unit,
      area: indicator.area,
      topic: indicator.topic,
      polarity: indicator.polarity,
      reference_date: indicator.reference_date,
      levels,
      sources: ids.filter((id) => sources[id]).map((id) => ({id, title: sources[id]!.title, publisher: sources[id]!.publisher}))
    };
  });
}

/** A fixed mtime keeps the ZIP byte-identical for identical data. */
const ZIP_MTIME = new Date("2021-07-01T00:00:00Z");

/** Every indicator page document as `<id>.json` in one ZIP (src/data/indicators.zip.ts). */
export async function indicatorPagesZip(connection: DuckDBConnection): Promise<Uint8Array> {
  const pages = await indicatorPages(connection);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  for (const page of pages) {
    const file = new ZipDeflate(`${page.indicator.id}.json`, {level: 6});
    file.mtime = ZIP_MTIME;
    zip.add(file);
    file.push(strToU8(JSON.stringify(page)), true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
