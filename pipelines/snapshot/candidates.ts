/**
 * Candidate observations, as read from the sources, before the importer decides which are kept:
 * unknown regions are set aside, out-of-range values stop the import, and where two sources
 * carry the same indicator, region and period the source earlier in SOURCE_PRECEDENCE wins;
 * a value always wins over a gap (a cell one source left blank does not hide another's number).
 */
import {InputError} from "../../loaders/common/errors.ts";
import {SOURCE_PRECEDENCE, type RegistryEntry} from "../indicators/registry.ts";
import type {Observation, Region, RegionLevel} from "./format.ts";

export type Candidate = Observation & {
  /** Source file (relative to --from) and line, for error messages and the report. */
  file: string;
  line?: number;
};

export interface Overridden {
  indicator: string;
  winner: string;
  loser: string;
  /** How many values of the losing source were replaced. */
  count: number;
  /** Largest absolute difference between the two values. */
  max_abs_diff: number;
}

export interface SetAsideObservation {
  file: string;
  line?: number;
  indicator: string;
  region: string;
  period: string;
  reason: string;
}

export interface Resolution {
  observations: Observation[];
  overridden: Overridden[];
  setAside: SetAsideObservation[];
}

export function resolveCandidates(candidates: Candidate[], registry: RegistryEntry[], regions: Region[]): Resolution {
  const entries = new Map(registry.map((e) => [e.id, e]));
  const regionLevel = new Map<string, RegionLevel>(regions.map((r) => [r.id, r.level]));
  const rank = (source: string) => {
    const i = (SOURCE_PRECEDENCE as readonly string[]).indexOf(source);
    if (i < 0) throw new Error(`Quelle ${source} fehlt in SOURCE_PRECEDENCE`);
    return i;
  };
  const setAside: SetAsideObservation[] = [];
  const kept = new Map<string, Candidate>();
  const overridden = new Map<string, Overridden>();
  for (const c of candidates) {
    const entry = entries.get(c.indicator);
    if (!entry) throw new Error(`Indikator ${c.indicator} fehlt im Register`);
    const level = regionLevel.get(c.region);
    if (level === undefined) {
      setAside.push({file: c.file, line: c.line, indicator: c.indicator, region: c.region, period: c.period, reason: "Region nicht im Gebietsstand des Snapshots"});
      continue;
    }
    if (!entry.levels.includes(level)) {
      throw new InputError({file: c.file, line: c.line, field: c.indicator}, `eine Region der Ebenen ${entry.levels.join(", ")} (Register)`, `${c.region} (${level})`);
    }
    if (c.value !== null && (c.value < entry.range.min || c.value > entry.range.max || !Number.isFinite(c.value))) {
      throw new InputError({file: c.file, line: c.line, field: c.indicator}, `einen Wert zwischen ${entry.range.min} und ${entry.range.max} für ${c.region} ${c.period}`, String(c.value));
    }
    if (c.value === null && c.flag === null) continue; // an empty cell: nothing published, nothing stored
    const key = `${c.indicator}|${c.region}|${c.period}`;
    const previous = kept.get(key);
    if (previous === undefined) {
      kept.set(key, c);
      continue;
    }
    if (previous.source === c.source) {
      throw new InputError({file: c.file, line: c.line, field: c.indicator}, `jeden Wert nur einmal je Quelle (${c.region}, ${c.period})`, `doppelt, schon in Zeile ${previous.line ?? "?"}`);
    }
    const gapLoses = (previous.value === null) !== (c.value === null);
    const [winner, loser] = gapLoses ? (previous.value === null ? [c, previous] : [previous, c]) : rank(previous.source) <= rank(c.source) ? [previous, c] : [c, previous];
    kept.set(key, winner);
    if (loser.value === null && winner.value !== null) continue; // a gap filled by another source: not an override
    const id = `${c.indicator}|${winner.source}|${loser.source}`;
    const o = overridden.get(id) ?? {indicator: c.indicator, winner: winner.source, loser: loser.source, count: 0, max_abs_diff: 0};
    o.count += 1;
    if (winner.value !== null && loser.value !== null) o.max_abs_diff = Math.max(o.max_abs_diff, Math.round(Math.abs(winner.value - loser.value) * 1e6) / 1e6);
    overridden.set(id, o);
  }
  for (const entry of registry) {
    const levels = new Set<RegionLevel>();
    for (const c of kept.values()) if (c.indicator === entry.id) levels.add(regionLevel.get(c.region)!);
    // Land and Bund of a summed or weighted indicator are computed by the warehouse from the Kreise (aggregates.sql).
    const computed = (entry.aggregation.method === "sum" || entry.aggregation.method === "weighted") && levels.has("kreis");
    const missing = entry.levels.filter((l) => !levels.has(l) && !(computed && (l === "land" || l === "bund")));
    if (missing.length > 0) throw new Error(`Indikator ${entry.id}: keine Werte für die Ebene(n) ${missing.join(", ")}, die das Register nennt`);
  }
  const observations = [...kept.values()].map(({file: _file, line: _line, ...o}) => o);
  return {observations, overridden: [...overridden.values()].sort((a, b) => (a.indicator + a.loser < b.indicator + b.loser ? -1 : 1)), setAside};
}
