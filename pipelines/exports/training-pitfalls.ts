/**
 * Data of the pitfalls page (/fortbildung/fallstricke): for each pitfall the warehouse rows its
 * real example is computed from (sql/training-pitfalls.sql), plus the registry entries and the
 * known territorial reforms. The page writes the sentences (src/components/training-pitfalls.ts).
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {KREIS_REFORMS, type KreisReform} from "../../loaders/kreise/territory.ts";
import type {Indicator, Source} from "../snapshot/format.ts";
import {namedQueries, queryRows} from "../warehouse/sql.ts";
import {derived, exportSql, str} from "./sql.ts";
import {trainingIndicators, trainingSources} from "./training.ts";

export const PITFALL_INDICATORS = [
  "schulabgaenger_ohne_hsa", "schulabgaenger_je_1000_ew", "bevoelkerung", "schulabgaenger_allg_hochschulreife",
  "schulabgaenger_hochschulreife_fhr", "betreuungsquote_u3", "betreuungsquote_3_6", "jugendarbeitslosenquote",
  "einwohner_melderegister", "mss_kinderarmut", "kitas_anzahl", "kinderarmut_sgb2_u15"
] as const;

export interface PitfallData {
  indicators: Record<string, Indicator>;
  sources: Source[];
  reforms: readonly KreisReform[];
  leavers: {id: string; name: string; land: string; land_name: string; leavers: number; share: number | null; change_1y: number | null}[];
  school_location: {landkreis: string; landkreis_name: string; year: number; landkreis_value: number; city: string | null; city_name: string | null; city_value: number | null}[];
  childcare_over_100: {id: string; name: string; year: number; value: number}[];
  youth_changes: {year: number; median_change: number; n: number; source: string | null}[];
  berlin_dates: {id: string; name: string; plr_2022_06_30: number | null; bezirk_2022_12_31: number | null; bezirk_2023_12_31: number | null}[];
  definitions: {id: string; name: string; land_name: string; abitur: number | null; abitur_fhr: number | null; abitur_fhr_flag: string | null}[];
  /** The series spans of the Kreise a reform formed. */
  spans: {id: string; name: string; first_year: number | null; last_year: number | null; years: number; missing: number[]}[];
  /** Keys a reform dissolved that still exist as a region (expected: none). */
  dissolved_present: string[];
  flags: {indicator: string; level: string; flag: string; n: number; with_value: number; examples: string[]}[];
  mss_values: {id: string; name: string; value: number | null; flag: string | null}[];
  childcare_years: {year: number; kreise: number}[];
  correlation: {id: string; name: string; poverty: number; no_degree: number}[];
}

/** Plain JSON values from a DuckDB row: bigint → number, lists stay lists. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === "bigint" ? Number(v) : v));
    // Derived numbers (estimated leavers, changes, medians) without floating-point noise.
    else if (typeof value === "bigint" || typeof value === "number") out[key] = derived(value);
    else out[key] = typeof value === "string" || value === null || typeof value === "boolean" ? value : str(value);
  }
  return out;
}

export async function trainingPitfalls(connection: DuckDBConnection): Promise<PitfallData> {
  const sections: Record<string, Record<string, unknown>[]> = {};
  for (const {name, sql} of namedQueries(exportSql("training-pitfalls"))) {
    sections[name] = (await queryRows(connection, sql)).map(plain);
  }
  const sourceRows = await queryRows(connection, "SELECT DISTINCT source FROM facts WHERE list_contains($ids, indicator) AND source IS NOT NULL", {
    ids: listValue([...PITFALL_INDICATORS])
  });
  const reformKeys = new Set(KREIS_REFORMS.flatMap((r) => r.formed));
  sections.spans = sections.spans!.filter((r) => reformKeys.has(String(r.id)));
  const dissolved = await queryRows(connection, "SELECT id FROM regions WHERE list_contains($ids, id) ORDER BY id", {ids: listValue(KREIS_REFORMS.flatMap((r) => [...r.dissolved]))});
  return {
    indicators: await trainingIndicators(connection, PITFALL_INDICATORS),
    sources: await trainingSources(connection, sourceRows.map((r) => String(r.source))),
    reforms: KREIS_REFORMS,
    dissolved_present: dissolved.map((r) => String(r.id)),
    ...(sections as unknown as Omit<PitfallData, "indicators" | "sources" | "reforms" | "dissolved_present">)
  };
}
