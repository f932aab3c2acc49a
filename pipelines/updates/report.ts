/**
 * Text for `kbm pull`: the change report (stdout) and what was left out (stderr). German, like
 * every message of kbm; numbers as in the snapshot (`.` decimals) so lines can be grepped.
 */
import {relative} from "node:path";
import {showValue, type Change} from "./changes.ts";
import {SET_ASIDE_LABELS, type SetAsideEntry, type SetAsideReason} from "./map-records.ts";
import type {PullResult} from "./pull.ts";

export interface ReportOptions {
  /** Folder paths are shown relative to. */
  cwd: string;
  /** Changed values listed per section; Infinity lists all. */
  limit: number;
}

const SOURCE_NAMES = {regionalstatistik: "Regionaldatenbank", "genesis-online": "GENESIS-Online"} as const;

export function changeReport(result: PullResult, {cwd, limit}: ReportOptions): string[] {
  const rel = (path: string) => relative(cwd, path) || path;
  const {changes} = result;
  const lines = [
    `Tabelle ${result.mapping.table} (${SOURCE_NAMES[result.source]}): ${result.mapping.title}`,
    `Abgerufen: ${result.retrievedAt}; Rohantwort: ${rel(result.rawPath)}`,
    result.written
      ? `Aktualisierung: ${rel(result.updatePath)} (${result.observations.length} Werte, Quelle ${result.sourceId})`
      : `Aktualisierung nicht geschrieben (${result.observations.length === 0 ? "keine Werte" : "--dry-run"}): ${rel(result.updatePath)} (${result.observations.length} Werte, Quelle ${result.sourceId})`,
    `Verglichen mit: Snapshot${result.baseline.length === 0 ? "" : ` und ${result.baseline.length} Aktualisierungsdatei(en) (${result.baseline.map(rel).join(", ")})`}`,
    ""
  ];

  const header = ["Indikator", "Werte", "neu", "revidiert", "Kennzeichen", "unverändert", "neue Zeiträume"];
  const rows = changes.byIndicator.map((s) => [s.indicator, String(s.values), String(s.new), String(s.revised), String(s.flag), String(s.unchanged), s.newPeriods.length === 0 ? "–" : compactPeriods(s.newPeriods)]);
  lines.push(...table([header, ...rows]));
  if (changes.byIndicator.length === 0) lines.push("(keine Werte)");

  const regionLabel = (id: string) => `${id} ${result.regionNames.get(id) ?? ""}`.trimEnd();
  const describe = (change: Change) => {
    const o = change.observation;
    const old = change.old ? showValue(change.old.value, change.old.flag) : "—";
    const was = change.old ? `  (bisher ${change.old.source}, ${change.old.origin})` : "";
    return `  ${o.indicator}  ${regionLabel(o.region)}  ${o.period}: ${old} → ${showValue(o.value, o.flag)}${was}`;
  };
  for (const [kind, title] of [
    ["revised", "Revidierte Werte (alt → neu)"],
    ["flag", "Neue oder geänderte Kennzeichen (alt → neu)"]
  ] as const) {
    const list = changes.changes.filter((c) => c.kind === kind);
    lines.push("", `${title}: ${list.length === 0 ? "keine" : list.length}`);
    for (const change of list.slice(0, limit)) lines.push(describe(change));
    if (list.length > limit) lines.push(`  … und ${list.length - limit} weitere (alle mit --all)`);
  }
  // New values with a flag are listed too: a new period that arrives as "." should be seen.
  const flaggedNew = changes.changes.filter((c) => c.kind === "new" && c.observation.flag !== null);
  if (flaggedNew.length > 0) {
    lines.push("", `Neue Werte mit Kennzeichen: ${flaggedNew.length}`);
    for (const change of flaggedNew.slice(0, limit)) lines.push(describe(change));
    if (flaggedNew.length > limit) lines.push(`  … und ${flaggedNew.length - limit} weitere (alle mit --all)`);
  }
  lines.push("");
  lines.push(
    result.written
      ? "Übernehmen mit: kbm data (die Datei gewinnt über Snapshot und ältere Aktualisierungen; zurücknehmen: Datei löschen, dann kbm data)"
      : "Nichts geschrieben."
  );
  return lines;
}

/** What was left out, grouped by reason: distinct regions, entries, a few examples. */
export function setAsideReport(entries: readonly SetAsideEntry[], missingIndicators: readonly string[], examples = 5): string[] {
  const lines: string[] = [];
  if (missingIndicators.length > 0) lines.push(`Nicht im Register, übersprungen: ${missingIndicators.join(", ")}`);
  if (entries.length === 0) return lines;
  const byReason = new Map<SetAsideReason, SetAsideEntry[]>();
  for (const entry of entries) {
    const list = byReason.get(entry.reason) ?? [];
    list.push(entry);
    byReason.set(entry.reason, list);
  }
  lines.push("Nicht übernommen:");
  for (const [reason, list] of [...byReason].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const regions = new Map<string, SetAsideEntry>();
    for (const entry of list) if (!regions.has(entry.region)) regions.set(entry.region, entry);
    const sample = [...regions.values()]
      .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0))
      .slice(0, examples)
      .map((e) => `${e.region} ${e.regionName}${e.detail ? ` – ${e.detail}` : ""}${e.indicator && reason === "level" ? ` [${e.indicator}]` : ""}`.replace(/\s+/g, " ").trim());
    const more = regions.size > sample.length ? ` … und ${regions.size - sample.length} weitere` : "";
    lines.push(`  ${SET_ASIDE_LABELS[reason]}: ${regions.size} ${regions.size === 1 ? "Region" : "Regionen"}, ${list.length} ${list.length === 1 ? "Fall" : "Fälle"} (${sample.join("; ")}${more})`);
  }
  return lines;
}

/** "2016, 2017, 2018, 2020" → "2016–2018, 2020" for years; other periods as they are. */
function compactPeriods(periods: readonly string[]): string {
  if (!periods.every((p) => /^\d{4}$/.test(p))) return periods.join(", ");
  const years = periods.map(Number);
  const parts: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    parts.push(j > i + 1 ? `${years[i]}–${years[j]}` : j === i + 1 ? `${years[i]}, ${years[j]}` : String(years[i]));
    i = j;
  }
  return parts.join(", ");
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd());
}
