/**
 * Data for the data-quality section of /daten/: how far to trust each figure. Built from the
 * warehouse and the import report in short that comes with the snapshot
 * (data/snapshot/import-report.json), so it works on a fresh clone without data/reports/.
 *
 * - coverage: per indicator, level and year the regions with a number / the regions of the level;
 * - flags: special values and quality marks per indicator, with their German meaning;
 * - stale: the latest year with a number per indicator against a threshold that depends on how
 *   often its source publishes (STALE_RULES);
 * - import: rows set aside at import (by kind, with examples), values replaced by a
 *   higher-ranked source, cross-source checks with their disagreeing groups.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {FLAG_LABELS, type Flag} from "../../src/shared/flags.ts";
import type {ImportReportSummary} from "../snapshot/import-report.ts";
import {queryRows} from "../warehouse/sql.ts";
import {exportSql} from "./sql.ts";

export const IMPORT_REPORT_PATH = join(import.meta.dirname, "../../data/snapshot/import-report.json");

/**
 * When an indicator counts as outdated: its latest year with a number is more than
 * `years` years before the current year. The rule follows the source of that latest year.
 */
export interface StaleRule {
  kind: string;
  years: number;
  why: string;
}

const LIST: StaleRule = {kind: "laufend geführte Liste", years: 2, why: "wird laufend geführt und mindestens jährlich neu veröffentlicht"};
const ANNUAL: StaleRule = {kind: "jährliche Statistik", years: 3, why: "erscheint jährlich, mit ein bis zwei Jahren Verzug"};
export const STALE_RULES: Record<string, StaleRule> = {
  zensus2022: {kind: "Zensus", years: 12, why: "etwa alle zehn Jahre (Zensus 2011, 2022)"},
  mss2021: {kind: "Monitoring Soziale Stadtentwicklung", years: 4, why: "alle zwei Jahre"},
  ew24_strukturdaten: {kind: "Strukturdaten zu einer Wahl", years: 5, why: "zu jeder Bundestags- und Europawahl, also alle vier bis fünf Jahre"},
  btw25_strukturdaten_berlin: {kind: "Strukturdaten zu einer Wahl", years: 5, why: "zu jeder Bundestags- und Europawahl, also alle vier bis fünf Jahre"},
  senbjf_kitaliste: LIST,
  berlin_kitas_plr: LIST,
  berlin_schulen_plr: LIST
};

export function staleRule(source: string | null): StaleRule {
  return (source !== null && STALE_RULES[source]) || ANNUAL;
}

export const LEVELS = [
  {level: "bund", label: "Bund"},
  {level: "land", label: "Länder"},
  {level: "kreis", label: "Kreise"},
  {level: "bezirk", label: "Berliner Bezirke"},
  {level: "planungsraum", label: "Planungsräume"}
] as const;

export interface QualityPage {
  /** The year the ages are counted from (the build's clock). */
  reference_year: number;
  indicators: {id: string; name: string; short_name: string; area: string}[];
  levels: {level: string; label: string; regions: number}[];
  /** Per indicator × level: the first year and, per year from there, the regions with a number. */
  coverage: {indicator: string; level: string; first_year: number; expected: number; with_value: number[]}[];
  flags: {indicator: string; flag: string; label: string; n: number; with_value: number}[];
  stale: {indicator: string; latest_year: number | null; source: string | null; kind: string; threshold_years: number; why: string; years_old: number | null; stale: boolean}[];
  import: ImportReportSummary | null;
}

export interface QualityPageOptions {
  now?: () => Date;
  importReportPath?: string;
}

export async function qualityPage(connection: DuckDBConnection, options: QualityPageOptions = {}): Promise<QualityPage> {
  const referenceYear = (options.now ?? (() => new Date()))().getFullYear();
  const indicators = (await queryRows(connection, "SELECT id, name, short_name, area FROM indicators ORDER BY id")).map((r) => ({
    id: String(r.id),
    name: String(r.name),
    short_name: String(r.short_name),
    area: String(r.area)
  }));
  const regionCounts = new Map((await queryRows(connection, "SELECT level, count(*)::INTEGER AS n FROM regions GROUP BY level")).map((r) => [String(r.level), Number(r.n)]));

  const coverage: QualityPage["coverage"] = [];
  for (const r of await queryRows(connection, exportSql("quality-page-coverage"))) {
    const [indicator, level, year] = [String(r.indicator), String(r.level), Number(r.year)];
    let entry = coverage.at(-1);
    if (!entry || entry.indicator !== indicator || entry.level !== level) {
      entry = {indicator, level, first_year: year, expected: Number(r.expected), with_value: []};
      coverage.push(entry);
    }
    entry.with_value.push(Number(r.with_value));
  }

  const flags = (await queryRows(connection, exportSql("quality-page-flags"))).map((r) => ({
    indicator: String(r.indicator),
    flag: String(r.flag),
    label: FLAG_LABELS[r.flag as Flag] ?? "unbekannt",
    n: Number(r.n),
    with_value: Number(r.with_value)
  }));

  const stale = (await queryRows(connection, exportSql("quality-page-latest"))).map((r) => {
    const latest = r.latest_year === null ? null : Number(r.latest_year);
    const source = r.latest_source === null ? null : String(r.latest_source);
    const rule = staleRule(source);
    const age = latest === null ? null : referenceYear - latest;
    return {indicator: String(r.indicator), latest_year: latest, source, kind: rule.kind, threshold_years: rule.years, why: rule.why, years_old: age, stale: age === null || age > rule.years};
  });

  return {
    reference_year: referenceYear,
    indicators,
    levels: LEVELS.map((l) => ({...l, regions: regionCounts.get(l.level) ?? 0})),
    coverage,
    flags,
    stale,
    import: readImportSummary(options.importReportPath ?? IMPORT_REPORT_PATH)
  };
}

function readImportSummary(path: string): ImportReportSummary | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf-8")) as ImportReportSummary;
}
