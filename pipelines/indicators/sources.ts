/**
 * The source catalogue: every observation in the snapshot names one of these ids, and
 * pages print the attribution each licence requires.
 */
import type {Source} from "../snapshot/format.ts";

const DL_DE_BY = {licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)", licence_url: "https://www.govdata.de/dl-de/by-2-0"};

export const SOURCES: Source[] = [
  {
    id: "inkar",
    title: "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung",
    publisher: "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), Bonn",
    ...DL_DE_BY,
    attribution: "Datenquelle: INKAR, BBSR Bonn",
    url: "https://www.inkar.de",
    reference: "Ausgabe 2024 (Kreise, Gebietsstand 31.12.2021)",
    via: "R-Paket GERDA (hhilbig/gerda @ 8124aa7), Objekt county_covariates_internal"
  },
  {
    id: "gvisys",
    title: "Gemeindeverzeichnis GV-ISys: Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte",
    publisher: "Statistisches Bundesamt (Destatis)",
    ...DL_DE_BY,
    attribution: "© Statistisches Bundesamt (Destatis), 2022",
    url: "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html",
    reference: "Gebietsstand 31.12.2021",
    via: "vaishali0810/Stat.-Praktikum @ dd10e7d, 04-kreise.csv"
  },
  {
    id: "bbsr_kreistypen",
    title: "Siedlungsstrukturelle Kreistypen 2020 (Laufende Raumbeobachtung – Raumabgrenzungen)",
    publisher: "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), Bonn",
    ...DL_DE_BY,
    attribution: "© BBSR Bonn 2020",
    url: "https://www.bbsr.bund.de/BBSR/DE/forschung/raumbeobachtung/Raumabgrenzungen/deutschland/kreise/siedlungsstrukturelle-kreistypen/kreistypen.html",
    reference: "Stand 2020",
    via: "tanmoy79/wetterdienst-traffic-risk-de @ 9759f57"
  },
  {
    id: "bkg_vg5000",
    title: "Verwaltungsgebiete 1:5 000 000 (VG5000), Ebenen",
    publisher: "Bundesamt für Kartographie und Geodäsie (BKG)",
    ...DL_DE_BY,
    attribution: "© GeoBasis-DE / BKG 2021 (Daten verändert)",
    url: "https://gdz.bkg.bund.de",
    reference: "Stand 01.01.2021; Eisenach in den Wartburgkreis eingegliedert (Gebietsstand 01.07.2021)",
    via: "Praesklepios/geoGermany @ 7af434f"
  }
];

export function sourceById(id: string): Source {
  const source = SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source id ${id}`);
  return source;
}
