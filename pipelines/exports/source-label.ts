/**
 * How a value's source is named for people: producer first, then the table or code it comes
 * from ("Statistische Ämter des Bundes und der Länder: Regionaldatenbank, Tabelle 21111-02-06-4").
 * One small function, so that it can follow the data-depth issue's labels when they land.
 */
import type {Indicator, Source} from "../snapshot/format.ts";

/** The table (GENESIS code, file and column) or INKAR code of one source of an indicator. */
export function sourceTable(indicator: Indicator, sourceId: string): string | null {
  const entry = indicator.source.source_id === sourceId ? indicator.source : indicator.further_sources.find((s) => s.source_id === sourceId);
  if (!entry) return null;
  const table = entry.table && /^\d{5}-/.test(entry.table) ? `Tabelle ${entry.table}` : entry.table;
  // An INKAR value is the BBSR's figure computed from the statistical offices' table.
  if (entry.inkar_code) return table ? `INKAR-Kennziffer ${entry.inkar_code} (aus ${table})` : `INKAR-Kennziffer ${entry.inkar_code}`;
  return table;
}

export function sourceLabel(source: Source, table: string | null): string {
  return table ? `${source.publisher}: ${source.title}, ${table}` : `${source.publisher}: ${source.title}`;
}

/** "31.12. des Jahres" for 2022 → "31.12.2022", also inside longer wordings; others stay as the registry says them. */
export function referenceDate(indicator: Indicator, year: number): string {
  return indicator.reference_date.replace(/(\d{2}\.\d{2}\.) des Jahres/g, `$1${year}`);
}
