/**
 * `kbm pull`: one GENESIS table → data/updates/<YYYY-MM-DD>-<table>.csv.
 *
 *   mapping (table-mappings.ts) → registry check → credentials → fetchTable (raw answer to
 *   data/raw/) → streaming parse → map to indicators (map-records.ts) → range check →
 *   compare with the current values (changes.ts) → overlay file + source entry, atomically.
 *
 * Credentials stay inside the GENESIS client; nothing here sees more than "they exist".
 */
import {basename, join, resolve} from "node:path";
import {fetchTable, type FetchTableOptions, type GenesisSource} from "../../loaders/genesis/client.ts";
import {loadCredentials, type Env} from "../../loaders/genesis/credentials.ts";
import {parseGenesisStream} from "../../loaders/genesis/index.ts";
import type {Indicator, Region} from "../snapshot/format.ts";
import {readSnapshotIndicators, readSnapshotRegions} from "../snapshot/read.ts";
import {listUpdateFiles} from "../warehouse/build.ts";
import {compareWithCurrent, readCurrentState, showValue, type ChangeSummary} from "./changes.ts";
import {TableCollector, type MapResult, type OutOfRange, type PulledObservation, type SetAsideEntry} from "./map-records.ts";
import {mappingFor, sourceEntryFor, sourceIdFor, supportedTables, TABLE_MAPPINGS, type TableMapping} from "./table-mappings.ts";
import {berlinDay, updateFileName, upsertOverlaySource, writeUpdateFile} from "./write-update.ts";

export interface PullOptions {
  table: string;
  from?: number;
  to?: number;
  source: GenesisSource;
  /** Project folder: .env, data/raw/ and relative paths are resolved here. */
  cwd: string;
  env: Env;
  snapshotDir: string;
  updatesDir: string;
  /** Fetch, map and compare, but write no update file. */
  dryRun?: boolean;
  log?: (message: string) => void;
  /** Passed to the client (tests: clock, fetch, short retries). */
  client?: Pick<FetchTableOptions, "now" | "fetch" | "retry" | "timeoutMs" | "stallMs" | "deadlineMs" | "job">;
}

export interface PullResult {
  mapping: TableMapping;
  source: GenesisSource;
  sourceId: string;
  retrievedAt: string;
  rawPath: string;
  /** The update file written (absolute path), or the one that would be written (dry run). */
  updatePath: string;
  written: boolean;
  observations: PulledObservation[];
  setAside: SetAsideEntry[];
  /** Output indicators the registry does not have (skipped). */
  missingIndicators: string[];
  changes: ChangeSummary;
  /** Overlay files the comparison applied on top of the snapshot. */
  baseline: string[];
  warnings: string[];
  regionNames: ReadonlyMap<string, string>;
}

/** The table is not one `kbm pull` knows how to map. */
export class UnsupportedTableError extends Error {
  override name = "UnsupportedTableError";
  constructor(table: string) {
    super(`Tabelle ${table} wird von kbm pull nicht unterstützt. Unterstützt: ${TABLE_MAPPINGS.map((m) => `${m.table} (${m.title})`).join("; ")}.`);
  }
}

/** A problem with the pulled data (range, nothing matched, no registry indicator): exit 1. */
export class PullDataError extends Error {
  override name = "PullDataError";
}

export async function pullTable(options: PullOptions): Promise<PullResult> {
  const log = options.log ?? (() => {});
  const mapping = mappingFor(options.table);
  if (!mapping) throw new UnsupportedTableError(options.table);

  const regions = new Map<string, Region>(readSnapshotRegions(options.snapshotDir).map((r) => [r.id, r]));
  const indicators = new Map<string, Indicator>(readSnapshotIndicators(options.snapshotDir).map((i) => [i.id, i]));
  const missingIndicators = mapping.outputs.map((o) => o.indicator).filter((id) => !indicators.has(id));
  if (missingIndicators.length === mapping.outputs.length) throw new PullDataError(missingIndicatorsMessage(mapping, missingIndicators));

  // Fail before any request: the client would say the same, but only after reading the snapshot.
  loadCredentials({env: options.env, cwd: options.cwd});

  const fetched = await fetchTable(
    {name: mapping.table, source: options.source, ...(options.from === undefined ? {} : {startYear: options.from}), ...(options.to === undefined ? {} : {endYear: options.to})},
    {env: options.env, cwd: options.cwd, log, ...options.client}
  );
  const collector = new TableCollector(mapping);
  const summary = await parseGenesisStream([fetched.csvBytes], {
    file: fetched.fileName,
    onRecord: (record) => collector.add(record),
    onSetAside: (row) => collector.addSetAsideRow(row)
  });
  log(`kbm pull: ${summary.records} Zellen gelesen (${summary.layout}, ${summary.encoding}) aus ${basename(fetched.rawPath)}`);

  const sourceId = sourceIdFor(mapping.table, options.source);
  const mapped = collector.finish({regions, indicators, sourceId, years: {from: options.from, to: options.to}});
  checkMapped(mapping, mapped, summary.records);

  const day = berlinDay(new Date(fetched.retrievedAt));
  const updatePath = join(resolve(options.updatesDir), updateFileName(day, mapping.table));
  // Compare with what kbm data would use now; a file of the same name is about to be replaced.
  const baseline = listUpdateFiles(options.updatesDir).filter((path) => path !== updatePath);
  const current = readCurrentState(options.snapshotDir, baseline, new Set(mapped.observations.map((o) => o.indicator)));
  const changes = compareWithCurrent(mapped.observations, current);

  let written = false;
  if (!options.dryRun && mapped.observations.length > 0) {
    // The source entry first: an update file must never name a source the overlay lacks.
    await upsertOverlaySource(options.updatesDir, sourceEntryFor(mapping, options.source, fetched.retrievedAt));
    await writeUpdateFile(options.updatesDir, basename(updatePath), mapped.observations);
    written = true;
  }

  const regionNames = new Map<string, string>();
  for (const o of mapped.observations) regionNames.set(o.region, regions.get(o.region)?.name ?? o.region);
  return {
    mapping,
    source: options.source,
    sourceId,
    retrievedAt: fetched.retrievedAt,
    rawPath: fetched.rawPath,
    updatePath,
    written,
    observations: mapped.observations,
    setAside: mapped.setAside,
    missingIndicators,
    changes,
    baseline,
    warnings: fetched.warnings,
    regionNames
  };
}

function checkMapped(mapping: TableMapping, mapped: MapResult, cells: number): void {
  if (mapped.matchedCells === 0) {
    const expected = Object.values(mapping.quantities)
      .flat()
      .map((m) => `„${m.variable}“`)
      .slice(0, 4)
      .join(", ");
    const seen = mapped.unmatched.slice(0, 8).join("; ");
    throw new PullDataError(
      `Tabelle ${mapping.table}: keine der ${cells} Zellen passt zur Zuordnung in pipelines/updates/table-mappings.ts ` +
        `(erwartet z. B. ${expected}; die Datei enthält ${seen || "keine Zellen"}). Es wurde nichts geschrieben; die Rohantwort liegt unter data/raw/.`
    );
  }
  if (mapped.outOfRange.length > 0) {
    const shown = mapped.outOfRange.slice(0, 10).map(describeOutOfRange);
    const more = mapped.outOfRange.length > shown.length ? `; … und ${mapped.outOfRange.length - shown.length} weitere` : "";
    throw new PullDataError(
      `Tabelle ${mapping.table}: ${mapped.outOfRange.length} ${mapped.outOfRange.length === 1 ? "Wert liegt" : "Werte liegen"} außerhalb des Wertebereichs des Registers, nichts geschrieben: ${shown.join("; ")}${more}`
    );
  }
}

function describeOutOfRange(o: OutOfRange): string {
  return `${o.indicator}, Region ${o.region} (${o.regionName}), Zeitraum ${o.period}: ${showValue(o.value, null)} (erlaubt ${o.min} bis ${o.max})`;
}

function missingIndicatorsMessage(mapping: TableMapping, missing: string[]): string {
  const proposed = missing.map((id) => {
    const p = mapping.proposed?.find((entry) => entry.id === id);
    return p ? `${id} (${p.name}, ${p.unit})` : id;
  });
  return (
    `Tabelle ${mapping.table} (${mapping.title}): das Indikatorenregister hat keinen Indikator, den diese Tabelle füllt. ` +
    `Es fehlen: ${proposed.join(", ")}.` +
    (mapping.missingNote ? ` ${mapping.missingNote}` : "") +
    " Neue Indikatoren gehören in pipelines/indicators/registry.ts (danach kbm import); dann übernimmt kbm pull die Tabelle ohne weitere Änderung."
  );
}

export {supportedTables};
