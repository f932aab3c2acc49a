/**
 * The pages the browser test opens. CI opens every page that is not a per-region page
 * plus the fixed region sample; `npm run test:e2e:full` opens every region page too.
 */
import type {PageExpectation} from "../support/page-check.ts";

export const SITE_PAGES: PageExpectation[] = [
  {path: "/", charts: 1, texts: ["Betreuungsquote der Kinder unter 3 Jahren", "Bundeswahlleiterin", "Stichtag: 01.03. des Jahres", "Datenlizenz Deutschland"]},
  {path: "/programm/?stand=2015-08-28", charts: 7, texts: ["Reichweite der Transferagenturen für Großstädte", "21 von 26", "Mit 21 von 26 Städten sind die Transferagenturen für Großstädte im Austausch, darunter 10 von 12 Berliner Bezirken (Stand: 28.08.2015).", "sechs Kommunalsalons mit 197 Teilnehmenden", "fünf Analyseworkshops", "Zehn weitere Analyseworkshops stehen noch an.", "Programmdaten (Beispieldaten, Zuordnung der Städte illustrativ), Stand der Liste 31.12.2015"]},
  {path: "/daten/", charts: 0, texts: ["Daten und Quellen", "INKAR", "© GeoBasis-DE / BKG 2021 (Daten verändert)", "dl-de/by-2-0"]}
];

/** Region pages opened in CI: every kind of region (added with the profile pages). */
export const REGION_SAMPLE: PageExpectation[] = [];

/** Every region page of the site, for `npm run test:e2e:full`. */
export function REGION_PAGES_ALL(): PageExpectation[] {
  return [];
}

/** One page of each kind for the accessibility check (axe-core). */
export const AXE_PAGES: string[] = ["/", "/daten/"];
