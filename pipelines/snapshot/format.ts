/**
 * The canonical snapshot in data/snapshot/: the project's own tidy format, committed as
 * the embedded default. The importer writes it, the warehouse reads it. CSV (UTF-8, `,`,
 * `.` decimals, LF, sorted rows) so that diffs are readable and a re-import is byte-identical.
 */
import {z} from "zod";

export const SNAPSHOT_FILES = {
  regions: "regions.csv",
  places: "places.csv",
  indicators: "indicators.json",
  observations: "observations.csv",
  sources: "sources.json",
  sourcesDoc: "SOURCES.md",
  geoDir: "geo"
} as const;

export const REGION_LEVELS = ["bund", "land", "kreis", "bezirk", "planungsraum"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export {FLAGS, FLAG_LABELS, VALUELESS_FLAGS, type Flag} from "../../src/shared/flags.ts";
import {FLAGS} from "../../src/shared/flags.ts";
import {POPULATION_BASES, REFERENCE_KINDS} from "../../src/shared/comparability.ts";
export {REFERENCE_KINDS, POPULATION_BASES, type SeriesComparability} from "../../src/shared/comparability.ts";

export const regionSchema = z.object({
  id: z.string().regex(/^(DG|\d{2}|\d{5}|\d{8})$/),
  name: z.string().min(1),
  level: z.enum(REGION_LEVELS),
  type: z.string(),
  parent: z.string(),
  land: z.string(),
  kreisfrei: z.boolean().nullable(),
  bbsr_kreistyp: z.number().int().min(1).max(4).nullable(),
  population: z.number().int().nonnegative().nullable(),
  population_date: z.string(),
  area_km2: z.number().nonnegative().nullable()
});
export type Region = z.infer<typeof regionSchema>;

export const GUIDELINE_AREAS = [
  "Rahmenbedingungen",
  "Frühkindliche Bildung",
  "Allgemeinbildende Schule",
  "Berufliche Bildung",
  "Hochschule",
  "Weiterbildung"
] as const;

export const indicatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(1),
  short_name: z.string().min(1),
  definition: z.string().min(1),
  unit: z.string().min(1),
  /** Number of decimals shown on pages. */
  decimals: z.number().int().min(0).max(3),
  area: z.enum(GUIDELINE_AREAS),
  topic: z.string().min(1),
  levels: z.array(z.enum(REGION_LEVELS)).min(1),
  /** The main source (the one of the longest series). */
  source: z.object({
    publisher: z.string().min(1),
    title: z.string().min(1),
    table: z.string().nullable(),
    inkar_code: z.string().nullable(),
    source_id: z.string().min(1),
    /** Who produced the statistic, as the source line names it first (src/shared/source-label.ts). */
    producer: z.string().min(1)
  }),
  /** Further sources of the same indicator, each for the periods or levels it covers. */
  further_sources: z.array(
    z.object({
      source_id: z.string().min(1),
      table: z.string().nullable(),
      inkar_code: z.string().nullable(),
      applies_to: z.string().min(1),
      producer: z.string().min(1)
    })
  ),
  /** Which source wins where two carry the same region and period (empty with one source). */
  precedence: z.string(),
  reference_date: z.string().min(1),
  /**
   * What makes two values of the series comparable (src/shared/comparability.ts): per source and
   * years, the kind of reference, its date, the precision and the population basis. The first
   * matching entry applies; the last one has source_id null and no years (the default).
   */
  comparability: z
    .array(
      z.object({
        source_id: z.string().min(1).nullable(),
        from: z.number().int().nullable(),
        to: z.number().int().nullable(),
        reference: z.enum(REFERENCE_KINDS),
        reference_at: z.string(),
        precision: z.number().positive(),
        basis: z.enum(POPULATION_BASES).nullable()
      })
    )
    .min(1)
    .refine((list) => {
      const last = list[list.length - 1]!;
      return last.source_id === null && last.from === null && last.to === null;
    }, "the last comparability entry must be the default (source_id null, no years)"),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  range: z.object({min: z.number(), max: z.number()}),
  polarity: z.enum(["higher_better", "higher_worse", "neutral"]),
  caveats: z.array(z.string()),
  /** Why a Land/Bund value is absent when no source publishes one. */
  aggregation: z.object({method: z.enum(["published", "sum", "weighted", "none"]), weight: z.string().nullable(), note: z.string()}),
  licence: z.string().min(1),
  attribution: z.string().min(1),
  /** Written by the importer from the observations: what the snapshot holds, per source and level. */
  coverage: z.array(
    z.object({
      source_id: z.string().min(1),
      level: z.enum(REGION_LEVELS),
      first: z.string(),
      last: z.string(),
      regions: z.number().int().nonnegative(),
      observations: z.number().int().nonnegative()
    })
  )
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const observationSchema = z.object({
  indicator: z.string().min(1),
  region: z.string().min(1),
  period: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  value: z.number().nullable(),
  flag: z.enum(FLAGS).nullable(),
  source: z.string().min(1)
});
export type Observation = z.infer<typeof observationSchema>;

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** The producer of the statistics in this source, unless a registry entry names another. */
  producer: z.string().min(1),
  licence: z.string().min(1),
  licence_url: z.string().url(),
  attribution: z.string().min(1),
  url: z.string().min(1),
  reference: z.string().min(1),
  /** The "Bezugsweg": how the file reached the project (repository, commit). Only SOURCES.md and /daten/ show it. */
  via: z.string(),
  /** "snapshot": observations come from it; "crosscheck": read only for the import report's source comparison. */
  role: z.enum(["snapshot", "crosscheck"])
});
export type Source = z.infer<typeof sourceSchema>;

export const REGION_COLUMNS = Object.keys(regionSchema.shape) as (keyof Region)[];
export const OBSERVATION_COLUMNS = Object.keys(observationSchema.shape) as (keyof Observation)[];

/** The year an observation belongs to, for series and changes over time. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}
