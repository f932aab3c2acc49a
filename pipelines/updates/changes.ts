/**
 * What a pull changes: the pulled values against the values `kbm data` would use right now,
 * i.e. the snapshot's observations.csv with the overlay files data/updates/*.csv applied in
 * file-name order (later wins) — the same rule as the warehouse (load-updates.sql). Reading the
 * files rather than data/warehouse.duckdb keeps the comparison right when the warehouse has
 * not been rebuilt since the last pull.
 */
import {basename, join} from "node:path";
import {readCsvFile} from "../../loaders/common/csv.ts";
import {SNAPSHOT_FILES} from "../snapshot/format.ts";
import {compareObservations, type PulledObservation} from "./map-records.ts";

export interface CurrentValue {
  value: number | null;
  flag: string | null;
  source: string;
  /** "snapshot" or "updates/<file>.csv", as in the warehouse's observations.origin. */
  origin: string;
}

export interface CurrentState {
  values: Map<string, CurrentValue>;
  /** Periods present per indicator (any region). */
  periods: Map<string, Set<string>>;
  /** The overlay files that were applied, in order. */
  updateFiles: string[];
}

const COLUMNS = ["indicator", "region", "period", "value", "flag", "source"] as const;

/** Reads the current values of the given indicators: snapshot, then each update file in order. */
export function readCurrentState(snapshotDir: string, updateFiles: readonly string[], indicators: ReadonlySet<string>): CurrentState {
  const values = new Map<string, CurrentValue>();
  const periods = new Map<string, Set<string>>();
  const layers = [{path: join(snapshotDir, SNAPSHOT_FILES.observations), origin: "snapshot"}, ...updateFiles.map((path) => ({path, origin: `updates/${basename(path)}`}))];
  for (const {path, origin} of layers) {
    for (const {fields} of readCsvFile(path, path, {required: COLUMNS})) {
      const indicator = fields.indicator!;
      if (!indicators.has(indicator)) continue;
      const text = fields.value ?? "";
      values.set(key(indicator, fields.region!, fields.period!), {value: text === "" ? null : Number(text), flag: fields.flag || null, source: fields.source ?? "", origin});
      let set = periods.get(indicator);
      if (!set) periods.set(indicator, (set = new Set()));
      set.add(fields.period!);
    }
  }
  return {values, periods, updateFiles: [...updateFiles]};
}

export type ChangeKind = "new" | "revised" | "flag" | "unchanged";

export interface Change {
  kind: ChangeKind;
  observation: PulledObservation;
  old: CurrentValue | undefined;
}

export interface IndicatorChanges {
  indicator: string;
  values: number;
  new: number;
  revised: number;
  flag: number;
  unchanged: number;
  /** Periods the current state has no value of this indicator for at all. */
  newPeriods: string[];
}

export interface ChangeSummary {
  byIndicator: IndicatorChanges[];
  /** Every change that is not "unchanged", sorted by indicator, region, period. */
  changes: Change[];
}

/**
 * new: no current value for the key. revised: both are numbers and differ (a flag may change
 * too). flag: the flag changed (including a number that became a special value or back).
 */
export function compareWithCurrent(observations: readonly PulledObservation[], current: CurrentState): ChangeSummary {
  const byIndicator = new Map<string, IndicatorChanges>();
  const newPeriods = new Map<string, Set<string>>();
  const changes: Change[] = [];
  for (const observation of [...observations].sort(compareObservations)) {
    let summary = byIndicator.get(observation.indicator);
    if (!summary) {
      summary = {indicator: observation.indicator, values: 0, new: 0, revised: 0, flag: 0, unchanged: 0, newPeriods: []};
      byIndicator.set(observation.indicator, summary);
    }
    const old = current.values.get(key(observation.indicator, observation.region, observation.period));
    const kind = classify(observation, old);
    summary.values += 1;
    summary[kind] += 1;
    if (kind !== "unchanged") changes.push({kind, observation, old});
    if (!current.periods.get(observation.indicator)?.has(observation.period)) {
      let set = newPeriods.get(observation.indicator);
      if (!set) newPeriods.set(observation.indicator, (set = new Set()));
      set.add(observation.period);
    }
  }
  for (const summary of byIndicator.values()) summary.newPeriods = [...(newPeriods.get(summary.indicator) ?? [])].sort();
  return {byIndicator: [...byIndicator.values()].sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0)), changes};
}

function classify(observation: PulledObservation, old: CurrentValue | undefined): ChangeKind {
  if (!old) return "new";
  if (observation.value !== null && old.value !== null && observation.value !== old.value) return "revised";
  if ((observation.value === null) !== (old.value === null) || (observation.flag ?? null) !== (old.flag ?? null)) return "flag";
  return "unchanged";
}

function key(indicator: string, region: string, period: string): string {
  return `${indicator}\u0000${region}\u0000${period}`;
}

/** A value with its flag as the report shows it: "5.12", "x", "0 (-)", "—" for none. */
export function showValue(value: number | null, flag: string | null): string {
  if (value === null) return flag ?? "—";
  return flag ? `${formatNumber(value)} (${flag})` : formatNumber(value);
}

/** The number as the snapshot writes it (plain decimal, never exponent notation). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) || Math.abs(value) >= 1e-6) {
    const text = String(value);
    if (!/e/i.test(text)) return text;
  }
  return value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}
