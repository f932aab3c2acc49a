/** Breaks in a profile series that every chart of it marks (profile cards, report figures). */
import type {ProfileSeries} from "../../../pipelines/exports/profile-file.ts";
import {basisOf, POPULATION_BASIS_LABELS, type SeriesBasis} from "../comparability.js";

/**
 * Years whose value rests on another population basis than the previous value's ("Basis Zensus
 * 2022": fewer people counted, so shares jump), or, failing that, comes from another source
 * ("Quellenwechsel"). A basis break is named even where the source changes too: it is the
 * reason the values do not line up.
 */
export function sourceBreaks(series: ProfileSeries, bases: readonly SeriesBasis[] = []): {year: number; label: string}[] {
  const out: {year: number; label: string}[] = [];
  let previous: {source: string; basis: string | null | undefined} | null = null;
  series.period.forEach((_, k) => {
    if (series.value[k] === null) return;
    const source = series.source[k] ?? null;
    if (source === null) return;
    const year = series.year[k]!;
    const basis = basisOf(bases, source, year);
    if (previous !== null) {
      if (basis && previous.basis && basis !== previous.basis) out.push({year, label: POPULATION_BASIS_LABELS[basis]});
      else if (source !== previous.source) out.push({year, label: "Quellenwechsel"});
    }
    previous = {source, basis};
  });
  return out;
}
