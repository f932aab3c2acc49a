/**
 * The one source label of the project (issue 11 §5): every source line on a page, in the PDF,
 * in CSV downloads and in `kbm export` is built here. It names, in this order:
 * - the producer of the statistic (Statistische Ämter des Bundes und der Länder with the table
 *   code, Bundesagentur für Arbeit, BBSR, Amt für Statistik Berlin-Brandenburg, …; for the
 *   Strukturdaten of the Bundeswahlleiterin "nach Daten der …"), from the registry;
 * - the publication the values were taken from with its attribution and code (INKAR column,
 *   Strukturdaten column), as the licence requires;
 * - the period shown and the reference date;
 * - the licence.
 * How a file reached the project (repositories, hand-copied tables) is never part of it: that
 * is the "Bezugsweg", in data/snapshot/SOURCES.md and one column on /daten/.
 * Lives under src/ so Framework can bundle it for pages; pipelines import it from here.
 */

/** The registry fields the label needs (structural, so pages can pass their JSON as it is). */
export interface LabelIndicator {
  reference_date: string;
  source: {source_id: string; table: string | null; inkar_code: string | null; producer?: string};
  further_sources?: {source_id: string; table: string | null; inkar_code: string | null; producer?: string}[];
}

/** The source-catalogue fields the label needs. */
export interface LabelSource {
  id: string;
  attribution: string;
  licence: string;
  publisher?: string;
  producer?: string;
}

/** The parts of a label, e.g. for separate CSV columns (issue 13's German export). */
export interface SourceLabelParts {
  /** "Statistische Ämter des Bundes und der Länder, Tabelle 22543-01-02-4 – Datenquelle: INKAR, BBSR Bonn (INKAR a_betr0003_bev0003)"; several sources joined by "; ". */
  quelle: string;
  /** "01.03.2020 (Stichtag: 01.03. des Jahres)". */
  stand: string;
  /** "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"; several joined by "; ". */
  lizenz: string;
}

function entryFor(indicator: LabelIndicator, sourceId: string) {
  if (indicator.source.source_id === sourceId) return indicator.source;
  return indicator.further_sources?.find((f) => f.source_id === sourceId) ?? null;
}

/** Who produced the statistic behind this indicator's values from this source. */
export function producerOf(indicator: LabelIndicator, source: LabelSource): string {
  return entryFor(indicator, source.id)?.producer ?? source.producer ?? source.publisher ?? source.attribution;
}

/**
 * The table or column under which the source delivers the indicator; a table code the
 * producer phrase already names is not repeated.
 */
export function sourceCode(indicator: LabelIndicator, sourceId: string): string {
  const entry = entryFor(indicator, sourceId);
  if (!entry) return "";
  const producer = entry.producer ?? "";
  const isMain = indicator.source.source_id === sourceId;
  const table = entry.table && !producer.includes(entry.table) ? (isMain && /^\d{5}-/.test(entry.table) ? `Tabelle ${entry.table}` : entry.table) : null;
  return [table, entry.inkar_code && `INKAR ${entry.inkar_code}`].filter(Boolean).join(", ");
}

function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : period;
}

/** One source: producer first, then the publication's attribution with its code. */
export function sourceOrigin(indicator: LabelIndicator, source: LabelSource): string {
  const producer = producerOf(indicator, source);
  const code = sourceCode(indicator, source.id);
  const publication = `${source.attribution}${code ? ` (${code})` : ""}`;
  return producer === source.attribution ? publication : `${producer} – ${publication}`;
}

export function sourceLabelParts(indicator: LabelIndicator, sources: LabelSource | readonly LabelSource[], period: string): SourceLabelParts {
  const list = Array.isArray(sources) ? (sources as readonly LabelSource[]) : [sources as LabelSource];
  return {
    quelle: list.map((s) => sourceOrigin(indicator, s)).join("; "),
    stand: `${formatPeriod(period)} (Stichtag: ${indicator.reference_date})`,
    lizenz: [...new Set(list.map((s) => s.licence))].join("; ")
  };
}

/** The whole line: "Quelle: … · Stand: … · Lizenz: …". */
export function sourceLabel(indicator: LabelIndicator, sources: LabelSource | readonly LabelSource[], period: string): string {
  const parts = sourceLabelParts(indicator, sources, period);
  return `Quelle: ${parts.quelle} · Stand: ${parts.stand} · Lizenz: ${parts.lizenz}`;
}
