/**
 * Data of the small-area example (/fortbildung/berlin-kinderarmut-kita): child poverty (MSS
 * 2021), Kitas, inhabitants and the share of children under 6 for Berlin's 542 Planungsräume,
 * the 12 Bezirke and Berlin, columnar. Derived figures (children under 6, Kitas per 1,000
 * children) are computed on the page by src/components/training-berlin.ts.
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import type {Indicator, Source} from "../snapshot/format.ts";
import {queryRows} from "../warehouse/sql.ts";
import {exportSql, num, str} from "./sql.ts";
import {trainingIndicators, trainingSources} from "./training.ts";

export const BERLIN_INDICATORS = ["mss_kinderarmut", "kitas_anzahl", "einwohner_melderegister", "anteil_unter_6", "kita_plaetze_je_100_u6"] as const;
export type BerlinIndicator = (typeof BERLIN_INDICATORS)[number];

/** One level's rows, columnar: ids, names, parents and per indicator values and flags aligned with them. */
export interface BerlinLevel {
  id: string[];
  name: string[];
  parent: string[];
  /** Indicator → period of the values on this level (absent when the level has none). */
  period: Partial<Record<BerlinIndicator, string>>;
  value: Partial<Record<BerlinIndicator, (number | null)[]>>;
  flag: Partial<Record<BerlinIndicator, (string | null)[]>>;
}

export interface BerlinTrainingData {
  indicators: Record<string, Indicator>;
  sources: Source[];
  planungsraeume: BerlinLevel;
  bezirke: BerlinLevel;
  berlin: BerlinLevel;
}

export async function trainingBerlin(connection: DuckDBConnection): Promise<BerlinTrainingData> {
  const rows = await queryRows(connection, exportSql("training-berlin"), {indicators: listValue([...BERLIN_INDICATORS])});
  const levels: Record<string, BerlinLevel> = {};
  const position = new Map<string, number>();
  const sourceIds = new Set<string>();
  for (const r of rows) {
    const level = String(r.level) === "kreis" ? "berlin" : String(r.level);
    const entry = (levels[level] ??= {id: [], name: [], parent: [], period: {}, value: {}, flag: {}});
    const id = String(r.id);
    let i = position.get(id);
    if (i === undefined) {
      i = entry.id.push(id) - 1;
      entry.name.push(String(r.name));
      entry.parent.push(String(r.parent ?? ""));
      position.set(id, i);
    }
    const indicator = String(r.indicator) as BerlinIndicator;
    entry.period[indicator] = String(r.period);
    (entry.value[indicator] ??= [])[i] = num(r.value);
    (entry.flag[indicator] ??= [])[i] = str(r.flag);
    if (r.source !== null) sourceIds.add(String(r.source));
  }
  // Regions without a row for an indicator get an explicit null (never a hole in the array).
  for (const entry of Object.values(levels)) {
    for (const indicator of Object.keys(entry.period) as BerlinIndicator[]) {
      entry.value[indicator] = entry.id.map((_, i) => entry.value[indicator]![i] ?? null);
      entry.flag[indicator] = entry.id.map((_, i) => entry.flag[indicator]![i] ?? null);
    }
  }
  const empty = (): BerlinLevel => ({id: [], name: [], parent: [], period: {}, value: {}, flag: {}});
  return {
    indicators: await trainingIndicators(connection, BERLIN_INDICATORS),
    sources: await trainingSources(connection, sourceIds),
    planungsraeume: levels.planungsraum ?? empty(),
    bezirke: levels.bezirk ?? empty(),
    berlin: levels.berlin ?? empty()
  };
}
