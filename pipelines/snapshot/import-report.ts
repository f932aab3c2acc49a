/**
 * The import report in short, committed with the snapshot as data/snapshot/import-report.json:
 * what the import set aside (by reason, with examples), which values a higher-ranked source
 * replaced, and the cross-source checks with their largest disagreements. The full report
 * (data/reports/import.json) is only there after `kbm import`; the site is built from a fresh
 * clone, so the data-quality page (/daten/) reads this file instead.
 *
 * Deterministic: no timestamps, every list in a fixed order, so a second import writes the
 * same bytes (test/pipelines/snapshot/import-report.test.ts).
 */
import type {ImportReport} from "./import.ts";

export const IMPORT_REPORT_FILE = "import-report.json";
const EXAMPLES_PER_REASON = 3;
const TOP_DISAGREEMENTS = 5;

export interface SetAsideExample {
  file: string;
  line: number | null;
  region: string;
  name: string;
  reason: string;
}

export interface ImportReportSummary {
  counts: Record<string, number>;
  set_aside: {
    total: number;
    by_file: {file: string; n: number}[];
    /** Reasons grouped into kinds (the full reason names the years and the successor Kreise). */
    by_reason: {reason: string; n: number; examples: SetAsideExample[]}[];
  };
  overridden: ImportReport["overridden"];
  /** Shares stored as null because their denominator is 0 (all of them: a handful). */
  zero_denominators: ImportReport["zero_denominators"];
  /** Rows flagged because they do not fit the region's other tables. */
  plausibility: ImportReport["plausibility"];
  berlin: {joint_wahlkreise_set_aside: ImportReport["berlin"]["joint_wahlkreise_set_aside"]; kitas_without_places: number};
  crosscheck: ImportReport["crosscheck"];
  /** Per check, the disagreements with the largest absolute difference. */
  top_disagreements: {check: string; region: string; name: string; period: string; measure: string; a: number; b: number; diff: number; note: string | null}[];
}

/** The kind of a set-aside reason, in German for the page. */
export function reasonKind(reason: string): string {
  if (/^Zeilen nur mit "-"/.test(reason)) return "Region bestand im Jahr nicht (Zeile nur mit „-“)";
  if (/^aufgelöst am/.test(reason)) return "aufgelöster Kreis (Gebietsreform), nicht in den heutigen Kreis gemischt";
  if (/^Gemeindezeile/.test(reason)) return "Gemeinde mit eigener Zeile, kein Kreis";
  if (/nicht im Gebietsstand/.test(reason)) return "Kreis nicht im Gebietsstand 01.07.2021";
  return reason.split(/ \(|;/)[0]!.trim() || "ohne Angabe";
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function importReportSummary(report: ImportReport): ImportReportSummary {
  const byFile = new Map<string, number>();
  const byReason = new Map<string, {n: number; examples: SetAsideExample[]}>();
  for (const entry of report.setAside) {
    byFile.set(entry.file, (byFile.get(entry.file) ?? 0) + 1);
    const kind = reasonKind(entry.reason);
    const group = byReason.get(kind) ?? {n: 0, examples: []};
    group.n++;
    if (group.examples.length < EXAMPLES_PER_REASON) {
      const e = entry as {file: string; line?: number; region?: string; name?: string; reason: string};
      group.examples.push({file: e.file, line: e.line ?? null, region: e.region ?? "", name: e.name ?? "", reason: e.reason});
    }
    byReason.set(kind, group);
  }
  const top = report.crosscheck.checks.flatMap((check) =>
    report.disagreements
      .filter((d) => d.check === check.id)
      .sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff) || byText(x.region, y.region) || byText(x.period, y.period) || byText(x.measure, y.measure))
      .slice(0, TOP_DISAGREEMENTS)
      .map((d) => ({check: d.check, region: d.region, name: d.name, period: d.period, measure: d.measure, a: d.a, b: d.b, diff: d.diff, note: d.note ?? null}))
  );
  return {
    counts: Object.fromEntries(Object.entries(report.counts).sort(([a], [b]) => byText(a, b))),
    set_aside: {
      total: report.setAside.length,
      by_file: [...byFile].map(([file, n]) => ({file, n})).sort((a, b) => b.n - a.n || byText(a.file, b.file)),
      by_reason: [...byReason].map(([reason, g]) => ({reason, n: g.n, examples: g.examples})).sort((a, b) => b.n - a.n || byText(a.reason, b.reason))
    },
    overridden: report.overridden,
    zero_denominators: report.zero_denominators,
    plausibility: report.plausibility,
    berlin: {joint_wahlkreise_set_aside: report.berlin.joint_wahlkreise_set_aside, kitas_without_places: report.berlin.kitas_without_places},
    crosscheck: report.crosscheck,
    top_disagreements: top
  };
}

/** The file's bytes: two-space JSON, LF at the end. */
export function importReportJson(report: ImportReport): string {
  return JSON.stringify(importReportSummary(report), null, 2) + "\n";
}
