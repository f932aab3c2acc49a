/**
 * A municipality's own data for its profile ("Eigene Kennzahlen") and the report draft: from
 * the warehouse's own_* tables, per region, with values below the small-number threshold
 * hidden. Pages get it only from a build with KBM_OWN=1 (src/data/eigene-kennzahlen.json.ts).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {FeatureCollection, MultiPolygon, Polygon} from "geojson";
import {DEFAULT_THRESHOLD, ownValue, type OwnValue, type Polarity} from "../../src/shared/own-data/index.ts";
import {OWN_LABEL} from "../own/store.ts";
import {num, str} from "./sql.ts";
import {queryRows} from "../warehouse/sql.ts";

export interface OwnRegionIndicator {
  id: string;
  name: string;
  unit: string;
  definition: string;
  source: string;
  stichtag: string;
  polarity: Polarity;
  decimals: number;
  /** year → values per area (hidden small numbers have flag "klein"). */
  years: Record<string, OwnValue[]>;
}

export interface OwnRegionData {
  region: string;
  origin: string;
  threshold: number;
  indicators: OwnRegionIndicator[];
  areas: FeatureCollection<Polygon | MultiPolygon, {id: string; name: string}> | null;
}

/** Own data of every region in the warehouse (none: an empty object). */
export async function ownRegionData(connection: DuckDBConnection, {threshold = DEFAULT_THRESHOLD} = {}): Promise<Record<string, OwnRegionData>> {
  const [exists] = await queryRows(connection, "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'own_indicators'");
  if (!exists || Number(exists.n) === 0) return {};
  const out: Record<string, OwnRegionData> = {};
  const region = (id: string) => (out[id] ??= {region: id, origin: OWN_LABEL, threshold, indicators: [], areas: null});
  const indicators = new Map<string, OwnRegionIndicator>();
  for (const r of await queryRows(connection, "SELECT * FROM own_indicators ORDER BY region, rowid")) {
    const entry: OwnRegionIndicator = {id: str(r.kennzahl)!, name: str(r.name)!, unit: str(r.unit)!, definition: str(r.definition)!, source: str(r.source)!, stichtag: str(r.stichtag)!, polarity: str(r.polarity) as Polarity, decimals: num(r.decimals)!, years: {}};
    indicators.set(`${str(r.region)}|${entry.id}`, entry);
    region(str(r.region)!).indicators.push(entry);
  }
  for (const r of await queryRows(connection, "SELECT * FROM own_observations ORDER BY region, kennzahl, year, area_id")) {
    const entry = indicators.get(`${str(r.region)}|${str(r.kennzahl)}`)!;
    const row = {line: 0, gebiet_id: str(r.area_id)!, gebiet_name: str(r.area_name)!, kennzahl: entry.id, jahr: num(r.year)!, value: num(r.value), flag: str(r.flag) as "." | "-" | null, decimals: 0, zaehler: num(r.numerator), nenner: num(r.denominator), hinweis: str(r.note) ?? ""};
    (entry.years[String(row.jahr)] ??= []).push(ownValue(row, threshold));
  }
  for (const r of await queryRows(connection, "SELECT * FROM own_areas ORDER BY region, area_id")) {
    const data = region(str(r.region)!);
    data.areas ??= {type: "FeatureCollection", features: []};
    data.areas.features.push({type: "Feature", properties: {id: str(r.area_id)!, name: str(r.name)!}, geometry: JSON.parse(str(r.geometry)!)});
  }
  return out;
}
