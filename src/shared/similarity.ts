/**
 * "Ähnliche Kommunen": the k nearest regions on standardised context indicators. One module
 * for the warehouse build (pipelines/warehouse/similar-peers.ts) and the browser ("Warum
 * diese?" panel with its weight sliders), so that a recomputation with the default weights
 * gives the warehouse's group by construction. Pure functions, no I/O.
 *
 * The rules (documented for users in docs/data.md, "Ähnliche Kommunen"):
 * - numeric context: optionally log-transformed (sizes), then z-scores over all regions of the
 *   level that have a value: z = (x − mean) / sd, sd the population standard deviation
 *   (divisor n). An indicator with sd 0 gives z = 0 everywhere and so never separates.
 * - categorical context (east/west): one-hot, one 0/1 column per category. Two regions in
 *   different categories differ by 1 in two columns: 2·w, the mean squared difference of one
 *   z-scored indicator between two regions (= 2), so the category weighs like one indicator.
 * - distance: weighted Euclidean, d² = Σᵢ wᵢ(zᵢ − zⱼ)² over the indicators both regions have.
 * - missing values: an indicator missing for either region is left out of that pair and d² is
 *   scaled up by (Σ all w) / (Σ w present), so a gap neither shrinks nor grows distances on
 *   average; a pair sharing less than half the weight has no distance (never a neighbour).
 * - contributions: wᵢ(zᵢ − zⱼ)² / Σ (the unscaled sum), the indicator's share of d²; they add up
 *   to 1 (all 0 when d = 0).
 * - order: by distance, ties broken by region key (ascending), so results are deterministic;
 *   rows are sorted by key before any sum, so the input order changes nothing.
 */

export interface ContextIndicator {
  id: string;
  /** German label for pages and the CLI. */
  name: string;
  kind: "numeric" | "categorical";
  /** Default weight (1 = one indicator); 0 leaves it out. */
  weight: number;
}

/** A region's context: numeric values (already transformed, e.g. log) or category labels. */
export interface ContextRow {
  id: string;
  values: Record<string, number | string | null>;
}

export interface Standardised {
  indicators: ContextIndicator[];
  /** Sorted by id. z: numeric → z-score, categorical → the category; null = missing. */
  rows: {id: string; z: Record<string, number | string | null>}[];
  /** Numeric indicators only: mean and population sd over the regions with a value. */
  mean: Record<string, number>;
  sd: Record<string, number>;
}

export interface Neighbour {
  id: string;
  distance: number;
  /** Indicator id → share of d² (null when the pair lacks that indicator or its weight is 0). */
  contributions: Record<string, number | null>;
}

/** The squared difference of two regions in different categories: that of one z-scored indicator. */
export const CATEGORY_MISMATCH = 2;

const byId = (a: {id: string}, b: {id: string}) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** z-scores of one numeric column; null stays null. sd 0 (or a single value) gives z = 0. */
export function zScores(values: (number | null)[]): {mean: number; sd: number; z: (number | null)[]} {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return {mean: Number.NaN, sd: Number.NaN, z: values.map(() => null)};
  const mean = present.reduce((s, v) => s + v, 0) / present.length;
  const sd = Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length);
  return {mean, sd, z: values.map((v) => (v === null || !Number.isFinite(v) ? null : sd > 0 ? (v - mean) / sd : 0))};
}

export function standardise(indicators: ContextIndicator[], rows: ContextRow[]): Standardised {
  const sorted = [...rows].sort(byId);
  const ids = new Set<string>();
  for (const r of sorted) {
    if (ids.has(r.id)) throw new Error(`Kontextdaten: Region ${r.id} kommt doppelt vor`);
    ids.add(r.id);
  }
  const out: Standardised["rows"] = sorted.map((r) => ({id: r.id, z: {}}));
  const mean: Record<string, number> = {};
  const sd: Record<string, number> = {};
  for (const indicator of indicators) {
    if (indicator.kind === "categorical") {
      sorted.forEach((r, i) => {
        const v = r.values[indicator.id];
        out[i]!.z[indicator.id] = v === null || v === undefined ? null : String(v);
      });
      continue;
    }
    const column = sorted.map((r) => {
      const v = r.values[indicator.id];
      return typeof v === "number" ? v : null;
    });
    const s = zScores(column);
    mean[indicator.id] = s.mean;
    sd[indicator.id] = s.sd;
    s.z.forEach((z, i) => (out[i]!.z[indicator.id] = z));
  }
  return {indicators, rows: out, mean, sd};
}

/** Weights by indicator id: the defaults, overridden by `weights` where given. */
export function effectiveWeights(indicators: ContextIndicator[], weights: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of indicators) {
    const w = weights[i.id] ?? i.weight;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`Gewicht von ${i.id} muss eine Zahl ≥ 0 sein, ist ${w}`);
    out[i.id] = w;
  }
  return out;
}

/**
 * The distance of two standardised regions and each indicator's share of it; null when they
 * share less than half of the total weight.
 */
export function distance(indicators: ContextIndicator[], a: Record<string, number | string | null>, b: Record<string, number | string | null>, weights: Record<string, number>): Omit<Neighbour, "id"> | null {
  let total = 0;
  let present = 0;
  let sum = 0;
  const terms: Record<string, number | null> = {};
  for (const i of indicators) {
    const w = weights[i.id] ?? i.weight;
    terms[i.id] = null;
    if (w === 0) continue;
    total += w;
    const x = a[i.id];
    const y = b[i.id];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    present += w;
    const term = i.kind === "categorical" ? (x === y ? 0 : w * CATEGORY_MISMATCH) : w * ((x as number) - (y as number)) ** 2;
    terms[i.id] = term;
    sum += term;
  }
  if (total === 0 || present * 2 < total) return null;
  const contributions: Record<string, number | null> = {};
  for (const i of indicators) {
    const t = terms[i.id]!;
    contributions[i.id] = t === null ? null : sum > 0 ? t / sum : 0;
  }
  return {distance: Math.sqrt((sum * total) / present), contributions};
}

/**
 * The standardised data as columns of numbers for the all-pairs loop (categories as integer
 * codes, NaN = missing; weight-0 indicators left out). Same arithmetic, in the same order, as
 * distance(), so both give bit-identical distances.
 */
interface Compiled {
  index: Map<string, number>;
  cols: Float64Array[];
  categorical: boolean[];
  w: number[];
  total: number;
}

function compile(data: Standardised, weights: Record<string, number>): Compiled {
  const cols: Float64Array[] = [];
  const categorical: boolean[] = [];
  const w: number[] = [];
  let total = 0;
  for (const i of data.indicators) {
    const weight = weights[i.id] ?? i.weight;
    if (weight === 0) continue;
    total += weight;
    const codes = new Map<string, number>();
    const col = new Float64Array(data.rows.length);
    data.rows.forEach((r, k) => {
      const v = r.z[i.id];
      if (v === null || v === undefined) col[k] = Number.NaN;
      else if (i.kind === "categorical") {
        if (!codes.has(String(v))) codes.set(String(v), codes.size);
        col[k] = codes.get(String(v))!;
      } else col[k] = v as number;
    });
    cols.push(col);
    categorical.push(i.kind === "categorical");
    w.push(weight);
  }
  return {index: new Map(data.rows.map((r, k) => [r.id, k])), cols, categorical, w, total};
}

/** d of rows a and b, NaN when they share less than half of the weight. */
function pairDistance(c: Compiled, a: number, b: number): number {
  let present = 0;
  let sum = 0;
  for (let m = 0; m < c.cols.length; m++) {
    const col = c.cols[m]!;
    const x = col[a]!;
    const y = col[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const w = c.w[m]!;
    present += w;
    sum += c.categorical[m] ? (x === y ? 0 : w * CATEGORY_MISMATCH) : w * (x - y) ** 2;
  }
  if (c.total === 0 || present * 2 < c.total) return Number.NaN;
  return Math.sqrt((sum * c.total) / present);
}

function nearestCompiled(data: Standardised, c: Compiled, w: Record<string, number>, region: string, k: number): Neighbour[] {
  const self = c.index.get(region);
  if (self === undefined) throw new Error(`Region ${region} hat keine Kontextdaten`);
  const candidates: {k: number; id: string; distance: number}[] = [];
  data.rows.forEach((other, j) => {
    if (j === self) return;
    const d = pairDistance(c, self, j);
    if (!Number.isNaN(d)) candidates.push({k: j, id: other.id, distance: d});
  });
  candidates.sort((x, y) => x.distance - y.distance || byId(x, y));
  // Contributions only for the k chosen; distance() repeats the arithmetic exactly.
  return candidates.slice(0, k).map((n) => ({id: n.id, ...distance(data.indicators, data.rows[self]!.z, data.rows[n.k]!.z, w)!}));
}

/** The k nearest regions of `region` (never itself), nearest first, ties by key. */
export function nearest(data: Standardised, region: string, k: number, weights: Record<string, number> = {}): Neighbour[] {
  const w = effectiveWeights(data.indicators, weights);
  return nearestCompiled(data, compile(data, w), w, region, k);
}

/** The neighbours of every region, by region id. */
export function allNearest(data: Standardised, k: number, weights: Record<string, number> = {}): Map<string, Neighbour[]> {
  const w = effectiveWeights(data.indicators, weights);
  const c = compile(data, w);
  return new Map(data.rows.map((r) => [r.id, nearestCompiled(data, c, w, r.id, k)]));
}

/**
 * Per indicator, the mean share of the distance over the neighbours, relative to its weight's
 * share: below 1 the indicator makes them alike, above 1 it sets them apart. Sorted ascending
 * (the most alike first); indicators with weight 0 are left out.
 */
export function similarityProfile(indicators: ContextIndicator[], neighbours: Neighbour[], weights: Record<string, number> = {}): {id: string; name: string; ratio: number}[] {
  const w = effectiveWeights(indicators, weights);
  const total = indicators.reduce((s, i) => s + w[i.id]!, 0);
  const out: {id: string; name: string; ratio: number}[] = [];
  for (const i of indicators) {
    if (w[i.id] === 0 || neighbours.length === 0) continue;
    const shares = neighbours.map((n) => n.contributions[i.id]).filter((s): s is number => s !== null);
    if (shares.length === 0) continue;
    const mean = shares.reduce((s, v) => s + v, 0) / shares.length;
    out.push({id: i.id, name: i.name, ratio: mean / (w[i.id]! / total)});
  }
  return out.sort((a, b) => a.ratio - b.ratio || byId(a, b));
}

/**
 * One German sentence: which contexts make the group alike (numeric ones by how much less
 * they add than their weight's share; categories in which every neighbour matches are named
 * apart), and which sets it apart most.
 */
export function similaritySentence(regionName: string, profile: {id?: string; name: string; ratio: number}[], categorical: string[] = []): string {
  if (profile.length === 0) return `Für ${regionName} gibt es keine Kontextdaten zum Vergleich.`;
  const isCategory = (p: {id?: string}) => p.id !== undefined && categorical.includes(p.id);
  const list = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} und ${names[names.length - 1]}`);
  const alike = profile.filter((p) => p.ratio < 1 && !isCategory(p)).slice(0, 3).map((p) => p.name);
  const same = profile.filter((p) => p.ratio === 0 && isCategory(p)).map((p) => p.name);
  const apart = profile[profile.length - 1]!;
  const parts = [alike.length > 0 ? `Diese Regionen ähneln ${regionName} vor allem bei ${list(alike)}.` : `Diese Regionen ähneln ${regionName} in allen Kontextmerkmalen etwa gleich stark.`];
  if (same.length > 0) parts.push(`Bei ${list(same)} gleichen sie ${regionName} alle.`);
  if (apart.ratio > 1) parts.push(`Die größten Unterschiede bestehen bei ${apart.name}.`);
  return parts.join(" ");
}

/** The browser's data for one level (src/data/similar-context.json, from pipelines/exports/similar.ts). */
export interface SimilarLevelData {
  /** Neighbours per region: 10 for Kreise, 5 for Berlin's districts. */
  k: number;
  indicators: (ContextIndicator & {period: string | null; why: string; log: boolean; source_indicator: string | null})[];
  /** Sorted by id. value: as shown (before the logarithm); z: as the warehouse computed it. */
  rows: {id: string; name: string; value: Record<string, number | string | null>; z: Record<string, number | string | null>}[];
}

export type SimilarContextFile = Partial<Record<"kreis" | "bezirk", SimilarLevelData>>;

/** The warehouse's standardised data back from the export: nearest() on it repeats the warehouse's computation. */
export function fromExport(level: SimilarLevelData): Standardised {
  const mean: Record<string, number> = {};
  const sd: Record<string, number> = {};
  return {indicators: level.indicators, rows: [...level.rows].sort(byId).map((r) => ({id: r.id, z: r.z})), mean, sd};
}
