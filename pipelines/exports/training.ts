/**
 * Data of the training pages (/fortbildung/<slug>): for each worked example the indicators it
 * uses, with every Kreis's series, the Land and Bund values and the median and quartiles of
 * every peer group, so that a participant can pick any Kreis and the page recomputes its
 * sentences without another request. Columnar and small (about 100 KB per example).
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import type {Indicator, Source} from "../snapshot/format.ts";
import {namesForIds} from "../../src/shared/indicator-ids.ts";
import {queryRows} from "../warehouse/sql.ts";
import {derived, exportSql, num, str} from "./sql.ts";

/** The worked examples on Kreis level and the indicators each one needs. */
export const TRAINING_EXAMPLES = {
  "kita-u3": ["betreuungsquote_u3"],
  "ohne-abschluss": ["schulabgaenger_ohne_hsa", "schulabgaenger_je_1000_ew", "bevoelkerung"],
  "abitur-g8-g9": ["schulabgaenger_allg_hochschulreife", "schulabgaenger_hochschulreife_fhr"],
  "uebergang-beruf": ["jugendarbeitslosenquote", "auszubildende_je_100_15_25"]
} as const satisfies Record<string, readonly string[]>;

export type TrainingSlug = keyof typeof TRAINING_EXAMPLES;

export interface TrainingRegion {
  id: string;
  name: string;
  type: string;
  land: string;
  kreisfrei: boolean | null;
  population: number | null;
  /** Peer groups in display order; the first is the default comparison. */
  groups: string[];
  /** Members of its own group "aehnliche": itself, then its neighbours, nearest first. */
  similar: string[];
}

export interface TrainingGroup {
  id: string;
  name: string;
  members: number;
}

export interface TrainingSeries {
  /** Every year with at least one row (number or flag) on any level. */
  years: number[];
  /** Region → values aligned with `years`; null where there is no number. */
  values: Record<string, (number | null)[]>;
  /** Region → index in `years` → flag, only where a flag is set. */
  flags: Record<string, Record<number, string>>;
  /** Level → year → the sources of that level's values in that year. */
  sources: Record<string, Record<number, string[]>>;
  /** Land/Bund → years whose value the warehouse computed from the Kreise (not published). */
  computed: Record<string, number[]>;
}

export interface TrainingGroupStats {
  /** Aligned with the series' years; null where the group has no number that year. */
  n: (number | null)[];
  median: (number | null)[];
  q1: (number | null)[];
  q3: (number | null)[];
}

/** One example's file: its indicators with their series and peer statistics. */
export interface TrainingExample {
  slug: string;
  indicators: Record<string, Indicator>;
  sources: Source[];
  series: Record<string, TrainingSeries>;
  /** Indicator → group → statistics. */
  stats: Record<string, Record<string, TrainingGroupStats>>;
}

/** Shared by all Kreis examples (one file the browser caches): who can be picked and compared. */
export interface TrainingDirectory {
  regions: TrainingRegion[];
  /** Names of the Länder and the Bund (`DG`). */
  places: Record<string, string>;
  groups: TrainingGroup[];
}

/** What the page works with: the example and the directory together. */
export type TrainingData = TrainingExample & TrainingDirectory;

export async function trainingRegions(connection: DuckDBConnection, level: "kreis" | "bezirk"): Promise<TrainingRegion[]> {
  const rows = await queryRows(connection, exportSql("training-regions"), {level});
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    type: String(r.type),
    land: String(r.land),
    kreisfrei: r.kreisfrei === null ? null : Boolean(r.kreisfrei),
    population: num(r.population),
    groups: ((r.groups as unknown[] | null) ?? []).map(String),
    similar: ((r.similar as unknown[] | null) ?? []).map(String)
  }));
}

export async function trainingIndicators(connection: DuckDBConnection, ids: readonly string[]): Promise<Record<string, Indicator>> {
  const rows = await queryRows(connection, "SELECT id, meta FROM indicators WHERE list_contains($ids, id) ORDER BY id", {ids: listValue([...ids])});
  const names = new Map((await queryRows(connection, "SELECT id, name FROM indicators")).map((r) => [String(r.id), String(r.name)]));
  const out: Record<string, Indicator> = {};
  for (const r of rows) {
    const indicator = JSON.parse(String(r.meta)) as Indicator;
    // The caveats show on the page: cross-references by id become names.
    out[String(r.id)] = {...indicator, caveats: indicator.caveats.map((c) => namesForIds(c, names))};
  }
  const missing = ids.filter((id) => !(id in out));
  if (missing.length) throw new Error(`Indikator fehlt im Warehouse: ${missing.join(", ")}`);
  return out;
}

export async function trainingSources(connection: DuckDBConnection, ids: Iterable<string>): Promise<Source[]> {
  const rows = await queryRows(connection, "SELECT meta FROM sources WHERE list_contains($ids, id) ORDER BY id", {ids: listValue([...new Set(ids)])});
  return rows.map((r) => JSON.parse(String(r.meta)) as Source);
}

export async function trainingSeries(connection: DuckDBConnection, indicator: string, level: "kreis"): Promise<TrainingSeries> {
  const rows = await queryRows(connection, exportSql("training-series"), {indicator, level});
  const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
  const index = new Map(years.map((y, i) => [y, i]));
  const series: TrainingSeries = {years, values: {}, flags: {}, sources: {}, computed: {}};
  for (const r of rows) {
    const region = String(r.region);
    const year = Number(r.year);
    const i = index.get(year)!;
    const computed = Boolean(r.computed);
    (series.values[region] ??= years.map(() => null))[i] = computed ? derived(r.value) : num(r.value);
    if (r.flag !== null) (series.flags[region] ??= {})[i] = String(r.flag);
    if (computed) (series.computed[region] ??= []).push(year);
    else if (r.source !== null) {
      const list = ((series.sources[String(r.level)] ??= {})[year] ??= []);
      if (!list.includes(String(r.source))) list.push(String(r.source));
    }
  }
  return series;
}

export async function trainingStats(connection: DuckDBConnection, indicator: string, level: "kreis" | "bezirk", years: number[]): Promise<Record<string, TrainingGroupStats>> {
  const rows = await queryRows(connection, exportSql("training-stats"), {indicator, level});
  const index = new Map(years.map((y, i) => [y, i]));
  const out: Record<string, TrainingGroupStats> = {};
  for (const r of rows) {
    const i = index.get(Number(r.year));
    if (i === undefined) continue;
    const entry = (out[String(r.group_id)] ??= {n: years.map(() => null), median: years.map(() => null), q1: years.map(() => null), q3: years.map(() => null)});
    entry.n[i] = num(r.n);
    entry.median[i] = derived(r.median);
    entry.q1[i] = derived(r.q1);
    entry.q3[i] = derived(r.q3);
  }
  return out;
}

export async function trainingGroups(connection: DuckDBConnection, level: "kreis" | "bezirk"): Promise<TrainingGroup[]> {
  const rows = await queryRows(connection, exportSql("training-groups"), {level});
  return rows.map((r) => ({id: String(r.id), name: String(r.name), members: Number(r.members)}));
}

/** Everything one worked example on Kreis level needs, besides the directory. */
export async function trainingExample(connection: DuckDBConnection, slug: TrainingSlug): Promise<TrainingExample> {
  const ids = TRAINING_EXAMPLES[slug];
  const indicators = await trainingIndicators(connection, ids);
  const series: Record<string, TrainingSeries> = {};
  const stats: Record<string, Record<string, TrainingGroupStats>> = {};
  const sourceIds = new Set<string>();
  for (const id of ids) {
    series[id] = await trainingSeries(connection, id, "kreis");
    stats[id] = await trainingStats(connection, id, "kreis", series[id].years);
    for (const byYear of Object.values(series[id].sources)) for (const list of Object.values(byYear)) for (const s of list) sourceIds.add(s);
  }
  return {slug, indicators, sources: await trainingSources(connection, sourceIds), series, stats};
}

/** The Kreise a participant can pick, the names of Länder and Bund, the peer groups. */
export async function trainingDirectory(connection: DuckDBConnection): Promise<TrainingDirectory> {
  const places = await queryRows(connection, "SELECT id, name FROM regions WHERE level IN ('land', 'bund') ORDER BY id");
  return {
    regions: await trainingRegions(connection, "kreis"),
    places: Object.fromEntries(places.map((r) => [String(r.id), String(r.name)])),
    groups: await trainingGroups(connection, "kreis")
  };
}
