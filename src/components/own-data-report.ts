/**
 * /eigene-daten/: what the page shows for a checked dataset, drawn in the browser only.
 * One indicator and year at a time (chosen in the report's own selects): choropleth of the
 * city's areas, ranking, distribution, table with German CSV download, the change between two
 * years where there are several, and the Kreis value from the registry where the kennzahl is a
 * registry id. Names from the files are text, never markup (textContent and Plot's text marks).
 */
import * as Plot from "@observablehq/plot";
import {geoCentroid, quantile} from "d3";
import {flagLabels, ownChanges, ownIndicators, type OwnChange, type OwnDataset, type OwnIndicator, type OwnValue} from "../shared/own-data/index.js";
import {describeChart} from "./a11y.js";
import {distributionChart} from "./distribution.js";
import {formatNumber, formatValue} from "./format.js";
import {csvButton, dataTable, type TableColumn} from "./indicator-table.js";
import {choropleth} from "./map-choropleth.js";
import {colorClasses, polarityText, valueText} from "./map-scale.js";

/** The registry's value of one Kreis, for comparison (kreis-series.json and profile-meta.json of the site). */
export interface KreisReference {
  /** Kreis id and name the user chose. */
  kreis: {id: string; name: string} | null;
  series: Record<string, {years: number[]; values: Record<string, (number | null)[]>; flags: Record<string, Record<number, string>>}>;
  indicators: Map<string, {id: string; name: string; unit: string; decimals: number; source: {source_id: string}}>;
  sources: Map<string, {attribution: string; licence: string}>;
}

export interface KreisValue {
  name: string;
  year: number;
  value: number | null;
  flag: string | null;
  unit: string;
  decimals: number;
  note: string;
}

/** The chosen Kreis's value of a registry indicator in `year`, or in the latest year before it. */
export function kreisValue(reference: KreisReference, kennzahl: string, year: number): KreisValue | null {
  const indicator = reference.indicators.get(kennzahl);
  const series = reference.series[kennzahl];
  if (!reference.kreis || !indicator || !series) return null;
  const values = series.values[reference.kreis.id];
  if (!values) return null;
  let i = -1;
  series.years.forEach((y, k) => {
    if (y <= year && (values[k] !== null || series.flags[reference.kreis!.id]?.[k])) i = k;
  });
  if (i < 0) return null;
  const source = reference.sources.get(indicator.source.source_id);
  return {
    name: indicator.name,
    year: series.years[i]!,
    value: values[i] ?? null,
    flag: series.flags[reference.kreis.id]?.[i] ?? null,
    unit: indicator.unit,
    decimals: indicator.decimals,
    note: source ? `Quelle: ${source.attribution} · Lizenz: ${source.licence}` : ""
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function select(label: string, name: string, options: {value: string; label: string}[], value: string): HTMLLabelElement {
  const s = el("select", {name});
  for (const o of options) s.append(new Option(o.label, o.value, false, o.value === value));
  return el("label", {class: "own-select"}, `${label} `, s);
}

const shown = (v: OwnValue) => v.value !== null && Number.isFinite(v.value);

/** Room for the bar labels "Name (id)", which are cut at 34 characters. */
function labelMargin(rows: readonly {id: string; name: string}[]): number {
  return Math.ceil(12 + 6.4 * Math.min(34, Math.max(4, ...rows.map((r) => `${r.name} (${r.id})`.length))));
}

/** Highest and lowest areas as bars (all of them up to 30; otherwise the top and bottom 10). */
export function rankingChart(values: readonly OwnValue[], indicator: OwnIndicator, {width, threshold, reference}: {width: number; threshold: number; reference?: KreisValue | null}): HTMLElement | SVGSVGElement {
  const sorted = values.filter(shown).toSorted((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, "de"));
  const rows = sorted.length <= 30 ? sorted : [...sorted.slice(0, 10), ...sorted.slice(-10)];
  const labels = flagLabels(threshold);
  const unit = indicator.unit ? ` (${indicator.unit})` : "";
  const chart = Plot.plot({
    width: Math.max(280, width),
    height: rows.length * 20 + 50,
    marginLeft: labelMargin(rows),
    x: {label: `${indicator.name}${unit}`, grid: true, tickFormat: (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : indicator.decimals)},
    y: {label: null, domain: rows.map((r) => `${r.name} (${r.id})`), tickFormat: (d: string) => (d.length > 34 ? `${d.slice(0, 33)}…` : d)},
    caption: sorted.length <= 30 ? `Alle ${sorted.length} Gebiete mit Wert, absteigend.` : `Die 10 höchsten und die 10 niedrigsten von ${formatNumber(sorted.length, 0)} Gebieten mit Wert.`,
    marks: [
      Plot.barX(rows, {y: (d: OwnValue) => `${d.name} (${d.id})`, x: "value", fill: "#2c7fb8", title: (d: OwnValue) => `${d.name}\n${valueText(d.value, d.flag, {unit: indicator.unit, decimals: indicator.decimals, flagLabels: labels})}`, tip: true}),
      Plot.ruleX([0]),
      reference?.value !== null && reference?.value !== undefined ? Plot.ruleX([reference.value], {stroke: "#b2182b", strokeWidth: 2, strokeDasharray: "4 3"}) : null
    ]
  });
  const top = rows[0];
  return describeChart(chart, top ? `Rangfolge: ${indicator.name}. Höchster Wert ${formatValue(top.value, indicator.unit, indicator.decimals)} (${top.name}), niedrigster ${formatValue(rows.at(-1)!.value, indicator.unit, indicator.decimals)} (${rows.at(-1)!.name}).` : `Rangfolge: ${indicator.name}: kein Gebiet mit Wert.`);
}

/** The change between two years per area, as bars from zero, highest increase first. */
export function changeChart(changes: readonly OwnChange[], indicator: OwnIndicator, {width, from, to}: {width: number; from: number; to: number}): HTMLElement | SVGSVGElement {
  const rows = changes.filter((c) => c.change !== null).toSorted((a, b) => b.change! - a.change! || a.name.localeCompare(b.name, "de"));
  const list = rows.length <= 30 ? rows : [...rows.slice(0, 10), ...rows.slice(-10)];
  const unit = indicator.unit === "%" ? "Prozentpunkte" : indicator.unit;
  const chart = Plot.plot({
    width: Math.max(280, width),
    height: list.length * 20 + 50,
    marginLeft: labelMargin(list),
    x: {label: `Veränderung ${from} → ${to}${unit ? ` (${unit})` : ""}`, grid: true, tickFormat: (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : indicator.decimals)},
    y: {label: null, domain: list.map((r) => `${r.name} (${r.id})`), tickFormat: (d: string) => (d.length > 34 ? `${d.slice(0, 33)}…` : d)},
    caption: `${rows.length} Gebiete mit Wert in beiden Jahren${rows.length > 30 ? "; gezeigt die 10 stärksten Zu- und Abnahmen" : ""}.`,
    marks: [
      Plot.barX(list, {y: (d: OwnChange) => `${d.name} (${d.id})`, x: "change", fill: (d: OwnChange) => (d.change! >= 0 ? "#d95f02" : "#1b9e77"), title: (d: OwnChange) => `${d.name}\n${formatNumber(d.from, indicator.decimals)} → ${formatNumber(d.to, indicator.decimals)}`, tip: true}),
      Plot.ruleX([0])
    ]
  });
  return describeChart(chart, `Veränderung ${indicator.name} von ${from} bis ${to} in ${rows.length} Gebieten.`);
}

/** Table and CSV columns of one year's values: numbers stay numbers, hidden values stay empty. */
export function valueColumns(indicator: OwnIndicator, year: number, threshold: number): TableColumn<OwnValue>[] {
  const labels = flagLabels(threshold);
  return [
    {label: "gebiet_id", csv: (d) => d.id},
    {label: "Gebiet", csv: (d) => d.name},
    {label: "Kennzahl", csv: () => indicator.id, csvOnly: true},
    {label: "Jahr", csv: () => year, csvOnly: true},
    {label: `Wert${indicator.unit ? ` (${indicator.unit})` : ""}`, csv: (d) => d.value, html: (d) => valueText(d.value, d.flag, {unit: "", decimals: indicator.decimals, flagLabels: labels}), numeric: true},
    {label: "Zähler", csv: (d) => d.zaehler, html: (d) => (d.flag === "klein" ? "–" : formatNumber(d.zaehler, 0)), numeric: true},
    {label: "Nenner", csv: (d) => d.nenner, html: (d) => formatNumber(d.nenner, 0), numeric: true},
    {label: "Kennzeichen", csv: (d) => d.flag, csvOnly: true},
    {label: "Bedeutung des Kennzeichens", csv: (d) => (d.flag ? labels[d.flag] ?? d.flag : null), csvOnly: true},
    {label: "Hinweis", csv: (d) => d.hinweis || null}
  ];
}

export interface ReportOptions {
  threshold: number;
  reference: KreisReference;
  /** Width to draw at (the page passes its content width). */
  width: number;
}

/** The whole report of a dataset; the selects redraw it in place. */
export function ownDataReport(dataset: OwnDataset, options: ReportOptions): HTMLElement {
  const indicators = ownIndicators(dataset, {threshold: options.threshold});
  const root = el("div", {class: "own-report"});
  const state = {indicator: indicators[0]!.id, year: indicators[0]!.years.at(-1)!, from: indicators[0]!.years.at(0)!};
  const draw = () => {
    const indicator = indicators.find((i) => i.id === state.indicator)!;
    if (!indicator.years.includes(state.year)) state.year = indicator.years.at(-1)!;
    if (!indicator.years.includes(state.from) || state.from >= state.year) state.from = indicator.years.find((y) => y < state.year) ?? indicator.years[0]!;
    root.replaceChildren(...section(dataset, indicators, indicator, state, options));
    const controls = root.querySelector(".own-controls")!;
    controls.querySelectorAll("select").forEach((s) =>
      s.addEventListener("change", () => {
        const value = s.value;
        if (s.name === "kennzahl") state.indicator = value;
        if (s.name === "jahr") state.year = Number(value);
        if (s.name === "vergleichsjahr") state.from = Number(value);
        draw();
        root.querySelector<HTMLSelectElement>(`select[name="${s.name}"]`)?.focus();
      })
    );
  };
  draw();
  return root;
}

function section(dataset: OwnDataset, indicators: OwnIndicator[], indicator: OwnIndicator, state: {year: number; from: number}, {threshold, reference, width}: ReportOptions): Node[] {
  const values = indicator.values.get(state.year) ?? [];
  const labels = flagLabels(threshold);
  const withValue = values.filter(shown);
  const controls = el(
    "div",
    {class: "own-controls"},
    select("Kennzahl", "kennzahl", indicators.map((i) => ({value: i.id, label: i.name})), indicator.id),
    select("Jahr", "jahr", indicator.years.toReversed().map((y) => ({value: String(y), label: String(y)})), String(state.year)),
    indicator.years.length > 1 ? select("Veränderung seit", "vergleichsjahr", indicator.years.filter((y) => y < state.year).toReversed().map((y) => ({value: String(y), label: String(y)})), String(state.from)) : null
  );
  const hidden = values.filter((v) => v.flag === "klein").length;
  const facts = el(
    "p",
    {class: "muted"},
    `${formatNumber(withValue.length, 0)} von ${formatNumber(values.length, 0)} Gebieten mit Wert${hidden ? ` · ${hidden} ausgeblendet (Fallzahl unter ${threshold})` : ""} · ${polarityText(indicator.polarity)}`
  );
  const about = el("p", {class: "own-about"}, [indicator.definition, indicator.source && `Quelle: ${indicator.source}`, indicator.stichtag && `Stichtag: ${indicator.stichtag}`, "Eigene Daten der Kommune, nur in diesem Browser"].filter(Boolean).join(" · "));
  const kreis = kreisValue(reference, indicator.id, state.year);
  const kreisNote = kreis
    ? el(
        "div",
        {class: "own-kreis"},
        el("strong", {}, `Zum Vergleich: ${reference.kreis!.name}, ${kreis.year}: ${valueText(kreis.value, kreis.flag, {unit: kreis.unit, decimals: kreis.decimals})}`),
        ` – amtlicher Wert der Kennzahl „${kreis.name}“ aus dem Register (rot gestrichelt in der Rangfolge). `,
        el("span", {class: "source-note"}, kreis.note)
      )
    : null;
  const out: Node[] = [controls, el("h3", {}, `${indicator.name}, ${state.year}`), facts, about];
  if (kreisNote) out.push(kreisNote);

  // Map and ranking side by side from 760 px: each card gets half the width less its padding.
  const half = width >= 760 ? Math.floor((width - 16) / 2) - 34 : width - 34;
  const grid = el("div", {class: "own-grid"});
  const mapCard = el("div", {class: "card own-map"}, el("h4", {}, "Karte"));
  if (dataset.areas) {
    const center = geoCentroid(dataset.areas);
    mapCard.append(
      choropleth(dataset.areas, values, {
        width: half,
        unit: indicator.unit,
        decimals: indicator.decimals,
        label: `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ""}`,
        polarity: indicator.polarity,
        flagLabels: labels,
        projection: {type: "transverse-mercator", rotate: [-center[0], 0], domain: dataset.areas},
        regionsLabel: "Gebieten",
        title: "Karte der eigenen Gebiete"
      })
    );
  } else mapCard.append(el("p", {class: "muted"}, "Keine Karte: Wählen Sie zusätzlich die Gebiete als GeoJSON-Datei."));
  const rankCard = el("div", {class: "card"}, el("h4", {}, "Rangfolge"), rankingChart(values, indicator, {width: half, threshold, reference: kreis}));
  grid.append(mapCard, rankCard);
  out.push(grid);

  if (withValue.length >= 2) {
    const numbers = withValue.map((v) => v.value!).sort((a, b) => a - b);
    const stats = {median: quantile(numbers, 0.5)!, q1: quantile(numbers, 0.25)!, q3: quantile(numbers, 0.75)!};
    const classes = colorClasses(numbers, {decimals: indicator.decimals, polarity: indicator.polarity, classes: Math.min(6, Math.max(2, Math.floor(numbers.length / 2)))});
    out.push(
      el(
        "div",
        {class: "card"},
        el("h4", {}, "Verteilung"),
        distributionChart(values, {width: width - 34, unit: indicator.unit, decimals: indicator.decimals, label: `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ""}`, stats, regionsLabel: "Gebieten", regionName: "Gebiet", classes, flagLabels: labels})
      )
    );
  }

  const columns = valueColumns(indicator, state.year, threshold);
  const file = `eigene-daten-${indicator.id}-${state.year}.csv`;
  const sortedValues = values.toSorted((a, b) => a.id.localeCompare(b.id, "de", {numeric: true}));
  const scroll = el("div", {class: "table-scroll", tabindex: "0", role: "region", "aria-label": `Tabelle ${indicator.name}, ${state.year}`});
  scroll.append(dataTable(sortedValues, columns, {caption: `${indicator.name}, ${state.year}`}));
  out.push(el("div", {class: "card"}, el("h4", {}, "Tabelle"), el("div", {class: "card-actions"}, csvButton(sortedValues, columns, file, `${indicator.name}, ${state.year}`, "Tabelle als CSV")), scroll));

  if (indicator.years.length > 1 && state.from < state.year) {
    const changes = ownChanges(indicator, state.from, state.year);
    const changeColumns: TableColumn<OwnChange>[] = [
      {label: "gebiet_id", csv: (d) => d.id},
      {label: "Gebiet", csv: (d) => d.name},
      {label: String(state.from), csv: (d) => d.from, html: (d) => formatNumber(d.from, indicator.decimals), numeric: true},
      {label: String(state.year), csv: (d) => d.to, html: (d) => formatNumber(d.to, indicator.decimals), numeric: true},
      {label: "Veränderung", csv: (d) => d.change, html: (d) => (d.change === null ? "–" : `${d.change > 0 ? "+" : ""}${formatNumber(d.change, indicator.decimals)}`), numeric: true}
    ];
    const changeFile = `eigene-daten-${indicator.id}-${state.from}-${state.year}.csv`;
    out.push(
      el(
        "div",
        {class: "card"},
        el("h4", {}, `Veränderung ${state.from} → ${state.year}`),
        el("p", {class: "muted"}, "Nur Gebiete mit einem gezeigten Wert in beiden Jahren; ausgeblendete und fehlende Werte zählen nicht als 0."),
        changeChart(changes, indicator, {width: Math.min(width - 34, 760), from: state.from, to: state.year}),
        el("div", {class: "card-actions"}, csvButton(changes, changeColumns, changeFile, `Veränderung ${indicator.name}`, "Veränderung als CSV"))
      )
    );
  }
  return out;
}
