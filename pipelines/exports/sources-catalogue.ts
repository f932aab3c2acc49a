/** Export for /daten/: every source with its licence and the indicators that use it. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../warehouse/sql.ts";
import type {Source} from "../snapshot/format.ts";

export interface SourceEntry extends Source {
  indicators: {id: string; name: string}[];
  observations: number;
}

export async function sourcesCatalogue(connection: DuckDBConnection): Promise<SourceEntry[]> {
  const sources = await queryRows(connection, "SELECT id, meta FROM sources ORDER BY id");
  const indicators = await queryRows(connection, "SELECT source_id, id, name FROM indicators ORDER BY name");
  const counts = await queryRows(connection, "SELECT source, count(*)::INTEGER AS n FROM observations GROUP BY source");
  return sources.map((s) => ({
    ...(JSON.parse(String(s.meta)) as Source),
    indicators: indicators.filter((i) => i.source_id === s.id).map((i) => ({id: String(i.id), name: String(i.name)})),
    observations: Number(counts.find((c) => c.source === s.id)?.n ?? 0)
  }));
}
