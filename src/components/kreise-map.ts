/** Choropleth of the 400 Kreise for one indicator; flagged or missing values stay grey, never 0. */
import * as Plot from "@observablehq/plot";
import {feature} from "topojson-client";
import type {Topology, GeometryCollection} from "topojson-specification";
import {describeChart} from "./a11y.js";
import {formatValue} from "./format.js";

export interface MapValue {
  id: string;
  name: string;
  value: number | null;
  flag: string | null;
}

export interface KreiseMapOptions {
  width: number;
  unit: string;
  decimals: number;
  label: string;
  /** "higher_worse" reverses nothing: the scale is sequential; polarity only changes wording. */
  href?: (id: string) => string;
}

export function kreiseMap(topology: Topology, values: MapValue[], {width, unit, decimals, label, href}: KreiseMapOptions): SVGSVGElement | HTMLElement {
  const kreise = feature(topology, topology.objects.kreise as GeometryCollection<{id: string; name: string}>);
  const byId = new Map(values.map((v) => [v.id, v]));
  const valueOf = (f: {properties: {id: string}}) => byId.get(f.properties.id)?.value ?? null;
  const chart = Plot.plot({
    width,
    height: width * 1.2,
    projection: {type: "transverse-mercator", rotate: [-10, 0], domain: kreise},
    color: {type: "quantize", n: 6, scheme: "viridis", reverse: true, legend: true, label, tickFormat: (d: number) => formatValue(d, unit, decimals), unknown: "#d9d9d9"},
    marks: [
      Plot.geo(kreise, {
        fill: (f) => valueOf(f),
        stroke: "white",
        strokeWidth: 0.3,
        href: href ? (f) => href(f.properties.id) : undefined,
        title: (f) => `${f.properties.name}: ${byId.get(f.properties.id)?.value == null ? "kein Wert" : formatValue(valueOf(f), unit, decimals)}`,
        tip: true
      })
    ]
  });
  const shown = values.filter((v) => v.value !== null);
  const sorted = [...shown].sort((a, b) => b.value! - a.value!);
  const message = sorted.length
    ? `Karte der Kreise: ${label}. ${shown.length} von ${values.length} Kreisen mit Wert, von ${formatValue(sorted.at(-1)!.value, unit, decimals)} (${sorted.at(-1)!.name}) bis ${formatValue(sorted[0]!.value, unit, decimals)} (${sorted[0]!.name}).`
    : `Karte der Kreise: ${label}. Kein Kreis hat einen Wert.`;
  return describeChart(chart, message);
}
