/**
 * Quantile of sorted values with linear interpolation between neighbours (R type 7, as d3's
 * quantileSorted and the warehouse's quantile_cont). Kept free of chart code: the profile's
 * model needs it before any chart library has loaded.
 */
export function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}
