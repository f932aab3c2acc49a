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
import {exportSql} from "./sql.ts";
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
 * Profile files, one slice of regions (the first two digits of their ids) at a time, as
 * profiles.zip builds them; `only` limits the slice to the given ids.
 */
export async function* profileFiles(connection: DuckDBConnection, ids: readonly string[]): AsyncGenerator<ProfileFile> {
  const wanted = new Set(ids);
  const parts = [...new Set(ids.map((id) => id.slice(0, 2)))].sort();
  for (const part of parts) {
    const reader = await connection.runAndReadAll(exportSql("profile-files"), {part, region: ids.length === 1 ? ids[0]! : null});
    const columns = reader.getColumnsObjectJS();
    const docs: ProfileFile[] = [];
    for (let i = 0; i < columns.id!.length; i++) if (wanted.has(String(columns.id![i]))) docs.push(JSON.parse(String(columns.json![i])) as ProfileFile);
    docs.sort((a, b) => a.region.id.localeCompare(b.region.id));
    yield* docs;
  }
}
