/**
 * Building blocks of /indikatoren/<id>: the fact sheet (definition, unit, numerator and
 * denominator, sources with code, licence and attribution, reference date, polarity,
 * caveats), ranked rows for the highest and lowest regions, and the Land/Bund table with
 * published and computed values told apart in words, not only by style.
 */
import type {Source} from "../../pipelines/snapshot/format.ts";
import type {IndicatorPage, LandBundRow} from "../../pipelines/exports/indicator-pages.ts";
import {LEVEL_LABELS, yearRanges} from "./coverage-chart.js";
import {formatNumber, formatPeriod, formatValue} from "./format.js";
import {profileLink, type TableColumn} from "./indicator-table.js";
import {polarityText, valueText} from "./map-scale.js";
import {sourceOrigin} from "../shared/source-label.js";

type Entry = [term: string, value: string | Node | null | undefined];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = element("a", text);
  a.href = href;
  return a;
}

/** One source as a paragraph: publisher, title, code, what it covers, licence (linked), attribution. */
export function sourceBlock(source: Source, {code, appliesTo}: {code?: string | null; appliesTo?: string | null}): HTMLElement {
  const p = element("p", undefined, "source-entry");
  const strong = element("strong", source.publisher);
  p.append(strong, `: ${source.title}`);
  if (code) p.append(` (${code})`);
  if (appliesTo) p.append(` – gilt für ${appliesTo}`);
  p.append(". Lizenz: ", link(source.licence_url, source.licence), `. Namensnennung: ${source.attribution}.`);
  return p;
}

/** The sources of an indicator: the main one, the further ones with what they cover, then any other source with values. */
export function sourcesOf(page: IndicatorPage): HTMLElement {
  const {indicator, sources} = page;
  const div = element("div");
  const main = sources[indicator.source.source_id];
  const code = (table: string | null, inkar: string | null, prefix = true) => [table && (prefix && !/\s/.test(table) ? `Tabelle ${table}` : table), inkar && `INKAR ${inkar}`].filter(Boolean).join(", ") || null;
  const shown = new Set<string>();
  if (main) {
    div.append(sourceBlock(main, {code: code(indicator.source.table, indicator.source.inkar_code)}));
    shown.add(main.id);
  }
  for (const f of indicator.further_sources) {
    const s = sources[f.source_id];
    if (!s || shown.has(s.id)) continue;
    div.append(sourceBlock(s, {code: code(f.table, f.inkar_code), appliesTo: f.applies_to}));
    shown.add(s.id);
  }
  const geometry = new Set(page.maps.flatMap((m) => m.geometry_sources));
  const observed = new Set(page.coverage.flatMap((c) => c.sources));
  for (const id of observed) {
    const s = sources[id];
    if (s && !shown.has(id) && !geometry.has(id)) {
      div.append(sourceBlock(s, {}));
      shown.add(id);
    }
  }
  return div;
}

/** "Kreise 1995–2022 (400 von 400); Länder 2022 (16 von 16)" from the coverage rows. */
export function coverageText(page: IndicatorPage): string {
  const levels = [...new Set(page.coverage.filter((c) => c.with_value > 0).map((c) => c.level))];
  return levels
    .map((level) => {
      const rows = page.coverage.filter((c) => c.level === level && c.with_value > 0);
      const periods = rows.map((r) => r.period);
      const yearly = periods.every((p) => /^\d{4}$/.test(p));
      const when = yearly ? yearRanges(rows.map((r) => r.year)) : periods.map(formatPeriod).join(", ");
      const counts = rows.map((r) => r.with_value);
      const min = Math.min(...counts);
      const max = Math.max(...counts);
      const count = min === max ? formatNumber(max, 0) : `${formatNumber(min, 0)} bis ${formatNumber(max, 0)}`;
      return `${LEVEL_LABELS[level] ?? level} ${when} (${count} von ${formatNumber(rows[0]!.expected, 0)} mit Wert)`;
    })
    .join("; ");
}

export function factSheet(page: IndicatorPage): HTMLDListElement {
  const {indicator} = page;
  const caveats = indicator.caveats.length
    ? (() => {
        const ul = element("ul", undefined, "caveat");
        for (const c of indicator.caveats) ul.append(element("li", c));
        return ul;
      })()
    : "keine";
  const entries: Entry[] = [
    ["Definition", indicator.definition],
    ["Einheit", indicator.unit],
    ["Zähler", indicator.numerator ?? "– (direkt veröffentlichter Wert)"],
    ["Nenner", indicator.denominator ?? "–"],
    ["Bereich", `${indicator.area} · ${indicator.topic}`],
    ["Stichtag", indicator.reference_date],
    ["Gebiete und Jahre", coverageText(page)],
    ["Quellen", sourcesOf(page)],
    ["Vorrang der Quellen", indicator.precedence || null],
    ["Richtung", polarityText(indicator.polarity)],
    ["Land und Bund", indicator.aggregation.note],
    ["Hinweise", caveats]
  ];
  const dl = element("dl", undefined, "indicator-facts");
  for (const [term, value] of entries) {
    if (value === null || value === undefined || value === "") continue;
    const dd = element("dd");
    dd.append(value);
    dl.append(element("dt", term), dd);
  }
  return dl;
}

export interface RankedRow {
  rank: number;
  id: string;
  name: string;
  parent_name: string | null;
  value: number;
  flag: string | null;
  /** Source id of the value. */
  source?: string;
}

/** Regions with a number, highest first; equal values share the smallest rank ("1, 2, 2, 4"). */
export function rankRows(rows: readonly {id: string; name: string; parent_name?: string | null; value: number | null; flag: string | null; source?: string}[]): RankedRow[] {
  const sorted = rows
    .filter((r) => r.value !== null && Number.isFinite(r.value))
    .toSorted((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, "de"));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.value !== sorted[i - 1]!.value) rank = i + 1;
    return {rank, id: r.id, name: r.name, parent_name: r.parent_name ?? null, value: r.value!, flag: r.flag, ...(r.source ? {source: r.source} : {})};
  });
}

/** The highest `n` rows, and any row tied with the last of them. */
export function topRows(ranked: readonly RankedRow[], n = 10): RankedRow[] {
  if (ranked.length <= n) return [...ranked];
  const last = ranked[n - 1]!.value;
  return ranked.filter((r, i) => i < n || r.value === last);
}

/** The lowest `n` rows, lowest first, and any row tied with the last of them. */
export function bottomRows(ranked: readonly RankedRow[], n = 10): RankedRow[] {
  const ascending = ranked.toReversed();
  if (ascending.length <= n) return ascending;
  const last = ascending[n - 1]!.value;
  return ascending.filter((r, i) => i < n || r.value === last);
}

/** The sources of the Land/Bund values shown (published values' own, computed values' Kreis source). */
export function landBundSources(page: IndicatorPage): Source[] {
  const ids = [...new Set(page.land_bund.filter((r) => r.status !== "absent" && r.source).map((r) => r.source!))];
  return ids.map((id) => page.sources[id]).filter((s): s is Source => s !== undefined);
}

export function rankingColumns(page: IndicatorPage, level: string, {regionLabel, parentLabel, period}: {regionLabel: string; parentLabel: string; period: string}): TableColumn<RankedRow>[] {
  const {unit, decimals} = page.indicator;
  return [
    {label: "Rang", csv: (d) => d.rank, numeric: true},
    {label: "Schlüssel", csv: (d) => d.id, csvOnly: true},
    {label: regionLabel, csv: (d) => d.name, html: (d) => profileLink(d.id, d.name, level)},
    {label: parentLabel, csv: (d) => d.parent_name},
    {label: "Zeitraum", csv: () => period, csvOnly: true},
    {label: "Wert", csv: (d) => d.value, html: (d) => valueText(d.value, d.flag, {unit: "", decimals, flagLabels: page.flag_labels}), numeric: true},
    {label: "Einheit", csv: () => unit, csvOnly: true},
    {label: "Kennzeichen", csv: (d) => d.flag, csvOnly: true},
    {label: "Bedeutung des Kennzeichens", csv: (d) => (d.flag ? page.flag_labels[d.flag] ?? d.flag : null), csvOnly: true},
    {label: "Quelle", csv: (d) => sourceCell(page, d.source), csvOnly: true},
    {label: "Stichtag", csv: () => page.indicator.reference_date, csvOnly: true},
    {label: "Lizenz", csv: (d) => (d.source ? page.sources[d.source]?.licence ?? null : null), csvOnly: true}
  ];
}

/** A download's source cell: producer first (src/shared/source-label.ts), never the Bezugsweg. */
function sourceCell(page: IndicatorPage, id: string | null | undefined): string | null {
  if (!id) return null;
  const source = page.sources[id];
  return source ? sourceOrigin(page.indicator, source) : id;
}

const METHOD_TEXT: Record<string, string> = {
  sum: "Summe der Kreise",
  weighted: "gewichtetes Mittel der Kreise",
  published: "veröffentlicht",
  none: "–"
};

/** "veröffentlicht", "berechnet (Summe der Kreise)", "fehlt". */
export function statusText(row: Pick<LandBundRow, "status" | "method">): string {
  if (row.status === "published") return "veröffentlicht";
  if (row.status === "computed") return `berechnet (${METHOD_TEXT[row.method] ?? row.method})`;
  return "fehlt";
}

export function landBundColumns(page: IndicatorPage): TableColumn<LandBundRow>[] {
  const {unit, decimals} = page.indicator;
  return [
    {label: "Schlüssel", csv: (d) => d.region, csvOnly: true},
    {label: "Gebiet", csv: (d) => d.region_name},
    {label: "Zeitraum", csv: (d) => d.period, html: (d) => formatPeriod(d.period)},
    {label: "Wert", csv: (d) => d.value, html: (d) => (d.value === null ? "–" : formatValue(d.value, "", decimals)), numeric: true},
    {label: "Einheit", csv: () => unit, csvOnly: true},
    {label: "Herkunft", csv: (d) => statusText(d), html: (d) => element("span", statusText(d), `status-${d.status}`)},
    {label: "Quelle", csv: (d) => sourceCell(page, d.source), csvOnly: true},
    {label: "Stichtag", csv: () => page.indicator.reference_date, csvOnly: true},
    {label: "Lizenz", csv: (d) => (d.source ? page.sources[d.source]?.licence ?? null : null), csvOnly: true},
    {label: "Hinweis", csv: (d) => d.note, csvOnly: true}
  ];
}

/** The sentence above the Land/Bund table. */
export function landBundSummary(page: IndicatorPage): string {
  const rows = page.land_bund;
  const published = rows.filter((r) => r.status === "published");
  const computed = rows.filter((r) => r.status === "computed");
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${formatNumber(n, 0)} ${many}`);
  if (published.length) parts.push(`${count(published.length, "veröffentlichter Wert", "veröffentlichte Werte")} (${yearRanges(published.map((r) => r.year))})`);
  if (computed.length) parts.push(`${count(computed.length, "aus vollständigen Kreiswerten berechneter", "aus vollständigen Kreiswerten berechnete")} (${yearRanges(computed.map((r) => r.year))})`);
  const absent = page.land_bund_absent_periods.length ? ` Für ${yearRanges(page.land_bund_absent_periods.map((p) => Number(p.slice(0, 4))))} gibt es keine Land- und Bundeswerte.` : "";
  return parts.length ? `${parts.join(" und ")}.${absent}` : `Keine Land- und Bundeswerte.${absent}`;
}

/** Periods for a "Stand:" line: "2013–2023" for years, "30.06.2022" for dates. */
export function periodsText(periods: readonly string[]): string {
  const unique = [...new Set(periods)].sort();
  return unique.every((p) => /^\d{4}$/.test(p)) ? yearRanges(unique.map(Number)) : unique.map(formatPeriod).join(", ");
}

/**
 * The Land/Bund cells without a value in periods that have others, in one sentence:
 * "Ohne Wert: Deutschland 2013–2023; Nordrhein-Westfalen 2020." ("" when there are none).
 * The table lists only values; the CSV keeps every row with its reason.
 */
export function absentText(page: IndicatorPage): string {
  const byRegion = new Map<string, number[]>();
  for (const r of page.land_bund) {
    if (r.status !== "absent") continue;
    byRegion.set(r.region_name, [...(byRegion.get(r.region_name) ?? []), r.year]);
  }
  if (byRegion.size === 0) return "";
  return `Ohne Wert (weder veröffentlicht noch aus vollständigen Kreiswerten berechenbar): ${[...byRegion].map(([name, years]) => `${name} ${yearRanges(years)}`).join("; ")}.`;
}

/** The regions of a map level as rows (for map, distribution, ranking). */
export function mapRows(map: IndicatorPage["maps"][number]): {id: string; name: string; parent_name: string | null; value: number | null; flag: string | null; source: string}[] {
  return map.regions.id.map((id, i) => ({
    id,
    name: map.regions.name[i]!,
    parent_name: map.regions.parent_name[i] ?? null,
    value: map.period.value[i] ?? null,
    flag: map.period.flags[id] ?? null,
    source: map.period.other_sources[id] ?? map.period.source
  }));
}
