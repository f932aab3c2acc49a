/**
 * The pages the browser test opens. CI opens every page that is not a per-region page
 * plus the fixed region sample; `npm run test:e2e:full` opens every region page too.
 */
export interface PageExpectation {
  path: string;
  /** Minimum number of charts (SVG figures from Plot) that must be drawn. */
  charts: number;
  /** Texts that must appear on the page. */
  texts: string[];
}

export const SITE_PAGES: PageExpectation[] = [
  {path: "/", charts: 1, texts: ["Betreuungsquote der Kinder unter 3 Jahren", "Datenquelle: INKAR, BBSR Bonn", "Datenlizenz Deutschland"]},
  {path: "/daten/", charts: 0, texts: ["Daten und Quellen", "INKAR", "© GeoBasis-DE / BKG 2021 (Daten verändert)", "dl-de/by-2-0"]}
];

/** Region pages opened in CI: every kind of region (added with the profile pages). */
export const REGION_SAMPLE: PageExpectation[] = [];
