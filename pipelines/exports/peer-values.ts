/**
 * Shared data of the profile pages, compact and columnar: the latest values of every Kreis
 * and district per indicator (peer strips, ranks within a user-picked set), and the full
 * series of one level (trend lines of a user-picked set, loaded on demand).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {exportSql, num, str} from "./sql.ts";

export interface LatestValues {
  /** `${indicator}|${level}` → the period and, aligned, regions, values and flags. */
  [key: string]: {period: string; region: string[]; value: (number | null)[]; flag: (string | null)[]};
}

export async function latestValues(connection: DuckDBConnection): Promise<LatestValues> {
  const reader = await connection.runAndReadAll(exportSql("latest-values"));
  const c = reader.getColumnsObjectJS();
  const out: LatestValues = {};
  for (let i = 0; i < reader.currentRowCount; i++) {
    const key = `${String(c.indicator![i])}|${String(c.level![i])}`;
    const entry = (out[key] ??= {period: String(c.period![i]), region: [], value: [], flag: []});
    entry.region.push(String(c.region![i]));
    entry.value.push(num(c.value![i]));
    entry.flag.push(str(c.flag![i]));
  }
  return out;
}

export interface LevelSeries {
  /** indicator → the years of the series and, per region, values aligned with them; flags only where set. */
  [indicator: string]: {years: number[]; values: Record<string, (number | null)[]>; flags: Record<string, Record<number, string>>};
}

export async function levelSeries(connection: DuckDBConnection, level: "kreis" | "bezirk"): Promise<LevelSeries> {
  const reader = await connection.runAndReadAll(exportSql("level-series"), {level});
  const c = reader.getColumnsObjectJS();
  const rows = new Map<string, {year: number; region: string; value: number | null; flag: string | null}[]>();
  for (let i = 0; i < reader.currentRowCount; i++) {
    const indicator = String(c.indicator![i]);
    if (!rows.has(indicator)) rows.set(indicator, []);
    rows.get(indicator)!.push({year: Number(c.year![i]), region: String(c.region![i]), value: num(c.value![i]), flag: str(c.flag![i])});
  }
  const out: LevelSeries = {};
  for (const [indicator, list] of rows) {
    const years = [...new Set(list.map((r) => r.year))].sort((a, b) => a - b);
    const index = new Map(years.map((y, i) => [y, i]));
    const entry: LevelSeries[string] = {years, values: {}, flags: {}};
    for (const r of list) {
      const i = index.get(r.year)!;
      (entry.values[r.region] ??= years.map(() => null))[i] = r.value;
      if (r.flag !== null) (entry.flags[r.region] ??= {})[i] = r.flag;
    }
    out[indicator] = entry;
  }
  return out;
}
