/**
 * The pages the browser test opens. CI opens every page that is not a per-region page
 * plus the fixed region sample; `npm run test:e2e:full` opens every region page too.
 */
import type {PageExpectation} from "../support/page-check.ts";

export const SITE_PAGES: PageExpectation[] = [
  {path: "/", charts: 1, texts: ["Betreuungsquote der Kinder unter 3 Jahren", "Datenquelle: INKAR, BBSR Bonn", "Datenlizenz Deutschland"]},
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
