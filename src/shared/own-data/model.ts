/**
 * What the page, the profile section and the report draw from a checked dataset: one entry
 * per kennzahl with its metadata, years and values per area. Values whose zaehler is below
 * the small-number threshold are hidden (value null, flag "klein"), never shown or counted.
 */
import type {OwnDataset} from "./check.js";
import type {OwnRow} from "./csv.js";
import {OWN_FLAGS, POLARITIES} from "./schema.js";

export const DEFAULT_THRESHOLD = 3;
export const SMALL_FLAG = "klein";

export type Polarity = "higher_better" | "higher_worse" | "neutral";

export interface OwnValue {
  id: string;
  name: string;
  value: number | null;
  /** ".", "-", "klein" (hidden small number) or null. */
  flag: string | null;
  zaehler: number | null;
  nenner: number | null;
  hinweis: string;
}

export interface OwnIndicator {
  id: string;
  name: string;
  unit: string;
  definition: string;
  source: string;
  stichtag: string;
  polarity: Polarity;
  /** Decimals to show: the most the file wrote for this kennzahl, at most 2. */
  decimals: number;
  years: number[];
  values: Map<number, OwnValue[]>;
  /** From the metadata file (true) or only named in the data (false). */
  described: boolean;
}

export function flagLabels(threshold: number): Record<string, string> {
  return {...OWN_FLAGS, [SMALL_FLAG]: `Fallzahl unter ${threshold}, ausgeblendet`};
}

export function ownValue(row: OwnRow, threshold: number): OwnValue {
  const small = row.zaehler !== null && row.zaehler < threshold;
  return {
    id: row.gebiet_id,
    name: row.gebiet_name,
    value: small ? null : row.value,
    flag: small ? SMALL_FLAG : row.flag,
    zaehler: small ? null : row.zaehler,
    nenner: row.nenner,
    hinweis: row.hinweis
  };
}

export function ownIndicators(dataset: Pick<OwnDataset, "rows" | "meta">, {threshold = DEFAULT_THRESHOLD} = {}): OwnIndicator[] {
  const meta = new Map(dataset.meta.map((m) => [m.kennzahl, m]));
  const byId = new Map<string, OwnRow[]>();
  for (const row of dataset.rows) {
    if (!byId.has(row.kennzahl)) byId.set(row.kennzahl, []);
    byId.get(row.kennzahl)!.push(row);
  }
  const out: OwnIndicator[] = [];
  for (const [id, rows] of byId) {
    const m = meta.get(id);
    const values = new Map<number, OwnValue[]>();
    for (const row of rows) {
      if (!values.has(row.jahr)) values.set(row.jahr, []);
      values.get(row.jahr)!.push(ownValue(row, threshold));
    }
    out.push({
      id,
      name: m?.name || id,
      unit: m?.einheit ?? "",
      definition: m?.definition ?? "",
      source: m?.quelle ?? "",
      stichtag: m?.stichtag ?? "",
      polarity: m?.polaritaet ? POLARITIES[m.polaritaet as keyof typeof POLARITIES] : "neutral",
      decimals: Math.min(2, Math.max(0, ...rows.map((r) => r.decimals))),
      years: [...values.keys()].sort((a, b) => a - b),
      values,
      described: m !== undefined
    });
  }
  // Metadata order first (the city's own order), then the rest by id.
  const order = new Map(dataset.meta.map((m, i) => [m.kennzahl, i]));
  return out.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
}

export interface OwnChange {
  id: string;
  name: string;
  from: number | null;
  to: number | null;
  change: number | null;
}

/** Change per area between two years; null where either year has no shown number. */
export function ownChanges(indicator: OwnIndicator, from: number, to: number): OwnChange[] {
  const before = new Map((indicator.values.get(from) ?? []).map((v) => [v.id, v]));
  const after = indicator.values.get(to) ?? [];
  const ids = new Set([...before.keys(), ...after.map((v) => v.id)]);
  const afterById = new Map(after.map((v) => [v.id, v]));
  return [...ids].map((id) => {
    const a = before.get(id)?.value ?? null;
    const b = afterById.get(id)?.value ?? null;
    return {id, name: afterById.get(id)?.name ?? before.get(id)!.name, from: a, to: b, change: a !== null && b !== null ? b - a : null};
  });
}
