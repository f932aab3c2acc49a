/** Breaks in a profile series that every chart of it marks (profile cards, report figures). */
import type {ProfileSeries} from "../../../pipelines/exports/profile-file.ts";

/** Years whose value comes from another source than the previous value's: a break in the series. */
export function sourceBreaks(series: ProfileSeries): {year: number; label: string}[] {
  const out: {year: number; label: string}[] = [];
  let previous: string | null = null;
  series.period.forEach((_, k) => {
    if (series.value[k] === null) return;
    const source = series.source[k] ?? null;
    if (previous !== null && source !== null && source !== previous) out.push({year: series.year[k]!, label: "Quellenwechsel"});
    if (source !== null) previous = source;
  });
  return out;
}
