/**
 * The one check of a city's own files, for the page /eigene-daten/ and `kbm own check|add`:
 * the data CSV, the optional metadata CSV and the optional GeoJSON areas, each on its own and
 * against each other. Returns every problem (errors and notes) and, where there are no errors,
 * the dataset the maps and tables draw.
 */
import {readAreas, type Areas} from "./areas.js";
import {readDataCsv, readMetaCsv, type OwnMeta, type OwnRow} from "./csv.js";
import type {Encoding} from "./encoding.js";
import {isError, problem, type OwnProblem} from "./problems.js";

export interface OwnFile {
  /** The name shown in messages (the file's name, not its path on disk). */
  name: string;
  bytes: Uint8Array;
}

export interface OwnFiles {
  data: OwnFile;
  meta?: OwnFile | null;
  geo?: OwnFile | null;
}

export interface OwnDataset {
  files: {data: string; meta: string | null; geo: string | null};
  encoding: {data: Encoding | null; meta: Encoding | null};
  crs: string | null;
  rows: OwnRow[];
  meta: OwnMeta[];
  areas: Areas | null;
}

export interface CheckResult {
  /** Null when any problem is an error: nothing is drawn from a file with errors. */
  dataset: OwnDataset | null;
  problems: OwnProblem[];
  errors: number;
  /** Rows, metadata entries and areas read without a problem (also when others had one). */
  counts: {rows: number; meta: number; areas: number};
}

/**
 * Largest accepted file per role. A city's small-area table (100 areas × 50 indicators × 20
 * years) is about 5 MB, Berlin's 542 planning areas as GeoJSON 0.5 MB; a 45 MB table took
 * 11 s and 1.1 GB, so far larger files would hold the browser tab (or the CLI) for minutes and
 * gigabytes: they are refused before they are read.
 */
export const MAX_OWN_FILE_BYTES = {data: 20 * 1024 ** 2, meta: 20 * 1024 ** 2, geo: 20 * 1024 ** 2};

function tooLarge(files: OwnFiles): OwnProblem[] {
  return (["data", "meta", "geo"] as const).flatMap((role) => {
    const file = files[role];
    const max = MAX_OWN_FILE_BYTES[role];
    if (!file || file.bytes.length <= max) return [];
    const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1).replace(".", ",")} MB`;
    return [problem({file: file.name}, `eine Datei bis ${max / 1024 ** 2} MB`, mb(file.bytes.length))];
  });
}

export function checkOwnFiles(files: OwnFiles): CheckResult {
  const oversized = tooLarge(files);
  if (oversized.length > 0) return {dataset: null, problems: oversized, errors: oversized.length, counts: {rows: 0, meta: 0, areas: 0}};
  const data = readDataCsv(files.data.bytes, files.data.name);
  const meta = files.meta ? readMetaCsv(files.meta.bytes, files.meta.name) : null;
  const geo = files.geo ? readAreas(new TextDecoder("utf-8").decode(files.geo.bytes), files.geo.name) : null;
  const problems = [...data.problems, ...(meta?.problems ?? []), ...(geo?.problems ?? [])];

  if (geo?.areas && data.encoding !== null) {
    const areaIds = new Set(geo.areas.features.map((f) => f.properties.id));
    const dataIds = data.named.areas;
    for (const [id, line] of dataIds) {
      if (!areaIds.has(id)) problems.push(problem({file: files.data.name, line, field: "gebiet_id"}, `ein Gebiet aus ${files.geo!.name}`, id));
    }
    geo.areas.features.forEach((f, i) => {
      // An area without data is drawn hatched as "ohne Wert": a note, not an error.
      if (!dataIds.has(f.properties.id)) problems.push(problem({file: files.geo!.name, feature: i + 1, field: "gebiet_id"}, `Werte in ${files.data.name} für jedes Gebiet`, f.properties.id, "hinweis"));
    });
  }
  if (meta && data.encoding !== null) {
    const used = data.named.indicators;
    for (const m of meta.indicators) {
      if (!used.has(m.kennzahl)) problems.push(problem({file: files.meta!.name, line: m.line, field: "kennzahl"}, `eine Kennzahl aus ${files.data.name}`, m.kennzahl, "hinweis"));
    }
  }
  // File by file (data, metadata, areas), each in line order.
  const fileOrder = [files.data.name, files.meta?.name, files.geo?.name];
  problems.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || (a.line ?? a.feature ?? 0) - (b.line ?? b.feature ?? 0));
  const errors = problems.filter(isError).length;
  const counts = {rows: data.rows.length, meta: meta?.indicators.length ?? 0, areas: geo?.areas?.features.length ?? 0};
  if (errors > 0 || data.encoding === null) return {dataset: null, problems, errors, counts};
  return {
    dataset: {
      files: {data: files.data.name, meta: files.meta?.name ?? null, geo: files.geo?.name ?? null},
      encoding: {data: data.encoding, meta: meta?.encoding ?? null},
      crs: geo?.crs ?? null,
      rows: data.rows,
      meta: meta?.indicators ?? [],
      areas: geo?.areas ?? null
    },
    problems,
    errors,
    counts
  };
}
