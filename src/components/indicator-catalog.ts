/**
 * The catalogue table on /indikatoren/: name (linking to the indicator page), definition,
 * unit, levels with the years covered, sources. The same columns make the CSV.
 */
import type {IndicatorCatalogItem, CatalogLevel} from "../../pipelines/exports/indicator-pages.ts";
import {yearRanges} from "./coverage-chart.js";
import {formatNumber, formatPeriod} from "./format.js";
import type {TableColumn} from "./indicator-table.js";

export const LEVEL_PLURAL: Record<string, string> = {
  bund: "Bund",
  land: "Länder",
  kreis: "Kreise",
  gemeinde: "Städte mit eigener Zeile",
  bezirk: "Berliner Bezirke",
  planungsraum: "Planungsräume"
};

/** "Kreise 2006–2020, 2023 (400 von 400)" per level, joined with "; ": gaps stay visible. */
export function levelsText(levels: readonly CatalogLevel[]): string {
  return levels
    .map((l) => {
      const yearly = l.periods.every((p) => /^\d{4}$/.test(p));
      const years = yearly ? yearRanges(l.periods.map(Number)) : l.periods.map(formatPeriod).join(", ");
      const count = l.expected > 1 ? ` (${formatNumber(l.regions, 0)} von ${formatNumber(l.expected, 0)})` : "";
      return `${LEVEL_PLURAL[l.level] ?? l.level} ${years}${count}`;
    })
    .join("; ");
}

export function indicatorLink(item: {id: string; name: string}): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = `/indikatoren/${item.id}`;
  a.textContent = item.name;
  return a;
}

export function catalogColumns({withArea}: {withArea: boolean}): TableColumn<IndicatorCatalogItem>[] {
  const columns: (TableColumn<IndicatorCatalogItem> | null)[] = [
    {label: "Kennung", csv: (d) => d.id, csvOnly: true},
    {label: "Indikator", csv: (d) => d.name, html: (d) => indicatorLink(d)},
    withArea ? {label: "Bereich", csv: (d) => d.area} : null,
    {label: "Kurzdefinition", csv: (d) => d.definition},
    {label: "Einheit", csv: (d) => d.unit},
    {label: "Gebiete und Jahre", csv: (d) => levelsText(d.levels)},
    {label: "Stichtag", csv: (d) => d.reference_date, csvOnly: true},
    {label: "Quelle", csv: (d) => d.sources.map((s) => `${s.publisher}: ${s.title}`).join("; "), html: (d) => d.sources.map((s) => s.publisher).filter((p, i, all) => all.indexOf(p) === i).join("; ")}
  ];
  return columns.filter((c): c is TableColumn<IndicatorCatalogItem> => c !== null);
}
