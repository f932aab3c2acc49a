/**
 * How a value's source is named for people: producer first, then the table or code it comes
 * from ("Statistische Ämter des Bundes und der Länder: Regionaldatenbank, Tabelle 21111-02-06-4").
 * One small function, so that it can follow the data-depth issue's labels when they land.
 */
import type {Indicator} from "../snapshot/format.ts";

/** "31.12. des Jahres" for 2022 → "31.12.2022", also inside longer wordings; others stay as the registry says them. */
export function referenceDate(indicator: Indicator, year: number): string {
  return indicator.reference_date.replace(/(\d{2}\.\d{2}\.) des Jahres/g, `$1${year}`);
}
