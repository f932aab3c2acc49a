/**
 * The choropleth behind the Kreis and Berlin maps: one shape per region, coloured in
 * quantile classes (map-scale.ts), regions without a number hatched grey with the flag's
 * meaning in the tooltip (never 0), optional borders drawn on top (Länder, Bezirke), a click
 * on a region opens its profile. The map states its message as a text alternative.
 */
import * as Plot from "@observablehq/plot";
import type {Feature, FeatureCollection, Geometry, MultiLineString} from "geojson";
import {describeChart} from "./a11y.js";
import {formatValue} from "./format.js";
import {colorClasses, colorScale, legendNote, MISSING_COLOR, valueText, type Polarity} from "./map-scale.js";

export interface RegionValue {
  id: string;
  name: string;
  /** Land of a Kreis, Bezirk of a Planungsraum: shown in the tooltip. */
  parent_name?: string | null;
  value: number | null;
  flag: string | null;
}

export type RegionFeature = Feature<Geometry, {id: string; name: string}>;

export interface ChoroplethOptions {
  width: number;
  unit: string;
  decimals: number;
  /** Legend title, e.g. "Betreuungsquote unter 3 (%)". */
  label: string;
  polarity?: Polarity;
  /** Flag → meaning (from the export); falls back to the official list. */
  flagLabels?: Record<string, string>;
  /** The profile of a region; null: the region has none. A click on the region opens it. */
  href?: (id: string) => string | null;
  /** How a click opens a profile (tests pass their own; default: location.assign). */
  navigate?: (url: string) => void;
  /** A Plot projection with its domain set to the features. */
  projection: Plot.ProjectionOptions;
  /** Lines drawn on top (Land borders over Kreise, Bezirk borders over Planungsräume). */
  borders?: MultiLineString | null;
  /** Dative plural, "Kreisen", "Planungsräumen": for the text alternative and the legend note. */
  regionsLabel: string;
  /** What the map shows, leading the text alternative: "Karte der Kreise". */
  title: string;
  /** Widest the map is drawn; narrower screens get the full width. */
  maxWidth?: number;
}

/** A hatch of white lines on grey, so "no value" differs from the palest class in any vision. */
function addHatch(svg: SVGSVGElement, id: string): void {
  const ns = "http://www.w3.org/2000/svg";
  const defs = document.createElementNS(ns, "defs");
  const pattern = document.createElementNS(ns, "pattern");
  pattern.setAttribute("id", id);
  pattern.setAttribute("patternUnits", "userSpaceOnUse");
  pattern.setAttribute("width", "5");
  pattern.setAttribute("height", "5");
  pattern.setAttribute("patternTransform", "rotate(45)");
  const rect = document.createElementNS(ns, "rect");
  rect.setAttribute("width", "5");
  rect.setAttribute("height", "5");
  rect.setAttribute("fill", MISSING_COLOR);
  const line = document.createElementNS(ns, "line");
  line.setAttribute("x1", "0");
  line.setAttribute("y1", "0");
  line.setAttribute("x2", "0");
  line.setAttribute("y2", "5");
  line.setAttribute("stroke", "#ffffff");
  line.setAttribute("stroke-width", "1.5");
  pattern.append(rect, line);
  defs.append(pattern);
  svg.prepend(defs);
}

/**
 * A click on a region opens its profile. No <a> inside the map: links in an image are not
 * announced (axe: nested-interactive), and 400 of them would be 400 tab stops. Keyboard and
 * screen-reader users get the same links in the table view under every map.
 */
function openOnClick(svg: SVGSVGElement, features: readonly RegionFeature[], href: (id: string) => string | null, navigate: (url: string) => void): void {
  const shapes = svg.querySelector<SVGGElement>("g[aria-label='geo']");
  if (!shapes) return;
  for (const path of shapes.querySelectorAll<SVGPathElement>("path")) {
    // Plot binds each shape to its index in the features (d3's __data__).
    const i = (path as SVGPathElement & {__data__?: unknown}).__data__;
    const feature = typeof i === "number" ? features[i] : undefined;
    const url = feature ? href(feature.properties.id) : null;
    if (!url) continue;
    path.dataset.href = url;
    path.style.cursor = "pointer";
  }
  shapes.addEventListener("click", (event) => {
    const url = (event.target as Element | null)?.closest<SVGPathElement>("path[data-href]")?.dataset.href;
    if (url) navigate(url);
  });
}

/** The tooltip of a region: its name (with Land or Bezirk), then the value or why there is none. */
export function regionTooltip(name: string, v: RegionValue | undefined, {unit, decimals, flagLabels}: {unit: string; decimals: number; flagLabels?: Record<string, string>}): string {
  const label = v?.parent_name ? `${name} (${v.parent_name})` : name;
  return `${label}\n${valueText(v?.value, v?.flag, {unit, decimals, flagLabels})}`;
}

/** The sentence a screen reader hears: what, how many with a value, lowest and highest. */
export function mapMessage(values: readonly RegionValue[], {title, label, unit, decimals, regionsLabel}: {title: string; label: string; unit: string; decimals: number; regionsLabel: string}): string {
  const shown = values.filter((v) => v.value !== null && Number.isFinite(v.value));
  if (shown.length === 0) return `${title}: ${label}. Von ${values.length} ${regionsLabel} hat keiner einen Wert.`;
  const sorted = shown.toSorted((a, b) => b.value! - a.value! || a.name.localeCompare(b.name, "de"));
  const high = sorted[0]!;
  const low = sorted.at(-1)!;
  return `${title}: ${label}. ${shown.length} von ${values.length} ${regionsLabel} mit Wert, von ${formatValue(low.value, unit, decimals)} (${low.name}) bis ${formatValue(high.value, unit, decimals)} (${high.name}).`;
}

export function choropleth(features: FeatureCollection<Geometry, {id: string; name: string}>, values: readonly RegionValue[], options: ChoroplethOptions): HTMLElement | SVGSVGElement {
  const {unit, decimals, label, polarity = "neutral", flagLabels, href, projection, borders, regionsLabel, title, maxWidth = 640, navigate = (url: string) => location.assign(url)} = options;
  const width = Math.max(200, Math.min(options.width, maxWidth));
  const byId = new Map(values.map((v) => [v.id, v]));
  const numbers = values.map((v) => v.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const classes = colorClasses(numbers, {decimals, polarity, classes: Math.min(6, Math.max(2, Math.floor(numbers.length / 2)))});
  // One id per kind of map (the title), stable for snapshots; a redrawn map brings the same pattern.
  const hatch = `kbm-hatch-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  const valueOf = (f: RegionFeature) => byId.get(f.properties.id)?.value ?? null;
  const tooltip = (f: RegionFeature) => regionTooltip(f.properties.name, byId.get(f.properties.id), {unit, decimals, flagLabels});
  const missing = features.features.filter((f) => valueOf(f) === null);
  const chart = Plot.plot({
    width,
    projection,
    color: colorScale(classes, {decimals, label}),
    caption: legendNote(classes, {polarity, unit, decimals, regions: regionsLabel, range: numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : null}),
    marks: [
      Plot.geo(features, {
        fill: (f: RegionFeature) => valueOf(f),
        stroke: "white",
        strokeWidth: 0.4,
        title: tooltip,
        tip: true
      }),
      // The hatch over regions without a number, and the borders: drawing only, no events.
      missing.length ? Plot.geo(missing, {fill: `url(#${hatch})`, stroke: "white", strokeWidth: 0.4, pointerEvents: "none", ariaHidden: "true", className: "kbm-missing"}) : null,
      // A white casing under a dark line: the border shows on dark and on light classes alike.
      borders ? Plot.geo(borders, {stroke: "white", strokeWidth: 2.4, fill: "none", pointerEvents: "none", ariaHidden: "true", className: "kbm-borders-casing"}) : null,
      borders ? Plot.geo(borders, {stroke: "#222", strokeWidth: 0.9, fill: "none", pointerEvents: "none", ariaHidden: "true", className: "kbm-borders"}) : null
    ]
  });
  const svgs = chart.tagName.toLowerCase() === "svg" ? [chart as SVGSVGElement] : [...chart.querySelectorAll("svg")];
  const main = svgs.at(-1);
  if (main) {
    if (missing.length) addHatch(main, hatch);
    // Plot names every geo layer "geo"; the drawing-only layers get names of their own.
    main.querySelector("g.kbm-missing")?.setAttribute("aria-label", "ohne Wert");
    main.querySelector("g.kbm-borders-casing")?.setAttribute("aria-label", "Grenzen (Unterlage)");
    main.querySelector("g.kbm-borders")?.setAttribute("aria-label", "Grenzen");
    if (href) openOnClick(main, features.features, href, navigate);
  }
  return describeChart(chart, mapMessage(values, {title, label, unit, decimals, regionsLabel}));
}
