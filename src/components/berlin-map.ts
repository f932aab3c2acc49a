/**
 * Choropleth of Berlin's 12 Bezirke or 542 Planungsräume (LOR 2021) for one indicator and
 * period. Over the Planungsräume the Bezirk borders are drawn. Transverse Mercator on
 * Berlin's meridian (13.4° E). Regions without a number are hatched grey, never 0.
 */
import {feature, mesh} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {choropleth, type RegionValue} from "./map-choropleth.js";
import type {Polarity} from "./map-scale.js";

export type BerlinLevel = "bezirk" | "planungsraum";

export interface BerlinMapOptions {
  width: number;
  unit: string;
  decimals: number;
  label: string;
  polarity?: Polarity;
  flagLabels?: Record<string, string>;
  href?: (id: string) => string | null;
  /** How a click opens a profile (default: location.assign). */
  navigate?: (url: string) => void;
  maxWidth?: number;
}

type Props = {id: string; name: string};

/**
 * `bezirke`: berlin-bezirke.topojson (object "bezirke"); `planungsraeume`:
 * berlin-planungsraeume.topojson (object "planungsraeume"), needed only for that level.
 */
export function berlinMap(level: BerlinLevel, geo: {bezirke: Topology; planungsraeume?: Topology | null}, values: readonly RegionValue[], options: BerlinMapOptions): SVGSVGElement | HTMLElement {
  const bezirkObject = geo.bezirke.objects.bezirke as GeometryCollection<Props>;
  const bezirke = feature(geo.bezirke, bezirkObject);
  const common = {...options, projection: {type: "transverse-mercator" as const, rotate: [-13.4, 0] as [number, number], domain: bezirke}, maxWidth: options.maxWidth ?? 720};
  if (level === "bezirk") {
    return choropleth(bezirke, values, {...common, regionsLabel: "Bezirken", title: "Karte der Berliner Bezirke"});
  }
  if (!geo.planungsraeume) throw new Error("Für die Planungsräume fehlen die Geometrien");
  const plr = feature(geo.planungsraeume, geo.planungsraeume.objects.planungsraeume as GeometryCollection<Props>);
  // Outer and inner Bezirk borders: every arc of the Bezirk shapes.
  const borders = mesh(geo.bezirke, bezirkObject);
  return choropleth(plr, values, {...common, borders, regionsLabel: "Planungsräumen", title: "Karte der Berliner Planungsräume"});
}
