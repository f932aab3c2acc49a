/** The line under every chart: source, table or INKAR code, reference date, licence. */
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {formatPeriod} from "./format.js";

export function sourceNoteText(indicator: Indicator, source: Source, period: string): string {
  const code = [indicator.source.table && `Tabelle ${indicator.source.table}`, indicator.source.inkar_code && `INKAR ${indicator.source.inkar_code}`].filter(Boolean).join(", ");
  const attribution = source.attribution.startsWith("Datenquelle:") ? source.attribution : `Quelle: ${source.attribution}`;
  return `${attribution}${code ? ` (${code})` : ""} · Stand: ${formatPeriod(period)} (Stichtag: ${indicator.reference_date}) · Lizenz: ${source.licence}`;
}

export function sourceNote(indicator: Indicator, source: Source, period: string): HTMLElement {
  const note = document.createElement("p");
  note.className = "source-note";
  note.textContent = sourceNoteText(indicator, source, period);
  return note;
}
