/** Region ids (Länder, Kreise) of the snapshot, to check the region keys of the programme sheets. */
import Papa from "papaparse";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";

/** undefined when the snapshot has no regions.csv (the keys are then checked for their form only). */
export function snapshotRegionIds(snapshotDir: string): Set<string> | undefined {
  const path = join(snapshotDir, "regions.csv");
  if (!existsSync(path)) return undefined;
  const {data} = Papa.parse<{id: string; level: string}>(readFileSync(path, "utf-8"), {header: true, skipEmptyLines: true});
  return new Set(data.filter((r) => r.level === "land" || r.level === "kreis").map((r) => r.id));
}
