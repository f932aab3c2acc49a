/**
 * The shape of one file of profiles.zip (`<region id>.json`) and a helper that turns its
 * columnar series into rows for Plot. No Node or DuckDB imports: a page may bundle this.
 *
 * Columnar: per indicator one array per field, all aligned on the sorted periods, so that
 * 30 indicators × 30 years × 5 peer groups do not repeat every key name in every row.
 */

import type {SeriesBasis} from "../../src/shared/comparability.ts";

export type AggregateStatus = "published" | "computed" | "absent";

export interface ProfileRegion {
  id: string;
  name: string;
  level: string;
  type: string;
  parent: string | null;
  land: string | null;
  land_name: string | null;
  kreisfrei: boolean | null;
  bbsr_kreistyp: number | null;
  population: number | null;
  area_km2: number | null;
  /** Peer groups of the region, in display order (empty for Länder, Bund, Planungsräume). */
  groups: string[];
}

export interface ProfileIndicator {
  id: string;
  name: string;
  short_name: string;
  unit: string;
  decimals: number;
  area: string;
  topic: string;
  polarity: "higher_better" | "higher_worse" | "neutral";
  /** Source id (sources.json). */
  source: string;
  /** The attribution the licence requires, to print next to the numbers. */
  attribution: string;
  caveats: string[];
  /** Why a Land/Bund value may be missing. */
  aggregation_note: string;
  /** Population basis per source and years, first match applies (registry comparability). */
  bases: SeriesBasis[];
}

/** A region's position in one peer group, per period (arrays aligned with ProfileSeries.period). */
export interface ProfilePeerSeries {
  /** 1 = highest value; ties share the smallest rank; null = the region has no number. */
  rank: (number | null)[];
  /** Ranked members (members with a number). */
  of: number[];
  /** Share of the other ranked members with a strictly lower value, 0–100, one decimal. */
  percentile: (number | null)[];
  /** Group median and quartiles (quantile_cont: linear interpolation). */
  median: (number | null)[];
  q1: (number | null)[];
  q3: (number | null)[];
}

export interface ProfileSeries {
  period: string[];
  year: number[];
  value: (number | null)[];
  flag: (string | null)[];
  /** Source id of each period's value (a series can change source between years). */
  source: (string | null)[];
  /** The Land's value (for a Land: its own); land_status says published, computed or absent (null: no row). */
  land: (number | null)[];
  land_status: (AggregateStatus | null)[];
  bund: (number | null)[];
  bund_status: (AggregateStatus | null)[];
  change_1y: (number | null)[];
  change_5y: (number | null)[];
  change_10y: (number | null)[];
  /** Why change_1y / change_5y is null although an earlier value exists (e.g. "Nicht vergleichbar: 2023 Monatswert (Oktober), 2022 Jahresdurchschnitt."). */
  change_1y_reason: (string | null)[];
  change_5y_reason: (string | null)[];
  /** Peer-group id → arrays; {} for Länder, Bund and Planungsräume. */
  peers: Record<string, ProfilePeerSeries>;
}

export interface ProfileFile {
  region: ProfileRegion;
  groups: {id: string; name: string; members: number}[];
  /** Members of the region's own group "aehnliche": the region, then its neighbours, nearest first ([] if none). */
  similar: string[];
  /** The indicators that have a series, sorted by id. */
  indicators: ProfileIndicator[];
  /** Indicator id → series. */
  series: Record<string, ProfileSeries>;
  /**
   * Cities inside this Kreis with rows of their own (level "gemeinde": Hannover, Aachen,
   * Saarbrücken) and their values, shown as the city's own figures, never ranked. Empty elsewhere.
   */
  cities: {id: string; name: string; values: {indicator: string; period: string; value: number | null; flag: string | null; source: string}[]}[];
}

/** One period of a series as a row (what Plot marks take). */
export interface ProfileRow {
  indicator: string;
  period: string;
  year: number;
  value: number | null;
  flag: string | null;
  land: number | null;
  land_status: AggregateStatus | null;
  bund: number | null;
  bund_status: AggregateStatus | null;
  change_1y: number | null;
  change_5y: number | null;
  change_10y: number | null;
  change_1y_reason: string | null;
  change_5y_reason: string | null;
  peers: Record<string, {rank: number | null; of: number; percentile: number | null; median: number | null; q1: number | null; q3: number | null}>;
}

/** The rows of one indicator's series, oldest period first. */
export function profileRows(file: ProfileFile, indicator: string): ProfileRow[] {
  const s = file.series[indicator];
  if (!s) return [];
  return s.period.map((period, i) => ({
    indicator,
    period,
    year: s.year[i]!,
    value: s.value[i] ?? null,
    flag: s.flag[i] ?? null,
    land: s.land[i] ?? null,
    land_status: s.land_status[i] ?? null,
    bund: s.bund[i] ?? null,
    bund_status: s.bund_status[i] ?? null,
    change_1y: s.change_1y[i] ?? null,
    change_5y: s.change_5y[i] ?? null,
    change_10y: s.change_10y[i] ?? null,
    change_1y_reason: s.change_1y_reason?.[i] ?? null,
    change_5y_reason: s.change_5y_reason?.[i] ?? null,
    peers: Object.fromEntries(
      Object.entries(s.peers).map(([group, p]) => [
        group,
        {rank: p.rank[i] ?? null, of: p.of[i] ?? 0, percentile: p.percentile[i] ?? null, median: p.median[i] ?? null, q1: p.q1[i] ?? null, q3: p.q3[i] ?? null}
      ])
    )
  }));
}
