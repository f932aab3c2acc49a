/**
 * A ZIP of several loader outputs, which Framework serves member by member
 * (FileAttachment("data/geo/kreise.json") reads kreise.json from data/geo.zip): one loader
 * process instead of one per file. A fixed mtime keeps the archive byte-identical for identical data.
 */
import {strToU8, zipSync} from "fflate";

const ZIP_MTIME = new Date("2021-07-01T00:00:00Z");

export function zipMembers(members: Record<string, string | Uint8Array>): Uint8Array {
  const entries = Object.entries(members).sort(([a], [b]) => (a < b ? -1 : 1));
  return zipSync(Object.fromEntries(entries.map(([name, data]) => [name, [typeof data === "string" ? strToU8(data) : data, {mtime: ZIP_MTIME, level: 6}]])));
}
