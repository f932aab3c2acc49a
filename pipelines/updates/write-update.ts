/**
 * Writes an overlay file data/updates/<YYYY-MM-DD>-<table>.csv in the snapshot's observations
 * format (sorted, LF, `.` decimals) and the source entry in data/updates/sources.json, each to a
 * temp file in the same folder that is then renamed into place: a reader (kbm data) sees the
 * old file or the new one, never half of one.
 */
import {randomBytes} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {z} from "zod";
import {OBSERVATION_COLUMNS, sourceSchema, type Source} from "../snapshot/format.ts";
import {formatNumber} from "./changes.ts";
import {compareObservations, type PulledObservation} from "./map-records.ts";

/** The overlay's source catalogue; the warehouse adds the entries its update files use. */
export const OVERLAY_SOURCES_FILE = "sources.json";

export function updateFileName(day: string, table: string): string {
  return `${day}-${table}.csv`;
}

export {berlinDay} from "../../loaders/common/berlin-day.ts";

export function observationsCsv(observations: readonly PulledObservation[]): string {
  const lines = [OBSERVATION_COLUMNS.join(",")];
  for (const o of [...observations].sort(compareObservations)) {
    lines.push([o.indicator, o.region, o.period, o.value === null ? "" : formatNumber(o.value), o.flag ?? "", o.source].map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Writes the update file; returns its path. */
export async function writeUpdateFile(dir: string, name: string, observations: readonly PulledObservation[]): Promise<string> {
  await mkdir(dir, {recursive: true});
  const path = join(dir, name);
  await writeAtomic(path, observationsCsv(observations));
  return path;
}

/** Adds or replaces one entry (by id) in data/updates/sources.json, keeping the others; sorted by id. */
export async function upsertOverlaySource(dir: string, entry: Source): Promise<string> {
  await mkdir(dir, {recursive: true});
  const path = join(dir, OVERLAY_SOURCES_FILE);
  const entries = readOverlaySourceFile(path).filter((s) => s.id !== entry.id);
  entries.push(sourceSchema.parse(entry));
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await writeAtomic(path, `${JSON.stringify(entries, null, 2)}\n`);
  return path;
}

export function readOverlaySourceFile(path: string): Source[] {
  if (!existsSync(path)) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw new Error(`${path}: kein gültiges JSON (${(error as Error).message})`);
  }
  const result = z.array(sourceSchema).safeParse(json);
  if (!result.success) throw new Error(`${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(temp, text, {flag: "wx"});
    await rename(temp, path);
  } catch (error) {
    await rm(temp, {force: true});
    throw error;
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
