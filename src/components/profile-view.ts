/**
 * The body of a profile page: "Auf einen Blick" first (also the printed Steckbrief), a slot
 * for panels that load on demand, then one card per indicator, grouped by the guideline's areas.
 * Charts are drawn when a card scrolls into view and redrawn only for visible cards when
 * the comparison changes (the rest follow when they become visible), so switching the
 * peer group stays fast on a page with 40 indicators. `?druck` draws everything at once.
 */
import type {ProfileFile, ProfileIndicator} from "../../pipelines/exports/profile-file.ts";
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {downloadButton, germanCsv} from "./download.js";
import {formatPeriod, formatValue} from "./format.js";
import {sourceNoteText} from "./source-note.js";
import {comparisonLabel, indicatorView, landLabel, type Comparison, type IndicatorView, type LatestEntry} from "./profile-model.js";
import {regionNotes} from "./profile-notes.js";
import {positionText, signedChange} from "./profile-overview.js";
import {sourceLabelParts} from "../shared/source-label.js";

import {AREA_ORDER} from "./areas.js";
import {steckbrief} from "./steckbrief.js";

export interface ProfileViewOptions {
  latestValues: Record<string, LatestEntry>;
  names: Map<string, string>;
  sources: Map<string, Source>;
  /** The whole registry: source notes, and the indicators a region has no data for. */
  catalog: Indicator[];
  /** Trend lines of a user-picked set: loaded on first use. */
  loadSeries: () => Promise<Record<string, {years: number[]; values: Record<string, (number | null)[]>}>>;
  eager?: boolean;
  /** The one clock of the page (print date of the Steckbrief). */
  now?: () => Date;
}

interface Card {
  indicator: ProfileIndicator;
  element: HTMLElement;
  visible: boolean;
  drawnFor: Comparison | null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

export function profileView(file: ProfileFile, options: ProfileViewOptions) {
  const root = el("div", {class: "profile-body"});
  const print = el("div", {class: "steckbrief-slot"});
  // Panels of other features (similar peers, own data, report) are appended here by the page.
  const panels = el("div", {class: "profile-panels no-print"});
  root.append(print, panels);
  const indicatorNames = new Map(options.catalog.map((i) => [i.id, i.name]));
  const berlinOnly = (i: Indicator) => i.caveats.some((c) => /\bNur Berlin\b/.test(c));
  const cards: Card[] = [];
  let comparison: Comparison | null = null;
  let seriesCache: Awaited<ReturnType<ProfileViewOptions["loadSeries"]>> | null = null;

  const present = new Set(file.indicators.map((i) => i.id));
  for (const area of AREA_ORDER) {
    const indicators = file.indicators.filter((i) => i.area === area).sort((a, b) => a.name.localeCompare(b.name, "de"));
    const missing = options.catalog.filter((i) => i.area === area && !present.has(i.id) && (i.levels as string[]).includes(file.region.level) && (file.region.id.startsWith("11") || !berlinOnly(i)));
    if (!indicators.length && !missing.length) continue;
    const section = el("section", {class: "profile-area", "aria-labelledby": `area-${slug(area)}`}, el("h2", {id: `area-${slug(area)}`}, area));
    const grid = el("div", {class: "grid grid-cols-2 profile-grid"});
    for (const indicator of indicators) {
      const element = el("article", {class: "card indicator-card", id: `i-${indicator.id}`, "data-indicator": indicator.id});
      element.append(el("h3", {}, indicator.name), el("p", {class: "loading"}, "wird gezeichnet …"));
      grid.append(element);
      cards.push({indicator, element, visible: false, drawnFor: null});
    }
    section.append(grid);
    if (missing.length) {
      section.append(el("p", {class: "missing-data"}, `Keine Daten für ${file.region.name}: ${missing.map((m) => m.name).join(", ")}.`));
    }
    root.append(section);
  }

  const observer = typeof IntersectionObserver === "undefined" ? null : new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const card = cards.find((c) => c.element === entry.target);
      if (!card) continue;
      card.visible = entry.isIntersecting;
      if (card.visible && comparison && card.drawnFor !== comparison) void draw(card);
    }
  }, {rootMargin: "200px 0px"});
  for (const card of cards) observer?.observe(card.element);

  async function draw(card: Card): Promise<void> {
    if (!comparison) return;
    const current = comparison;
    card.drawnFor = current;
    const charts = await loadCharts();
    if (comparison !== current) return;
    let others: {name: string; points: {year: number; value: number | null}[]}[] = [];
    if (current.kind === "custom" && current.regions.length && file.region.level === "kreis") {
      seriesCache ??= await options.loadSeries();
      const s = seriesCache[card.indicator.id];
      if (s) others = current.regions.map((id) => ({name: options.names.get(id) ?? id, points: s.years.map((year, k) => ({year, value: s.values[id]?.[k] ?? null}))}));
      if (comparison !== current) return;
    }
    const view = indicatorView(file, card.indicator, current, options.latestValues, options.names);
    card.element.replaceChildren(...renderCard(charts, file, view, others, options.sources, options.catalog.find((i) => i.id === card.indicator.id), indicatorNames));
    // Lets the browser test and the benchmark see which comparison a card shows.
    card.element.dataset.drawnFor = comparisonKey(current);
  }

  return {
    element: root,
    /** Redraws what is visible now; the other cards redraw when they scroll into view. */
    setComparison(next: Comparison): number {
      comparison = next;
      const views = file.indicators.map((i) => indicatorView(file, i, next, options.latestValues, options.names));
      print.replaceChildren(steckbrief(file, views, options.sources, {comparisonLabel: comparisonLabel(next), landLabel: landLabel(file), printedAt: (options.now ?? (() => new Date()))(), catalog: options.catalog}));
      print.dataset.drawnFor = comparisonKey(next);
      const now = cards.filter((c) => options.eager || c.visible || !observer);
      for (const card of now) void draw(card);
      return now.length;
    },
    cards: () => cards.map((c) => c.element),
    /** Where a lazily loaded panel goes: `body.panels.append(element)`. */
    panels
  };
}

export function comparisonKey(comparison: Comparison): string {
  return comparison.kind === "group" ? `gruppe:${comparison.group.id}` : `vergleich:${comparison.regions.join(",")}`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9äöüß]+/g, "-");
}

/** The card charts, loaded once, when the first card is drawn (profile-charts.ts). */
type Charts = typeof import("./profile-charts.js");
let chartsModule: Promise<Charts> | null = null;
function loadCharts(): Promise<Charts> {
  return (chartsModule ??= import("./profile-charts.js"));
}

function renderCard({planTrend, trendChart, positionStrip}: Charts, file: ProfileFile, view: IndicatorView, others: {name: string; points: {year: number; value: number | null}[]}[], sources: Map<string, Source>, meta: Indicator | undefined, names: Map<string, string>): Node[] {
  const {indicator, latest} = view;
  const unit = indicator.unit;
  const fmt = (v: number | null) => formatValue(v, unit, indicator.decimals);
  const nodes: Node[] = [el("h3", {}, indicator.name)];
  const kpi = el("p", {class: "kpi"});
  if (!latest) kpi.append(el("span", {class: "kpi-value"}, "kein Wert"));
  else if (latest.value === null) kpi.append(el("span", {class: "kpi-value flag"}, latest.flagText ?? "kein Wert"), el("span", {class: "kpi-period"}, ` ${formatPeriod(latest.period)}`));
  else kpi.append(el("span", {class: "kpi-value"}, fmt(latest.value)), el("span", {class: "kpi-period"}, ` ${formatPeriod(latest.period)}${latest.flagText ? ` (${latest.flagText})` : ""}`));
  nodes.push(kpi);

  const facts: string[] = [];
  if (view.change1 !== null) facts.push(`${signedChange(view.change1, indicator.decimals, unit)} zum Vorjahr`);
  if (view.change5 !== null) facts.push(`${signedChange(view.change5, indicator.decimals, unit)} in 5 Jahren`);
  // A change left out on purpose says why (issue 11 §6): e.g. an October value against annual averages.
  for (const reason of new Set([view.change1 === null ? view.change1Reason : null, view.change5 === null ? view.change5Reason : null])) if (reason) facts.push(`Keine Veränderung angegeben – ${reason}`);
  if (facts.length) nodes.push(el("p", {class: "kpi-facts"}, facts.join(" · ")));
  if (view.rank !== null) nodes.push(el("p", {class: "kpi-position"}, positionText(view.rank, view.of, view.percentile, indicator.polarity)));
  if (view.median !== null) nodes.push(el("p", {class: "kpi-median"}, `Median ${view.comparisonLabel}: ${fmt(view.median)}${view.medianNote ? ` (${view.medianNote})` : ""}`));
  nodes.push(el("p", {class: "sentence"}, view.sentence));
  if (indicator.polarity !== "neutral") nodes.push(el("p", {class: "polarity"}, indicator.polarity === "higher_better" ? "Höhere Werte gelten als günstiger." : "Höhere Werte gelten als ungünstiger."));

  const withNumbers = view.trend.filter((p) => p.value !== null || p.flag !== null);
  const width = 460;
  if (withNumbers.length > 1) {
    const trendOptions = {width, unit, decimals: indicator.decimals, regionName: file.region.name, medianLabel: `Median ${view.comparisonLabel}`, landName: landLabel(file), others, breaks: view.breaks};
    const plan = planTrend(view.trend, trendOptions);
    nodes.push(el("figure", {class: "trend"}, trendChart(view.trend, trendOptions)));
    if (plan.notes.length) nodes.push(el("p", {class: "chart-note"}, plan.notes.join(" ")));
  }
  if (view.strip.length > 1) {
    nodes.push(el("figure", {class: "strip"}, el("figcaption", {}, `${view.comparisonLabel}, ${formatPeriod(view.stripPeriod ?? "")}: ${view.strip.filter((s) => s.value !== null).length} von ${view.strip.length} Regionen mit Wert`), positionStrip(view.strip, {width, unit, decimals: indicator.decimals, highlight: file.region.id, peerLabel: view.comparisonLabel})));
  }

  const land = landLabel(file);
  const rows = view.trend.filter((p) => p.value !== null || p.flag !== null);
  const table = el("table", {class: "data-table"},
    el("thead", {}, el("tr", {}, ...["Jahr", file.region.name, `Median ${view.comparisonLabel}`, land ?? "Land", "Deutschland"].map((h) => el("th", {scope: "col"}, h)))),
    el("tbody", {}, ...rows.map((p) => el("tr", {}, el("td", {}, String(p.year)), el("td", {class: "num"}, p.value === null ? (p.flag ?? "–") : fmt(p.value)), el("td", {class: "num"}, fmt(p.median)), el("td", {class: "num"}, fmt(p.land)), el("td", {class: "num"}, fmt(p.bund)))))
  );
  nodes.push(el("details", {class: "table-view"}, el("summary", {}, "Werte als Tabelle"), table));
  const used = [...new Set(view.sources)].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  // The download names producer, reference date and licence like the line under the card.
  const label = (year: number) => (meta && used.length ? sourceLabelParts(meta, used, String(year)) : {quelle: indicator.attribution, stand: String(year), lizenz: ""});
  nodes.push(downloadButton("CSV herunterladen", `${file.region.id}_${indicator.id}.csv`, () =>
    germanCsv(["region", "indikator", "jahr", "wert", "zeichen", "einheit", "median_vergleichsgruppe", "vergleichsgruppe", "land", "deutschland", "quelle", "stand", "lizenz"],
      rows.map((p) => {
        const l = label(p.year);
        return [file.region.id, indicator.id, p.year, p.value, p.flag, unit, p.median, view.comparisonLabel, p.land, p.bund, l.quelle, l.stand, l.lizenz];
      }))
  ));

  if (meta && latest && used.length) nodes.push(el("p", {class: "source-note"}, sourceNoteText(meta, used, latest.period)));
  else nodes.push(el("p", {class: "source-note"}, indicator.attribution));
  const notes = regionNotes(indicator.caveats, {regionId: file.region.id, regionName: file.region.name, names});
  if (notes.key) nodes.push(el("p", {class: "caveat"}, notes.key));
  if (notes.more.length) nodes.push(el("details", {class: "indicator-notes"}, el("summary", {}, "Hinweise zur Kennzahl"), ...notes.more.map((n) => el("p", {class: "caveat"}, n))));
  return nodes;
}
