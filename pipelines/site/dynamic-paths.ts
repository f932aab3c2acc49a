/**
 * The site's pages made from a template (Framework's dynamic paths): a profile for each Kreis
 * and Berlin district, a page for each registry indicator. Read by observablehq.config.ts and
 * by the build, which renders few of them and clones the rest (clone-pages.ts).
 */
import Papa from "papaparse";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";

const snapshot = resolve(import.meta.dirname, "../../data/snapshot");

/** Ids of the regions that get a profile page: the 400 Kreise and Berlin's 12 districts. */
function profileRegions(): string[] {
  const csv = readFileSync(join(snapshot, "regions.csv"), "utf-8");
  const {data} = Papa.parse<{id: string; level: string}>(csv, {header: true, skipEmptyLines: true});
  return data.filter((r) => r.level === "kreis" || r.level === "bezirk").map((r) => r.id);
}

/** Ids of the indicators that get a page /indikatoren/<id>: every registry entry. */
function indicatorIds(): string[] {
  const registry = JSON.parse(readFileSync(join(snapshot, "indicators.json"), "utf-8")) as {id: string}[];
  return registry.map((i) => i.id);
}

export function dynamicPaths(): string[] {
  return [...profileRegions().map((id) => `/profil/${id}`), ...indicatorIds().map((id) => `/indikatoren/${id}`)];
}
