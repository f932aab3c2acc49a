/**
 * Writes the snapshot deterministically (sorted rows, fixed column order, LF, no
 * timestamps) and atomically: everything goes into a sibling temp folder that replaces
 * the old snapshot only when complete, so an interrupted import never leaves half a snapshot.
 */
import Papa from "papaparse";
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {placesCsv, type Place} from "./places.ts";
import {OBSERVATION_COLUMNS, REGION_COLUMNS, SNAPSHOT_FILES, type Indicator, type Observation, type Region, type Source} from "./format.ts";

export interface Snapshot {
  regions: Region[];
  /** Gemeinden ≥ 50,000 inside Landkreise, for the region search (places.ts). */
  places: Place[];
  indicators: Indicator[];
  observations: Observation[];
  sources: Source[];
  sourcesDoc: string;
  /** File name (under geo/) → TopoJSON object. */
  geo: Record<string, unknown>;
}

export function compareRegions(a: Region, b: Region): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareObservations(a: Observation, b: Observation): number {
  return cmp(a.indicator, b.indicator) || cmp(a.region, b.region) || cmp(a.period, b.period) || cmp(a.source, b.source);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toCsv<T extends object>(rows: T[], columns: readonly (keyof T)[]): string {
  const data = rows.map((row) => columns.map((c) => formatCell(row[c])));
  return Papa.unparse({fields: columns.map(String), data}, {newline: "\n"}) + "\n";
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  const temp = `${dir}.tmp-${process.pid}`;
  await rm(temp, {recursive: true, force: true});
  await mkdir(join(temp, SNAPSHOT_FILES.geoDir), {recursive: true});
  await writeFile(join(temp, SNAPSHOT_FILES.regions), toCsv([...snapshot.regions].sort(compareRegions), REGION_COLUMNS));
  await writeFile(join(temp, SNAPSHOT_FILES.places), placesCsv(snapshot.places));
  await writeFile(join(temp, SNAPSHOT_FILES.observations), toCsv([...snapshot.observations].sort(compareObservations), OBSERVATION_COLUMNS));
  await writeFile(join(temp, SNAPSHOT_FILES.indicators), JSON.stringify(snapshot.indicators, null, 2) + "\n");
  await writeFile(join(temp, SNAPSHOT_FILES.sources), JSON.stringify(snapshot.sources, null, 2) + "\n");
  await writeFile(join(temp, SNAPSHOT_FILES.sourcesDoc), snapshot.sourcesDoc);
  for (const [name, topology] of Object.entries(snapshot.geo).sort(([a], [b]) => cmp(a, b))) {
    await writeFile(join(temp, SNAPSHOT_FILES.geoDir, name), JSON.stringify(topology) + "\n");
  }
  await mkdir(dirname(dir), {recursive: true});
  const old = `${dir}.old-${process.pid}`;
  await rm(old, {recursive: true, force: true});
  await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(temp, dir);
  await rm(old, {recursive: true, force: true});
}
