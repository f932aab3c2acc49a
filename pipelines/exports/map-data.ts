/**
 * Data for the maps on /karte/ (and the map of each indicator page): every observation of a
 * level in compact columnar JSON. Per indicator and period one value array aligned with the
 * level's regions (key order), flags and deviating sources only where set. The page reads one
 * file once and switches indicator and year without another request.
 *
 * Types only in the browser: pages and components import them with `import type`.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {FLAG_LABELS, GUIDELINE_AREAS, type Flag, type Indicator, type Source} from "../snapshot/format.ts";
import {queryRows} from "../warehouse/sql.ts";
import {exportSql, num, str} from "./sql.ts";

export type MapLevel = "kreis" | "bezirk" | "planungsraum";

export const MAP_LEVEL_NAMES: Record<MapLevel, {singular: string; plural: string}> = {
  kreis: {singular: "Kreis", plural: "Kreise"},
  bezirk: {singular: "Bezirk", plural: "Bezirke"},
  planungsraum: {singular: "Planungsraum", plural: "Planungsräume"}
};

/** The regions of a level, in key order: the index every value array is aligned with. */
export interface MapRegions {
  id: string[];
  name: string[];
  type: string[];
  /** Land of a Kreis, Bezirk of a Planungsraum, "Berlin" for a Bezirk. */
  parent_name: (string | null)[];
}

export interface MapPeriod {
  period: string;
  year: number;
  /** Aligned with MapRegions.id; null = no number (a flag says why) or no observation at all. */
  value: (number | null)[];
  /** Region id → flag, only where one is set. */
  flags: Record<string, string>;
  /** The source of most observations of this period (a series can change source between years). */
  source: string;
  /** Region id → source, only for observations from another source than `source`. */
  other_sources: Record<string, string>;
  /** Regions with a number. */
  n: number;
}

/** The registry entry without the importer's coverage (the periods say what there is). */
export type MapIndicatorMeta = Omit<Indicator, "coverage">;

export interface MapIndicator {
  indicator: MapIndicatorMeta;
  /** Oldest first. */
  periods: MapPeriod[];
}

export interface MapLayer {
  level: MapLevel;
  regions: MapRegions;
  /** The sources of the boundaries drawn (their attribution goes under the map). */
  geometry_sources: string[];
  /** Ordered by guideline area (GUIDELINE_AREAS), then name. */
  indicators: MapIndicator[];
}

export interface MapData {
  layers: MapLayer[];
  /** The sources named by any period of any layer. */
  sources: Record<string, Source>;
  /** Flag → its meaning in German, for the flags that occur. */
  flag_labels: Record<string, string>;
}

/** Boundaries of each level: the Kreise from BKG VG5000, Berlin's from the Geoportal Berlin (the Bezirk borders are drawn over the Planungsräume). */
export const GEOMETRY_SOURCES: Record<MapLevel, string[]> = {
  kreis: ["bkg_vg5000"],
  bezirk: ["geoportal_berlin_bezirke"],
  planungsraum: ["geoportal_berlin_lor", "geoportal_berlin_bezirke"]
};

/** A level's periods need this many regions with a number to be mapped (see map-observations.sql). */
export const MIN_MAP_REGIONS: Record<MapLevel, number> = {kreis: 2, bezirk: 2, planungsraum: 2};

export async function mapRegions(connection: DuckDBConnection, level: MapLevel): Promise<MapRegions> {
  const reader = await connection.runAndReadAll(exportSql("map-regions"), {level});
  const c = reader.getColumnsObjectJS();
  return {
    id: c.id!.map(String),
    name: c.name!.map(String),
    type: c.type!.map(String),
    parent_name: c.parent_name!.map(str)
  };
}

/** The registry entries by id, without coverage. */
export async function indicatorMeta(connection: DuckDBConnection): Promise<Map<string, MapIndicatorMeta>> {
  const rows = await queryRows(connection, "SELECT id, meta FROM indicators ORDER BY id");
  return new Map(
    rows.map((r) => {
      const {coverage: _coverage, ...meta} = JSON.parse(String(r.meta)) as Indicator;
      return [String(r.id), meta];
    })
  );
}

export async function sourceMeta(connection: DuckDBConnection, ids: Iterable<string>): Promise<Record<string, Source>> {
  const wanted = new Set(ids);
  const rows = await queryRows(connection, "SELECT id, meta FROM sources ORDER BY id");
  return Object.fromEntries(rows.filter((r) => wanted.has(String(r.id))).map((r) => [String(r.id), JSON.parse(String(r.meta)) as Source]));
}

export function areaOrder(a: MapIndicatorMeta, b: MapIndicatorMeta): number {
  return GUIDELINE_AREAS.indexOf(a.area) - GUIDELINE_AREAS.indexOf(b.area) || a.name.localeCompare(b.name, "de");
}

interface Row {
  indicator: string;
  region: string;
  period: string;
  year: number;
  value: number | null;
  flag: string | null;
  source: string;
}

/** Turns sorted observation rows (indicator, period, region) into aligned periods. */
export function alignPeriods(regions: MapRegions, rows: readonly Row[]): Map<string, MapPeriod[]> {
  const index = new Map(regions.id.map((id, i) => [id, i]));
  const out = new Map<string, MapPeriod[]>();
  let start = 0;
  while (start < rows.length) {
    const {indicator, period, year} = rows[start]!;
    let end = start;
    while (end < rows.length && rows[end]!.indicator === indicator && rows[end]!.period === period) end++;
    const group = rows.slice(start, end);
    const counts = new Map<string, number>();
    for (const r of group) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
    // The most frequent source; ties go to the first in id order, so the output is stable.
    const source = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const entry: MapPeriod = {period, year, value: regions.id.map(() => null), flags: {}, source, other_sources: {}, n: 0};
    for (const r of group) {
      const i = index.get(r.region);
      if (i === undefined) throw new Error(`Region ${r.region} (${indicator}, ${period}) gehört nicht zur Kartenebene`);
      entry.value[i] = r.value;
      if (r.value !== null) entry.n++;
      if (r.flag !== null) entry.flags[r.region] = r.flag;
      if (r.source !== source) entry.other_sources[r.region] = r.source;
    }
    const list = out.get(indicator) ?? [];
    list.push(entry);
    out.set(indicator, list);
    start = end;
  }
  return out;
}

/** One level's map layer: the regions and every mappable period of every indicator. */
export async function mapLayer(connection: DuckDBConnection, level: MapLevel, meta?: Map<string, MapIndicatorMeta>): Promise<MapLayer> {
  const registry = meta ?? (await indicatorMeta(connection));
  const regions = await mapRegions(connection, level);
  const reader = await connection.runAndReadAll(exportSql("map-observations"), {level, min_regions: MIN_MAP_REGIONS[level]});
  const c = reader.getColumnsObjectJS();
  const rows: Row[] = [];
  for (let i = 0; i < reader.currentRowCount; i++) {
    rows.push({
      indicator: String(c.indicator![i]),
      region: String(c.region![i]),
      period: String(c.period![i]),
      year: Number(c.year![i]),
      value: num(c.value![i]),
      flag: str(c.flag![i]),
      source: String(c.source![i])
    });
  }
  const periods = alignPeriods(regions, rows);
  const indicators = [...periods].map(([id, list]) => {
    const indicator = registry.get(id);
    if (!indicator) throw new Error(`Indikator ${id} fehlt im Register`);
    return {indicator, periods: list};
  });
  indicators.sort((a, b) => areaOrder(a.indicator, b.indicator));
  return {level, regions, geometry_sources: GEOMETRY_SOURCES[level], indicators};
}

/** The map file of one or more levels, with the sources and flag meanings it needs. */
export async function mapData(connection: DuckDBConnection, levels: readonly MapLevel[]): Promise<MapData> {
  const meta = await indicatorMeta(connection);
  const layers: MapLayer[] = [];
  for (const level of levels) layers.push(await mapLayer(connection, level, meta));
  const sourceIds = new Set<string>();
  const flags = new Set<string>();
  for (const layer of layers) {
    for (const id of layer.geometry_sources) sourceIds.add(id);
    for (const {periods} of layer.indicators) {
      for (const p of periods) {
        sourceIds.add(p.source);
        for (const s of Object.values(p.other_sources)) sourceIds.add(s);
        for (const f of Object.values(p.flags)) flags.add(f);
      }
    }
  }
  return {layers, sources: await sourceMeta(connection, sourceIds), flag_labels: flagLabels(flags)};
}

export function flagLabels(flags: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...flags].sort().map((f) => [f, FLAG_LABELS[f as Flag] ?? f]));
}
