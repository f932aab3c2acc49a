/**
 * The peer group "aehnliche" on the training examples. Unlike the fixed groups, its members
 * depend on the chosen Kreis (itself and its 10 most similar Kreise, from the warehouse), so
 * the example's data is specialised to that Kreis: membership and the group's median and
 * quartiles per year (type-7 quantiles over the members with a number, the warehouse's rule).
 * Every other function of training-model.ts then works unchanged.
 */
import type {TrainingData, TrainingGroupStats} from "../../pipelines/exports/training.ts";
import {quantile} from "./position-strip.js";

export const SIMILAR = "aehnliche";

export function withSimilarGroup(data: TrainingData, region: string, group: string | null): TrainingData {
  if (group !== SIMILAR) return data;
  const members = data.regions.find((r) => r.id === region)?.similar ?? [];
  const inGroup = new Set(members);
  const regions = data.regions.map((r) => {
    const others = r.groups.filter((g) => g !== SIMILAR);
    return {...r, groups: inGroup.has(r.id) ? [...others, SIMILAR] : others};
  });
  const stats: TrainingData["stats"] = {};
  for (const [indicator, series] of Object.entries(data.series)) {
    const s: TrainingGroupStats = {n: [], median: [], q1: [], q3: []};
    series.years.forEach((_year, i) => {
      const values = members.map((id) => series.values[id]?.[i] ?? null).filter((v): v is number => v !== null).sort((a, b) => a - b);
      s.n.push(values.length || null);
      s.median.push(values.length ? quantile(values, 0.5) : null);
      s.q1.push(values.length ? quantile(values, 0.25) : null);
      s.q3.push(values.length ? quantile(values, 0.75) : null);
    });
    stats[indicator] = {...data.stats[indicator], [SIMILAR]: s};
  }
  return {...data, regions, stats};
}
