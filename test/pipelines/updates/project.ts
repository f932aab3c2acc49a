/**
 * Helpers for the `kbm pull` tests: a temporary project folder holding a copy of the committed
 * snapshot (the four files the pull and the warehouse read), and the real GENESIS fixtures.
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe} from "vitest";
import {SNAPSHOT_FILES} from "../../../pipelines/snapshot/format.ts";

export const REPO = resolve(fileURLToPath(new URL("../../../", import.meta.url)));
export const SNAPSHOT = join(REPO, "data", "snapshot");
export const FIXTURE_DIR = resolve(REPO, "../shared/fixtures/genesis");
const present = existsSync(FIXTURE_DIR);
if (!present && !process.env.CI) console.warn(`GENESIS-Fixtures fehlen (${FIXTURE_DIR}): kbm-pull-Tests mit echten Dateien übersprungen`);

/** describe() for tests on the real fixtures: skipped when absent, run (and failing) under CI. */
export const describeFixtures = present || process.env.CI ? describe : describe.skip;

export function fixturePath(name: string): string {
  return join(FIXTURE_DIR, name);
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

export interface Project {
  root: string;
  snapshotDir: string;
  updatesDir: string;
  cleanup(): void;
}

/** A temp folder with data/snapshot/{regions.csv, indicators.json, observations.csv, sources.json}. */
export function makeProject(prefix = "kbm-pull-"): Project {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const snapshotDir = join(root, "data", "snapshot");
  mkdirSync(snapshotDir, {recursive: true});
  for (const file of [SNAPSHOT_FILES.regions, SNAPSHOT_FILES.indicators, SNAPSHOT_FILES.observations, SNAPSHOT_FILES.sources]) {
    copyFileSync(join(SNAPSHOT, file), join(snapshotDir, file));
  }
  return {root, snapshotDir, updatesDir: join(root, "data", "updates"), cleanup: () => rmSync(root, {recursive: true, force: true})};
}

/** Every file under a folder (recursive), absolute paths, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** The update files a pull wrote (data/updates/*.csv), sorted. */
export function updateFiles(project: Project): string[] {
  return filesUnder(project.updatesDir).filter((path) => path.endsWith(".csv"));
}

/** Rows of an observations-format CSV as objects (no quoting in these files). */
export function readObservations(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, "utf-8").trimEnd().split("\n");
  const columns = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i]!, cell])));
}
