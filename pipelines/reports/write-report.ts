import {mkdir, rename, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** Writes a JSON report to data/reports/<name>.json (not committed), atomically. */
export async function writeReport(repoDir: string, name: string, report: unknown): Promise<string> {
  const dir = join(repoDir, "data", "reports");
  await mkdir(dir, {recursive: true});
  const path = join(dir, `${name}.json`);
  await writeFile(`${path}.tmp`, JSON.stringify(report, null, 2) + "\n");
  await rename(`${path}.tmp`, path);
  return path;
}
