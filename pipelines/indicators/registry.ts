/**
 * The indicator registry: one entry per indicator, with everything a page needs to show a
 * number honestly (definition, source, reference date, caveats, licence). `origin` says where
 * the importer finds the values; it is not part of the snapshot. `coverage` is added by the
 * importer from the observations it writes.
 *
 * Where two sources carry the same region and period, the one earlier in SOURCE_PRECEDENCE wins
 * (INKAR's harmonised series first); the other value goes to the cross-source check.
 */
import type {Indicator, RegionLevel} from "../snapshot/format.ts";
import type {PopulationBasis, ReferenceKind, SeriesComparability} from "../../src/shared/comparability.ts";
import {withRegionaldatenbank} from "./regionaldatenbank.ts";
import {sourceById} from "./sources.ts";

/** Berlin values derived from the Berlin files (see pipelines/snapshot/berlin.ts). */
export type BerlinDerivation =
  | "einwohner_register"
  | "anteil_unter_6"
  | "anteil_unter_18"
  | "anteil_65_plus"
  | "auslaenderanteil"
  | "kita_plaetze"
  | "kita_plaetze_je_100_u6"
  | "kitas_anzahl"
  | "schulen_anzahl"
  | "grundschulen_oeffentlich"
  | "weiterfuehrende_oeffentlich"
  | "foerderschulen_oeffentlich"
  | "berufliche_schulen_oeffentlich"
  | "schulen_freie_traeger"
  | "mss_S1"
  | "mss_S3"
  | "mss_S4"
  | "mss_KI_04";

export interface IndicatorOrigin {
  /** Column of the INKAR extract 1995–2022 (inkar_kreise_1995-2022.csv). */
  inkar?: string;
  /** Column of the INKAR 2024 extract (inkar2024_kreise_schulabschluss_sgb2_2010-2022.csv). */
  inkar2024?: string;
  /** Spalten-Nr. of the EW 2024 Strukturdaten (original file); `plus` adds a second column's share. */
  ew24?: {column: number; expect: string; period: string; scale?: number; plus?: {column: number; expect: string}};
  /** Column of the Berlin BTW 2025 Strukturdaten (only Wahlkreise equal to one Bezirk). */
  btw25?: {column: string; period: string};
  zensus?: "population" | "share_migration_bg";
  gvisys?: "population";
  berlin?: BerlinDerivation;
  /** Regionaldatenbank table the values are computed from (pipelines/snapshot/regionaldatenbank.ts). */
  regionaldatenbank?: string;
}

export type RegistryEntry = Omit<Indicator, "coverage"> & {origin: IndicatorOrigin};

/** Which source wins for the same indicator, region and period: earlier in this list. */
export const SOURCE_PRECEDENCE = [
  "inkar",
  "inkar_2024",
  "gvisys",
  "ew24_strukturdaten",
  "zensus2022",
  "rdb_schulabgaenger_2023",
  "rdb_schulabgaenger_2024",
  "rdb_schueler_2023",
  "rdb_berufliche_schulen_2023",
  "rdb_arbeitslose_2025",
  "rdb_bevoelkerung_2023_2024",
  "rdb_kita_u3_2025",
  "rdb_kita_u3_2025_anzahl",
  "btw25_strukturdaten_berlin",
  "statistik_bb_einwohner_2023",
  "statistik_bb_einwohner_plr_2022",
  "mss2021",
  "senbjf_kitaliste",
  "berlin_kitas_plr",
  "berlin_schulen_plr"
] as const;

/** `producer`: who produced the statistic (default: the catalogue's producer of the source). */
function source(id: string, table: string | null = null, inkar_code: string | null = null, producer?: string): Indicator["source"] {
  const s = sourceById(id);
  return {publisher: s.publisher, title: s.title, table, inkar_code, source_id: id, producer: producer ?? s.producer};
}

function further(id: string, applies_to: string, table: string | null = null, inkar_code: string | null = null, producer?: string): Indicator["further_sources"][number] {
  const s = sourceById(id);
  return {source_id: id, table, inkar_code, applies_to, producer: producer ?? s.producer};
}

// Producers named first in every source line (issue 11 §5).
const STATISTICAL_OFFICES = "Statistische Ämter des Bundes und der Länder";
const statisticalOffices = (table: string) => `${STATISTICAL_OFFICES}, Tabelle ${table}`;
const BA = "Bundesagentur für Arbeit";
const BA_SGB2 = "Bundesagentur für Arbeit, Statistik der Grundsicherung für Arbeitsuchende (SGB II)";
const EW24_BA = "Strukturdaten der Bundeswahlleiterin, nach Daten der Bundesagentur für Arbeit";

/** Licence and attribution of every source an indicator draws on, in the order given. */
function licensing(...ids: string[]): {licence: string; attribution: string} {
  const sources = ids.map(sourceById);
  return {licence: [...new Set(sources.map((s) => s.licence))].join("; "), attribution: [...new Set(sources.map((s) => s.attribution))].join("; ")};
}

/** The default comparability of a series (any source, any year). */
function at(reference: ReferenceKind, reference_at: string, precision: number, basis: PopulationBasis | null): SeriesComparability {
  return {source_id: null, from: null, to: null, reference, reference_at, precision, basis};
}

/** The comparability of one source's values, optionally only for some years. */
export function only(
  source_id: string,
  reference: ReferenceKind,
  reference_at: string,
  precision: number,
  basis: PopulationBasis | null,
  years: {from?: number; to?: number} = {}
): SeriesComparability {
  sourceById(source_id);
  return {source_id, from: years.from ?? null, to: years.to ?? null, reference, reference_at, precision, basis};
}

/** The default first (it reads best), stored last (the first matching entry applies). */
function comparability(fallback: SeriesComparability, ...specific: SeriesComparability[]): SeriesComparability[] {
  return [...specific, fallback];
}

const KREIS_LAND_BUND: RegionLevel[] = ["bund", "land", "kreis"];
const WITH_BEZIRKE: RegionLevel[] = ["bund", "land", "kreis", "bezirk"];
const BERLIN_SMALL_AREA: RegionLevel[] = ["kreis", "bezirk", "planungsraum"];

const PRECEDENCE_INKAR_EW24 =
  "Kreise: INKAR (harmonisierte Reihe) gewinnt; wo die Strukturdaten zur Europawahl 2024 dasselbe Jahr enthalten, gehen sie nur in den Quellenabgleich. Länder und Bund: nur EW 2024.";
const SCHOOL_LOCATION = "Gezählt am Schulort, nicht am Wohnort: Landkreise um eine kreisfreie Stadt haben oft niedrige, die Stadt hohe Anteile (z. B. 0 % Abitur in Landkreisen ohne Gymnasium).";
const FOERDERSCHULE = "Abgängerinnen und Abgänger von Förderschulen sind eingeschlossen; Kreise mit großen Förderzentren haben deshalb höhere Anteile ohne Hauptschulabschluss.";
const G8G9 = "Umstellungen zwischen G8 und G9 führen zu doppelten oder fehlenden Abiturjahrgängen (z. B. Niedersachsen um 2020, Bayern 2011 und 2025) und damit zu Sprüngen in allen Anteilen eines Jahres.";
const BERLIN_BEZIRKE_BTW =
  "Berliner Bezirke: nur die 8 Bezirke, deren Bundestagswahlkreis genau dem Bezirk entspricht (Mitte, Steglitz-Zehlendorf, Tempelhof-Schöneberg, Neukölln, Treptow-Köpenick, Marzahn-Hellersdorf, Lichtenberg, Reinickendorf); für Friedrichshain-Kreuzberg, Pankow, Charlottenburg-Wilmersdorf und Spandau gibt es nur einen gemeinsamen Wert, der nicht übernommen wird.";
const CHILDCARE_PLACE = "Kinder werden am Ort der Betreuung gezählt, nicht am Wohnort: Städte mit Einpendlern haben höhere, ihr Umland niedrigere Quoten; Werte über 100 % sind möglich.";
const BTW_DENOMINATOR =
  "Die Bezirkswerte (Bundeswahlleiterin 2025) beziehen sich auf die Bevölkerung auf Basis des Zensus 2022; der Berliner Wert derselben Quelle (Kita unter 3: 50,0 %) liegt deshalb über dem Kreiswert 11000 aus der EW-2024-Datei (47,6 %, Basis Zensus 2011). Bezirke untereinander vergleichen, nicht mit dem Kreiswert Berlin.";
const REGISTER =
  "Berliner Bezirke und Planungsräume: Einwohnerregister (Melderegister). Es zählt mehr Einwohner als die amtliche Fortschreibung der Kreise (Berlin 31.12.2022: 3,85 Mio. im Register, 3,76 Mio. fortgeschrieben); Anteile sind vergleichbar, Absolutzahlen nicht.";
const PLR_DATE = "Planungsräume: Stand 30.06.2022 (Bericht A I 16), Bezirke: 31.12. des Jahres (Bericht A I 5).";
const MSS_AGGREGATION =
  "Bezirks- und Berlinwerte sind eigene Schätzungen (Kennzeichen s): Mittel der Planungsraumwerte, gewichtet mit der Bezugsbevölkerung des Indikators; Planungsräume ohne veröffentlichten Wert (unter 300 Einwohner oder nicht bewertet) fehlen in der Summe.";
const COUNT_BERLIN = "Nur Berlin. Bezirks- und Berlinwerte sind Summen der Planungsräume (leere Zellen = 0).";
const MSS_DATE = "Stichtag 31.12.2020 (MSS 2021); Dynamik-Indikatoren werden nicht übernommen.";

/** The entries from the sources up to 2022; the Regionaldatenbank part (2023–2025) is added below. */
const BASE_REGISTRY: RegistryEntry[] = [
  // ─── Frühkindliche Bildung ──────────────────────────────────────────────────────────────
  {
    id: "betreuungsquote_u3",
    name: "Betreuungsquote der Kinder unter 3 Jahren",
    short_name: "Betreuungsquote unter 3",
    definition: "Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder öffentlich geförderter Kindertagespflege an allen Kindern dieser Altersgruppe.",
    unit: "%",
    decimals: 1,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    levels: WITH_BEZIRKE,
    source: source("inkar", "22543-01-02-4", "a_betr0003_bev0003", statisticalOffices("22543-01-02-4")),
    further_sources: [
      further("ew24_strukturdaten", "2023: Kreise, Länder, Bund", "EW 2024 Strukturdaten, Spalte 32"),
      further("btw25_strukturdaten_berlin", "2023: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")
    ],
    precedence: "INKAR für 2006–2020, EW 2024 für 2023 (keine Überschneidung). Bezirke nur aus den BTW-2025-Strukturdaten.",
    reference_date: "01.03. des Jahres",
    comparability: comparability(at("reference_date", "01.03.", 0.01, "zensus2011"), only("ew24_strukturdaten", "reference_date", "01.03.", 0.1, "zensus2011"), only("btw25_strukturdaten_berlin", "reference_date", "01.03.", 0.1, "zensus2022")),
    numerator: "Betreute Kinder unter 3 Jahren (Tageseinrichtungen und Tagespflege, ohne Doppelzählungen)",
    denominator: "Kinder unter 3 Jahren (Bevölkerungsfortschreibung)",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      CHILDCARE_PLACE,
      "Ein Rechtsanspruch auf einen Platz ab dem ersten Geburtstag besteht seit dem 01.08.2013.",
      "Kreiswerte für 2021, 2022 und 2024 gibt es bei den Statistischen Ämtern (Tabelle 22543-01-02-4), sie sind aber nicht in diesem Datenstand: die Reihe springt von 2020 auf 2023. kbm pull --table 22543-01-02-4 holt die betreuten Kinder dieser Jahre.",
      BTW_DENOMINATOR
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für 2023 (EW 2024); INKAR enthält keine Landeswerte, und ohne Kinderzahlen wird nicht gemittelt."},
    ...licensing("inkar", "ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {inkar: "childcare_under3", ew24: {column: 32, expect: "Betreute Kinder unter 3 Jahre", period: "2023"}, btw25: {column: "kita_quote_u3_2023", period: "2023"}}
  },
  {
    id: "betreuungsquote_3_6",
    name: "Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
    short_name: "Betreuungsquote 3 bis 6",
    definition: "Anteil der Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen oder öffentlich geförderter Kindertagespflege an allen Kindern dieser Altersgruppe.",
    unit: "%",
    decimals: 1,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    levels: WITH_BEZIRKE,
    source: source("inkar", "22543-01-02-4", "a_betr0306_bev0306", statisticalOffices("22543-01-02-4")),
    further_sources: [
      further("ew24_strukturdaten", "2023: Kreise, Länder, Bund", "EW 2024 Strukturdaten, Spalte 33"),
      further("btw25_strukturdaten_berlin", "2023: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")
    ],
    precedence: "INKAR für 2006–2020, EW 2024 für 2023 (keine Überschneidung). Bezirke nur aus den BTW-2025-Strukturdaten.",
    reference_date: "01.03. des Jahres",
    comparability: comparability(at("reference_date", "01.03.", 0.01, "zensus2011"), only("ew24_strukturdaten", "reference_date", "01.03.", 0.1, "zensus2011"), only("btw25_strukturdaten_berlin", "reference_date", "01.03.", 0.1, "zensus2022")),
    numerator: "Betreute Kinder von 3 bis unter 6 Jahren (ohne Doppelzählungen)",
    denominator: "Kinder von 3 bis unter 6 Jahren (Bevölkerungsfortschreibung)",
    range: {min: 0, max: 130},
    polarity: "neutral",
    caveats: [
      CHILDCARE_PLACE + " 2023 z. B. Rostock 103,2 %, Berlin-Mitte 121,2 %.",
      "Schulkinder unter 6 Jahren zählen nicht mit; Unterschiede beim Einschulungsalter wirken sich auf die Quote aus.",
      "Kreiswerte für 2021, 2022 und 2024 gibt es bei den Statistischen Ämtern (Tabelle 22543-01-02-4), sie sind aber nicht in diesem Datenstand; kbm pull --table 22543-01-02-4 holt die betreuten Kinder dieser Jahre.",
      BTW_DENOMINATOR
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für 2023 (EW 2024)."},
    ...licensing("inkar", "ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {inkar: "childcare_3to6", ew24: {column: 33, expect: "Betreute Kinder 3 bis unter 6 Jahre", period: "2023"}, btw25: {column: "kita_quote_3bis6_2023", period: "2023"}}
  },
  {
    id: "kita_plaetze",
    name: "Genehmigte Kita-Plätze",
    short_name: "Kita-Plätze",
    definition: "Summe der genehmigten Plätze aller Kindertageseinrichtungen der Kitaliste der Senatsverwaltung (ohne Kindertagespflege).",
    unit: "Plätze",
    decimals: 0,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    levels: ["kreis", "bezirk"],
    source: source("senbjf_kitaliste", "Kitaliste November 2023"),
    further_sources: [],
    precedence: "",
    reference_date: "November 2023",
    comparability: comparability(at("reference_date", "November", 1, null)),
    numerator: null,
    denominator: null,
    range: {min: 0, max: 300000},
    polarity: "neutral",
    caveats: [
      "Nur Berlin (Bezirke und Berlin insgesamt). Zugeordnet nach dem Betreuungsbezirk der Einrichtung.",
      "Genehmigte Plätze sind nicht belegte Plätze; zwei Einrichtungen haben in der Liste keine Platzzahl, zwei null Plätze."
    ],
    aggregation: {method: "sum", weight: null, note: "Nur Berlin; der Berliner Wert ist die Summe der Bezirke."},
    ...licensing("senbjf_kitaliste"),
    origin: {berlin: "kita_plaetze"}
  },
  {
    id: "kita_plaetze_je_100_u6",
    name: "Genehmigte Kita-Plätze je 100 Kinder unter 6 Jahren",
    short_name: "Kita-Plätze je 100 Kinder",
    definition:
      "Genehmigte Plätze in Kindertageseinrichtungen (Kitaliste, November 2023) je 100 Einwohnerinnen und Einwohner unter 6 Jahren (Einwohnerregister, 31.12.2023). Ein Versorgungsmaß, keine Betreuungsquote.",
    unit: "Plätze je 100 Kinder",
    decimals: 1,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    levels: ["kreis", "bezirk"],
    source: source("senbjf_kitaliste", "Kitaliste November 2023"),
    further_sources: [further("statistik_bb_einwohner_2023", "Nenner: Kinder unter 6 Jahren, 31.12.2023", "A I 5 – hj 2/2023, Tabelle 6")],
    precedence: "Keine Überschneidung: die zweite Quelle liefert nur den Nenner.",
    reference_date: "Plätze November 2023, Kinder 31.12.2023",
    comparability: comparability(at("reference_date", "November", 0.01, "einwohnerregister")),
    numerator: "Genehmigte Kita-Plätze",
    denominator: "Einwohnerinnen und Einwohner unter 6 Jahren (Einwohnerregister)",
    range: {min: 0, max: 200},
    polarity: "neutral",
    caveats: [
      "Nicht die amtliche Betreuungsquote: Plätze statt betreuter Kinder, Kita-Plätze auch für Schulkinder und Kinder aus anderen Bezirken, keine Tagespflege.",
      "Bezirke mit vielen Arbeitsplätzen (Mitte) haben mehr Plätze als Kinder im Bezirk wohnen.",
      "Nur Berlin."
    ],
    aggregation: {method: "none", weight: null, note: "Nur Berlin; der Berliner Wert ist aus den Summen berechnet (alle Plätze / alle Kinder), nicht gemittelt."},
    ...licensing("senbjf_kitaliste", "statistik_bb_einwohner_2023"),
    origin: {berlin: "kita_plaetze_je_100_u6"}
  },
  {
    id: "kitas_anzahl",
    name: "Kindertageseinrichtungen",
    short_name: "Kitas",
    definition: "Anzahl der Kindertagesstätten im Gebiet laut Geoportal-Layer der Senatsverwaltung für Bildung, Jugend und Familie.",
    unit: "Einrichtungen",
    decimals: 0,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    levels: BERLIN_SMALL_AREA,
    source: source("berlin_kitas_plr", "WFS Kindertagesstätten, Dezember 2022"),
    further_sources: [],
    precedence: "",
    reference_date: "Dezember 2022",
    comparability: comparability(at("reference_date", "Dezember", 1, null)),
    numerator: null,
    denominator: null,
    range: {min: 0, max: 5000},
    polarity: "neutral",
    caveats: ["Eine Zählung von Punkten je Planungsraum, ohne Größe der Einrichtung; die Kitaliste (November 2023) zählt 2.922 Einrichtungen, der Layer 2.880.", COUNT_BERLIN],
    aggregation: {method: "sum", weight: null, note: COUNT_BERLIN},
    ...licensing("berlin_kitas_plr"),
    origin: {berlin: "kitas_anzahl"}
  },

  // ─── Allgemeinbildende Schule ───────────────────────────────────────────────────────────
  {
    id: "schulabgaenger_ohne_hsa",
    name: "Schulabgänger/-innen ohne Hauptschulabschluss",
    short_name: "ohne Hauptschulabschluss",
    definition: "Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen ohne Hauptschulabschluss an allen Absolventen und Abgängern des Schuljahres.",
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: WITH_BEZIRKE,
    source: source("inkar", "21111-02-06-4", "a_schul_oA", statisticalOffices("21111-02-06-4")),
    further_sources: [
      further("ew24_strukturdaten", "2022: Länder und Bund (Kreise nur im Quellenabgleich)", "EW 2024 Strukturdaten, Spalte 28"),
      further("btw25_strukturdaten_berlin", "2022: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")
    ],
    precedence: PRECEDENCE_INKAR_EW24,
    reference_date: "Ende des Schuljahres (2022 = Schuljahr 2021/22)",
    comparability: comparability(at("school_year", "", 0.01, null), only("ew24_strukturdaten", "school_year", "", 0.1, null), only("btw25_strukturdaten_berlin", "school_year", "", 0.1, null)),
    numerator: "Abgänger ohne Hauptschulabschluss",
    denominator: "Absolventen und Abgänger allgemeinbildender Schulen insgesamt (ohne Externe)",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: [SCHOOL_LOCATION, FOERDERSCHULE, BERLIN_BEZIRKE_BTW],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für 2022 (EW 2024); INKAR enthält keine Landeswerte, ohne Abgängerzahlen wird nicht gemittelt."},
    ...licensing("inkar", "ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {inkar: "share_no_degree", ew24: {column: 28, expect: "ohne Hauptschulabschluss", period: "2022"}, btw25: {column: "schulabg_ohne_hsa_pct_2022", period: "2022"}}
  },
  {
    id: "schulabgaenger_hsa",
    name: "Schulabgänger/-innen mit Hauptschulabschluss",
    short_name: "mit Hauptschulabschluss",
    definition: "Anteil der Absolventinnen und Absolventen allgemeinbildender Schulen mit Hauptschulabschluss (erster allgemeinbildender Schulabschluss) an allen Absolventen und Abgängern.",
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: WITH_BEZIRKE,
    source: source("inkar_2024", "21111-02-06-4", "a_schul_haupt", statisticalOffices("21111-02-06-4")),
    further_sources: [
      further("ew24_strukturdaten", "2022: Länder und Bund (Kreise nur im Quellenabgleich)", "EW 2024 Strukturdaten, Spalte 29"),
      further("btw25_strukturdaten_berlin", "2022: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")
    ],
    precedence: PRECEDENCE_INKAR_EW24,
    reference_date: "Ende des Schuljahres (2022 = Schuljahr 2021/22)",
    comparability: comparability(at("school_year", "", 0.01, null), only("ew24_strukturdaten", "school_year", "", 0.1, null), only("btw25_strukturdaten_berlin", "school_year", "", 0.1, null)),
    numerator: "Absolventen mit Hauptschulabschluss",
    denominator: "Absolventen und Abgänger allgemeinbildender Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [SCHOOL_LOCATION, "Die Länder benennen den Abschluss unterschiedlich (Berufsbildungsreife, erster allgemeinbildender Schulabschluss); in Ländern ohne Hauptschule wird er meist an anderen Schularten erworben.", BERLIN_BEZIRKE_BTW],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für 2022 (EW 2024)."},
    ...licensing("inkar_2024", "ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {inkar2024: "share_hauptschulabschluss", ew24: {column: 29, expect: "mit Hauptschulabschluss", period: "2022"}, btw25: {column: "schulabg_hsa_pct_2022", period: "2022"}}
  },
  {
    id: "schulabgaenger_mittlerer_abschluss",
    name: "Schulabgänger/-innen mit mittlerem Schulabschluss",
    short_name: "mit mittlerem Abschluss",
    definition: "Anteil der Absolventinnen und Absolventen allgemeinbildender Schulen mit mittlerem Schulabschluss (Realschulabschluss, MSA) an allen Absolventen und Abgängern.",
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: WITH_BEZIRKE,
    source: source("inkar_2024", "21111-02-06-4", "a_schul_real", statisticalOffices("21111-02-06-4")),
    further_sources: [
      further("ew24_strukturdaten", "2022: Länder und Bund (Kreise nur im Quellenabgleich)", "EW 2024 Strukturdaten, Spalte 30"),
      further("btw25_strukturdaten_berlin", "2022: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")
    ],
    precedence: PRECEDENCE_INKAR_EW24,
    reference_date: "Ende des Schuljahres (2022 = Schuljahr 2021/22)",
    comparability: comparability(at("school_year", "", 0.01, null), only("ew24_strukturdaten", "school_year", "", 0.1, null), only("btw25_strukturdaten_berlin", "school_year", "", 0.1, null)),
    numerator: "Absolventen mit mittlerem Schulabschluss",
    denominator: "Absolventen und Abgänger allgemeinbildender Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [SCHOOL_LOCATION, "INKAR weist den Anteil erst ab 2016 aus; die EW-2024-Werte weichen für 2022 um bis zu 0,1 Punkte von INKAR ab.", BERLIN_BEZIRKE_BTW],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für 2022 (EW 2024)."},
    ...licensing("inkar_2024", "ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {inkar2024: "share_mittlerer_abschluss", ew24: {column: 30, expect: "mit mittlerem Schulabschluss", period: "2022"}, btw25: {column: "schulabg_mittlerer_pct_2022", period: "2022"}}
  },
  {
    id: "schulabgaenger_allg_hochschulreife",
    name: "Schulabgänger/-innen mit allgemeiner Hochschulreife",
    short_name: "mit Abitur",
    definition: "Anteil der Absolventinnen und Absolventen allgemeinbildender Schulen mit allgemeiner Hochschulreife (ohne Fachhochschulreife) an allen Absolventen und Abgängern.",
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: ["kreis"],
    source: source("inkar", "21111-02-06-4", "a_schul_abi", statisticalOffices("21111-02-06-4")),
    further_sources: [],
    precedence: "",
    reference_date: "Ende des Schuljahres (2022 = Schuljahr 2021/22)",
    comparability: comparability(at("school_year", "", 0.01, null)),
    numerator: "Absolventen mit allgemeiner Hochschulreife",
    denominator: "Absolventen und Abgänger allgemeinbildender Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      SCHOOL_LOCATION + " 2020 z. B. 0 % in den Landkreisen Bamberg (09471) und Schweinfurt (09678).",
      G8G9,
      "Nur allgemeinbildende Schulen: die Hochschulreife an beruflichen Gymnasien und Fachoberschulen fehlt, was Länder mit starken beruflichen Schulen (Baden-Württemberg) niedriger erscheinen lässt.",
      "Ohne Fachhochschulreife (der GENESIS-Abgleich bestätigt das); der Indikator schulabgaenger_hochschulreife_fhr schließt sie ein."
    ],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR); ohne Abgängerzahlen wird nicht gemittelt."},
    ...licensing("inkar"),
    origin: {inkar: "share_abitur"}
  },
  {
    id: "schulabgaenger_hochschulreife_fhr",
    name: "Schulabgänger/-innen mit allgemeiner Hochschulreife oder Fachhochschulreife",
    short_name: "mit Hochschul- oder FH-Reife",
    definition: "Anteil der Absolventinnen und Absolventen allgemeinbildender Schulen mit allgemeiner Hochschulreife oder Fachhochschulreife an allen Absolventen und Abgängern.",
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: WITH_BEZIRKE,
    source: source("ew24_strukturdaten", "EW 2024 Strukturdaten, Spalte 31"),
    further_sources: [further("btw25_strukturdaten_berlin", "2022: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")],
    precedence: "Eine Quelle je Ebene (Kreise, Länder, Bund: EW 2024; Bezirke: BTW 2025).",
    reference_date: "Ende des Schuljahres 2021/22",
    comparability: comparability(at("school_year", "", 0.1, null)),
    numerator: "Absolventen mit allgemeiner Hochschulreife oder Fachhochschulreife",
    denominator: "Absolventen und Abgänger allgemeinbildender Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      SCHOOL_LOCATION + " Bamberg (09471) und Schweinfurt (09678): – (kein Gymnasium im Landkreis).",
      "Weicht in 36 Kreisen um mehr als 0,05 Punkte von INKARs Anteil mit allgemeiner Hochschulreife ab (bis 2 Punkte, v. a. Baden-Württemberg und Hessen), weil die Fachhochschulreife eingeschlossen ist.",
      "Nur 2022.",
      BERLIN_BEZIRKE_BTW
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht (EW 2024)."},
    ...licensing("ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {ew24: {column: 31, expect: "mit allgemeiner und Fachhochschulreife", period: "2022"}, btw25: {column: "schulabg_hochschul_fh_reife_pct_2022", period: "2022"}}
  },
  {
    id: "schulabgaenger_je_1000_ew",
    name: "Schulabgänger/-innen allgemeinbildender Schulen je 1.000 Einwohner",
    short_name: "Schulabgänger je 1.000 EW",
    definition: "Absolventen und Abgänger allgemeinbildender Schulen (ohne Externe) des Schuljahres je 1.000 Einwohnerinnen und Einwohner.",
    unit: "je 1.000 Einwohner",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: WITH_BEZIRKE,
    source: source("ew24_strukturdaten", "EW 2024 Strukturdaten, Spalte 27"),
    further_sources: [further("btw25_strukturdaten_berlin", "2022: 8 Berliner Bezirke", "BTW 2025 Strukturdaten, Berliner Wahlkreise")],
    precedence: "Eine Quelle je Ebene.",
    reference_date: "Schuljahr 2021/22; Bevölkerung 31.12.2022",
    comparability: comparability(at("school_year", "", 0.1, "zensus2011"), only("btw25_strukturdaten_berlin", "school_year", "", 0.1, "zensus2022")),
    numerator: "Absolventen und Abgänger allgemeinbildender Schulen (ohne Externe)",
    denominator: "Bevölkerung (1.000)",
    range: {min: 0, max: 50},
    polarity: "neutral",
    caveats: [
      SCHOOL_LOCATION,
      "Der Bundeswert schließt externe Schulabgänger ein (Fußnote der Quelle).",
      "Bezirke: Bezugsbevölkerung auf Basis des Zensus 2022 (BTW 2025), Kreise auf Basis des Zensus 2011 (EW 2024).",
      BERLIN_BEZIRKE_BTW
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht (EW 2024)."},
    ...licensing("ew24_strukturdaten", "btw25_strukturdaten_berlin"),
    origin: {ew24: {column: 27, expect: "insgesamt ohne Externe", period: "2022"}, btw25: {column: "schulabg_allg_je1000ew_2022", period: "2022"}}
  },
  schoolCount("schulen_anzahl", "Schulen", "Schulen", "Anzahl aller Schulen (öffentlich und in freier Trägerschaft, allgemeinbildend und beruflich) im Gebiet.", "Allgemeinbildende Schule", "schulen_anzahl", [
    "Schließt 44 öffentliche berufliche Schulen und die beruflichen Schulen freier Träger ein."
  ]),
  schoolCount("grundschulen_oeffentlich_anzahl", "Öffentliche Grundschulen", "Grundschulen", "Anzahl der öffentlichen Grundschulen im Gebiet.", "Allgemeinbildende Schule", "grundschulen_oeffentlich", [
    "Grundschulen in freier Trägerschaft zählen in der Quelle nur als Privatschule und fehlen hier."
  ]),
  schoolCount(
    "weiterfuehrende_schulen_oeffentlich_anzahl",
    "Öffentliche Integrierte Sekundarschulen und Gymnasien",
    "ISS und Gymnasien",
    "Anzahl der öffentlichen Integrierten Sekundarschulen (einschließlich Gemeinschaftsschulen, soweit die Quelle sie so einordnet) und Gymnasien im Gebiet.",
    "Allgemeinbildende Schule",
    "weiterfuehrende_oeffentlich",
    ["Schulen in freier Trägerschaft zählen in der Quelle nur als Privatschule und fehlen hier."]
  ),
  schoolCount(
    "foerderschulen_oeffentlich_anzahl",
    "Öffentliche Schulen mit sonderpädagogischem Förderschwerpunkt",
    "Förderschulen",
    "Anzahl der öffentlichen Schulen mit sonderpädagogischem Förderschwerpunkt im Gebiet.",
    "Allgemeinbildende Schule",
    "foerderschulen_oeffentlich",
    ["Inklusiv beschulte Kinder an Regelschulen sind nicht erfasst."]
  ),
  schoolCount("schulen_freie_traeger_anzahl", "Schulen in freier Trägerschaft", "Privatschulen", "Anzahl der Schulen in freier Trägerschaft (Privatschulen aller Schularten) im Gebiet.", "Allgemeinbildende Schule", "schulen_freie_traeger", [
    "Die Quelle unterscheidet Privatschulen nicht nach Schulart; berufliche Privatschulen sind eingeschlossen."
  ]),

  // ─── Berufliche Bildung ─────────────────────────────────────────────────────────────────
  {
    id: "auszubildende_je_100_15_25",
    name: "Auszubildende je 100 Einwohner von 15 bis unter 25 Jahren",
    short_name: "Auszubildende je 100 (15–25)",
    definition: "Sozialversicherungspflichtig beschäftigte Auszubildende je 100 Einwohnerinnen und Einwohner im Alter von 15 bis unter 25 Jahren.",
    unit: "je 100 Einwohner 15–25",
    decimals: 1,
    area: "Berufliche Bildung",
    topic: "Duale Ausbildung",
    levels: ["kreis"],
    source: source("inkar", null, "q_azubi_1525", `${BA} (Beschäftigungsstatistik); ${STATISTICAL_OFFICES} (Bevölkerung)`),
    further_sources: [],
    precedence: "",
    reference_date: "30.06. des Jahres (Beschäftigungsstatistik)",
    comparability: comparability(at("reference_date", "30.06.", 0.01, "zensus2011")),
    numerator: "Sozialversicherungspflichtig beschäftigte Auszubildende am Arbeitsort",
    denominator: "Einwohner von 15 bis unter 25 Jahren am Wohnort",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      "Auszubildende werden am Ort des Ausbildungsbetriebs gezählt, die Bevölkerung am Wohnort: Städte mit vielen Ausbildungsbetrieben haben hohe, ihr Umland niedrige Werte.",
      "Schulische Ausbildungen (z. B. Pflege bis 2019, Erzieherinnen) sind nicht enthalten."
    ],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR)."},
    ...licensing("inkar"),
    origin: {inkar: "apprentices_per_100"}
  },
  {
    id: "abgaenger_berufliche_schulen_je_1000_ew",
    name: "Schulabgänger/-innen beruflicher Schulen je 1.000 Einwohner",
    short_name: "Abgänger berufl. Schulen je 1.000 EW",
    definition: "Absolventen und Abgänger beruflicher Schulen des Schuljahres je 1.000 Einwohnerinnen und Einwohner.",
    unit: "je 1.000 Einwohner",
    decimals: 1,
    area: "Berufliche Bildung",
    topic: "Berufliche Schulen",
    levels: KREIS_LAND_BUND,
    source: source("ew24_strukturdaten", "EW 2024 Strukturdaten, Spalte 26"),
    further_sources: [],
    precedence: "",
    reference_date: "Schuljahr 2021/22; Bevölkerung 31.12.2022",
    comparability: comparability(at("school_year", "", 0.1, "zensus2011")),
    numerator: "Absolventen und Abgänger beruflicher Schulen",
    denominator: "Bevölkerung (1.000)",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      "Gezählt am Schulort: Kreise ohne eigene Berufsschule haben den Wert – (nichts), die Nachbarstadt entsprechend mehr.",
      "Nur 2022."
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht (EW 2024)."},
    ...licensing("ew24_strukturdaten"),
    origin: {ew24: {column: 26, expect: "beruflicher Schulen", period: "2022"}}
  },
  schoolCount("berufliche_schulen_oeffentlich_anzahl", "Öffentliche berufliche Schulen", "Berufliche Schulen", "Anzahl der öffentlichen beruflichen Schulen (Oberstufenzentren und andere) im Gebiet.", "Berufliche Bildung", "berufliche_schulen_oeffentlich", [
    "Berufliche Schulen in freier Trägerschaft zählen in der Quelle nur als Privatschule und fehlen hier.",
    "Oberstufenzentren sind gesamtstädtisch ausgerichtet; die Zahl im Bezirk sagt wenig über das Angebot für seine Jugendlichen."
  ]),

  // ─── Hochschule ─────────────────────────────────────────────────────────────────────────
  {
    id: "studierende_je_100_18_25",
    name: "Studierende je 100 Einwohner von 18 bis unter 25 Jahren",
    short_name: "Studierende je 100 (18–25)",
    definition: "Studierende an Hochschulen (Wintersemester) je 100 Einwohnerinnen und Einwohner im Alter von 18 bis unter 25 Jahren.",
    unit: "je 100 Einwohner 18–25",
    decimals: 1,
    area: "Hochschule",
    topic: "Studierende",
    levels: ["kreis"],
    source: source("inkar", null, "q_stud_1825", `${STATISTICAL_OFFICES} (Hochschulstatistik, Bevölkerung)`),
    further_sources: [],
    precedence: "",
    reference_date: "Wintersemester des Jahres",
    comparability: comparability(at("semester", "Wintersemester", 0.01, "zensus2011")),
    numerator: "Studierende am Hochschulort",
    denominator: "Einwohner von 18 bis unter 25 Jahren",
    range: {min: 0, max: 1000},
    polarity: "neutral",
    caveats: [
      "Studierende werden am Studienort gezählt, nicht am Wohnort: Universitätsstädte haben Werte weit über 100, Kreise ohne Hochschule 0.",
      "Studierende aller Altersgruppen im Zähler, nur 18- bis unter 25-Jährige im Nenner."
    ],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR)."},
    ...licensing("inkar"),
    origin: {inkar: "students_per_100"}
  },

  // ─── Rahmenbedingungen: Demografie ─────────────────────────────────────────────────────
  {
    id: "bevoelkerung",
    name: "Bevölkerung",
    short_name: "Bevölkerung",
    definition: "Einwohnerinnen und Einwohner am 31.12. (amtliche Bevölkerungsfortschreibung auf Basis des Zensus 2011).",
    unit: "Personen",
    decimals: 0,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: KREIS_LAND_BUND,
    source: source("gvisys", "GV-ISys 04-kreise"),
    further_sources: [further("ew24_strukturdaten", "31.12.2022: Kreise, Länder, Bund (in 1.000, auf 100 gerundet)", "EW 2024 Strukturdaten, Spalte 3")],
    precedence: "GV-ISys für 2021, EW 2024 für 2022 (keine Überschneidung).",
    reference_date: "31.12. des Jahres",
    comparability: comparability(at("reference_date", "31.12.", 1, "zensus2011"), only("ew24_strukturdaten", "reference_date", "31.12.", 100, "zensus2011")),
    numerator: null,
    denominator: null,
    range: {min: 0, max: 90000000},
    polarity: "neutral",
    caveats: [
      "2022 aus der EW-2024-Datei, die die Bevölkerung in 1.000 mit einer Nachkommastelle angibt: auf 100 Personen gerundet.",
      "Noch auf Basis des Zensus 2011; die Zensus-2022-Ergebnisse stehen als eigener Indikator bevoelkerung_zensus2022 daneben (rund 1,5 % weniger Einwohner)."
    ],
    aggregation: {method: "sum", weight: null, note: "Länder und Bund als Summe der Kreise (2021); 2022 veröffentlicht (EW 2024)."},
    ...licensing("gvisys", "ew24_strukturdaten"),
    origin: {gvisys: "population", ew24: {column: 3, expect: "Insgesamt (in 1000)", period: "2022", scale: 1000}}
  },
  {
    id: "bevoelkerung_zensus2022",
    name: "Bevölkerung laut Zensus 2022",
    short_name: "Bevölkerung (Zensus 2022)",
    definition: "Einwohnerinnen und Einwohner am Zensusstichtag 15.05.2022, Summe der Gemeinden des Kreises.",
    unit: "Personen",
    decimals: 0,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: ["kreis"],
    source: source("zensus2022", "Zensus 2022, Gemeinden"),
    further_sources: [],
    precedence: "",
    reference_date: "15.05.2022",
    comparability: comparability(at("reference_date", "15.05.", 1, "zensus2022")),
    numerator: null,
    denominator: null,
    range: {min: 0, max: 90000000},
    polarity: "neutral",
    caveats: ["Neue Basis der Bevölkerungsstatistik; nicht mit der Fortschreibung auf Basis des Zensus 2011 (bevoelkerung) mischen."],
    aggregation: {method: "sum", weight: null, note: "Länder und Bund als Summe der Kreise."},
    ...licensing("zensus2022"),
    origin: {zensus: "population"}
  },
  {
    id: "einwohner_melderegister",
    name: "Einwohnerinnen und Einwohner laut Melderegister (Berlin)",
    short_name: "Einwohner (Melderegister)",
    definition: "Im Berliner Einwohnerregister mit Hauptwohnsitz gemeldete Einwohnerinnen und Einwohner.",
    unit: "Personen",
    decimals: 0,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: BERLIN_SMALL_AREA,
    source: source("statistik_bb_einwohner_2023", "A I 5 – hj 2/2023, Tabelle 3"),
    further_sources: [further("statistik_bb_einwohner_plr_2022", "Planungsräume, 30.06.2022", "A I 16 – hj 1/2022, Tabelle T2")],
    precedence: "Eine Quelle je Ebene.",
    reference_date: "31.12. des Jahres; Planungsräume 30.06.2022",
    comparability: comparability(at("reference_date", "31.12.", 1, "einwohnerregister"), only("statistik_bb_einwohner_plr_2022", "reference_date", "30.06.", 1, "einwohnerregister")),
    numerator: null,
    denominator: null,
    range: {min: 0, max: 5000000},
    polarity: "neutral",
    caveats: [REGISTER, PLR_DATE],
    aggregation: {method: "sum", weight: null, note: "Nur Berlin; der Berliner Wert ist in der Quelle veröffentlicht und gleich der Summe der Bezirke."},
    ...licensing("statistik_bb_einwohner_2023", "statistik_bb_einwohner_plr_2022"),
    origin: {berlin: "einwohner_register"}
  },
  {
    id: "anteil_unter_6",
    name: "Anteil der Kinder unter 6 Jahren",
    short_name: "Kinder unter 6",
    definition: "Anteil der Einwohnerinnen und Einwohner unter 6 Jahren an allen Einwohnern.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: BERLIN_SMALL_AREA,
    source: source("statistik_bb_einwohner_2023", "A I 5 – hj 2/2023, Tabelle 6"),
    further_sources: [further("statistik_bb_einwohner_plr_2022", "Planungsräume, 30.06.2022", "A I 16 – hj 1/2022, Tabelle T2")],
    precedence: "Eine Quelle je Ebene.",
    reference_date: "31.12.2023; Planungsräume 30.06.2022",
    comparability: comparability(at("reference_date", "31.12.", 0.01, "einwohnerregister"), only("statistik_bb_einwohner_plr_2022", "reference_date", "30.06.", 0.01, "einwohnerregister")),
    numerator: "Einwohner unter 6 Jahren",
    denominator: "Einwohner insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [REGISTER, PLR_DATE, "Nur Berlin."],
    aggregation: {method: "none", weight: null, note: "Nur Berlin; Bezirks- und Berlinwerte aus den Zählungen der Quelle berechnet."},
    ...licensing("statistik_bb_einwohner_2023", "statistik_bb_einwohner_plr_2022"),
    origin: {berlin: "anteil_unter_6"}
  },
  {
    id: "anteil_unter_18",
    name: "Anteil der Kinder und Jugendlichen unter 18 Jahren",
    short_name: "unter 18-Jährige",
    definition: "Anteil der Einwohnerinnen und Einwohner unter 18 Jahren an allen Einwohnern.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: [...WITH_BEZIRKE, "planungsraum"],
    source: source("ew24_strukturdaten", "EW 2024 Strukturdaten, Spalten 9 und 10"),
    further_sources: [
      further("statistik_bb_einwohner_2023", "Berliner Bezirke, 31.12.2023", "A I 5 – hj 2/2023, Tabelle 6"),
      further("statistik_bb_einwohner_plr_2022", "Berliner Planungsräume, 30.06.2022", "A I 16 – hj 1/2022, Tabelle T2")
    ],
    precedence: "Eine Quelle je Ebene: Kreise, Länder, Bund EW 2024 (31.12.2022); Bezirke und Planungsräume Einwohnerregister.",
    reference_date: "31.12.2022 (Kreise, Länder, Bund); 31.12.2023 (Bezirke); 30.06.2022 (Planungsräume)",
    comparability: comparability(at("reference_date", "31.12.", 0.1, "zensus2011"), only("statistik_bb_einwohner_2023", "reference_date", "31.12.", 0.01, "einwohnerregister"), only("statistik_bb_einwohner_plr_2022", "reference_date", "30.06.", 0.01, "einwohnerregister")),
    numerator: "Einwohner unter 18 Jahren",
    denominator: "Einwohner insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      "Kreise, Länder, Bund: Summe der veröffentlichten Anteile unter 16 und 16–17 Jahre (je auf eine Nachkommastelle gerundet, Fehler höchstens 0,1 Punkte).",
      REGISTER,
      PLR_DATE
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht (EW 2024)."},
    ...licensing("ew24_strukturdaten", "statistik_bb_einwohner_2023", "statistik_bb_einwohner_plr_2022"),
    origin: {ew24: {column: 9, expect: "unter 16", period: "2022", plus: {column: 10, expect: "16-17"}}, berlin: "anteil_unter_18"}
  },
  {
    id: "anteil_65_plus",
    name: "Anteil der Einwohner ab 65 Jahren",
    short_name: "ab 65-Jährige",
    definition: "Anteil der Einwohnerinnen und Einwohner im Alter von 65 und mehr Jahren an allen Einwohnern.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: BERLIN_SMALL_AREA,
    source: source("inkar", null, "a_bev65um", `${STATISTICAL_OFFICES} (Bevölkerungsfortschreibung)`),
    further_sources: [
      further("statistik_bb_einwohner_2023", "Berliner Bezirke, 31.12.2023", "A I 5 – hj 2/2023, Tabelle 6"),
      further("statistik_bb_einwohner_plr_2022", "Berliner Planungsräume, 30.06.2022", "A I 16 – hj 1/2022, Tabelle T2")
    ],
    precedence: "Eine Quelle je Ebene: Kreise INKAR; Bezirke und Planungsräume Einwohnerregister.",
    reference_date: "31.12. des Jahres; Planungsräume 30.06.2022",
    comparability: comparability(at("reference_date", "31.12.", 0.01, "zensus2011"), only("statistik_bb_einwohner_2023", "reference_date", "31.12.", 0.01, "einwohnerregister"), only("statistik_bb_einwohner_plr_2022", "reference_date", "30.06.", 0.01, "einwohnerregister")),
    numerator: "Einwohner ab 65 Jahren",
    denominator: "Einwohner insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [REGISTER, PLR_DATE],
    aggregation: {method: "weighted", weight: "bevoelkerung", note: "Länder und Bund als mit der Bevölkerung gewichtetes Mittel der Kreise, nur für Jahre mit Bevölkerungszahlen (2021, 2022)."},
    ...licensing("inkar", "statistik_bb_einwohner_2023", "statistik_bb_einwohner_plr_2022"),
    origin: {inkar: "share_65plus", berlin: "anteil_65_plus"}
  },
  {
    id: "auslaenderanteil",
    name: "Anteil der Ausländerinnen und Ausländer",
    short_name: "Ausländeranteil",
    definition: "Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit an allen Einwohnern.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: [...WITH_BEZIRKE, "planungsraum"],
    source: source("inkar", null, "a_ausl_bev", `${STATISTICAL_OFFICES} (Bevölkerungsfortschreibung)`),
    further_sources: [
      further("ew24_strukturdaten", "31.12.2022: Länder und Bund (Kreise nur im Quellenabgleich)", "EW 2024 Strukturdaten, Spalte 5"),
      further("statistik_bb_einwohner_2023", "Berliner Bezirke, 31.12.2013–2023", "A I 5 – hj 2/2023, Tabelle 3"),
      further("statistik_bb_einwohner_plr_2022", "Berliner Planungsräume, 30.06.2022", "A I 16 – hj 1/2022, Tabelle T2")
    ],
    precedence: PRECEDENCE_INKAR_EW24 + " Bezirke und Planungsräume: Einwohnerregister.",
    reference_date: "31.12. des Jahres; Planungsräume 30.06.2022",
    comparability: comparability(at("reference_date", "31.12.", 0.01, "zensus2011"), only("ew24_strukturdaten", "reference_date", "31.12.", 0.1, "zensus2011"), only("statistik_bb_einwohner_2023", "reference_date", "31.12.", 0.01, "einwohnerregister"), only("statistik_bb_einwohner_plr_2022", "reference_date", "30.06.", 0.01, "einwohnerregister")),
    numerator: "Einwohner ohne deutsche Staatsangehörigkeit",
    denominator: "Einwohner insgesamt",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: ["Staatsangehörigkeit, nicht Migrationshintergrund: eingebürgerte Menschen und Kinder mit deutscher und weiterer Staatsangehörigkeit zählen nicht mit.", REGISTER, PLR_DATE],
    aggregation: {method: "weighted", weight: "bevoelkerung", note: "Länder und Bund: 2022 veröffentlicht (EW 2024), 2021 als mit der Bevölkerung gewichtetes Mittel der Kreise."},
    ...licensing("inkar", "ew24_strukturdaten", "statistik_bb_einwohner_2023", "statistik_bb_einwohner_plr_2022"),
    origin: {inkar: "share_foreign", ew24: {column: 5, expect: "Ausländer/-innen (%)", period: "2022"}, berlin: "auslaenderanteil"}
  },
  {
    id: "migrationshintergrund_zensus2022",
    name: "Anteil der Personen mit Migrationshintergrund (Zensus 2022)",
    short_name: "Migrationshintergrund",
    definition: "Anteil der Personen mit Migrationshintergrund an der Bevölkerung laut Zensus 2022; Kreiswert als mit der Einwohnerzahl gewichtetes Mittel der Gemeindewerte.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Demografie",
    levels: ["kreis"],
    source: source("zensus2022", "Zensus 2022, Gemeinden"),
    further_sources: [],
    precedence: "",
    reference_date: "15.05.2022",
    comparability: comparability(at("reference_date", "15.05.", 0.01, "zensus2022")),
    numerator: "Personen mit Migrationshintergrund",
    denominator: "Bevölkerung",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: [
      "Eigene Berechnung aus Gemeindewerten (auf eine Nachkommastelle gerundet). In 30 Kreisen fehlt der Wert für einzelne kleine Gemeinden (zusammen höchstens 1,8 % der Einwohner); dort ist der Kreiswert über die übrigen Gemeinden gemittelt und als geschätzt (s) gekennzeichnet.",
      "Definition des Zensus 2022; nicht vergleichbar mit dem Berliner Registermerkmal Migrationshintergrund."
    ],
    aggregation: {method: "weighted", weight: "bevoelkerung_zensus2022", note: "Länder und Bund als mit der Zensusbevölkerung gewichtetes Mittel der Kreise."},
    ...licensing("zensus2022"),
    origin: {zensus: "share_migration_bg"}
  },

  // ─── Rahmenbedingungen: Arbeitsmarkt ───────────────────────────────────────────────────
  {
    id: "arbeitslosenquote",
    name: "Arbeitslosenquote",
    short_name: "Arbeitslosenquote",
    definition: "Arbeitslose in Prozent aller zivilen Erwerbspersonen.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Arbeitsmarkt",
    levels: KREIS_LAND_BUND,
    source: source("inkar", "13211-02-05-4", "q_alo", `${BA}, Statistik der Arbeitslosen (Regionaldatenbank Tabelle 13211-02-05-4)`),
    further_sources: [further("ew24_strukturdaten", "Oktober 2023: Kreise, Länder, Bund", "EW 2024 Strukturdaten, Spalte 45", null, EW24_BA)],
    precedence: "INKAR (Jahresdurchschnitt) für 1998–2021, EW 2024 (Oktober) für 2023; keine Überschneidung, 2022 fehlt.",
    reference_date: "Jahresdurchschnitt (INKAR); Oktober 2023 (EW 2024)",
    comparability: comparability(at("annual_average", "", 0.01, null), only("ew24_strukturdaten", "month", "Oktober", 0.1, null)),
    numerator: "Arbeitslose",
    denominator: "Zivile Erwerbspersonen",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: [
      "2023 ist ein Monatswert (Oktober), die früheren Jahre sind Jahresdurchschnitte: saisonale Schwankungen machen den Vergleich ungenau.",
      "Arbeitslose am Wohnort (Statistik der Bundesagentur für Arbeit)."
    ],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für Oktober 2023 (EW 2024); ohne Erwerbspersonenzahlen wird nicht gemittelt."},
    ...licensing("inkar", "ew24_strukturdaten"),
    origin: {inkar: "unemployment_rate", ew24: {column: 45, expect: "Arbeitslosenquote Oktober 2023 - insgesamt", period: "2023"}}
  },
  {
    id: "jugendarbeitslosenquote",
    name: "Arbeitslosenquote der 15- bis unter 25-Jährigen",
    short_name: "Jugendarbeitslosenquote",
    definition: "Arbeitslose im Alter von 15 bis unter 25 Jahren in Prozent der zivilen Erwerbspersonen dieser Altersgruppe.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Arbeitsmarkt",
    levels: KREIS_LAND_BUND,
    source: source("inkar", "13211-02-05-4", "q_alo_u25", `${BA}, Statistik der Arbeitslosen (Regionaldatenbank Tabelle 13211-02-05-4)`),
    further_sources: [further("ew24_strukturdaten", "Oktober 2023: Kreise, Länder, Bund", "EW 2024 Strukturdaten, Spalte 48", null, EW24_BA)],
    precedence: "INKAR (Jahresdurchschnitt) für 2008–2022, EW 2024 (Oktober) für 2023.",
    reference_date: "Jahresdurchschnitt (INKAR); Oktober 2023 (EW 2024)",
    comparability: comparability(at("annual_average", "", 0.01, null), only("ew24_strukturdaten", "month", "Oktober", 0.1, null)),
    numerator: "Arbeitslose von 15 bis unter 25 Jahren",
    denominator: "Zivile Erwerbspersonen von 15 bis unter 25 Jahren",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: ["2023 ist ein Monatswert (Oktober), die früheren Jahre sind Jahresdurchschnitte; im Herbst beginnen viele Ausbildungen, die Quote der Jüngeren ist dann saisonal niedrig."],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht nur für Oktober 2023 (EW 2024)."},
    ...licensing("inkar", "ew24_strukturdaten"),
    origin: {inkar: "youth_unemployment_rate", ew24: {column: 48, expect: "15 bis 24 Jahre", period: "2023"}}
  },
  {
    id: "langzeitarbeitslose_anteil",
    name: "Anteil der Langzeitarbeitslosen an den Arbeitslosen",
    short_name: "Langzeitarbeitslose",
    definition: "Anteil der Arbeitslosen, die seit einem Jahr oder länger arbeitslos sind, an allen Arbeitslosen.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Arbeitsmarkt",
    levels: ["kreis"],
    source: source("inkar", "13211-02-05-4", "a_aloLang", `${BA}, Statistik der Arbeitslosen`),
    further_sources: [],
    precedence: "",
    reference_date: "Jahresdurchschnitt",
    comparability: comparability(at("annual_average", "", 0.01, null)),
    numerator: "Langzeitarbeitslose",
    denominator: "Arbeitslose",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: ["Ein Anteil an den Arbeitslosen, nicht an der Bevölkerung: auch Kreise mit wenig Arbeitslosigkeit können hohe Werte haben."],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR)."},
    ...licensing("inkar"),
    origin: {inkar: "share_longterm_unemployed"}
  },
  mss("mss_arbeitslose_anteil", "Arbeitslose (SGB II und III) je 100 Einwohner von 15 bis unter 65 Jahren", "Arbeitslose (MSS)", "Anteil der Arbeitslosen nach SGB II und SGB III an den Einwohnerinnen und Einwohnern von 15 bis unter 65 Jahren (Statusindikator S1 des Monitorings Soziale Stadtentwicklung).", "Arbeitsmarkt", "Arbeitslose nach SGB II und SGB III", "Einwohner von 15 bis unter 65 Jahren", "higher_worse", "mss_S1", "Einwohner von 15 bis unter 65 Jahren am 30.06.2022 (A I 16)", [
    "Bezogen auf die Bevölkerung im erwerbsfähigen Alter, nicht auf die Erwerbspersonen: nicht mit der Arbeitslosenquote vergleichbar."
  ]),

  // ─── Rahmenbedingungen: Soziale Lage ───────────────────────────────────────────────────
  {
    id: "kinderarmut_sgb2_u15",
    name: "Kinderarmut: Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften",
    short_name: "Kinderarmut (SGB II)",
    definition: "Nicht erwerbsfähige Leistungsberechtigte nach SGB II unter 15 Jahren je 100 Einwohnerinnen und Einwohner unter 15 Jahren.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Soziale Lage",
    levels: ["kreis"],
    source: source("inkar_2024", null, "q_newfBGu15_bev", BA_SGB2),
    further_sources: [],
    precedence: "",
    reference_date: "31.12. des Jahres",
    comparability: comparability(at("reference_date", "31.12.", 0.01, "zensus2011")),
    numerator: "Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren (Sozialgeld)",
    denominator: "Einwohner unter 15 Jahren",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: [
      "Erfasst nur Kinder in Haushalten mit Grundsicherung für Arbeitsuchende; Kinder in Haushalten mit Wohngeld, Kinderzuschlag oder Asylbewerberleistungen fehlen.",
      "Die Berliner Bezirks- und Planungsraumwerte des MSS (mss_kinderarmut) messen dasselbe für 2020, aber mit dem Einwohnerregister als Nenner."
    ],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR 2024); ohne Kinderzahlen wird nicht gemittelt."},
    ...licensing("inkar_2024"),
    origin: {inkar2024: "child_poverty_sgb2_u15"}
  },
  {
    id: "sgb2_quote_u65",
    name: "SGB-II-Quote",
    short_name: "SGB-II-Quote",
    definition: "Leistungsberechtigte nach SGB II (Grundsicherung für Arbeitsuchende) in Prozent der Einwohnerinnen und Einwohner unter 65 Jahren.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Soziale Lage",
    levels: ["kreis"],
    source: source("inkar_2024", null, "q_SGBII", BA_SGB2),
    further_sources: [],
    precedence: "",
    reference_date: "31.12. des Jahres",
    comparability: comparability(at("reference_date", "31.12.", 0.01, "zensus2011")),
    numerator: "Leistungsberechtigte nach SGB II",
    denominator: "Einwohner unter 65 Jahren",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: ["Wohngeld, Kinderzuschlag und Sozialhilfe (SGB XII) sind nicht enthalten."],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR 2024)."},
    ...licensing("inkar_2024"),
    origin: {inkar2024: "sgb2_rate_u65"}
  },
  {
    id: "sgb2_empfaenger_je_1000_ew",
    name: "Empfängerinnen und Empfänger von Leistungen nach SGB II je 1.000 Einwohner",
    short_name: "SGB-II-Empfänger je 1.000 EW",
    definition: "Empfängerinnen und Empfänger von Leistungen nach SGB II im August 2023 je 1.000 Einwohnerinnen und Einwohner (alle Altersgruppen).",
    unit: "je 1.000 Einwohner",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Soziale Lage",
    levels: KREIS_LAND_BUND,
    source: source("ew24_strukturdaten", "EW 2024 Strukturdaten, Spalte 42", null, EW24_BA),
    further_sources: [],
    precedence: "",
    reference_date: "August 2023; Bevölkerung 31.12.2022",
    comparability: comparability(at("month", "August", 0.1, "zensus2011")),
    numerator: "Empfänger von Leistungen nach SGB II",
    denominator: "Bevölkerung (1.000)",
    range: {min: 0, max: 400},
    polarity: "higher_worse",
    caveats: ["Bezieht sich auf alle Einwohner, nicht auf die unter 65-Jährigen wie die SGB-II-Quote (sgb2_quote_u65)."],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht (EW 2024)."},
    ...licensing("ew24_strukturdaten"),
    origin: {ew24: {column: 42, expect: "SGB II  August 2023 -  insgesamt", period: "2023"}}
  },
  {
    id: "bedarfsgemeinschaften_mit_kindern_anteil",
    name: "Anteil der SGB-II-Bedarfsgemeinschaften mit Kindern",
    short_name: "Bedarfsgemeinschaften mit Kindern",
    definition: "Anteil der Bedarfsgemeinschaften mit Kindern unter 18 Jahren an allen Bedarfsgemeinschaften nach SGB II.",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Soziale Lage",
    levels: ["kreis"],
    source: source("inkar_2024", null, "a_BGKind", BA_SGB2),
    further_sources: [],
    precedence: "",
    reference_date: "31.12. des Jahres",
    comparability: comparability(at("reference_date", "31.12.", 0.01, null)),
    numerator: "Bedarfsgemeinschaften mit Kindern",
    denominator: "Bedarfsgemeinschaften nach SGB II",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: ["Eine Strukturgröße der Leistungsbezieher, kein Armutsmaß: ein hoher Anteil kann auch bei wenig SGB-II-Bezug auftreten."],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR 2024)."},
    ...licensing("inkar_2024"),
    origin: {inkar2024: "share_bg_with_children"}
  },
  {
    id: "haushalte_niedriges_einkommen_anteil",
    name: "Anteil der Haushalte mit niedrigem Einkommen",
    short_name: "Haushalte mit niedrigem Einkommen",
    definition: "Anteil der privaten Haushalte mit niedrigem Haushaltsnettoeinkommen an allen Haushalten (INKAR-Definition).",
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic: "Soziale Lage",
    levels: ["kreis"],
    source: source("inkar", null, "a_hheink_niedrig"),
    further_sources: [],
    precedence: "",
    reference_date: "Jahr",
    comparability: comparability(at("calendar_year", "", 0.01, null)),
    numerator: "Haushalte mit niedrigem Einkommen",
    denominator: "Private Haushalte",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: ["Modellierte Werte aus Haushaltsdaten eines privaten Anbieters (INKAR), keine amtliche Zählung; die Einkommensgrenze ist bundesweit einheitlich, nicht an regionale Preise angepasst."],
    aggregation: {method: "none", weight: null, note: "Nur Kreiswerte (INKAR)."},
    ...licensing("inkar"),
    origin: {inkar: "share_low_income_hh"}
  },
  {
    id: "verfuegbares_einkommen_je_ew",
    name: "Verfügbares Einkommen der privaten Haushalte je Einwohner",
    short_name: "Verfügbares Einkommen",
    definition: "Verfügbares Einkommen der privaten Haushalte (einschließlich privater Organisationen ohne Erwerbszweck) in Euro je Einwohnerin und Einwohner.",
    unit: "EUR je Einwohner",
    decimals: 0,
    area: "Rahmenbedingungen",
    topic: "Soziale Lage",
    levels: KREIS_LAND_BUND,
    source: source("ew24_strukturdaten", "EW 2024 Strukturdaten, Spalte 34"),
    further_sources: [],
    precedence: "",
    reference_date: "2021 (Volkswirtschaftliche Gesamtrechnungen der Länder)",
    comparability: comparability(at("calendar_year", "", 1, "zensus2011")),
    numerator: "Verfügbares Einkommen der privaten Haushalte",
    denominator: "Einwohner (Jahresdurchschnitt)",
    range: {min: 0, max: 100000},
    polarity: "neutral",
    caveats: ["Ein Durchschnitt: sagt nichts über die Verteilung und nichts über Armut im Kreis.", "Nur 2021."],
    aggregation: {method: "published", weight: null, note: "Länder- und Bundeswerte veröffentlicht (EW 2024)."},
    ...licensing("ew24_strukturdaten"),
    origin: {ew24: {column: 34, expect: "Verfügbares Einkommen", period: "2021"}}
  },
  mss("mss_transferbezug_anteil", "Transferbezug (SGB II und SGB XII) je 100 Einwohner", "Transferbezug (MSS)", "Anteil der Empfängerinnen und Empfänger von Transferleistungen nach SGB II und SGB XII (außerhalb von Einrichtungen) an allen Einwohnerinnen und Einwohnern (Statusindikator S3 des MSS).", "Soziale Lage", "Empfänger von Transferleistungen nach SGB II und SGB XII", "Einwohner insgesamt", "higher_worse", "mss_S3", "Einwohner insgesamt am 31.12.2020 (MSS)", []),
  mss("mss_kinderarmut", "Kinderarmut: Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften (MSS)", "Kinderarmut (MSS)", "Anteil der nicht erwerbsfähigen Leistungsberechtigten nach SGB II unter 15 Jahren an allen Einwohnerinnen und Einwohnern unter 15 Jahren (Statusindikator S4 des MSS).", "Soziale Lage", "Nicht erwerbsfähige Leistungsberechtigte nach SGB II unter 15 Jahren", "Einwohner unter 15 Jahren", "higher_worse", "mss_S4", "Einwohner unter 15 Jahren am 30.06.2022 (A I 16)", [
    "Dasselbe Konzept wie kinderarmut_sgb2_u15 (INKAR), aber mit dem Einwohnerregister als Nenner und für 2020: nicht in eine Reihe mit den Kreiswerten stellen."
  ]),
  mss("mss_kinder_migrationshintergrund", "Kinder und Jugendliche unter 18 Jahren mit Migrationshintergrund (MSS)", "Kinder mit Migrationshintergrund (MSS)", "Anteil der Einwohnerinnen und Einwohner unter 18 Jahren mit Migrationshintergrund an allen unter 18-Jährigen (Kontextindikator K04 des MSS; Registermerkmal des Amts für Statistik Berlin-Brandenburg).", "Demografie", "Einwohner unter 18 Jahren mit Migrationshintergrund", "Einwohner unter 18 Jahren", "neutral", "mss_KI_04", "Einwohner unter 18 Jahren am 30.06.2022 (A I 16)", [
    "Migrationshintergrund nach dem Berliner Registerverfahren (Ausländer, Eingebürgerte, Optionskinder und Kinder mit Migrationsmerkmal eines Elternteils); nicht mit dem Zensus-Merkmal vergleichbar."
  ])
];

/** The registry: the entries above with the newer years and new indicators of the Regionaldatenbank tables (regionaldatenbank.ts). */
export const REGISTRY: RegistryEntry[] = withRegionaldatenbank(BASE_REGISTRY);

function schoolCount(id: string, name: string, short_name: string, definition: string, area: Indicator["area"], berlin: BerlinDerivation, caveats: string[]): RegistryEntry {
  return {
    id,
    name,
    short_name,
    definition,
    unit: "Schulen",
    decimals: 0,
    area,
    topic: "Schulen",
    levels: BERLIN_SMALL_AREA,
    source: source("berlin_schulen_plr", "WFS Schulen, Oktober 2023"),
    further_sources: [],
    precedence: "",
    reference_date: "Oktober 2023",
    comparability: comparability(at("reference_date", "Oktober", 1, null)),
    numerator: null,
    denominator: null,
    range: {min: 0, max: 2000},
    polarity: "neutral",
    caveats: [...caveats, "Eine Zählung von Standorten je Planungsraum, ohne Schülerzahl; Schulen mit mehreren Standorten können mehrfach zählen.", COUNT_BERLIN],
    aggregation: {method: "sum", weight: null, note: COUNT_BERLIN},
    ...licensing("berlin_schulen_plr"),
    origin: {berlin}
  };
}

function mss(
  id: string,
  name: string,
  short_name: string,
  definition: string,
  topic: string,
  numerator: string,
  denominator: string,
  polarity: Indicator["polarity"],
  berlin: BerlinDerivation,
  weight: string,
  caveats: string[]
): RegistryEntry {
  return {
    id,
    name,
    short_name,
    definition,
    unit: "%",
    decimals: 1,
    area: "Rahmenbedingungen",
    topic,
    levels: BERLIN_SMALL_AREA,
    source: source("mss2021", "MSS 2021"),
    further_sources: [further("statistik_bb_einwohner_plr_2022", `Gewichte der Bezirkswerte: ${weight}`, "A I 16 – hj 1/2022, Tabelle T2")],
    precedence: "Keine Überschneidung: die zweite Quelle liefert nur die Gewichte der Bezirks- und Berlinwerte.",
    reference_date: "31.12.2020",
    comparability: comparability(at("reference_date", "31.12.", 0.00001, "einwohnerregister")),
    numerator,
    denominator,
    range: {min: 0, max: 100},
    polarity,
    caveats: [...caveats, MSS_DATE, MSS_AGGREGATION + ` Gewicht: ${weight}.`, "Nur Berlin."],
    aggregation: {method: "none", weight: null, note: `Nur Berlin. Bezirke und Berlin: gewichtetes Mittel der Planungsräume, Gewicht ${weight}.`},
    ...licensing("mss2021", "statistik_bb_einwohner_plr_2022"),
    origin: {berlin}
  };
}
