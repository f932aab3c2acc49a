/**
 * The source catalogue: every observation in the snapshot names one of these ids, and
 * pages print the attribution each licence requires. `role` says whether a source feeds the
 * snapshot or is only read for the cross-source check in the import report.
 */
import type {Source} from "../snapshot/format.ts";

const DL_DE_BY = {licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)", licence_url: "https://www.govdata.de/dl-de/by-2-0"};
const CC_BY_3_DE = {licence: "Creative Commons Namensnennung 3.0 Deutschland (CC BY 3.0 DE)", licence_url: "https://creativecommons.org/licenses/by/3.0/de/"};

export const SOURCES: Source[] = [
  {
    id: "inkar",
    title: "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung",
    publisher: "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), Bonn",
    producer: "BBSR Bonn (INKAR)",
    ...DL_DE_BY,
    attribution: "Datenquelle: INKAR, BBSR Bonn",
    url: "https://www.inkar.de",
    reference: "Kreise, Gebietsstand 31.12.2021 (auf den heutigen Gebietsstand umgerechnete Reihen), Jahre 1995–2022",
    via: "R-Paket GERDA (hhilbig/gerda @ 8124aa7), Objekt county_covariates_internal",
    role: "snapshot",
    population_basis: "zensus2011"
  },
  {
    id: "inkar_2024",
    title: "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung, Ausgabe 2024 (Bildung, Sozialleistungen)",
    publisher: "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), Bonn",
    producer: "BBSR Bonn (INKAR)",
    ...DL_DE_BY,
    attribution: "Datenquelle: INKAR 2024, BBSR Bonn",
    url: "https://www.inkar.de",
    reference: "Ausgabe 2024, Kreise, Jahre 2010–2022",
    via: "R-Paket inkr (RegioHub/inkr @ 2825eea, v0.2.1), inst/db/bildung.parquet und sozialleistungen.parquet",
    role: "snapshot"
  },
  {
    id: "gvisys",
    title: "Gemeindeverzeichnis GV-ISys: Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte",
    publisher: "Statistisches Bundesamt (Destatis)",
    producer: "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys",
    ...DL_DE_BY,
    attribution: "© Statistisches Bundesamt (Destatis), 2022",
    url: "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html",
    reference: "Gebietsstand 31.12.2021; Bevölkerung 31.12.2021 (Fortschreibung auf Basis des Zensus 2011)",
    via: "vaishali0810/Stat.-Praktikum @ dd10e7d, 04-kreise.csv",
    role: "snapshot",
    population_basis: "zensus2011"
  },
  {
    id: "bbsr_kreistypen",
    title: "Siedlungsstrukturelle Kreistypen 2020 (Laufende Raumbeobachtung – Raumabgrenzungen)",
    publisher: "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), Bonn",
    producer: "BBSR Bonn",
    ...DL_DE_BY,
    attribution: "© BBSR Bonn 2020",
    url: "https://www.bbsr.bund.de/BBSR/DE/forschung/raumbeobachtung/Raumabgrenzungen/deutschland/kreise/siedlungsstrukturelle-kreistypen/kreistypen.html",
    reference: "Stand 2020 (401 Kreise; 16056 Eisenach seit 01.07.2021 im Wartburgkreis)",
    via: "tanmoy79/wetterdienst-traffic-risk-de @ 9759f57, Originaldatei (ISO-8859-1)",
    role: "snapshot"
  },
  {
    id: "bkg_vg5000",
    title: "Verwaltungsgebiete 1:5 000 000 (VG5000), Ebenen",
    publisher: "Bundesamt für Kartographie und Geodäsie (BKG)",
    producer: "Bundesamt für Kartographie und Geodäsie (BKG)",
    ...DL_DE_BY,
    attribution: "© GeoBasis-DE / BKG 2021 (Daten verändert)",
    url: "https://gdz.bkg.bund.de",
    reference: "Stand 01.01.2021; Eisenach in den Wartburgkreis eingegliedert (Gebietsstand 01.07.2021)",
    via: "Praesklepios/geoGermany @ 7af434f",
    role: "snapshot"
  },
  {
    id: "ew24_strukturdaten",
    title: "Strukturdaten für die kreisfreien Städte und Landkreise zur Europawahl am 09.06.2024",
    publisher: "Die Bundeswahlleiterin; Statistische Ämter des Bundes und der Länder; Bundesagentur für Arbeit",
    producer: "Strukturdaten der Bundeswahlleiterin, nach Daten der Statistischen Ämter des Bundes und der Länder",
    ...DL_DE_BY,
    attribution: "© Die Bundeswahlleiterin, Wiesbaden 2024",
    url: "https://www.bundeswahlleiterin.de (Europawahl 2024, Strukturdaten)",
    reference: "Kreise (Gebietsstand 2021), Länder, Deutschland; Stichtage je Merkmal (Bevölkerung 31.12.2022, Schulabgänger 2022, Kindertagesbetreuung 01.03.2023, SGB II August 2023, Arbeitslosenquote Oktober 2023)",
    via: "tom-doerr/bsw_analysis @ 7cc40d0, data/ew24_strukturdaten.csv (Originaldatei)",
    role: "snapshot",
    population_basis: "zensus2011"
  },
  {
    id: "btw25_strukturdaten_berlin",
    title: "Strukturdaten für die Wahlkreise zum 21. Deutschen Bundestag (Bundestagswahl am 23.02.2025), Berliner Wahlkreise",
    publisher: "Die Bundeswahlleiterin; Amt für Statistik Berlin-Brandenburg",
    producer: "Strukturdaten der Bundeswahlleiterin, nach Daten des Amts für Statistik Berlin-Brandenburg",
    ...DL_DE_BY,
    attribution: "© Die Bundeswahlleiterin, Wiesbaden 2025",
    url: "https://www.bundeswahlleiterin.de (Bundestagswahl 2025, Strukturdaten)",
    reference: "Berliner Wahlkreise 74–85; Schulabgänger 2022, Kindertagesbetreuung 01.03.2023; nur Wahlkreise, die genau einem Bezirk entsprechen",
    via: "tom-doerr/bsw_analysis @ 7cc40d0, data/btw2025_strukturdaten.csv (Auszug der Berliner Zeilen)",
    role: "snapshot"
  },
  {
    id: "zensus2022",
    title: "Zensus 2022: Bevölkerung und Merkmale nach Gemeinden",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Zensus 2022",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Zensus 2022",
    url: "https://www.zensus2022.de",
    reference: "Stichtag 15.05.2022; Gemeinden, zu Kreisen summiert (Kreis = erste 5 Stellen des Gemeindeschlüssels)",
    via: "R-Paket GERDA (hhilbig/gerda @ 8124aa7), Objekt census_2022_internal",
    role: "snapshot",
    population_basis: "zensus2022"
  },
  {
    id: "statistik_bb_einwohner_2023",
    title: "Statistischer Bericht A I 5 – hj 2/2023: Einwohnerinnen und Einwohner im Land Berlin am 31. Dezember 2023",
    publisher: "Amt für Statistik Berlin-Brandenburg",
    producer: "Amt für Statistik Berlin-Brandenburg, Einwohnerregisterstatistik",
    ...CC_BY_3_DE,
    attribution: "Amt für Statistik Berlin-Brandenburg, Statistischer Bericht A I 5 – hj 2/2023 (CC BY 3.0 DE); Daten verändert (Anteile berechnet)",
    url: "https://www.statistik-berlin-brandenburg.de/a-i-5-hj",
    reference: "Einwohnerregister, Stichtage 31.12.2013–31.12.2023 (Tabellen 3 und 6)",
    via: "Lucky-0ne/geodata_berlin @ dac839d, SB_A01-05-00_2023h02_BE.xlsx (Originaldatei)",
    role: "snapshot"
  },
  {
    id: "statistik_bb_einwohner_plr_2022",
    title: "Statistischer Bericht A I 16 – hj 1/2022: Einwohnerregisterstatistik Berlin nach Planungsräumen, 30.06.2022",
    publisher: "Amt für Statistik Berlin-Brandenburg",
    producer: "Amt für Statistik Berlin-Brandenburg, Einwohnerregisterstatistik",
    ...CC_BY_3_DE,
    attribution: "Amt für Statistik Berlin-Brandenburg, Statistischer Bericht A I 16 – hj 1/2022 (CC BY 3.0 DE); Daten verändert (Anteile und Bezirkssummen berechnet)",
    url: "https://www.statistik-berlin-brandenburg.de/a-i-16-hj",
    reference: "Einwohnerregister, Stichtag 30.06.2022, 542 LOR-Planungsräume (Tabelle T2)",
    via: "jascha-je/Data-Visualization @ f234dd6, einwohnerbestand_06-2022_plr.csv (von Hand abgeschrieben)",
    role: "snapshot"
  },
  {
    id: "mss2021",
    title: "Monitoring Soziale Stadtentwicklung Berlin 2021",
    publisher: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin",
    producer: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin, Monitoring Soziale Stadtentwicklung",
    ...DL_DE_BY,
    attribution: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin: Monitoring Soziale Stadtentwicklung 2021; Geoportal Berlin (dl-de/by-2-0); Bezirkswerte eigene Berechnung",
    url: "https://www.berlin.de/sen/sbw/stadtdaten/stadtwissen/monitoring-soziale-stadtentwicklung/",
    reference: "Stichtag 31.12.2020, 542 LOR-Planungsräume (FIS-Broker s_IndexInd_MSS2021_homogen, s_KontextInd_MSS2021_homogen)",
    via: "tesch-ch/berlin_PLR_data @ f5550dd, data/monitoring_soziale_stadtentwicklung_2021/mss_2021.csv",
    role: "snapshot"
  },
  {
    id: "geoportal_berlin_lor",
    title: "Lebensweltlich orientierte Räume (LOR) 2021: Planungsräume",
    publisher: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin; Amt für Statistik Berlin-Brandenburg",
    producer: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin; Amt für Statistik Berlin-Brandenburg",
    ...DL_DE_BY,
    attribution: "Geoportal Berlin / Lebensweltlich orientierte Räume (LOR) 2021 (Daten verändert: vereinfacht)",
    url: "https://gdi.berlin.de (WFS s_lor_plr_2021)",
    reference: "Stand 01.01.2021, 542 Planungsräume; Flächen aus dem Merkmal GROESSE_M2",
    via: "Lucky-0ne/geodata_berlin @ dac839d (über daten.odis-berlin.de), vereinfacht mit mapshaper",
    role: "snapshot"
  },
  {
    id: "geoportal_berlin_bezirke",
    title: "ALKIS Berlin: Bezirksgrenzen",
    publisher: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin",
    producer: "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin",
    ...DL_DE_BY,
    attribution: "Geoportal Berlin / ALKIS Berlin Bezirke (Daten verändert: vereinfacht)",
    url: "https://gdi.berlin.de (WFS s_wfs_alkis_bezirk)",
    reference: "12 Bezirke, abgerufen 2024",
    via: "Lucky-0ne/geodata_berlin @ dac839d (über daten.odis-berlin.de), vereinfacht mit mapshaper",
    role: "snapshot"
  },
  {
    id: "berlin_schulen_plr",
    title: "Schulen in Berlin (Geoportal-Layer Schulen), gezählt je Planungsraum",
    publisher: "Senatsverwaltung für Bildung, Jugend und Familie Berlin",
    producer: "Senatsverwaltung für Bildung, Jugend und Familie Berlin (Schulstandorte)",
    ...DL_DE_BY,
    attribution: "Geoportal Berlin / Schulen (dl-de/by-2-0); Daten verändert (je Planungsraum gezählt)",
    url: "https://gdi.berlin.de (WFS s_schulen)",
    reference: "Oktober 2023, 902 Schulen",
    via: "tesch-ch/berlin_PLR_data @ f5550dd, data/schulen/schools_per_plr_simple.csv",
    role: "snapshot"
  },
  {
    id: "berlin_kitas_plr",
    title: "Kindertagesstätten in Berlin (Geoportal-Layer Kitas), gezählt je Planungsraum",
    publisher: "Senatsverwaltung für Bildung, Jugend und Familie Berlin",
    producer: "Senatsverwaltung für Bildung, Jugend und Familie Berlin (Kita-Standorte)",
    ...DL_DE_BY,
    attribution: "Geoportal Berlin / Kindertagesstätten (dl-de/by-2-0); Daten verändert (je Planungsraum gezählt)",
    url: "https://gdi.berlin.de/services/wfs/kita",
    reference: "Dezember 2022",
    via: "tesch-ch/berlin_PLR_data @ f5550dd, data/kitas/kitas_per_plr_simple.csv",
    role: "snapshot"
  },
  {
    id: "senbjf_kitaliste",
    title: "Kitaliste: Kindertageseinrichtungen in Berlin mit genehmigten Plätzen",
    publisher: "Senatsverwaltung für Bildung, Jugend und Familie Berlin",
    producer: "Senatsverwaltung für Bildung, Jugend und Familie Berlin, Kitaliste",
    ...CC_BY_3_DE,
    attribution: "Senatsverwaltung für Bildung, Jugend und Familie Berlin, Kitaliste November 2023 (Lizenz laut Berliner Open-Data-Portal; für diese Datei nicht erneut geprüft); Daten verändert (je Bezirk summiert)",
    url: "https://www.berlin.de/sen/jugend/familie-und-kinder/kindertagesbetreuung/kitas/",
    reference: "Stand November 2023, 2.922 Einrichtungen",
    via: "JeanneDuPre/daycare_in_berlin @ 353ea3d, data/kitaliste_aktuell.xlsx (Originaldatei)",
    role: "snapshot"
  },
  {
    id: "rdb_schulabgaenger_2023",
    title: "Regionaldatenbank 21111-02-06-4: Absolvierende/Abgehende allgemeinbildender Schulen nach Abschlussarten, Kreise",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 21111-02-06-4",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2025",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=21111-02-06-4",
    reference: "Schuljahr 2022/23 (2023), Stand 13.03.2025; Kreise, Länder, Deutschland, Berliner Bezirke und die Städte Hannover, Aachen, Saarbrücken",
    via: "buddemax/schulabschluss-data-story @ 6d4c068, data/raw/21111-02-06-4.csv (Originaldatei)",
    role: "snapshot",
    computed: "Anteile = Zahl mit dem Abschluss / Absolvierende und Abgehende insgesamt × 100, aus den Zählungen berechnet"
  },
  {
    id: "rdb_schulabgaenger_2024",
    title: "Regionaldatenbank 21111-02-06-4: Absolvierende/Abgehende allgemeinbildender Schulen nach Abschlussarten, Kreise (Ausgabe 2026)",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 21111-02-06-4",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2026",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=21111-02-06-4",
    reference: "Schuljahr 2023/24 (2024), Stand 28.03.2026; Abschlüsse neu benannt (Erster Schulabschluss = früherer Hauptschulabschluss)",
    via: "theo-lyd/educational-equity-flow @ 1314e07, data/raw/21111-02-06-4.csv (Originaldatei)",
    role: "snapshot",
    computed: "Anteile = Zahl mit dem Abschluss / Absolvierende und Abgehende insgesamt × 100, aus den Zählungen berechnet"
  },
  {
    id: "rdb_schueler_2023",
    title: "Regionaldatenbank 21111-01-03-4: Schulen, Schülerinnen und Schüler nach Schularten, Kreise",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 21111-01-03-4",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2025",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=21111-01-03-4",
    reference: "Schuljahresbeginn 2023/24, Stand 13.03.2025",
    via: "buddemax/schulabschluss-data-story @ 6d4c068, data/raw/21111-01-03-4.csv (Originaldatei)",
    role: "snapshot",
    computed: "Anteile aus den Schülerzahlen berechnet (Schulart / alle allgemeinbildenden Schulen × 100)"
  },
  {
    id: "rdb_berufliche_schulen_2023",
    title: "Regionaldatenbank 21121-02-02-4: Absolvierende/Abgehende beruflicher Schulen nach Abschlussarten, Kreise",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 21121-02-02-4",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2025",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=21121-02-02-4",
    reference: "Schuljahr 2022/23 (2023), Stand 12.03.2025; gezählt am Schulort",
    via: "buddemax/schulabschluss-data-story @ 6d4c068, data/raw/21121-02-02-4.csv (Originaldatei)",
    role: "snapshot",
    computed: "Anteile = Zahl mit dem allgemeinbildenden Abschluss / Absolvierende und Abgehende beruflicher Schulen × 100"
  },
  {
    id: "rdb_arbeitslose_2025",
    title: "Regionaldatenbank 13211-02-05-4: Arbeitslose nach ausgewählten Personengruppen sowie Arbeitslosenquoten, Jahresdurchschnitt, Kreise",
    publisher: "Bundesagentur für Arbeit; Statistische Ämter des Bundes und der Länder",
    producer: "Bundesagentur für Arbeit, Statistik der Arbeitslosen (Regionaldatenbank Tabelle 13211-02-05-4)",
    ...DL_DE_BY,
    attribution: "Statistik der Bundesagentur für Arbeit; © Statistische Ämter des Bundes und der Länder, Deutschland, 2026",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=13211-02-05-4",
    reference: "Jahresdurchschnitt 2025, Stand 26.02.2026",
    via: "buddemax/schulabschluss-data-story @ 6d4c068, data/raw/13211-02-05-4.csv (Originaldatei)",
    role: "snapshot",
    computed: "Quoten wie veröffentlicht; Anteil Langzeitarbeitsloser = Langzeitarbeitslose / Arbeitslose × 100"
  },
  {
    id: "rdb_bevoelkerung_2023_2024",
    title: "Regionaldatenbank 12411-02-03-4: Bevölkerung nach Geschlecht und Altersgruppen, Kreise (Basis Zensus 2022)",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 12411-02-03-4",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2025",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=12411-02-03-4",
    reference: "Stichtage 31.12.2023 und 31.12.2024, Fortschreibung auf Basis des Zensus 2022 (Bruch gegenüber den Werten bis 2022 auf Basis des Zensus 2011)",
    via: "buddemax/schulabschluss-data-story @ 6d4c068, data/clean/fact_bevoelkerung_2023_2024.csv (Auszug jenes Projekts: zwei Stichtage, Werte unverändert)",
    role: "snapshot",
    population_basis: "zensus2022",
    computed: "Altersanteile = Summe der Altersgruppen / Bevölkerung insgesamt × 100"
  },
  {
    id: "rdb_kita_u3_2025",
    title: "Regionaldatenbank 22543-03-01-4-B: Kinder in Kindertagesbetreuung (Tageseinrichtungen und Tagespflege), Kreise; Betreuungsquote berechnet",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabellen 22543-03-01-4-B und 12411-02-03-4 (Quote berechnet)",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2025; Daten verändert (Quote berechnet)",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=22543-03-01-4-B",
    reference: "Kinder unter 3 Jahren in Betreuung am 01.03.2025; Kinder unter 3 Jahren am 31.12.2024 aus 12411-02-03-4 (Basis Zensus 2022)",
    via: "shahabday/German-Election-Results @ ac0d152, map-society/data/raw/childcare_coverage_u3_2025.json (nur count übernommen; die Quote jener Datei ist nicht amtlich)",
    role: "snapshot",
    population_basis: "zensus2022",
    computed: "Betreuungsquote 2025 = Kinder unter 3 Jahren in Betreuung am 01.03.2025 (22543-03-01-4-B) / Kinder unter 3 Jahren am 31.12.2024 (12411-02-03-4) × 100; Länder und Deutschland aus den Summen der Kreise"
  },
  {
    // The same file's count as it stands: the numerator, no computation (the rate above is computed).
    id: "rdb_kita_u3_2025_anzahl",
    title: "Regionaldatenbank 22543-03-01-4-B: Kinder unter 3 Jahren in Kindertagesbetreuung (Tageseinrichtungen und Tagespflege), Kreise",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 22543-03-01-4-B",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2025",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=22543-03-01-4-B",
    reference: "Kinder unter 3 Jahren in Betreuung am 01.03.2025",
    via: "shahabday/German-Election-Results @ ac0d152, map-society/data/raw/childcare_coverage_u3_2025.json (nur count übernommen; die Quote jener Datei ist nicht amtlich)",
    role: "snapshot"
  },
  {
    id: "genesis_21111_02_06_4",
    title: "Regionaldatenbank 21111-02-06-4: Allgemeinbildende Schulen, Absolventen/Abgänger nach dem Schulabschluss, Kreise",
    publisher: "Statistische Ämter des Bundes und der Länder",
    producer: "Statistische Ämter des Bundes und der Länder, Tabelle 21111-02-06-4",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2018",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=21111-02-06-4",
    reference: "Schuljahre 1995–2015, Stand 24.02.2018; alter Gebietsstand je Jahr",
    via: "datenguide/genesapi-data @ c7fdfcb, src/21111-02-06-4.csv",
    role: "crosscheck"
  },
  {
    id: "genesis_13211_02_05_4",
    title: "Regionaldatenbank 13211-02-05-4: Arbeitslose und Arbeitslosenquoten, Jahresdurchschnitt, Kreise",
    publisher: "Statistische Ämter des Bundes und der Länder; Bundesagentur für Arbeit",
    producer: "Bundesagentur für Arbeit, Statistik der Arbeitslosen (Regionaldatenbank Tabelle 13211-02-05-4)",
    ...DL_DE_BY,
    attribution: "© Statistische Ämter des Bundes und der Länder, Deutschland, 2017",
    url: "https://www.regionalstatistik.de/genesis/online?operation=table&code=13211-02-05-4",
    reference: "Jahre 2001–2016, Stand 10.10.2017; alter Gebietsstand je Jahr",
    via: "datenguide/genesapi-data @ 838afdc, src/13211-02-05-4_00.csv",
    role: "crosscheck"
  }
];

export function sourceById(id: string): Source {
  const source = SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`unknown source id ${id}`);
  return source;
}
