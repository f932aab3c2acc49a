/**
 * A city's own data on disk: data/own/<region id>/ with the checked files under fixed names.
 * The folder is git-ignored and is read only by `kbm data` (warehouse tables own_*) and by a
 * build run with KBM_OWN=1. `readOwnData` is the one read function for the profile section and
 * the report draft: it checks the files again (they may have been edited by hand since).
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {basename, join} from "node:path";
import {checkOwnFiles, type CheckResult, type OwnFile} from "../../src/shared/own-data/index.ts";

export const OWN_FILES = {data: "daten.csv", meta: "kennzahlen.csv", geo: "gebiete.geojson"} as const;
export const OWN_LABEL = "Eigene Daten der Kommune";

export interface OwnOrigin {
  region: string;
  /** The files as the user named them, and their SHA-256. */
  files: {role: keyof typeof OWN_FILES; original: string; stored: string; sha256: string}[];
}

export function ownDir(dataDir: string, region?: string): string {
  return region === undefined ? join(dataDir, "own") : join(dataDir, "own", region);
}

/** Regions with a folder in data/own/, sorted. */
export function ownRegions(dataDir: string): string[] {
  const dir = ownDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {withFileTypes: true})
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
}

export function readFileAsOwn(path: string, name = basename(path)): OwnFile {
  return {name, bytes: new Uint8Array(readFileSync(path))};
}

/** Checks the stored files of one region; messages name them as data/own/<id>/<file>. */
export function readOwnData(dataDir: string, region: string): CheckResult & {origin: OwnOrigin | null} {
  const dir = ownDir(dataDir, region);
  const at = (file: string) => (existsSync(join(dir, file)) ? readFileAsOwn(join(dir, file), `own/${region}/${file}`) : null);
  const data = at(OWN_FILES.data);
  if (!data) throw new Error(`own/${region}/${OWN_FILES.data} fehlt`);
  const origin = existsSync(join(dir, "herkunft.json")) ? (JSON.parse(readFileSync(join(dir, "herkunft.json"), "utf-8")) as OwnOrigin) : null;
  return {...checkOwnFiles({data, meta: at(OWN_FILES.meta), geo: at(OWN_FILES.geo)}), origin};
}

/** Writes the checked files to data/own/<region>/, replacing what was there, all or nothing. */
export async function storeOwnData(dataDir: string, region: string, files: {data: OwnFile; meta?: OwnFile | null; geo?: OwnFile | null}): Promise<OwnOrigin> {
  const target = ownDir(dataDir, region);
  const temp = join(ownDir(dataDir), `.${region}.tmp-${process.pid}`);
  await rm(temp, {recursive: true, force: true});
  await mkdir(temp, {recursive: true});
  const origin: OwnOrigin = {region, files: []};
  try {
    for (const role of ["data", "meta", "geo"] as const) {
      const file = files[role];
      if (!file) continue;
      await writeFile(join(temp, OWN_FILES[role]), file.bytes);
      origin.files.push({role, original: basename(file.name), stored: OWN_FILES[role], sha256: createHash("sha256").update(file.bytes).digest("hex")});
    }
    await writeFile(join(temp, "herkunft.json"), JSON.stringify(origin, null, 2) + "\n");
    await rm(target, {recursive: true, force: true});
    await rename(temp, target);
  } catch (error) {
    await rm(temp, {recursive: true, force: true});
    throw error;
  }
  return origin;
}
