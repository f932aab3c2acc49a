/**
 * Region profiles: every indicator × period of a region with its Land and Bund values, its
 * changes over 1, 5 and 10 years and its position in each of its peer groups.
 * Used by `kbm export --region` (JSON or German CSV) and by the profile pages (one ZIP with
 * one JSON file per region, design.md §4).
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {strFromU8, strToU8, Zip, ZipDeflate} from "fflate";
import {unzipVerified} from "../../loaders/common/zip-integrity.ts";
import {queryRows} from "../warehouse/sql.ts";
import {sourceLabel, type LabelIndicator, type LabelSource} from "../../src/shared/source-label.ts";
import {germanCsv, type CsvCell} from "./german-csv.ts";
import {derived, exportSql, num, percentile, str} from "./sql.ts";
import type {AggregateStatus, ProfileFile, ProfileRegion} from "./profile-file.ts";

export type {AggregateStatus, ProfileFile, ProfileSeries, ProfileRow, ProfileIndicator, ProfileRegion, ProfilePeerSeries} from "./profile-file.ts";
export {profileRows} from "./profile-file.ts";

/** A region's position in one peer group for one indicator and period. */
export interface PeerComparison {
  /** 1 = highest value in the group; ties share the smallest rank; null when the region has no number. */
  rank: number | null;
  /** Number of ranked members (members with a number). */
  of: number;
  /** Share of the other ranked members with a strictly lower value, 0–100 (one decimal); null when alone or unranked. */
  percentile: number | null;
  /** Group median, first and third quartile (DuckDB quantile_cont, linear interpolation); null when nobody has a number. */
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface ProfileRecord {
  region: string;
  indicator: string;
  year: number;
  period: string;
  value: number | null;
  flag: string | null;
  unit: string;
  source: string;
  /** Producer, publication, period and reference date, licence (src/shared/source-label.ts). */
  source_label: string;
  /** The value of the region's Land (published or computed, see land_status); for a Land its own value. */
  land: number | null;
  land_status: AggregateStatus | null;
  /** The value for Germany (published or computed, see bund_status). */
  bund: number | null;
  bund_status: AggregateStatus | null;
  change_1y: number | null;
  change_5y: number | null;
  change_10y: number | null;
  /** Why a change is null although an earlier value exists: not comparable (kind of reference, precision, population basis) or a flagged value. */
  change_1y_reason: string | null;
  change_5y_reason: string | null;
  change_10y_reason: string | null;
  /** Peer-group id → comparison, in the groups' display order; {} for Länder and the Bund. */
  peers: Record<string, PeerComparison>;
}

export const PEER_FIELDS = ["rank", "of", "percentile", "median", "q1", "q3"] as const satisfies readonly (keyof PeerComparison)[];

export const PROFILE_COLUMNS = [
  "region", "indicator", "year", "period", "value", "flag", "unit", "source", "source_label",
  "land", "land_status", "bund", "bund_status", "change_1y", "change_5y", "change_10y",
  "change_1y_reason", "change_5y_reason", "change_10y_reason"
] as const satisfies readonly (keyof ProfileRecord)[];

/** A region with its Land's name and its peer groups (the "region" of a profile file). */
export type RegionInfo = ProfileRegion;

export class UnknownRegionError extends Error {
  override name = "UnknownRegionError";
  constructor(readonly region: string) {
    super(`Region ${JSON.stringify(region)} gibt es im Warehouse nicht (Schlüssel wie "05315", "11", "DG", "11001001")`);
  }
}

export async function regionInfo(connection: DuckDBConnection, regionId: string): Promise<RegionInfo> {
  const [row] = await regionRows(connection, regionId);
  if (!row) throw new UnknownRegionError(regionId);
  return row;
}

export async function allRegionInfo(connection: DuckDBConnection): Promise<RegionInfo[]> {
  return regionRows(connection, null);
}

async function regionRows(connection: DuckDBConnection, regionId: string | null): Promise<RegionInfo[]> {
  const rows = await queryRows(connection, exportSql("regions"), {region: regionId});
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    level: String(r.level),
    type: String(r.type),
    parent: str(r.parent),
    land: str(r.land),
    land_name: str(r.land_name),
    kreisfrei: r.kreisfrei === null ? null : Boolean(r.kreisfrei),
    bbsr_kreistyp: num(r.bbsr_kreistyp),
    population: num(r.population),
    area_km2: num(r.area_km2),
    groups: (r.groups as unknown[]).map(String)
  }));
}

/** One region's profile; throws UnknownRegionError for an id the warehouse does not know. */
export async function regionProfile(connection: DuckDBConnection, regionId: string): Promise<ProfileRecord[]> {
  await regionInfo(connection, regionId);
  return (await profileRecords(connection, regionId)).get(regionId) ?? [];
}

/** Every region's profile records, by region id (regions without values are absent). */
export async function profileRecords(connection: DuckDBConnection, regionId: string | null = null): Promise<Map<string, ProfileRecord[]>> {
  const factReader = await connection.runAndReadAll(exportSql("profile-facts"), {region: regionId});
  const f = factReader.getColumnsObjectJS();
  const peerReader = await connection.runAndReadAll(exportSql("profile-peers"), {region: regionId});
  const p = peerReader.getColumnsObjectJS();

  const labels = await labelMetadata(connection);
  const byRegion = new Map<string, ProfileRecord[]>();
  const byKey = new Map<string, ProfileRecord>();
  const n = factReader.currentRowCount;
  for (let i = 0; i < n; i++) {
    const record: ProfileRecord = {
      region: String(f.region![i]),
      indicator: String(f.indicator![i]),
      year: Number(f.year![i]),
      period: String(f.period![i]),
      // Published values are kept exactly as stored; computed ones are cleaned of float noise.
      value: f.computed![i] ? derived(f.value![i]) : num(f.value![i]),
      flag: str(f.flag![i]),
      unit: String(f.unit![i]),
      source: String(f.source![i]),
      source_label: labels.label(String(f.indicator![i]), String(f.source![i]), String(f.period![i])),
      land: f.land_status![i] === "computed" ? derived(f.land![i]) : num(f.land![i]),
      land_status: str(f.land_status![i]) as AggregateStatus | null,
      bund: f.bund_status![i] === "computed" ? derived(f.bund![i]) : num(f.bund![i]),
      bund_status: str(f.bund_status![i]) as AggregateStatus | null,
      change_1y: derived(f.change_1y![i]),
      change_5y: derived(f.change_5y![i]),
      change_10y: derived(f.change_10y![i]),
      change_1y_reason: str(f.change_1y_reason![i]),
      change_5y_reason: str(f.change_5y_reason![i]),
      change_10y_reason: str(f.change_10y_reason![i]),
      peers: {}
    };
    let list = byRegion.get(record.region);
    if (!list) byRegion.set(record.region, (list = []));
    list.push(record);
    byKey.set(`${record.region}|${record.indicator}|${record.period}`, record);
  }
  const m = peerReader.currentRowCount;
  for (let i = 0; i < m; i++) {
    const record = byKey.get(`${p.region![i]}|${p.indicator![i]}|${p.period![i]}`);
    if (!record) continue;
    record.peers[String(p.group_id![i])] = {
      rank: num(p.rank![i]),
      of: num(p.n_ranked![i]) ?? 0,
      percentile: percentile(p.percentile![i]),
      median: derived(p.median![i]),
      q1: derived(p.q1![i]),
      q3: derived(p.q3![i])
    };
  }
  return byRegion;
}

/** The registry and source catalogue as the source label needs them, read once. */
async function labelMetadata(connection: DuckDBConnection) {
  const indicators = new Map((await queryRows(connection, "SELECT id, meta::VARCHAR AS meta FROM indicators")).map((r) => [String(r.id), JSON.parse(String(r.meta)) as LabelIndicator]));
  const sources = new Map((await queryRows(connection, "SELECT id, meta::VARCHAR AS meta FROM sources")).map((r) => [String(r.id), JSON.parse(String(r.meta)) as LabelSource]));
  const cache = new Map<string, string>();
  return {
    label(indicator: string, source: string, period: string): string {
      const key = `${indicator}|${source}|${period}`;
      let text = cache.get(key);
      if (text === undefined) {
        const i = indicators.get(indicator);
        const s = sources.get(source);
        text = i && s ? sourceLabel(i, s, period) : source;
        cache.set(key, text);
      }
      return text;
    }
  };
}

/**
 * German CSV of profile records: the columns of PROFILE_COLUMNS, then for each peer group
 * (in the given order) `peers_<group>_rank`, `_of`, `_percentile`, `_median`, `_q1`, `_q3`.
 */
export function profileCsv(records: readonly ProfileRecord[], groups: readonly string[]): string {
  const header = [...PROFILE_COLUMNS, ...groups.flatMap((g) => PEER_FIELDS.map((f) => `peers_${g}_${f}`))];
  const rows = records.map((r): CsvCell[] => [
    ...PROFILE_COLUMNS.map((c) => r[c] as CsvCell),
    ...groups.flatMap((g) => PEER_FIELDS.map((f) => r.peers[g]?.[f] ?? null))
  ]);
  return germanCsv(header, rows);
}

/** A fixed mtime keeps the ZIP byte-identical for identical data. */
const ZIP_MTIME = new Date("2021-07-01T00:00:00Z");

/** Regions per profile-files query: DuckDB's memory stays bounded, its cost per query is paid rarely. */
export const BATCH_REGIONS = 120;

/**
 * Region-id prefixes (Länder) packed in order into batches of at most `limit` regions (a
 * larger prefix gets a batch of its own), from the number of regions per prefix.
 */
export function partBatches(regionsPerPart: ReadonlyMap<string, number>, limit = BATCH_REGIONS): string[][] {
  const batches: string[][] = [];
  let size = Infinity;
  for (const part of [...regionsPerPart.keys()].sort()) {
    const n = regionsPerPart.get(part)!;
    if (size + n > limit) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(part);
    size += n;
  }
  return batches;
}

/** Runs profile-files.sql for one batch of prefixes; `region` narrows it to one id. */
export async function profileFileRows(connection: DuckDBConnection, parts: readonly string[], region: string | null = null): Promise<{id: string; json: string}[]> {
  const reader = await connection.runAndReadAll(exportSql("profile-files"), {parts: listValue([...parts]), region});
  const columns = reader.getColumnsObjectJS();
  return columns.id!.map((id, i) => ({id: String(id), json: String(columns.json![i])}));
}

/**
 * The profile pages' data as one ZIP: `<region id>.json` (a ProfileFile) for every Kreis and
 * Berlin district (the regions with a profile page; `kbm export` covers all levels). Built in
 * DuckDB (pipelines/exports/sql/profile-files.sql), a batch of regions at a time, and
 * compressed as they come.
 */
export async function profilesZip(connection: DuckDBConnection): Promise<Uint8Array> {
  const counts = await queryRows(connection, "SELECT substr(id, 1, 2) AS part, count(*) AS n FROM regions WHERE level IN ('kreis', 'bezirk') GROUP BY part");
  const batches = partBatches(new Map(counts.map((r) => [String(r.part), Number(r.n)])));
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  for (const parts of batches) {
    for (const {id, json} of await profileFileRows(connection, parts)) {
      const file = new ZipDeflate(`${id}.json`, {level: 1});
      file.mtime = ZIP_MTIME;
      zip.add(file);
      file.push(strToU8(json), true);
    }
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

/** Reads one region's document from profiles.zip bytes (tests, tools). */
export function readProfileFile(zip: Uint8Array, regionId: string): ProfileFile | undefined {
  const name = `${regionId}.json`;
  const files = unzipVerified(zip, {keep: (file) => file === name});
  const bytes = files[name];
  return bytes ? (JSON.parse(strFromU8(bytes)) as ProfileFile) : undefined;
}
