/**
 * `kbm data`: builds data/warehouse.duckdb from the snapshot plus the overlay data/updates/.
 * The build writes a temp file, derives and checks everything in it, and only then renames
 * it over the old warehouse, so a build that fails or is killed at any moment leaves the
 * previous warehouse usable. All derived tables are computed in SQL, set-based.
 */
import {assertReadableFile} from "../../loaders/common/readable-file.ts";
import {DuckDBInstance, listValue, type DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {rename, rm} from "node:fs/promises";
import {basename, dirname, join, relative, resolve} from "node:path";
import {z} from "zod";
import {FLAG_LABELS, SNAPSHOT_FILES, indicatorSchema, sourceSchema} from "../snapshot/format.ts";
import {basisLabel, precisionLabel, referenceLabel} from "../../src/shared/comparability.ts";
import {WAREHOUSE_EXTENSIONS, type WarehouseExtension} from "./extensions.ts";
import {killPoint} from "./kill-point.ts";
import {qualityReport, type QualityOptions, type QualityReport} from "./quality.ts";
import {buildSimilarPeers} from "./similar-peers.ts";
import {namedQueries, queryRows, readSql, runScript} from "./sql.ts";

export interface BuildOptions {
  snapshotDir: string;
  target: string;
  /** The overlay folder; default: `updates/` beside the snapshot folder. null = no overlay. */
  updatesDir?: string | null;
  /** Further tables (programme sheets …); default WAREHOUSE_EXTENSIONS. */
  extensions?: WarehouseExtension[];
  /** Options of the quality report computed on the new warehouse. */
  quality?: QualityOptions;
  log?: (message: string) => void;
}

export interface BuildResult {
  counts: Record<string, number>;
  seconds: number;
  /** Seconds per stage: load (read files into tables), derive, extensions, checks, quality, finish; similar is the part of derive spent on the similar peers. */
  stages: Record<string, number>;
  /** The update files applied, in order (later wins). */
  updates: string[];
  quality: QualityReport;
}

export class WarehouseCheckError extends Error {
  override name = "WarehouseCheckError";
  constructor(readonly check: string, readonly rows: Record<string, unknown>[]) {
    super(`Prüfung "${check}" fehlgeschlagen: ${rows.length} Zeile(n), z. B. ${JSON.stringify(rows[0], (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))}`);
  }
}

/**
 * Derived tables, in build order: a .sql file, or the similar-peers computation (TypeScript,
 * shared with the browser), which needs the merged observations and feeds the peer groups.
 */
const SIMILAR = Symbol("similar-peers");
const DERIVE_STEPS = ["merge-observations", SIMILAR, "peer-groups", "aggregates", "facts", "comparisons", "similar-comparisons", "coverage"] as const;
const COUNTED_TABLES = ["regions", "indicators", "sources", "observations", "superseded_observations", "peer_groups", "peer_group_members", "similar_neighbours", "aggregates", "facts", "peer_stats", "comparisons"];

export async function buildWarehouse(options: BuildOptions): Promise<BuildResult> {
  const {snapshotDir, target, log = () => {}} = options;
  const started = performance.now();
  const stages: Record<string, number> = {};
  let mark = started;
  const stage = (name: string) => {
    const now = performance.now();
    stages[name] = (now - mark) / 1000;
    mark = now;
  };
  const updatesDir = options.updatesDir === undefined ? join(dirname(resolve(snapshotDir)), "updates") : options.updatesDir;
  const updates = listUpdateFiles(updatesDir);
  const extensions = options.extensions ?? WAREHOUSE_EXTENSIONS;

  await removeStaleTemps(target);
  const temp = `${target}.tmp-${process.pid}`;
  await removeDatabase(temp);
  const instance = await DuckDBInstance.create(temp);
  const connection = await instance.connect();
  killPoint("temp-created");
  try {
    await runScript(connection, readSql("schema"));
    await loadRegistry(connection, snapshotDir);
    await runScript(connection, readSql("load-snapshot"), {
      regions: join(snapshotDir, SNAPSHOT_FILES.regions),
      observations: join(snapshotDir, SNAPSHOT_FILES.observations)
    });
    killPoint("mid-insert");
    if (updates.length > 0) {
      await runScript(connection, readSql("load-updates"), {files: listValue(updates)});
      await loadOverlaySources(connection, updatesDir!, log);
    }
    stage("load");

    // stages.similar: the neighbours plus their comparisons, a part of "derive" (bench: ≤ 1 s).
    let similar = 0;
    for (const step of DERIVE_STEPS) {
      const t = performance.now();
      if (step === SIMILAR) await buildSimilarPeers(connection);
      else await runScript(connection, readSql(step));
      if (step === SIMILAR || step === "similar-comparisons") similar += (performance.now() - t) / 1000;
    }
    stage("derive");
    stages.similar = similar;

    const context = {snapshotDir, dataDir: dirname(resolve(snapshotDir)), log};
    for (const extension of extensions) await extension.load(connection, context);
    stage("extensions");

    const checks = [...namedQueries(readSql("checks")), ...extensions.flatMap((e) => (e.checks ? namedQueries(e.checks) : []))];
    for (const check of checks) {
      const rows = await queryRows(connection, check.sql);
      if (rows.length > 0) throw new WarehouseCheckError(check.name, rows);
    }
    stage("checks");

    const counts: Record<string, number> = {};
    for (const table of [...COUNTED_TABLES, ...extensions.flatMap((e) => e.tables ?? [])]) {
      // Table names come from the constant list above, never from input.
      const [row] = await queryRows(connection, `SELECT count(*)::BIGINT AS n FROM "${table.replaceAll('"', "")}"`);
      counts[table] = Number(row!.n);
    }
    const quality = await qualityReport(connection, counts, options.quality);
    stage("quality");

    await connection.run("CHECKPOINT");
    connection.closeSync();
    instance.closeSync();
    killPoint("before-rename");
    await rename(temp, target);
    await rm(`${target}.wal`, {force: true});
    stage("finish");
    const seconds = (performance.now() - started) / 1000;
    const shown = ["regions", "indicators", "observations", "aggregates", "comparisons"].map((k) => `${k}=${counts[k]}`).join(", ");
    log(`Warehouse ${target}: ${shown}${updates.length ? `, ${updates.length} Aktualisierungsdatei(en)` : ""} in ${seconds.toFixed(2)} s`);
    return {counts, seconds, stages, updates, quality};
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    await removeDatabase(temp);
    throw error;
  }
}

/**
 * Sources declared by the overlay (`data/updates/sources.json`, written by `kbm pull`): an
 * update file may name a source the snapshot's catalogue does not have. Only entries that an
 * update file uses are added (deleting an update file also takes its source off /daten/); an
 * id the snapshot already has keeps the snapshot's entry.
 */
async function loadOverlaySources(connection: DuckDBConnection, updatesDir: string, log: (message: string) => void): Promise<void> {
  const path = join(updatesDir, "sources.json");
  if (!existsSync(path)) return;
  const declared = parseFile(z.array(sourceEntry), path);
  const used = new Set((await queryRows(connection, "SELECT DISTINCT source FROM staged_observations WHERE origin <> 'snapshot'")).map((r) => String(r.source)));
  const known = new Set((await queryRows(connection, "SELECT id FROM sources")).map((r) => String(r.id)));
  const insert = await connection.prepare("INSERT INTO sources VALUES ($id, $meta, $via)");
  for (const s of declared) {
    if (!used.has(s.id)) continue;
    if (known.has(s.id)) {
      log(`${path}: Quelle ${s.id} steht schon im Snapshot; es gilt dessen Eintrag`);
      continue;
    }
    insert.bind(sourceRow(s));
    await insert.run();
    known.add(s.id);
  }
}

/** data/updates/*.csv sorted by file name (= application order); none when the folder is missing. */
export function listUpdateFiles(dir: string | null): string[] {
  if (dir === null || !existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith(".csv"))
    .sort()
    .map((name) => join(resolve(dir), name));
  // DuckDB's read_csv would fail on an unreadable file with its own, long message.
  for (const file of files) assertReadableFile(file, relative(process.cwd(), file) || file);
  return files;
}

async function removeDatabase(path: string): Promise<void> {
  await rm(path, {force: true});
  await rm(`${path}.wal`, {force: true});
}

/** Temp files of builds that were killed (their process no longer exists). */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(resolve(target));
  if (!existsSync(dir)) return;
  const prefix = `${basename(target)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) await rm(join(dir, name), {force: true});
  }
}

/** Reads and validates a registry file; errors name the file and the entry's path. */
function parseFile<T>(schema: z.ZodType<T>, path: string): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new Error(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The registry fields the warehouse relies on, checked with the snapshot format's own
 * schemas; the rest of each entry is kept as it is in `meta` (the importer validates the
 * whole entry when it writes the snapshot).
 */
const registryEntry = indicatorSchema
  .pick({id: true, name: true, short_name: true, unit: true, decimals: true, area: true, topic: true, levels: true, source: true, range: true, polarity: true, caveats: true, aggregation: true, attribution: true, comparability: true})
  .loose();
const sourceEntry = sourceSchema.pick({id: true, title: true, publisher: true, licence: true, attribution: true}).loose();

/** A catalogue entry as stored: the Bezugsweg apart from the rest (see schema.sql). */
function sourceRow(s: z.infer<typeof sourceEntry>): {id: string; meta: string; via: string | null} {
  const {via, ...rest} = s as typeof s & {via?: unknown};
  return {id: s.id, meta: JSON.stringify(rest), via: typeof via === "string" && via !== "" ? via : null};
}

async function loadRegistry(connection: DuckDBConnection, snapshotDir: string): Promise<void> {
  const indicators = parseFile(z.array(registryEntry), join(snapshotDir, SNAPSHOT_FILES.indicators));
  const sources = parseFile(z.array(sourceEntry), join(snapshotDir, SNAPSHOT_FILES.sources));
  const insertIndicator = await connection.prepare(
    "INSERT INTO indicators VALUES ($id, $name, $short_name, $unit, $decimals, $area, $min, $max, $polarity, $source_id, $aggregation, $weight, $note, $meta)"
  );
  for (const i of indicators) {
    insertIndicator.bind({
      id: i.id,
      name: i.name,
      short_name: i.short_name,
      unit: i.unit,
      decimals: i.decimals,
      area: i.area,
      min: i.range.min,
      max: i.range.max,
      polarity: i.polarity,
      source_id: i.source.source_id,
      aggregation: i.aggregation.method,
      weight: i.aggregation.weight,
      note: i.aggregation.note,
      meta: JSON.stringify(i)
    });
    await insertIndicator.run();
  }
  const insertSeries = await connection.prepare(
    "INSERT INTO indicator_series VALUES ($indicator, $position, $source_id, $from, $to, $reference, $at, $reference_label, $precision, $precision_label, $basis, $basis_label)"
  );
  for (const i of indicators) {
    for (const [position, s] of i.comparability.entries()) {
      insertSeries.bind({
        indicator: i.id,
        position,
        source_id: s.source_id,
        from: s.from,
        to: s.to,
        reference: s.reference,
        at: s.reference_at,
        reference_label: referenceLabel(s.reference, s.reference_at),
        precision: s.precision,
        precision_label: precisionLabel(s.precision),
        basis: s.basis,
        basis_label: basisLabel(s.basis)
      });
      await insertSeries.run();
    }
  }
  const insertFlag = await connection.prepare("INSERT INTO flag_labels VALUES ($flag, $label)");
  for (const [flag, label] of Object.entries(FLAG_LABELS)) {
    insertFlag.bind({flag, label});
    await insertFlag.run();
  }
  const insertSource = await connection.prepare("INSERT INTO sources VALUES ($id, $meta, $via)");
  for (const s of sources) {
    insertSource.bind(sourceRow(s));
    await insertSource.run();
  }
}
