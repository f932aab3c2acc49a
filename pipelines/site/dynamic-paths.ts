/**
 * The site's pages made from a template (Framework's dynamic paths): a profile for each Kreis
 * and Berlin district, a page for each registry indicator. Read by observablehq.config.ts and
 * by the build, which renders few of them and clones the rest (clone-pages.ts).
 */
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {profileRegions} from "../snapshot/read.ts";

const snapshot = resolve(import.meta.dirname, "../../data/snapshot");

export function dynamicPaths(): string[] {
  const registry = JSON.parse(readFileSync(join(snapshot, "indicators.json"), "utf-8")) as {id: string}[];
  return [...profileRegions(snapshot).map((r) => `/profil/${r.id}`), ...registry.map((i) => `/indikatoren/${i.id}`)];
}
