/** Export for /daten/: every source with its licence and the indicators that use it. */
import type {DuckDBConnection} from "@duckdb/node-api";
import {queryRows} from "../warehouse/sql.ts";
import type {Source} from "../snapshot/format.ts";

export interface SourceEntry extends Source {
  indicators: {id: string; name: string}[];
  observations: number;
}

/** `bezugsweg`: include how each file reached the project (only /daten/ shows it); otherwise via is "". */
export async function sourcesCatalogue(connection: DuckDBConnection, options: {bezugsweg?: boolean} = {}): Promise<SourceEntry[]> {
  // The one export with the Bezugsweg (via): /daten/ shows it in a column of its own.
  const sources = await queryRows(connection, "SELECT id, meta, coalesce(via, '') AS via FROM sources ORDER BY id");
  const indicators = await queryRows(connection, "SELECT source_id, id, name FROM indicators ORDER BY name");
  const counts = await queryRows(connection, "SELECT source, count(*)::INTEGER AS n FROM observations GROUP BY source");
  return sources.map((s) => ({
    ...(JSON.parse(String(s.meta)) as Omit<Source, "via">),
    via: options.bezugsweg ? String(s.via) : "",
    indicators: indicators.filter((i) => i.source_id === s.id).map((i) => ({id: String(i.id), name: String(i.name)})),
    observations: Number(counts.find((c) => c.source === s.id)?.n ?? 0)
  }));
}
