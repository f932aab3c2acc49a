/**
 * The peer group "aehnliche" out of the warehouse: one region's neighbours with distances and
 * contributions (`kbm peers`), and the standardised context of every Kreis and district for
 * the browser's "Warum diese?" panel, which recomputes neighbours with the shared module
 * src/shared/similarity.ts.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {SimilarContextFile, SimilarLevelData} from "../../src/shared/similarity.ts";
import {queryRows} from "../warehouse/sql.ts";
import {germanCsv} from "./german-csv.ts";
import {exportSql, num, str} from "./sql.ts";
import {UnknownRegionError} from "./profile.ts";

export interface SimilarIndicator {
  id: string;
  name: string;
  kind: "numeric" | "categorical";
  weight: number;
  /** The period of the source indicator used (null for categories). */
  period: string | null;
}

export interface SimilarPeers {
  region: string;
  indicators: SimilarIndicator[];
  neighbours: {id: string; name: string; distance: number; contributions: Record<string, number | null>}[];
}

export class NoSimilarPeersError extends Error {
  override name = "NoSimilarPeersError";
  constructor(readonly region: string, level: string) {
    super(`Region ${region} (${level}) hat keine ähnlichen Kommunen: es gibt sie nur für Kreise und Berliner Bezirke`);
  }
}

/** The neighbours of one region; UnknownRegionError / NoSimilarPeersError otherwise. */
export async function similarPeers(connection: DuckDBConnection, region: string): Promise<SimilarPeers> {
  const [info] = await queryRows(connection, "SELECT level FROM regions WHERE id = $region", {region});
  if (!info) throw new UnknownRegionError(region);
  const indicators = (await queryRows(connection, exportSql("similar-indicators"), {level: String(info.level)})).map(indicatorOf);
  const rows = await queryRows(connection, exportSql("similar-neighbours"), {region});
  if (rows.length === 0) throw new NoSimilarPeersError(region, String(info.level));
  const neighbours = rows.map((r) => {
    const shares = new Map((r.shares as {indicator: string; share: number | null}[]).map((s) => [s.indicator, s.share]));
    return {
      id: String(r.neighbour),
      name: String(r.name),
      distance: Number(r.distance),
      contributions: Object.fromEntries(indicators.map((i) => [i.id, shares.get(i.id) ?? null]))
    };
  });
  return {region, indicators, neighbours};
}

/** One row per neighbour: position, key, name, distance, then each indicator's share (German CSV). */
export function similarPeersCsv(peers: SimilarPeers): string {
  const header = ["region", "platz", "id", "name", "distanz", ...peers.indicators.map((i) => `anteil_${i.id}`)];
  return germanCsv(
    header,
    peers.neighbours.map((n, k) => [peers.region, k + 1, n.id, n.name, n.distance, ...peers.indicators.map((i) => n.contributions[i.id] ?? null)])
  );
}

/** Everything the browser needs to show and recompute the group, per level. */
export async function similarContext(connection: DuckDBConnection): Promise<SimilarContextFile> {
  const out: SimilarContextFile = {};
  const levels = await queryRows(connection, "SELECT DISTINCT level FROM similar_indicators ORDER BY level");
  for (const {level} of levels) {
    const indicators = await queryRows(connection, exportSql("similar-indicators"), {level: String(level)});
    const rows = await queryRows(connection, exportSql("similar-context"), {level: String(level)});
    const data: SimilarLevelData = {
      k: level === "bezirk" ? 5 : 10,
      indicators: indicators.map((i) => ({...indicatorOf(i), why: String(i.why), log: Boolean(i.log), source_indicator: str(i.source_indicator)})),
      rows: rows.map((r) => {
        const cells = r.cells as {indicator: string; value: number | null; category: string | null; z: number | null}[];
        return {
          id: String(r.region),
          name: String(r.name),
          value: Object.fromEntries(cells.map((c) => [c.indicator, c.category ?? num(c.value)])),
          z: Object.fromEntries(cells.map((c) => [c.indicator, c.category ?? num(c.z)]))
        };
      })
    };
    out[String(level) as "kreis" | "bezirk"] = data;
  }
  return out;
}

function indicatorOf(r: Record<string, unknown>): SimilarIndicator {
  return {id: String(r.id), name: String(r.name), kind: r.kind === "categorical" ? "categorical" : "numeric", weight: Number(r.weight), period: str(r.period)};
}
