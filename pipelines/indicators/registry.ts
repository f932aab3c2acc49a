/**
 * The indicator registry: one entry per indicator, with everything a page needs to show
 * a number honestly (definition, source, reference date, caveats, licence).
 * `origin` says where the importer finds the values; it is not part of the snapshot.
 */
import type {Indicator} from "../snapshot/format.ts";
import {sourceById} from "./sources.ts";

export interface IndicatorOrigin {
  /** A column of the INKAR wide extract (inkar_kreise_1995-2022.csv). */
  inkarColumn?: string;
}

export type RegistryEntry = Indicator & {origin: IndicatorOrigin};

const inkar = sourceById("inkar");
const INKAR_SOURCE = {licence: inkar.licence, attribution: inkar.attribution};

export const REGISTRY: RegistryEntry[] = [
  {
    id: "schulabgaenger_ohne_hsa",
    name: "Schulabgänger/-innen ohne Hauptschulabschluss",
    short_name: "ohne Hauptschulabschluss",
    definition: "Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen ohne Hauptschulabschluss an allen Absolventen und Abgängern des Schuljahres.",
    unit: "%",
    decimals: 1,
    area: "Allgemeinbildende Schule",
    topic: "Schulabschlüsse",
    levels: ["kreis"],
    source: {publisher: inkar.publisher, title: inkar.title, table: "21111-02-06-4", inkar_code: "a_schul_oA", source_id: "inkar"},
    reference_date: "Schuljahresende (Abgangsjahr)",
    numerator: "Abgänger ohne Hauptschulabschluss",
    denominator: "Absolventen und Abgänger allgemeinbildender Schulen insgesamt",
    range: {min: 0, max: 100},
    polarity: "higher_worse",
    caveats: [
      "Gezählt am Schulort, nicht am Wohnort der Schülerinnen und Schüler.",
      "Abgänger von Förderschulen sind eingeschlossen; Kreise mit großen Förderschulen haben höhere Anteile."
    ],
    aggregation: {method: "none", weight: null, note: "Land- und Bundeswerte fehlen im INKAR-Auszug; ohne Abgängerzahlen wird nicht gemittelt."},
    ...INKAR_SOURCE,
    origin: {inkarColumn: "share_no_degree"}
  },
  {
    id: "betreuungsquote_u3",
    name: "Betreuungsquote der Kinder unter 3 Jahren",
    short_name: "Betreuungsquote unter 3",
    definition: "Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder öffentlich geförderter Kindertagespflege an allen Kindern dieser Altersgruppe.",
    unit: "%",
    decimals: 1,
    area: "Frühkindliche Bildung",
    topic: "Kindertagesbetreuung",
    levels: ["kreis"],
    source: {publisher: inkar.publisher, title: inkar.title, table: "22543-01-02-4", inkar_code: "a_betr0003_bev0003", source_id: "inkar"},
    reference_date: "01.03. des Jahres",
    numerator: "Betreute Kinder unter 3 Jahren",
    denominator: "Kinder unter 3 Jahren",
    range: {min: 0, max: 100},
    polarity: "neutral",
    caveats: ["Kinder werden am Ort der Betreuung gezählt, nicht am Wohnort.", "Ein Rechtsanspruch auf einen Platz besteht seit dem 01.08.2013."],
    aggregation: {method: "none", weight: null, note: "Land- und Bundeswerte fehlen im INKAR-Auszug."},
    ...INKAR_SOURCE,
    origin: {inkarColumn: "childcare_under3"}
  }
];
