/**
 * What `kbm bericht` hands the shared report builder (src/shared/report): the same profile file
 * the site's profile page reads (profile-files.sql), the registry, the source catalogue, the
 * tables `kbm pull` understands and when the warehouse was built.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {statSync} from "node:fs";
import type {ReportInput} from "../../src/shared/report/model.ts";
import {TABLE_MAPPINGS} from "../updates/table-mappings.ts";
import type {Indicator} from "../snapshot/format.ts";
import type {ProfileFile} from "./profile-file.ts";
import {partBatches, profileFileRows} from "./profile.ts";
import {sourcesCatalogue} from "./sources-catalogue.ts";
import {queryRows} from "../warehouse/sql.ts";

export type ReportContext = Omit<ReportInput, "file" | "groupId">;

/** Registry, sources, pull tables and build date: the same for every region. */
export async function reportContext(connection: DuckDBConnection, warehousePath: string | null): Promise<ReportContext> {
  return {
    // The registry entries only: indicatorCatalog() also counts every observation (seconds).
    catalog: (await queryRows(connection, "SELECT meta FROM indicators ORDER BY id")).map((r) => JSON.parse(String(r.meta)) as Indicator),
    sources: (await sourcesCatalogue(connection)).map(({indicators: _i, observations: _o, ...source}) => source),
    pullTables: TABLE_MAPPINGS.map((m) => ({table: m.table, indicators: m.outputs.map((o) => o.indicator)})),
    builtAt: warehousePath ? statSync(warehousePath).mtime.toISOString().slice(0, 10) : null
  };
}

/** The regions a draft can be written for (those with a profile page): id, name, level. */
export async function reportRegions(connection: DuckDBConnection): Promise<{id: string; name: string; level: string}[]> {
  const rows = await queryRows(connection, "SELECT id, name, level FROM regions WHERE level IN ('kreis', 'bezirk') ORDER BY id");
  return rows.map((r) => ({id: String(r.id), name: String(r.name), level: String(r.level)}));
}

/**
 * Profile files in batches of regions (by the first two digits of their ids), as profiles.zip
 * builds them; only the given ids are returned.
 */
export async function* profileFiles(connection: DuckDBConnection, ids: readonly string[]): AsyncGenerator<ProfileFile> {
  const wanted = new Set(ids);
  const perPart = new Map<string, number>();
  for (const id of wanted) perPart.set(id.slice(0, 2), (perPart.get(id.slice(0, 2)) ?? 0) + 1);
  for (const parts of partBatches(perPart)) {
    const docs: ProfileFile[] = [];
    for (const {id, json} of await profileFileRows(connection, parts, ids.length === 1 ? ids[0]! : null)) if (wanted.has(id)) docs.push(JSON.parse(json) as ProfileFile);
    docs.sort((a, b) => a.region.id.localeCompare(b.region.id));
    yield* docs;
  }
}
