/**
 * Places people search for that are not Kreise themselves: every Gemeinde with at least
 * 50,000 inhabitants (Zensus 2022) inside a Landkreis, with the Kreis it belongs to. The
 * region search leads "Hannover" to Region Hannover and "Neuss" to Rhein-Kreis Neuss with them.
 */
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import Papa from "papaparse";
import {InputError} from "../../loaders/common/errors.ts";
import type {ZensusGemeinde} from "../../loaders/zensus/gemeinden.ts";
import {SNAPSHOT_FILES, type Region} from "./format.ts";

/** The committed snapshot, wherever the caller runs from. */
export const DEFAULT_SNAPSHOT = resolve(import.meta.dirname, "../../data/snapshot");

export const PLACE_MIN_POPULATION = 50_000;
export const PLACE_COLUMNS = ["id", "name", "kreis", "population"] as const;

export interface Place {
  /** 8-digit Gemeindeschlüssel. */
  id: string;
  /** Name without the administrative suffix (", Stadt", ", Landeshauptstadt"). */
  name: string;
  kreis: string;
  /** Zensus 2022, 15.05.2022. */
  population: number;
}

/** Gemeinden ≥ 50,000 whose Kreis is not kreisfrei (a kreisfreie Stadt is its own Gemeinde). */
export function placesFromZensus(gemeinden: Pick<ZensusGemeinde, "ags" | "name" | "population">[], regions: Region[]): Place[] {
  const kreise = new Map(regions.filter((r) => r.level === "kreis").map((r) => [r.id, r]));
  return gemeinden
    .filter((g) => g.population >= PLACE_MIN_POPULATION)
    .flatMap((g) => {
      const kreis = kreise.get(g.ags.slice(0, 5));
      if (!kreis || kreis.kreisfrei) return [];
      return [{id: g.ags, name: g.name.split(",")[0]!.trim(), kreis: kreis.id, population: g.population}];
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function placesCsv(places: Place[]): string {
  return Papa.unparse({fields: [...PLACE_COLUMNS], data: places.map((p) => PLACE_COLUMNS.map((c) => String(p[c])))}, {newline: "\n"}) + "\n";
}

export function readSnapshotPlaces(dir: string): Place[] {
  const path = join(dir, SNAPSHOT_FILES.places);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, "utf-8"), {header: true, skipEmptyLines: true});
  return parsed.data.map((row, i) => {
    const line = i + 2;
    if (!/^\d{8}$/.test(row.id ?? "")) throw new InputError({file: path, line, field: "id"}, "8-stelliger Gemeindeschlüssel", row.id);
    if (!/^\d{5}$/.test(row.kreis ?? "")) throw new InputError({file: path, line, field: "kreis"}, "5-stelliger Kreisschlüssel", row.kreis);
    const population = Number(row.population);
    if (!Number.isInteger(population) || population < PLACE_MIN_POPULATION) throw new InputError({file: path, line, field: "population"}, `ganze Zahl ≥ ${PLACE_MIN_POPULATION}`, row.population);
    return {id: row.id!, name: row.name ?? "", kreis: row.kreis!, population};
  });
}
