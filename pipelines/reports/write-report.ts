import {randomBytes} from "node:crypto";
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";

/**
 * Writes a JSON report to data/reports/<name>.json (not committed), atomically. The temp file's
 * name is unique per call: two runs at once each write their own and the last rename wins whole,
 * instead of one renaming the other's half-written file.
 */
export async function writeReport(repoDir: string, name: string, report: unknown): Promise<string> {
  const dir = join(repoDir, "data", "reports");
  await mkdir(dir, {recursive: true});
  const path = join(dir, `${name}.json`);
  const temp = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(report, null, 2) + "\n");
    await rename(temp, path);
  } catch (error) {
    await rm(temp, {force: true});
    throw error;
  }
  return path;
}
