/** JSON exports for pages: the indicator catalog, the regions, the peer groups, Land/Bund values. */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {Indicator} from "../snapshot/format.ts";
import {queryRows} from "../warehouse/sql.ts";
import type {AggregateStatus} from "./profile.ts";
import {derived, exportSql, num, str} from "./sql.ts";

export {allRegionInfo as regionDirectory} from "./profile.ts";

export interface CatalogEntry {
  indicator: Indicator;
  first_year: number | null;
  last_year: number | null;
  regions_with_value: number;
  observations: number;
}

/** The registry entries with what the warehouse holds for each (years, regions with a number). */
export async function indicatorCatalog(connection: DuckDBConnection): Promise<CatalogEntry[]> {
  const rows = await queryRows(connection, exportSql("indicator-catalog"));
  return rows.map((r) => ({
    indicator: JSON.parse(String(r.meta)) as Indicator,
    first_year: num(r.first_year),
    last_year: num(r.last_year),
    regions_with_value: Number(r.regions_with_value),
    observations: Number(r.observations)
  }));
}

export interface PeerGroupEntry {
  id: string;
  name: string;
  description: string;
  level: string;
  members: number;
  member_ids: string[];
}

export async function peerGroups(connection: DuckDBConnection): Promise<PeerGroupEntry[]> {
  const rows = await queryRows(connection, exportSql("peer-groups"));
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    description: String(r.description),
    level: String(r.level),
    members: Number(r.members),
    member_ids: ((r.member_ids as unknown[] | null) ?? []).map(String)
  }));
}

export interface AggregateEntry {
  indicator: string;
  region: string;
  region_name: string;
  year: number;
  period: string;
  value: number | null;
  flag: string | null;
  status: AggregateStatus;
  /** published, sum, weighted, none */
  method: string;
  kreise_with_value: number;
  kreise_expected: number;
  /** Why the value is absent (null otherwise). */
  note: string | null;
}

/** Land and Bund values with status and reason, e.g. for a "Land/Bund" line and its footnote. */
export async function landBundValues(connection: DuckDBConnection, filter: {indicator?: string} = {}): Promise<AggregateEntry[]> {
  const rows = await queryRows(connection, exportSql("aggregates"), {indicator: filter.indicator ?? null});
  return rows.map((r) => ({
    indicator: String(r.indicator),
    region: String(r.region),
    region_name: String(r.region_name),
    year: Number(r.year),
    period: String(r.period),
    value: r.status === "computed" ? derived(r.value) : num(r.value),
    flag: str(r.flag),
    status: String(r.status) as AggregateStatus,
    method: String(r.method),
    kreise_with_value: Number(r.kreise_with_value),
    kreise_expected: Number(r.kreise_expected),
    note: str(r.note)
  }));
}
