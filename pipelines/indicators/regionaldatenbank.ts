/**
 * The registry's part from the Regionaldatenbank tables 2023–2025 (SOURCES.md §6): new
 * indicators (pupils by school type, leavers of vocational schools) and the newer years of
 * existing series (school leavers 2023/2024, unemployment 2025, population 2023/2024 on the
 * Zensus-2022 basis, under-3 Betreuungsquote 2025). registry.ts applies it with
 * `withRegionaldatenbank`; the values come from pipelines/snapshot/regionaldatenbank.ts.
 */
import type {PopulationBasis, ReferenceKind, SeriesComparability} from "../../src/shared/comparability.ts";
import type {Indicator, RegionLevel} from "../snapshot/format.ts";
import type {RegistryEntry} from "./registry.ts";
import {sourceById} from "./sources.ts";

/** The school tables have rows for Berlin's Bezirke and the three cities stored as Gemeinden. */
const ALL_WITH_BEZIRKE: RegionLevel[] = ["bund", "land", "kreis", "gemeinde", "bezirk"];
/** The vocational-school table has no figures for Berlin's Bezirke (every cell "."). */
const KREIS_LAND_BUND: RegionLevel[] = ["bund", "land", "kreis", "gemeinde"];

const SCHOOL_LOCATION = "Gezählt am Schulort, nicht am Wohnort: Kreise ohne eine Schulart (z. B. ohne Gymnasium) haben dort 0 %, die Stadt daneben hohe Anteile.";
const SCHOOL_TYPES =
  "Die Schularten der Länder unterscheiden sich: Gesamtschulen, Schularten mit mehreren Bildungsgängen (Oberschule, Regionale Schule, Sekundarschule) und Haupt- oder Realschulen gibt es nur in einem Teil der Länder. Nur innerhalb eines Landes vergleichen.";
const NRW_ROUNDING = "Nordrhein-Westfalen rundet die Zahlen auf Vielfache von 5.";
const LEAVERS_2024 =
  "2024 hat die amtliche Statistik die Abschlüsse umbenannt: „ohne Ersten Schulabschluss“, „mit Erstem Schulabschluss“ (früher Hauptschulabschluss), „mit Mittlerem Schulabschluss“, „mit Allgemeiner und fachgebundener Hochschulreife“. Die Reihe läuft weiter.";
const LEAVERS_SHARES =
  "2023 und 2024 aus den Zählungen der Regionaldatenbank berechnet; die vier Anteile ohne Abschluss, Erster, Mittlerer (einschließlich Fachhochschulreife) und Hochschulreife ergeben zusammen 100 % wie bei INKAR. Der „schulische Teil der Fachhochschulreife“ ist im Mittleren Abschluss enthalten und wird nicht addiert.";
const AACHEN_2023 = "Aachen (Stadt) 2023: die Zeile nennt 365 Absolvierende und Abgehende, 2024 sind es 2.245 bei 2.055 Schülerinnen und Schülern in Klassenstufe 7; die Anteile 2023 sind als nicht sicher genug (/) gekennzeichnet.";
const ZENSUS_BREAK =
  "Ab 31.12.2023 (Regionaldatenbank 12411-02-03-4) fortgeschrieben auf Basis des Zensus 2022, bis 2022 auf Basis des Zensus 2011: ein Bruch in der Reihe (der Zensus 2022 zählte bundesweit rund 1,4 Mio. Menschen weniger). Veränderungen über den Bruch hinweg nicht als Entwicklung lesen.";
const UNEMPLOYMENT_2025 = "2025: Jahresdurchschnitt der Bundesagentur für Arbeit (Regionaldatenbank 13211-02-05-4), bezogen auf alle zivilen Erwerbspersonen; 2023 (EW 2024) ist ein Oktoberwert.";
const KITA_2025 =
  "2025 berechnet wie die amtliche Quote: Kinder unter 3 Jahren in Kindertageseinrichtungen und Tagespflege am 01.03.2025 (22543-03-01-4-B) / Kinder unter 3 Jahren am 31.12.2024 (12411-02-03-4, Basis Zensus 2022) × 100. Länder und Deutschland aus den Summen der Kreise. Die Städte Hannover, Aachen und Saarbrücken haben keine eigene Kinderzahl: keine Quote.";

/** Computed shares carry four decimals (finer than any figure shown). */
const SHARE_PRECISION = 0.0001;

function only(source_id: string | null, reference: ReferenceKind, reference_at: string, precision: number, basis: PopulationBasis | null): SeriesComparability {
  return {source_id, from: null, to: null, reference, reference_at, precision, basis};
}

function source(id: string, table: string): Indicator["source"] {
  const s = sourceById(id);
  return {publisher: s.publisher, title: s.title, table, inkar_code: null, source_id: id, producer: s.producer};
}

function licensing(...ids: string[]): {licence: string; attribution: string} {
  const sources = ids.map(sourceById);
  return {licence: [...new Set(sources.map((s) => s.licence))].join("; "), attribution: [...new Set(sources.map((s) => s.attribution))].join("; ")};
}

/** A share of pupils of allgemeinbildende Schulen, 2023/24. */
function pupilShare(id: string, name: string, short_name: string, definition: string, numerator: string, denominator: string, caveats: string[], polarity: Indicator["polarity"] = "neutral"): RegistryEntry {
  return {
    id,
    name,
    short_name,
    definition,
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schülerinnen und Schüler",
    levels: ALL_WITH_BEZIRKE,
    source: source("rdb_schueler_2023", "21111-01-03-4"),
    further_sources: [],
    precedence: "",
    reference_date: "Schuljahresbeginn (2023 = Schuljahr 2023/24)",
    comparability: [only(null, "school_year", "Schuljahresbeginn", SHARE_PRECISION, null)],
    numerator,
    denominator,
    range: {min: 0, max: 100},
    polarity,
    caveats: [...caveats, NRW_ROUNDING, "Nur ein Schuljahr (2023/24) in diesem Datenstand."],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte aus den veröffentlichten Zählungen der Länder- und Bundeszeilen berechnet."},
    ...licensing("rdb_schueler_2023"),
    origin: {regionaldatenbank: "21111-01-03-4"}
  };
}

export const RDB_INDICATORS: RegistryEntry[] = [
  {
    id: "betreute_kinder_u3",
    name: "Betreute Kinder unter 3 Jahren",
    short_name: "Betreute Kinder unter 3",
    definition: "Kinder unter 3 Jahren in Kindertageseinrichtungen oder öffentlich geförderter Kindertagespflege am 01.03. (ohne Doppelzählungen): der Zähler der Betreuungsquote.",
    unit: "Kinder",
    decimals: 0,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    // The three cities inside a Kreis have a count of their own (but no children under 3 for a rate).
    levels: ["bund", "land", "kreis", "gemeinde"],
    source: source("rdb_kita_u3_2025_anzahl", "22543-03-01-4-B"),
    further_sources: [],
    precedence: "",
    reference_date: "01.03. des Jahres",
    comparability: [only(null, "reference_date", "01.03.", 1, null)],
    numerator: null,
    denominator: null,
    range: {min: 0, max: 1000000},
    polarity: "neutral",
    caveats: [
      "Eine Zahl, kein Anteil: nur mit der Zahl der Kinder unter 3 Jahren (Betreuungsquote) zwischen Kreisen vergleichen.",
      "In diesem Datenstand nur 2025. Frühere Jahre (Tabelle 22543-01-02-4, ab 2011) holt kbm pull --table 22543-01-02-4."
    ],
    aggregation: {method: "sum", weight: null, note: "Länder und Deutschland als Summe der Kreise."},
    ...licensing("rdb_kita_u3_2025_anzahl"),
    origin: {regionaldatenbank: "22543-03-01-4-B"}
  },
  {
    id: "schueler_anzahl",
    name: "Schülerinnen und Schüler an allgemeinbildenden Schulen",
    short_name: "Schülerzahl",
    definition: "Schülerinnen und Schüler an allgemeinbildenden Schulen (alle Schularten einschließlich Vorschulbereich und Abendschulen) zu Beginn des Schuljahres.",
    unit: "Personen",
    decimals: 0,
    area: "Allgemeinbildende Schule",
    topic: "Schülerinnen und Schüler",
    levels: ALL_WITH_BEZIRKE,
    source: source("rdb_schueler_2023", "21111-01-03-4"),
    further_sources: [],
    precedence: "",
    reference_date: "Schuljahresbeginn (2023 = Schuljahr 2023/24)",
    comparability: [only(null, "school_year", "Schuljahresbeginn", 1, null)],
    numerator: null,
    denominator: null,
    range: {min: 0, max: 10000000},
    polarity: "neutral",
    caveats: [SCHOOL_LOCATION, NRW_ROUNDING],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht."},
    ...licensing("rdb_schueler_2023"),
    origin: {regionaldatenbank: "21111-01-03-4"}
  },
  pupilShare(
    "schueler_gymnasium_anteil",
    "Anteil der Schülerinnen und Schüler an Gymnasien",
    "an Gymnasien",
    "Anteil der Schülerinnen und Schüler an Gymnasien an allen Schülerinnen und Schülern allgemeinbildender Schulen.",
    "Schülerinnen und Schüler an Gymnasien",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt (einschließlich Grundschulen)",
    [SCHOOL_LOCATION, "Der Nenner schließt die Grundschulen ein: Länder mit sechsjähriger Grundschule (Berlin, Brandenburg) haben deshalb niedrigere Anteile."]
  ),
  pupilShare(
    "schueler_gesamtschule_anteil",
    "Anteil der Schülerinnen und Schüler an Integrierten Gesamtschulen",
    "an Gesamtschulen",
    "Anteil der Schülerinnen und Schüler an Integrierten Gesamtschulen an allen Schülerinnen und Schülern allgemeinbildender Schulen.",
    "Schülerinnen und Schüler an Integrierten Gesamtschulen",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
    [SCHOOL_LOCATION, SCHOOL_TYPES]
  ),
  pupilShare(
    "schueler_hauptschule_anteil",
    "Anteil der Schülerinnen und Schüler an Hauptschulen",
    "an Hauptschulen",
    "Anteil der Schülerinnen und Schüler an Hauptschulen an allen Schülerinnen und Schülern allgemeinbildender Schulen.",
    "Schülerinnen und Schüler an Hauptschulen",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
    [SCHOOL_LOCATION, SCHOOL_TYPES]
  ),
  pupilShare(
    "schueler_realschule_anteil",
    "Anteil der Schülerinnen und Schüler an Realschulen",
    "an Realschulen",
    "Anteil der Schülerinnen und Schüler an Realschulen an allen Schülerinnen und Schülern allgemeinbildender Schulen.",
    "Schülerinnen und Schüler an Realschulen",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
    [SCHOOL_LOCATION, SCHOOL_TYPES]
  ),
  pupilShare(
    "schueler_foerderschule_anteil",
    "Anteil der Schülerinnen und Schüler an Förderschulen",
    "an Förderschulen",
    "Anteil der Schülerinnen und Schüler an Sonder- und Förderschulen an allen Schülerinnen und Schülern allgemeinbildender Schulen; eine Näherung an die Förderschulbesuchsquote.",
    "Schülerinnen und Schüler an Sonderschulen/Förderschulen",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
    [
      SCHOOL_LOCATION,
      "Nicht die amtliche Förderschulbesuchsquote der KMK (Bezug dort: Schülerinnen und Schüler der Klassen 1 bis 10); inklusiv unterrichtete Kinder mit Förderbedarf an Regelschulen sind nicht enthalten.",
      "Große Förderzentren liegen oft in der kreisfreien Stadt und nehmen Kinder aus dem Umland auf."
    ]
  ),
  pupilShare(
    "klasse7_gymnasium_anteil",
    "Anteil der Schülerinnen und Schüler der Klassenstufe 7 an Gymnasien",
    "Klasse 7 am Gymnasium",
    "Anteil der Schülerinnen und Schüler der Klassenstufe 7 an Gymnasien an allen Schülerinnen und Schülern der Klassenstufe 7; ein Näherungswert für den Übergang auf das Gymnasium.",
    "Schülerinnen und Schüler der Klassenstufe 7 an Gymnasien",
    "Schülerinnen und Schüler der Klassenstufe 7 an allgemeinbildenden Schulen",
    [
      "Keine Übergangsquote: Klassenstufe 7 zählt auch Wiederholer und Schulwechsel nach der 5. und 6. Klasse; in Berlin und Brandenburg beginnt das Gymnasium meist erst mit Klasse 7.",
      SCHOOL_LOCATION,
      SCHOOL_TYPES
    ]
  ),
  pupilShare(
    "auslaendische_schueler_anteil",
    "Anteil ausländischer Schülerinnen und Schüler",
    "ausländische Schüler",
    "Anteil der Schülerinnen und Schüler ohne deutsche Staatsangehörigkeit an allen Schülerinnen und Schülern allgemeinbildender Schulen.",
    "Ausländische Schülerinnen und Schüler an allgemeinbildenden Schulen",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
    ["Staatsangehörigkeit, nicht Migrationshintergrund oder Familiensprache: Kinder mit deutscher und weiterer Staatsangehörigkeit zählen als Deutsche.", SCHOOL_LOCATION]
  ),
  {
    id: "berufliche_abgaenger_hochschulreife_anteil",
    name: "Abgänger/-innen beruflicher Schulen mit Hochschul- oder Fachhochschulreife",
    short_name: "Berufl. Schulen: Hochschulreife",
    definition:
      "Anteil der Absolvierenden und Abgehenden beruflicher Schulen, die dort eine Fachhochschulreife oder eine allgemeine oder fachgebundene Hochschulreife erworben haben, an allen Absolvierenden und Abgehenden beruflicher Schulen.",
    unit: "%",
    decimals: 1,
    area: "Berufliche Bildung",
    topic: "Abschlüsse an beruflichen Schulen",
    levels: KREIS_LAND_BUND,
    source: source("rdb_berufliche_schulen_2023", "21121-02-02-4"),
    further_sources: [],
    precedence: "",
    reference_date: "Ende des Schuljahres (2023 = Schuljahr 2022/23)",
    comparability: [only(null, "school_year", "", SHARE_PRECISION, null)],
    numerator: "Absolvierende/Abgehende beruflicher Schulen mit Fachhochschulreife oder allgemeiner (einschließlich fachgebundener) Hochschulreife",
    denominator: "Absolvierende/Abgehende beruflicher Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      "Gezählt am Schulort: fünf Landkreise ohne berufliche Schule (Bamberg, Coburg, Fürth, Aschaffenburg, Sömmerda) haben keinen Anteil (Nenner 0, Kennzeichen x), nicht 0 %.",
      "Nur die allgemeinbildenden Abschlüsse, die an beruflichen Schulen erworben werden (z. B. Fachoberschule, berufliches Gymnasium); der Berufsabschluss selbst ist nicht erfasst.",
      "Ohne den zusätzlich erworbenen schulischen Teil der Fachhochschulreife.",
      NRW_ROUNDING,
      "Nur ein Jahr (2023) in diesem Datenstand."
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte aus den veröffentlichten Zählungen berechnet."},
    ...licensing("rdb_berufliche_schulen_2023"),
    origin: {regionaldatenbank: "21121-02-02-4"}
  },
  {
    id: "berufliche_abgaenger_mittlerer_abschluss_anteil",
    name: "Abgänger/-innen beruflicher Schulen mit mittlerem Abschluss",
    short_name: "Berufl. Schulen: mittlerer Abschluss",
    definition: "Anteil der Absolvierenden und Abgehenden beruflicher Schulen, die dort einen mittleren Abschluss erworben haben, an allen Absolvierenden und Abgehenden beruflicher Schulen.",
    unit: "%",
    decimals: 1,
    area: "Berufliche Bildung",
    topic: "Abschlüsse an beruflichen Schulen",
    levels: KREIS_LAND_BUND,
    source: source("rdb_berufliche_schulen_2023", "21121-02-02-4"),
    further_sources: [],
    precedence: "",
    reference_date: "Ende des Schuljahres (2023 = Schuljahr 2022/23)",
    comparability: [only(null, "school_year", "", SHARE_PRECISION, null)],
    numerator: "Absolvierende/Abgehende beruflicher Schulen mit mittlerem Abschluss",
    denominator: "Absolvierende/Abgehende beruflicher Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      "Gezählt am Schulort: Landkreise ohne berufliche Schule haben keinen Anteil (Nenner 0, Kennzeichen x).",
      "Ein nachgeholter mittlerer Abschluss an Berufsfachschulen oder Berufsschulen: eine zweite Chance für Jugendliche, die die allgemeinbildende Schule ohne ihn verlassen haben.",
      NRW_ROUNDING,
      "Nur ein Jahr (2023) in diesem Datenstand."
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte aus den veröffentlichten Zählungen berechnet."},
    ...licensing("rdb_berufliche_schulen_2023"),
    origin: {regionaldatenbank: "21121-02-02-4"}
  },
  {
    id: "berufliche_abgaenger_anzahl",
    name: "Absolvierende und Abgehende beruflicher Schulen",
    short_name: "Abgänger berufl. Schulen",
    definition: "Absolvierende und Abgehende beruflicher Schulen (alle Schularten des beruflichen Schulwesens) im Schuljahr.",
    unit: "Personen",
    decimals: 0,
    area: "Berufliche Bildung",
    topic: "Abschlüsse an beruflichen Schulen",
    levels: KREIS_LAND_BUND,
    source: source("rdb_berufliche_schulen_2023", "21121-02-02-4"),
    further_sources: [],
    precedence: "",
    reference_date: "Ende des Schuljahres (2023 = Schuljahr 2022/23)",
    comparability: [only(null, "school_year", "", 1, null)],
    numerator: null,
    denominator: null,
    range: {min: 0, max: 1000000},
    polarity: "neutral",
    caveats: ["Gezählt am Schulort: Landkreise ohne berufliche Schule haben 0 (Zeichen –), die Städte mit Berufsschulzentren viele.", NRW_ROUNDING],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht."},
    ...licensing("rdb_berufliche_schulen_2023"),
    origin: {regionaldatenbank: "21121-02-02-4"}
  }
];

interface SeriesExtension {
  levels?: RegionLevel[];
  /** How the newer years were measured; put before the entry's own (its default stays last). */
  comparability: SeriesComparability[];
  further: (Omit<Indicator["further_sources"][number], "producer"> & {producer?: string})[];
  caveats: string[];
  sources: string[];
  precedence?: string;
  aggregationNote?: string;
}

const leavers = (extra: string[] = []): SeriesExtension => ({
  levels: ALL_WITH_BEZIRKE,
  comparability: ["rdb_schulabgaenger_2023", "rdb_schulabgaenger_2024"].map((id) => only(id, "school_year", "", SHARE_PRECISION, null)),
  further: [
    {source_id: "rdb_schulabgaenger_2023", table: "21111-02-06-4", inkar_code: null, applies_to: "2023: Kreise, Länder, Bund, Berliner Bezirke (aus den Zählungen berechnet)"},
    {source_id: "rdb_schulabgaenger_2024", table: "21111-02-06-4", inkar_code: null, applies_to: "2024: Kreise, Länder, Bund, Berliner Bezirke (aus den Zählungen berechnet)"}
  ],
  caveats: [LEAVERS_SHARES, LEAVERS_2024, ...extra, AACHEN_2023],
  sources: ["rdb_schulabgaenger_2023", "rdb_schulabgaenger_2024"],
  precedence: "2023 und 2024 aus der Regionaldatenbank (keine Überschneidung mit den Jahren bis 2022).",
  aggregationNote: "2023 und 2024: Länder- und Bundeswerte aus den Zählungen der Regionaldatenbank berechnet."
});
const unemployment = (precision = 0.1): SeriesExtension => ({
  levels: ["bund", "land", "kreis", "gemeinde"],
  comparability: [only("rdb_arbeitslose_2025", "annual_average", "", precision, null)],
  further: [{source_id: "rdb_arbeitslose_2025", table: "13211-02-05-4", inkar_code: null, applies_to: "2025: Kreise, Länder, Bund (Jahresdurchschnitt)"}],
  caveats: [UNEMPLOYMENT_2025],
  sources: ["rdb_arbeitslose_2025"],
  precedence: "2025 aus der Regionaldatenbank (keine Überschneidung).",
  aggregationNote: "2025: Länder- und Bundeswerte veröffentlicht (Regionaldatenbank)."
});
const population = (levels?: RegionLevel[], precision = SHARE_PRECISION): SeriesExtension => ({
  ...(levels ? {levels} : {}),
  comparability: [only("rdb_bevoelkerung_2023_2024", "reference_date", "31.12.", precision, "zensus2022")],
  further: [{source_id: "rdb_bevoelkerung_2023_2024", table: "12411-02-03-4", inkar_code: null, applies_to: "31.12.2023 und 31.12.2024: Kreise, Länder, Bund (Basis Zensus 2022)"}],
  caveats: [ZENSUS_BREAK],
  sources: ["rdb_bevoelkerung_2023_2024"],
  precedence: "2023 und 2024 aus der Regionaldatenbank; beim Kreis Berlin 2023 gewinnt sie vor dem Einwohnerregister (wie die anderen Kreise: Fortschreibung).",
  aggregationNote: "2023 und 2024: Länder- und Bundeswerte aus der Regionaldatenbank."
});

/** Newer years of existing indicators: the further source, levels and caveats they add. */
export const RDB_SERIES: Readonly<Record<string, SeriesExtension>> = {
  schulabgaenger_ohne_hsa: leavers(["Baden-Württemberg 2024: für 16 Kreise geheim gehalten (.), nie als 0 gezeigt."]),
  schulabgaenger_hsa: leavers(),
  schulabgaenger_mittlerer_abschluss: leavers(["Baden-Württemberg 2024: in 16 Kreisen ist die Fachhochschulreife geheim (.), der Anteil dort also auch."]),
  schulabgaenger_allg_hochschulreife: leavers(["2023 und 2024 einschließlich der fachgebundenen Hochschulreife, wie die Tabelle sie ausweist."]),
  schulabgaenger_hochschulreife_fhr: leavers(),
  arbeitslosenquote: unemployment(),
  jugendarbeitslosenquote: unemployment(),
  langzeitarbeitslose_anteil: {...unemployment(SHARE_PRECISION), caveats: [UNEMPLOYMENT_2025, "2025 aus den Zählungen berechnet: Langzeitarbeitslose / Arbeitslose × 100."]},
  bevoelkerung: population(undefined, 1),
  anteil_unter_6: population(["bund", "land", "kreis", "bezirk", "planungsraum"]),
  anteil_unter_18: population(),
  anteil_65_plus: population(["bund", "land", "kreis", "bezirk", "planungsraum"]),
  betreuungsquote_u3: {
    comparability: [only("rdb_kita_u3_2025", "reference_date", "01.03.", SHARE_PRECISION, "zensus2022")],
    further: [{source_id: "rdb_kita_u3_2025", table: "22543-03-01-4-B; 12411-02-03-4", inkar_code: null, applies_to: "2025: Kreise (berechnet), Länder und Bund (aus den Summen der Kreise)"}],
    caveats: [KITA_2025],
    sources: ["rdb_kita_u3_2025"],
    precedence: "2025 berechnet aus der amtlichen Zahl der betreuten Kinder und der Bevölkerung (keine Überschneidung).",
    aggregationNote: "2025: Länder und Bund aus den Summen der Kreise berechnet."
  }
};

/**
 * The registry with the Regionaldatenbank part applied: existing entries get the newer years'
 * source, levels and caveats; new indicators follow the last entry of their area.
 */
export function withRegionaldatenbank(base: RegistryEntry[]): RegistryEntry[] {
  const out = base.map((entry) => {
    const x = RDB_SERIES[entry.id];
    if (!x) return entry;
    const sources = [entry.source.source_id, ...entry.further_sources.map((f) => f.source_id), ...x.sources];
    return {
      ...entry,
      levels: x.levels ? [...x.levels] : entry.levels,
      comparability: [...x.comparability, ...entry.comparability],
      further_sources: [...entry.further_sources, ...x.further.map((f) => ({...f, producer: f.producer ?? sourceById(f.source_id).producer}))],
      precedence: x.precedence ? [entry.precedence, x.precedence].filter(Boolean).join(" ") : entry.precedence,
      caveats: [...entry.caveats, ...x.caveats],
      aggregation: x.aggregationNote ? {...entry.aggregation, method: entry.aggregation.method === "none" ? "published" : entry.aggregation.method, note: `${entry.aggregation.note} ${x.aggregationNote}`} : entry.aggregation,
      ...licensing(...new Set(sources))
    };
  });
  for (const id of Object.keys(RDB_SERIES)) if (!base.some((e) => e.id === id)) throw new Error(`RDB_SERIES: Indikator ${id} fehlt im Register`);
  for (const entry of RDB_INDICATORS) {
    const last = out.findLastIndex((e) => e.area === entry.area);
    out.splice(last + 1, 0, entry);
  }
  return out;
}
