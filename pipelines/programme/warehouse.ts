/**
 * The programme sheets in the warehouse: anonymised tables (programme_*), no figures.
 * `kbm data` calls `loadProgrammeIntoWarehouse` inside its atomic build (see
 * `programmeExtension`); the checks in sql/checks.sql then run with the warehouse's own.
 */
import {berlinDay} from "../../loaders/common/berlin-day.ts";
import type {DuckDBConnection, DuckDBValue} from "@duckdb/node-api";
import {existsSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {loadProgramme} from "../../loaders/programme/load.ts";
import {SHEETS} from "../../loaders/programme/sheets.ts";
import type {ProgrammeData} from "../../loaders/programme/types.ts";
import type {WarehouseExtension} from "../warehouse/extensions.ts";
import {insertRows} from "../warehouse/insert-rows.ts";
import {queryRows, runScript} from "../warehouse/sql.ts";

const sql = (name: string) => readFileSync(join(import.meta.dirname, "sql", `${name}.sql`), "utf-8");

export const PROGRAMME_TABLES = ["programme_sheets", "programme_municipalities", "programme_topic_groups", "programme_modules", "programme_events", "programme_attendance"];

/**
 * Reads the sheets in `dir` (strict: any problem fails the load, listing all of them) and
 * (re)creates the programme tables. Region keys are checked against the warehouse's regions
 * when the connection has them. Returns the row count per table.
 */
export async function loadProgrammeIntoWarehouse(connection: DuckDBConnection, dir: string, options: {label?: string} = {}): Promise<Record<string, number>> {
  const knownRegions = await regionIds(connection);
  const data = loadProgramme(dir, {label: options.label, knownRegions, today: berlinDay(new Date())});
  await runScript(connection, sql("schema"));
  await insertAll(connection, data);
  const counts: Record<string, number> = {};
  for (const table of PROGRAMME_TABLES) {
    // Table names come from the constant list above, never from input.
    const [row] = await queryRows(connection, `SELECT count(*)::INTEGER AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

async function insertAll(connection: DuckDBConnection, data: ProgrammeData): Promise<void> {
  const rows: Record<string, Record<string, DuckDBValue>[]> = {
    programme_sheets: Object.entries(data.stand).map(([key, exported]) => ({sheet: SHEETS[key as keyof typeof SHEETS], exported})),
    programme_municipalities: data.municipalities.map((m) => ({
      id: m.id, name: m.name, type: m.type, region_key: m.region_key, profile_id: m.profile_id, eligible: m.eligible, reason: m.reason, agency: m.agency,
      contact: m.stages.contact, analysis: m.stages.analysis, agreement: m.stages.agreement, training: m.stages.training, topic_group: m.stages.topic_group
    })),
    programme_topic_groups: data.topicGroups.map((g) => ({id: g.id, name: g.name})),
    programme_modules: data.modules.map((m) => ({id: m.id, number: m.number, name: m.name})),
    programme_events: data.events.map((e) => ({id: e.id, type: e.type, date: e.date, host: e.host, title: e.title, module: e.module, topic_group: e.topic_group, cancelled: e.cancelled, agency: e.agency})),
    programme_attendance: data.attendance.map((a) => ({event: a.event, person: a.person, organisation: a.organisation, municipality: a.municipality, department: a.department}))
  };
  await connection.run("BEGIN TRANSACTION");
  try {
    for (const [table, tableRows] of Object.entries(rows)) await insertRows(connection, table, tableRows);
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}

/** Länder and Kreise of the warehouse, or undefined when it has no regions table (a bare connection). */
async function regionIds(connection: DuckDBConnection): Promise<Set<string> | undefined> {
  const [exists] = await queryRows(connection, "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'regions'");
  if (!exists || Number(exists.n) === 0) return undefined;
  const rows = await queryRows(connection, "SELECT id FROM regions WHERE level IN ('land', 'kreis')");
  return new Set(rows.map((r) => String(r.id)));
}

/** For `kbm data`: the programme tables from data/programme/, checked with the rest of the warehouse. */
export const programmeExtension: WarehouseExtension = {
  name: "programme",
  async load(connection, {dataDir, log}) {
    const dir = join(dataDir, "programme");
    if (!existsSync(dir)) {
      // Empty tables keep the checks and counts meaningful.
      await runScript(connection, sql("schema"));
      log(`Programmlisten: ${dir} fehlt, Programmtabellen bleiben leer`);
      return;
    }
    const counts = await loadProgrammeIntoWarehouse(connection, dir, {label: relative(process.cwd(), dir) || "."});
    log(`Programmlisten: ${counts.programme_municipalities} Kommunen, ${counts.programme_events} Veranstaltungen, ${counts.programme_attendance} Teilnahmen (anonymisiert)`);
  },
  checks: sql("checks"),
  tables: PROGRAMME_TABLES
};
