/**
 * Zensus 2022 (Stichtag 15.05.2022) by Gemeinde, from the GERDA package: 8-digit key,
 * population and selected shares. The Kreis is the first five digits of the key.
 */
import {parseDecimal, readCsvFile} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

export interface ZensusGemeinde {
  line: number;
  ags: string;
  name: string;
  population: number;
  /** % of the population with a migration background (Zensus definition); null if not published. */
  share_migration_bg: number | null;
  share_foreign: number | null;
}

const COLUMNS = ["ags", "municipality_name", "population_census22", "share_migration_bg_census22", "share_foreign_census22"] as const;

export function readZensusGemeinden(path: string, label: string): ZensusGemeinde[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: COLUMNS}).map(({line, fields}) => {
    const ags = fields.ags!;
    if (!/^\d{8}$/.test(ags)) throw new InputError({file: label, line, field: "ags"}, "8-stelliger Gemeindeschlüssel mit führender Null", ags);
    if (seen.has(ags)) throw new InputError({file: label, line, field: "ags"}, "jede Gemeinde nur einmal", ags);
    seen.add(ags);
    const population = parseDecimal(fields.population_census22!, label, line, "population_census22");
    if (population === null || !Number.isInteger(population) || population < 0) {
      throw new InputError({file: label, line, field: "population_census22"}, "eine ganze Zahl ≥ 0", fields.population_census22);
    }
    const share = (field: string): number | null => {
      const value = parseDecimal(fields[field]!, label, line, field);
      if (value !== null && (value < 0 || value > 100)) throw new InputError({file: label, line, field}, "einen Anteil zwischen 0 und 100", fields[field]);
      return value;
    };
    return {line, ags, name: fields.municipality_name!, population, share_migration_bg: share("share_migration_bg_census22"), share_foreign: share("share_foreign_census22")};
  });
}
