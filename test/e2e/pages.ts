/**
 * The pages the browser test opens. CI opens every page of its own kind (home, maps, data,
 * training, programme), one indicator page per source and the fixed region sample;
 * `npm run test:e2e:full` opens every indicator page and every region page too.
 */
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {profileRegions} from "../../pipelines/snapshot/read.ts";
import type {PageExpectation} from "../support/page-check.ts";

export const SITE_PAGES: PageExpectation[] = [
  {path: "/", charts: 1, texts: ["Kommunalprofil öffnen", "Betreuungsquote der Kinder unter 3 Jahren", "Bundeswahlleiterin", "Stichtag: 01.03. des Jahres", "Datenlizenz Deutschland"]},
  {path: "/programm/?stand=2015-08-28", charts: 12, texts: ["Kommunen je Stufe, Monat für Monat", "Handlungsliste: 16 von 26 förderfähigen Kommunen", "Wer hat welches Modul besucht?", "Reichweite der Transferagenturen für Großstädte", "21 von 26", "Mit 21 von 26 Städten sind die Transferagenturen für Großstädte im Austausch, darunter 10 von 12 Berliner Bezirken (Stand: 28.08.2015).", "sechs Kommunalsalons mit 197 Teilnehmenden", "fünf Analyseworkshops", "Zehn weitere Analyseworkshops stehen noch an.", "Programmdaten (Beispieldaten, Zuordnung der Städte illustrativ), Stand der Liste 31.12.2015"]},
  // Sources, then data quality (from the warehouse and data/snapshot/import-report.json), then the analyst downloads.
  {path: "/daten/", charts: 0, texts: ["Daten und Quellen", "INKAR", "© GeoBasis-DE / BKG 2021 (Daten verändert)", "dl-de/by-2-0", "Datenqualität", "Abdeckung Kreise: Anteil der 400 Regionen mit Wert", "Sonderzeichen und Kennzeichen je Indikator", "unbekannt oder geheim", "Veraltete Indikatoren", "Quellenabgleich: 7 Vergleiche", "Beim Import beiseitegelegt", `${setAsideRows()} Zeilen beiseitegelegt`, "Alle Beobachtungen als Parquet", "Alle Beobachtungen als CSV für Excel"]},
  // Default maps: under-3 childcare rate in its newest year (2025, computed from Regionaldatenbank counts), MSS child poverty by Planungsraum.
  {path: "/karte/", charts: 2, texts: ["Betreuungsquote der Kinder unter 3 Jahren, 2025", "400 von 400 Kreisen mit Wert", "Tabellen 22543-03-01-4-B und 12411-02-03-4 (Quote berechnet)", "Stichtag: 01.03. des Jahres", "Grenzen: © GeoBasis-DE / BKG 2021 (Daten verändert)", "Kinder werden am Ort der Betreuung gezählt", "536 von 542 Planungsräumen mit Wert", "„.“ = unbekannt oder geheim (6 Planungsräume)", "Monitoring Soziale Stadtentwicklung", "Lizenz: Datenlizenz Deutschland"]},
  // Chosen in the address: an INKAR year with a diverging scale, a district-only Berlin indicator.
  {path: "/karte/?indikator=schulabgaenger_ohne_hsa&jahr=2015&berlin=kita_plaetze_je_100_u6", charts: 2, texts: ["ohne Hauptschulabschluss", ", 2015", "Datenquelle: INKAR, BBSR Bonn", "geteilt am Median", "12 von 12 Bezirken mit Wert", "Kitaliste"]},
  // Eigene Daten: only the form until files are chosen (test/e2e/own-data.e2e.ts loads files).
  {path: "/eigene-daten/", charts: 0, texts: ["Eigene Daten", "Ihre Dateien bleiben auf Ihrem Rechner", "Beispiel laden: Berlin, MSS 2021 je Planungsraum", "Noch keine Datei gewählt."]},
  {path: "/indikatoren/", charts: 0, texts: ["Indikatoren", "Frühkindliche Bildung", "Allgemeinbildende Schule", "Betreuungsquote der Kinder unter 3 Jahren", "Katalog als CSV"]},
  // Fortbildung: the overview, five worked examples (default region, computed sentences), the pitfalls.
  {path: "/fortbildung/", charts: 0, texts: ["Datengestütztes Steuern", "Steuerungskreislauf", "Präsentieren", "Lösungshinweis", "Fallstricke", "; ohne Kreiswerte "]},
  {path: "/fortbildung/kita-u3", charts: 3, texts: ["Betreuung unter Dreijähriger", "Köln lag 2025 mit 38,3\u00a0% auf dem Median der 25 Großstädte (38,3\u00a0%).", "Rechtsanspruch", "in den Jahren 2021, 2022 und 2024 hat kein Kreis einen Wert", "Stichtag: 01.03. des Jahres", "Lizenz: Datenlizenz Deutschland", "Lösungshinweis"]},
  {path: "/fortbildung/ohne-abschluss", charts: 3, texts: ["Ohne Hauptschulabschluss", "Köln lag 2024 mit 6,3\u00a0% unter dem Median der 23 Großstädte mit Wert (8,4\u00a0%).", "auf der günstigeren Seite des Medians", "Förderschulen", "Datenquelle: INKAR, BBSR Bonn", "Lösungshinweis"]},
  {path: "/fortbildung/abitur-g8-g9", charts: 4, texts: ["Abitur und G8/G9", "Region Hannover: 2019 40,9\u00a0%, 2020 16,3\u00a0%, 2021 41,0\u00a0%.", "(Holzminden, Cuxhaven, Ammerland, Emsland)", "Region Hannover lag 2024 mit 38,7\u00a0% über dem Median der 294 Landkreise (26,0\u00a0%).", "Lösungshinweis"]},
  {path: "/fortbildung/uebergang-beruf", charts: 4, texts: ["Übergang in den Beruf", "Köln lag 2022 mit 5,7\u00a0% über dem Median der 25 Großstädte (5,5\u00a0%).", "Oktoberwert", "Betriebsort", "Lösungshinweis"]},
  {path: "/fortbildung/berlin-kinderarmut-kita", charts: 4, texts: ["Kinderarmut und Kitas in Berlin", "In Neukölln liegt die Kinderarmut (MSS 2021, Stand 31.12.2020) in 38 von 46 Planungsräumen mit Wert über dem Median aller 536 Berliner Planungsräume (21,1\u00a0%)", "Monitoring Soziale Stadtentwicklung", "CC BY 3.0 DE", "Lösungshinweis"]},
  {path: "/fortbildung/fallstricke", charts: 2, texts: ["Fallstricke", "seit dem Schuljahr 2019/20 auf Vielfache von 5 gerundet", "2024 hatten die Landkreise Bamberg und Schweinfurt 0,0\u00a0%", "Eisenach", "Göttingen", "nie 0", "Das heißt nicht, dass das eine das andere verursacht"]}
];

/** Rows the importer set aside, as /daten/ prints the count (German thousands separator). */
function setAsideRows(): string {
  const report = JSON.parse(readFileSync(new URL("../../data/snapshot/import-report.json", import.meta.url), "utf-8")) as {set_aside: {total: number}};
  return report.set_aside.total.toLocaleString("de-DE");
}

/** Every indicator page (/indikatoren/<id>), generated from the registry in the snapshot. */
export function INDICATOR_PAGES_ALL(): PageExpectation[] {
  const registry = JSON.parse(readFileSync(new URL("../../data/snapshot/indicators.json", import.meta.url), "utf-8")) as {id: string; name: string; source: {source_id: string}}[];
  const sources = JSON.parse(readFileSync(new URL("../../data/snapshot/sources.json", import.meta.url), "utf-8")) as {id: string; attribution: string}[];
  const attribution = (id: string) => sources.find((s) => s.id === id)?.attribution ?? id;
  // Coverage chart, a map and the distribution at least; the fact sheet names the main source.
  return registry.map((i) => ({path: `/indikatoren/${i.id}`, charts: 3, texts: [i.name, "Steckbrief", "Abdeckung", "Verteilung über die", "Länder und Bund", attribution(i.source.source_id)]}));
}

/**
 * The first indicator page of every source: each source draws its own source line, flags and
 * map level (Kreise, Berlin districts, Planungsräume), the rest repeats the same page.
 */
export function INDICATOR_SAMPLE(): PageExpectation[] {
  const registry = JSON.parse(readFileSync(new URL("../../data/snapshot/indicators.json", import.meta.url), "utf-8")) as {id: string; source: {source_id: string}}[];
  // Sources that draw the same kind of page as an earlier one (INKAR's two editions, two Berlin Geoportal layers) are left to the full run.
  const sameKind = new Set(["inkar_2024", "berlin_kitas_plr"]);
  const first = new Set(registry.filter((i, k) => !sameKind.has(i.source.source_id) && registry.findIndex((j) => j.source.source_id === i.source.source_id) === k).map((i) => i.id));
  return INDICATOR_PAGES_ALL().filter((p) => first.has(p.path.slice("/indikatoren/".length)));
}

/** A profile page: its name, the comparison picker, charts in the first cards. */
function profile(id: string, name: string, charts = 2): PageExpectation {
  return {path: `/profil/${id}`, charts, texts: [name, "Vergleich mit", "Frühkindliche Bildung"]};
}

/**
 * Region pages opened in CI, besides the four profile.e2e.ts checks in depth (Köln, Landkreis
 * München, Neukölln, Berlin): a Großstadt in another Land, Landkreise in two Länder (Region
 * Hannover with its Gemeinde rows, Wartburgkreis after the Eisenach merger) and Berlin districts
 * with and without district values. The full run opens all 412.
 */
export const REGION_SAMPLE: PageExpectation[] = [
  profile("05315", "Köln"),
  profile("09162", "München"),
  profile("03241", "Region Hannover"),
  profile("16063", "Wartburgkreis"),
  profile("11001001", "Mitte", 1),
  profile("11002002", "Friedrichshain-Kreuzberg", 0)
];

/** Every region page of the site, for `npm run test:e2e:full`. */
export function REGION_PAGES_ALL(): PageExpectation[] {
  return profileRegions(fileURLToPath(new URL("../../data/snapshot", import.meta.url))).map((r) => profile(r.id, r.name.split(",")[0]!, 0));
}

/** One page of each kind for the accessibility check (axe-core). */
export const AXE_PAGES: string[] = ["/", "/daten/", "/profil/05315", "/profil/11008008", "/karte/", "/indikatoren/betreuungsquote_u3", "/fortbildung/kita-u3"];
