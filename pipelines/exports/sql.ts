/** The export queries in pipelines/exports/sql/*.sql; values are always bound as named parameters. */
import {readFileSync} from "node:fs";
import {join} from "node:path";

const cache = new Map<string, string>();

export function exportSql(name: string): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = readFileSync(join(import.meta.dirname, "sql", `${name}.sql`), "utf-8");
    cache.set(name, sql);
  }
  return sql;
}

/** Numbers from DuckDB rows: DOUBLE stays a number, BIGINT/HUGEINT (bigint) becomes one, NULL stays null. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "bigint" ? Number(value) : Number(value);
}

/**
 * Derived numbers (changes, quantiles, computed Land/Bund values) without the binary noise
 * of floating point: 5.12 - 4.1 = 1.0200000000000005 is written as 1.02. Six decimals, as
 * round(x, 6) in the export SQL; far more than any source publishes.
 */
export function derived(value: unknown): number | null {
  const n = num(value);
  return n === null ? null : Number(n.toFixed(6));
}

/** Percentiles are shown with one decimal. */
export function percentile(value: unknown): number | null {
  const n = num(value);
  return n === null ? null : Number(n.toFixed(1));
}

export function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
