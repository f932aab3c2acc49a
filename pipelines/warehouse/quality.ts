/**
 * The quality report of a warehouse build: coverage per indicator × level × year, flag counts,
 * stale indicators, overlay provenance, Land/Bund status, plus what the importer set aside and
 * where sources disagree (taken from data/reports/import.json when it exists).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {existsSync, readFileSync} from "node:fs";
import {FLAG_LABELS, type Flag} from "../snapshot/format.ts";
import {namedQueries, queryRows, readSql} from "./sql.ts";

export interface QualityOptions {
  /** An indicator is stale when its latest year with a number is more than this many years before `now`. */
  staleYears?: number;
  /** The clock; tests pin it. */
  now?: Date;
  /** data/reports/import.json; absent or unreadable → the sections say so. */
  importReportPath?: string;
}

export interface CoverageRow {
  indicator: string;
  level: string;
  /** null: the registry names this level, but it has no observation at all. */
  year: number | null;
  with_value: number;
  with_observation: number;
  expected: number;
  /** with_value / expected, 0..1 (null when no region of the level exists). */
  share: number | null;
}

export interface QualityReport {
  generated: string;
  counts: Record<string, number>;
  coverage: CoverageRow[];
  flags: {indicator: string; flag: string; label: string; n: number}[];
  stale: {threshold_years: number; reference_year: number; indicators: {indicator: string; latest_year: number | null; years_old: number | null}[]};
  overlay: {origin: string; n: number}[];
  superseded: {origin: string; superseded_by: string; n: number}[];
  aggregates: {status: string; method: string; n: number}[];
  set_aside: {available: boolean; total: number; by_reason: {reason: string; n: number}[]; rows: unknown[]};
  /** Values of a lower-ranked source replaced by a higher-ranked one at import (entries may carry a count). */
  overridden: {available: boolean; total: number; rows: unknown[]};
  /** Cross-source disagreements: the import's summary (crosscheck) and the first rows. */
  disagreements: {available: boolean; total: number; summary: unknown; rows: unknown[]};
}

const DEFAULT_STALE_YEARS = 3;
const MAX_LISTED_ROWS = 200;

export async function qualityReport(connection: DuckDBConnection, counts: Record<string, number>, options: QualityOptions = {}): Promise<QualityReport> {
  const now = options.now ?? new Date();
  const staleYears = options.staleYears ?? DEFAULT_STALE_YEARS;
  const queries = Object.fromEntries(namedQueries(readSql("quality")).map((q) => [q.name, q.sql]));
  const run = (name: string) => queryRows(connection, queries[name]!);
  const referenceYear = now.getFullYear();

  const coverage = (await run("coverage")).map((r) => {
    const expected = Number(r.expected);
    const withValue = Number(r.with_value);
    return {
      indicator: String(r.indicator),
      level: String(r.level),
      year: r.year === null ? null : Number(r.year),
      with_value: withValue,
      with_observation: Number(r.with_observation),
      expected,
      share: expected > 0 ? Math.round((withValue / expected) * 10000) / 10000 : null
    };
  });
  const flags = (await run("flags")).map((r) => ({indicator: String(r.indicator), flag: String(r.flag), label: FLAG_LABELS[r.flag as Flag] ?? "unbekannt", n: Number(r.n)}));
  const staleIndicators = (await run("latest"))
    .map((r) => {
      const latest = r.latest_year === null ? null : Number(r.latest_year);
      return {indicator: String(r.indicator), latest_year: latest, years_old: latest === null ? null : referenceYear - latest};
    })
    .filter((r) => r.years_old === null || r.years_old > staleYears);
  const imported = readImportReport(options.importReportPath);
  return {
    generated: now.toISOString(),
    counts,
    coverage,
    flags,
    stale: {threshold_years: staleYears, reference_year: referenceYear, indicators: staleIndicators},
    overlay: (await run("overlay")).map((r) => ({origin: String(r.origin), n: Number(r.n)})),
    superseded: (await run("superseded")).map((r) => ({origin: String(r.origin), superseded_by: String(r.superseded_by), n: Number(r.n)})),
    aggregates: (await run("aggregates")).map((r) => ({status: String(r.status), method: String(r.method), n: Number(r.n)})),
    set_aside: setAsideSection(imported),
    overridden: overriddenSection(imported),
    disagreements: disagreementSection(imported)
  };
}

type ImportReport = Record<string, unknown> | undefined;

function readImportReport(path: string | undefined): ImportReport {
  if (path === undefined || !existsSync(path)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf-8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The first array found under one of the keys (the import report's shape may grow). */
function arrayAt(report: Record<string, unknown>, keys: string[]): unknown[] | undefined {
  for (const key of keys) if (Array.isArray(report[key])) return report[key] as unknown[];
  return undefined;
}

function setAsideSection(report: ImportReport): QualityReport["set_aside"] {
  const rows = report ? arrayAt(report, ["setAside", "set_aside"]) : undefined;
  if (!rows) return {available: false, total: 0, by_reason: [], rows: []};
  const byReason = new Map<string, number>();
  for (const row of rows) {
    const reason = row !== null && typeof row === "object" && "reason" in row ? String((row as {reason: unknown}).reason) : "ohne Angabe";
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  return {
    available: true,
    total: rows.length,
    by_reason: [...byReason].map(([reason, n]) => ({reason, n})).sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
    rows: rows.slice(0, MAX_LISTED_ROWS)
  };
}

function overriddenSection(report: ImportReport): QualityReport["overridden"] {
  const rows = report ? arrayAt(report, ["overridden"]) : undefined;
  if (!rows) return {available: false, total: 0, rows: []};
  const count = (row: unknown) => (row !== null && typeof row === "object" && typeof (row as {count?: unknown}).count === "number" ? (row as {count: number}).count : 1);
  return {available: true, total: rows.reduce((sum: number, row) => sum + count(row), 0), rows: rows.slice(0, MAX_LISTED_ROWS)};
}

function disagreementSection(report: ImportReport): QualityReport["disagreements"] {
  const rows = report ? arrayAt(report, ["disagreements", "crossSource", "cross_source", "crossSourceDisagreements"]) : undefined;
  if (!rows) return {available: false, total: 0, summary: null, rows: []};
  return {available: true, total: rows.length, summary: report!.crosscheck ?? null, rows: rows.slice(0, MAX_LISTED_ROWS)};
}

/** A few lines for stderr. */
export function summarizeQuality(report: QualityReport): string[] {
  const lines: string[] = [];
  const latestByLevel = new Map<string, CoverageRow>();
  for (const row of report.coverage) {
    const key = `${row.indicator}|${row.level}`;
    const seen = latestByLevel.get(key);
    if (!seen || (row.year ?? -1) > (seen.year ?? -1)) latestByLevel.set(key, row);
  }
  const rows = [...latestByLevel.values()].filter((r) => r.expected > 0);
  const empty = rows.filter((r) => r.year === null);
  const observed = rows.filter((r) => r.year !== null);
  const low = observed.filter((r) => (r.share ?? 0) < 0.9);
  lines.push(`Abdeckung (jeweils letztes Jahr der Ebene): ${observed.length - low.length} von ${observed.length} Indikator-Ebenen ≥ 90 %`);
  for (const r of low.slice(0, 10)) lines.push(`  ${r.indicator} (${r.level}, ${r.year}): ${r.with_value}/${r.expected}`);
  if (low.length > 10) lines.push(`  … und ${low.length - 10} weitere`);
  if (empty.length > 0) {
    lines.push(`Ebenen laut Register ohne jede Beobachtung: ${empty.length} – ${empty.slice(0, 8).map((r) => `${r.indicator} (${r.level})`).join(", ")}${empty.length > 8 ? " …" : ""}`);
  }
  const flagTotal = report.flags.reduce((s, f) => s + f.n, 0);
  lines.push(`Sonderzeichen/Qualitätskennzeichen: ${flagTotal}${flagTotal ? ` (${summarizeFlags(report.flags)})` : ""}`);
  const stale = report.stale.indicators;
  lines.push(
    `Veraltet (letztes Jahr älter als ${report.stale.threshold_years} Jahre vor ${report.stale.reference_year}): ${stale.length}` +
      (stale.length ? ` – ${stale.map((s) => `${s.indicator} (${s.latest_year ?? "ohne Werte"})`).slice(0, 8).join(", ")}${stale.length > 8 ? " …" : ""}` : "")
  );
  const overlay = report.overlay.filter((o) => o.origin !== "snapshot").reduce((s, o) => s + o.n, 0);
  if (overlay > 0) lines.push(`Aktualisierungen (data/updates): ${overlay} Werte, davon ersetzen ${report.superseded.reduce((s, o) => s + o.n, 0)} ältere`);
  lines.push(report.set_aside.available ? `Beim Import beiseitegelegt: ${report.set_aside.total}` : "Beim Import beiseitegelegt: kein Importbericht");
  if (report.overridden.available) lines.push(`Beim Import durch eine vorrangige Quelle ersetzt: ${report.overridden.total}`);
  if (report.disagreements.available) lines.push(`Abweichungen zwischen Quellen: ${report.disagreements.total}`);
  return lines;
}

function summarizeFlags(flags: QualityReport["flags"]): string {
  const totals = new Map<string, number>();
  for (const f of flags) totals.set(f.flag, (totals.get(f.flag) ?? 0) + f.n);
  return [...totals].map(([flag, n]) => `„${flag}“ ${n}`).join(", ");
}
