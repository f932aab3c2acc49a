/**
 * /daten/ "Was noch fehlt": the gaps of this data status and how `kbm pull` could close each.
 * Year gaps are read off the coverage of quality.json (years inside a Kreis series without a
 * single value); the topics without any indicator are listed with the statistic that has them.
 */

export interface CoverageRow {
  indicator: string;
  level: string;
  first_year: number;
  with_value: number[];
}

export interface YearGap {
  indicator: string;
  /** Years between the first and the last with values that have none at this level. */
  years: number[];
}

/** Years inside each Kreis series with no value at all (2021, 2022, 2024 of the Kita rates). */
export function yearGaps(coverage: readonly CoverageRow[], level = "kreis"): YearGap[] {
  const out: YearGap[] = [];
  for (const row of coverage) {
    if (row.level !== level) continue;
    const filled = row.with_value.map((n, k) => (n > 0 ? row.first_year + k : null)).filter((y): y is number => y !== null);
    if (filled.length < 2) continue;
    const years: number[] = [];
    for (let y = filled[0]!; y <= filled.at(-1)!; y++) if (!filled.includes(y)) years.push(y);
    if (years.length) out.push({indicator: row.indicator, years});
  }
  return out;
}

/** How a gap of an indicator could be fetched live; null when no pull mapping exists yet. */
export function pullHint(indicator: string): string | null {
  if (indicator.startsWith("betreuungsquote_")) {
    return "kbm pull --table 22543-01-02-4 holt die betreuten Kinder aller Jahre (Stichtag 01.03.); für die Quote braucht es dazu die Kinder der Altersgruppe aus der Bevölkerung nach Altersjahren (Statistik 12411).";
  }
  if (indicator.startsWith("schulabgaenger_")) return "kbm pull --table 21111-02-06-4 (Absolventen und Abgänger nach Abschluss, Kreise).";
  if (indicator === "bevoelkerung") return "kbm pull --table 12411-01-01-4 (Bevölkerung am 31.12., Kreise).";
  return null;
}

export interface MissingTopic {
  topic: string;
  what: string;
  how: string;
}

/** Topics of the education monitoring guideline the monitor has no indicator for yet. */
export const MISSING_TOPICS: readonly MissingTopic[] = [
  {
    topic: "Weiterbildung",
    what: "Kein Indikator: Kurse, Unterrichtsstunden und Belegungen der Volkshochschulen je Kreis.",
    how: "Die Volkshochschul-Statistik erscheint beim Deutschen Institut für Erwachsenenbildung, nicht im GENESIS-Webservice; kbm pull kann sie nicht abrufen. Ein eigener Adapter in loaders/ müsste die Datei einlesen."
  },
  {
    topic: "Ganztag",
    what: "Kein Indikator: Kinder mit Ganztagsbetreuung in Kitas, Ganztagsschülerinnen und -schüler.",
    how: "Die Kindertagesbetreuung nach Betreuungsumfang steht in der Regionaldatenbank (Statistik 22543); kbm pull braucht dafür einen Eintrag in pipelines/updates/table-mappings.ts. Ganztagsschulen zählt die KMK nur für Länder."
  },
  {
    topic: "Ausbildungsmarkt",
    what: "Kein Indikator: neu abgeschlossene Ausbildungsverträge, Bewerber und Stellen je Kreis.",
    how: "Die Berufsbildungsstatistik der Statistischen Ämter steht in der Regionaldatenbank (mit Tabelleneintrag in table-mappings.ts abrufbar); die Ausbildungsmarktstatistik der Bundesagentur für Arbeit nicht im GENESIS-Webservice."
  }
];
