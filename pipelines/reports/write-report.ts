import {randomBytes} from "node:crypto";
import {mkdir, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {InputError} from "../../loaders/common/errors.ts";

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

/**
 * Fails (InputError) unless data/reports can take a report. `kbm data` asks before it builds:
 * a report that cannot be written must not leave a new warehouse in place with exit 1.
 */
export async function assertReportsWritable(repoDir: string): Promise<void> {
  const dir = join(repoDir, "data", "reports");
  const probe = join(dir, `.write-test.${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await mkdir(dir, {recursive: true});
    await writeFile(probe, "");
    await rm(probe, {force: true});
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError({file: "data/reports"}, "ein beschreibbarer Ordner für den Qualitätsbericht (vor dem Bau geprüft; das bisherige Warehouse bleibt)", `nicht beschreibbar (${code})`);
  }
}
