/**
 * What goes under every map: the sources of the values actually shown (a series can change
 * source between years, and a few regions can come from another source than the rest) with
 * table or INKAR code, reference date and licence; the boundaries' source; the flags that
 * occur and what they mean; the indicator's caveats. Plus the page styles of the map and
 * indicator pages (one <style>, inserted once).
 */
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {formatNumber} from "./format.js";
import {sourceNoteText} from "./source-note.js";

export interface PeriodSources {
  source: string;
  other_sources: Record<string, string>;
}

/** The sources of one period's values, the most frequent first; unknown ids are an error. */
export function periodSources(period: PeriodSources, sources: Record<string, Source>): Source[] {
  const ids = [period.source, ...new Set(Object.values(period.other_sources))].filter((id, i, all) => all.indexOf(id) === i);
  return ids.map((id) => {
    const source = sources[id];
    if (!source) throw new Error(`Quelle ${id} fehlt in den Kartendaten`);
    return source;
  });
}

export function geometryNoteText(geometrySources: readonly Source[]): string {
  const names = geometrySources.map((s) => s.attribution).join("; ");
  const licences = [...new Set(geometrySources.map((s) => s.licence))].join("; ");
  return `Grenzen: ${names} · Lizenz: ${licences}`;
}

/** "Kennzeichen: s = geschätzt (12 Bezirke)" for the flags that occur, or "" when none does. */
export function flagNoteText(flags: Record<string, string>, labels: Record<string, string>, regionsLabel: string): string {
  const counts = new Map<string, number>();
  for (const flag of Object.values(flags)) counts.set(flag, (counts.get(flag) ?? 0) + 1);
  if (counts.size === 0) return "";
  const parts = [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([flag, n]) => `„${flag}“ = ${labels[flag] ?? flag} (${formatNumber(n, 0)} ${regionsLabel})`);
  return `Kennzeichen der amtlichen Statistik: ${parts.join("; ")}.`;
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

export function mapNotes({indicator, period, periodLabel, sources, geometrySources, flagLabels, regionsLabel, caveats = true}: {
  indicator: Omit<Indicator, "coverage">;
  period: PeriodSources & {period: string; flags: Record<string, string>};
  /** Only for a period that is not the date shown (default: period.period). */
  periodLabel?: string;
  sources: Record<string, Source>;
  geometrySources: readonly string[];
  flagLabels: Record<string, string>;
  /** Nominative/dative plural after a number: "Planungsräume". */
  regionsLabel: string;
  /** The indicator's caveats (under every map; a second chart of the same values may leave them out). */
  caveats?: boolean;
}): HTMLDivElement {
  const div = document.createElement("div");
  div.className = "map-notes";
  div.append(paragraph(sourceNoteText(indicator as Indicator, periodSources(period, sources), periodLabel ?? period.period), "source-note"));
  const geometry = geometrySources.map((id) => sources[id]).filter((s): s is Source => s !== undefined);
  if (geometry.length) div.append(paragraph(geometryNoteText(geometry), "source-note"));
  const flags = flagNoteText(period.flags, flagLabels, regionsLabel);
  if (flags) div.append(paragraph(flags, "source-note"));
  if (caveats && indicator.caveats.length) {
    const heading = paragraph("Hinweise zu diesem Indikator:", "caveat caveat-head");
    const list = document.createElement("ul");
    list.className = "caveat";
    for (const caveat of indicator.caveats) {
      const item = document.createElement("li");
      item.textContent = caveat;
      list.append(item);
    }
    div.append(heading, list);
  }
  return div;
}

const STYLE = `
.map-controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: end; margin: 0.5rem 0 1rem; }
form.map-control { display: flex; flex-direction: column; gap: 0.2rem; margin: 0; }
form.map-control label { font-size: 0.85rem; font-weight: 600; }
form.map-control select { font: inherit; padding: 0.25rem 0.4rem; max-width: min(36rem, 90vw); }
form.map-control select:focus-visible, .table-scroll:focus-visible, details.table-view summary:focus-visible, button.download:focus-visible { outline: 2px solid #1a4f8b; outline-offset: 2px; }
.map-card figure { margin: 0 auto; }
.map-card figcaption, .chart-card figcaption { font-size: 0.8rem; color: var(--theme-foreground-muted); }
.map-notes { margin-top: 0.5rem; }
.map-notes ul.caveat { margin: 0.2rem 0 0; padding-left: 1.2rem; }
.map-notes p.caveat-head { margin: 0.6rem 0 0; font-weight: 600; }
details.table-view { margin-top: 0.75rem; }
details.table-view summary { cursor: pointer; font-weight: 600; }
.table-scroll { max-height: 26rem; overflow: auto; margin: 0.5rem 0; }
table.data-table { border-collapse: collapse; font-size: 0.85rem; width: 100%; max-width: none; }
table.data-table caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
table.data-table th, table.data-table td { padding: 0.2rem 0.6rem 0.2rem 0; border-bottom: 1px solid #ddd; vertical-align: top; }
.table-scroll table.data-table thead th { position: sticky; top: 0; background: var(--theme-background-alt, #fff); }
table.data-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
button.download { font: inherit; font-size: 0.85rem; margin: 0.4rem 0.5rem 0 0; padding: 0.25rem 0.7rem; cursor: pointer; }
.card-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; }
.muted { color: var(--theme-foreground-muted); }
dl.indicator-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
dl.indicator-facts dt { font-weight: 600; }
dl.indicator-facts dd { margin: 0; max-width: 60rem; }
.status-computed { font-style: italic; }
`;

/** Inserts the styles of the map and indicator pages once per document. */
export function mapStyles(): void {
  if (typeof document === "undefined" || document.getElementById("kbm-map-styles")) return;
  const style = document.createElement("style");
  style.id = "kbm-map-styles";
  style.textContent = STYLE;
  document.head.append(style);
}
