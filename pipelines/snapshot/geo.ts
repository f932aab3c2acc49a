/**
 * Boundaries for the snapshot: GeoJSON → TopoJSON with only id and name kept.
 * The sources follow the GeoJSON right-hand rule (exterior rings counter-clockwise);
 * d3-geo treats such a ring as "everything but this area", so rings are rewound to
 * d3's spherical convention (exterior clockwise, holes counter-clockwise).
 */
import {geoArea} from "d3";
import {readFileSync} from "node:fs";
import type {Feature, FeatureCollection, Geometry, Position} from "geojson";
import {topology} from "topojson-server";
import {InputError} from "../../loaders/common/errors.ts";

/** A polygon that covers more than a hemisphere is wound the wrong way round for d3. */
function rewindPolygon(rings: Position[][]): Position[][] {
  const inverted = geoArea({type: "Polygon", coordinates: rings}) > 2 * Math.PI;
  return inverted ? rings.map((ring) => [...ring].reverse()) : rings;
}

export function rewindForD3(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case "Polygon":
      return {type: "Polygon", coordinates: rewindPolygon(geometry.coordinates)};
    case "MultiPolygon":
      return {type: "MultiPolygon", coordinates: geometry.coordinates.map(rewindPolygon)};
    default:
      return geometry;
  }
}

export interface GeoFile {
  path: string;
  label: string;
}

export type Properties = {id: string; name: string; [key: string]: string};

export function readFeatures(file: GeoFile, properties: (p: Record<string, unknown>, index: number) => Properties): Feature<Geometry, Properties>[] {
  const collection = JSON.parse(readFileSync(file.path, "utf-8")) as FeatureCollection;
  if (collection.type !== "FeatureCollection") throw new InputError({file: file.label, field: "type"}, "eine GeoJSON FeatureCollection", String(collection.type));
  return collection.features.map((f, i) => {
    if (!f.geometry) throw new InputError({file: file.label, field: `features[${i}].geometry`}, "eine Geometrie");
    const props = properties(f.properties ?? {}, i);
    return {type: "Feature", id: props.id, properties: props, geometry: rewindForD3(f.geometry)};
  });
}

/** One TopoJSON object per name, features sorted by id so the output is deterministic. */
export function toTopology(objects: Record<string, Feature<Geometry, Properties>[]>): unknown {
  const collections = Object.fromEntries(
    Object.entries(objects).map(([name, features]) => [name, {type: "FeatureCollection", features: [...features].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1))} as FeatureCollection])
  );
  return topology(collections, 1e5);
}
