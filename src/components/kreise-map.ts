/**
 * Choropleth of the 400 Kreise for one indicator and period, with the Länder borders on top.
 * Projection: transverse Mercator on the 10th meridian (the central meridian of Germany's
 * official UTM zone 32 extended over the whole country), so shapes and areas stay true.
 * Flagged or missing values are hatched grey with the flag's meaning in the tooltip, never 0.
 */
import {feature, mesh} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {choropleth, type RegionValue} from "./map-choropleth.js";
import type {Polarity} from "./map-scale.js";

export type MapValue = RegionValue;

export interface KreiseMapOptions {
  width: number;
  unit: string;
  decimals: number;
  label: string;
  /** With a polarity the colours diverge around the median; without, they are sequential. */
  polarity?: Polarity;
  flagLabels?: Record<string, string>;
  /** The profile of a Kreis, e.g. (id) => `/profil/${id}`. */
  href?: (id: string) => string | null;
  /** How a click opens a profile (default: location.assign). */
  navigate?: (url: string) => void;
  /** Leads the text alternative (default "Karte der Kreise"). */
  title?: string;
  maxWidth?: number;
}

type KreisProps = {id: string; name: string};

export function kreiseMap(topology: Topology, values: readonly MapValue[], {width, unit, decimals, label, polarity, flagLabels, href, navigate, title = "Karte der Kreise", maxWidth}: KreiseMapOptions): SVGSVGElement | HTMLElement {
  const object = topology.objects.kreise as GeometryCollection<KreisProps>;
  const kreise = feature(topology, object);
  // A border between two Kreise of different Länder is a Land border (the first two digits).
  const land = (g: {properties?: unknown}) => (g.properties as KreisProps).id.slice(0, 2);
  const laender = mesh(topology, object, (a, b) => a !== b && land(a) !== land(b));
  return choropleth(kreise, values, {
    width,
    unit,
    decimals,
    label,
    polarity,
    flagLabels,
    href,
    navigate,
    projection: {type: "transverse-mercator", rotate: [-10, 0], domain: kreise},
    borders: laender,
    regionsLabel: "Kreisen",
    title,
    maxWidth
  });
}
