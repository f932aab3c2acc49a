/**
 * The line under every chart: source, table or INKAR code, reference date, licence.
 * A series can change source between years (INKAR until 2020, Strukturdaten 2023): the
 * note names the sources of the values actually shown, each with its own code.
 */
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {formatPeriod} from "./format.js";

/** The table or INKAR code under which a source delivers this indicator. */
export function sourceCode(indicator: Indicator, sourceId: string): string {
  if (indicator.source.source_id === sourceId) {
    return [indicator.source.table && `Tabelle ${indicator.source.table}`, indicator.source.inkar_code && `INKAR ${indicator.source.inkar_code}`].filter(Boolean).join(", ");
  }
  const further = (indicator as Indicator & {further_sources?: {source_id: string; table: string | null; inkar_code: string | null}[]}).further_sources?.find((f) => f.source_id === sourceId);
  return further ? [further.table, further.inkar_code && `INKAR ${further.inkar_code}`].filter(Boolean).join(", ") : "";
}

export function sourceNoteText(indicator: Indicator, sources: Source | Source[], period: string): string {
  const list = Array.isArray(sources) ? sources : [sources];
  const named = list.map((source) => {
    const code = sourceCode(indicator, source.id);
    const attribution = source.attribution.startsWith("Datenquelle:") ? source.attribution : `Quelle: ${source.attribution}`;
    return `${attribution}${code ? ` (${code})` : ""}`;
  });
  const licences = [...new Set(list.map((s) => s.licence))].join("; ");
  return `${named.join("; ")} · Stand: ${formatPeriod(period)} (Stichtag: ${indicator.reference_date}) · Lizenz: ${licences}`;
}

export function sourceNote(indicator: Indicator, sources: Source | Source[], period: string): HTMLElement {
  const note = document.createElement("p");
  note.className = "source-note";
  note.textContent = sourceNoteText(indicator, sources, period);
  return note;
}
