/**
 * What the region search knows, read from the snapshot: every region with a profile page
 * (Kreise, Berlin Bezirke) and the Gemeinden ≥ 50,000 inside Landkreise. 
 * (src/data/profile-context.zip.ts) and the CLI's --region read the same list.
 */
import type {IndexEntry} from "../../src/shared/region-resolver.ts";
import {DEFAULT_SNAPSHOT, readSnapshotPlaces} from "./places.ts";
import {readSnapshotRegions} from "./read.ts";

export function regionSearchIndex(dir: string = DEFAULT_SNAPSHOT): IndexEntry[] {
  const regions = readSnapshotRegions(dir);
  const landName = new Map(regions.filter((r) => r.level === "land").map((r) => [r.land, r.name]));
  const searchable = regions
    .filter((r) => r.level === "kreis" || r.level === "bezirk")
    .map((r) => ({id: r.id, name: r.name, level: r.level, type: r.type, land_name: landName.get(r.land) ?? null, kreisfrei: r.kreisfrei, population: r.population}));
  const places = readSnapshotPlaces(dir).map((p) => ({...p, level: "gemeinde" as const}));
  return [...searchable, ...places];
}
