/** Runs the .sql files of pipelines/warehouse/sql with named parameters, never string-built SQL. */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection, DuckDBValue} from "@duckdb/node-api";

const SQL_DIR = join(import.meta.dirname, "sql");

export function readSql(name: string): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), "utf-8");
}

/** Runs every statement of a script, binding each the named parameters it uses. */
export async function runScript(connection: DuckDBConnection, sql: string, params: Record<string, DuckDBValue> = {}): Promise<void> {
  const statements = await connection.extractStatements(sql);
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    const bound: Record<string, DuckDBValue> = {};
    for (let p = 1; p <= prepared.parameterCount; p++) {
      const name = prepared.parameterName(p);
      if (!(name in params)) throw new Error(`SQL parameter $${name} not bound`);
      bound[name] = params[name]!;
    }
    if (prepared.parameterCount > 0) prepared.bind(bound);
    await prepared.run();
  }
}

/** Splits a script of `-- name: x` sections into named queries. */
export function namedQueries(sql: string): {name: string; sql: string}[] {
  return sql
    .split(/^-- name: /m)
    .slice(1)
    .map((section) => {
      const newline = section.indexOf("\n");
      return {name: section.slice(0, newline).trim(), sql: section.slice(newline + 1).trim()};
    });
}

export async function queryRows(connection: DuckDBConnection, sql: string, params?: Record<string, DuckDBValue>): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
