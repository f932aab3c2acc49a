/**
 * A city's areas as GeoJSON: a FeatureCollection whose features carry `gebiet_id` (and
 * optionally `gebiet_name`). WGS84 longitude/latitude is used as it is; ETRS89/UTM (EPSG:25832,
 * 25833), in which most municipal GIS data comes, is reprojected with proj4. Any other
 * coordinate system is refused: drawn as if it were WGS84 it would be nonsense.
 * Rings are rewound to d3's convention (exterior clockwise), whatever the file's winding.
 */
import type {Feature, FeatureCollection, MultiPolygon, Polygon, Position} from "geojson";
import proj4 from "proj4";
import {problem, type OwnProblem} from "./problems.js";

export type AreaFeature = Feature<Polygon | MultiPolygon, {id: string; name: string}>;
export type Areas = FeatureCollection<Polygon | MultiPolygon, {id: string; name: string}>;

const UTM: Record<string, string> = {
  "25832": "+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  "25833": "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
};
// Longitude/latitude: WGS84 and ETRS89 differ by less than a metre, far below map resolution.
const GEOGRAPHIC = new Set(["4326", "4258", "CRS84"]);
const EXPECT_CRS = "WGS84 (EPSG:4326) oder ETRS89/UTM (EPSG:25832, EPSG:25833)";

export interface AreasFile {
  areas: Areas | null;
  /** The coordinate system the file was in. */
  crs: string | null;
  problems: OwnProblem[];
}

/** "urn:ogc:def:crs:EPSG::25833", "EPSG:25833", "urn:ogc:def:crs:OGC:1.3:CRS84" → "25833" / "CRS84". */
export function crsCode(name: string): string | null {
  if (/CRS84$/i.test(name)) return "CRS84";
  return /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(name)?.[1] ?? null;
}

function jsonLine(text: string, error: unknown): number | undefined {
  const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
  if (position === undefined) return /line (\d+)/.exec(String((error as Error).message))?.[1] ? Number(/line (\d+)/.exec(String((error as Error).message))![1]) : undefined;
  return text.slice(0, Number(position)).split("\n").length;
}

/** Shoelace area in the plane (lon/lat): positive for counter-clockwise rings. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum / 2;
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = signedArea(ring) < 0;
    // d3-geo: exterior clockwise, holes counter-clockwise.
    return (i === 0) === clockwise ? ring : [...ring].reverse();
  });
}

function mapPositions(geometry: Polygon | MultiPolygon, f: (p: Position) => Position): Polygon | MultiPolygon {
  return geometry.type === "Polygon"
    ? {type: "Polygon", coordinates: rewindPolygon(geometry.coordinates.map((ring) => ring.map(f)))}
    : {type: "MultiPolygon", coordinates: geometry.coordinates.map((poly) => rewindPolygon(poly.map((ring) => ring.map(f))))};
}

function* positions(geometry: Polygon | MultiPolygon): Generator<Position> {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) yield* ring;
}

function validPositions(geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return false;
  return polygons.every((p) => Array.isArray(p) && p.length > 0 && p.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every((pos) => Array.isArray(pos) && pos.length >= 2 && Number.isFinite(pos[0]) && Number.isFinite(pos[1]))));
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function readAreas(text: string, file: string): AreasFile {
  const problems: OwnProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    problems.push(problem({file, line: jsonLine(text, error)}, "gültiges JSON (GeoJSON FeatureCollection)", (error as Error).message));
    return {areas: null, crs: null, problems};
  }
  const collection = json as {type?: unknown; features?: unknown; crs?: {properties?: {name?: unknown}}};
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    problems.push(problem({file, field: "type"}, "eine GeoJSON FeatureCollection mit features", String(collection?.type)));
    return {areas: null, crs: null, problems};
  }
  const crsName = collection.crs?.properties?.name;
  let code = "CRS84";
  if (crsName !== undefined) {
    const parsed = typeof crsName === "string" ? crsCode(crsName) : null;
    if (parsed === null || (!GEOGRAPHIC.has(parsed) && !(parsed in UTM))) {
      problems.push(problem({file, field: "crs"}, `${EXPECT_CRS}; andere Koordinatensysteme bitte vorher umrechnen`, String(crsName)));
      return {areas: null, crs: String(crsName), problems};
    }
    code = parsed;
  }
  const project = code in UTM ? proj4(UTM[code]!, "WGS84") : null;
  const toWgs84 = (p: Position): Position => {
    const [x, y] = project ? project.forward([p[0]!, p[1]!]) : [p[0]!, p[1]!];
    return [round6(x!), round6(y!)];
  };
  const features: AreaFeature[] = [];
  const seen = new Map<string, number>();
  (collection.features as Feature[]).forEach((f, index) => {
    const n = index + 1;
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const rawId = props.gebiet_id;
    const id = typeof rawId === "number" ? String(rawId) : typeof rawId === "string" ? rawId.trim() : "";
    if (id === "") {
      problems.push(problem({file, feature: n, field: "gebiet_id"}, "Eigenschaft gebiet_id an jedem Gebiet", rawId === undefined ? "" : JSON.stringify(rawId)));
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(problem({file, feature: n, field: "gebiet_id"}, `jede gebiet_id nur einmal (schon an Gebiet Nr. ${first})`, id));
      return;
    }
    seen.set(id, n);
    const geometry = f?.geometry as Polygon | MultiPolygon | null;
    if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") || !validPositions(geometry)) {
      problems.push(problem({file, feature: n, field: "geometry"}, "Polygon oder MultiPolygon mit Koordinaten", geometry ? String(geometry.type) : "keine Geometrie"));
      return;
    }
    if (!project) {
      const outside = [...positions(geometry)].find((p) => Math.abs(p[0]!) > 180 || Math.abs(p[1]!) > 90);
      if (outside) {
        problems.push(
          problem({file, feature: n, field: "crs"}, `Längen- und Breitengrade (WGS84); Koordinaten in Metern brauchen die Angabe "crs" mit ${EXPECT_CRS}`, `${outside[0]}, ${outside[1]}`)
        );
        return;
      }
    }
    const projected = mapPositions(geometry, toWgs84);
    const outside = [...positions(projected)].find((p) => !(Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90));
    if (outside) {
      problems.push(problem({file, feature: n, field: "geometry"}, `Koordinaten, die in ${code} gültig sind`, `${outside[0]}, ${outside[1]}`));
      return;
    }
    const rawName = props.gebiet_name ?? props.name;
    features.push({type: "Feature", properties: {id, name: typeof rawName === "string" && rawName.trim() ? rawName.trim() : id}, geometry: projected});
  });
  return {areas: {type: "FeatureCollection", features}, crs: code === "CRS84" ? "WGS84" : `EPSG:${code}`, problems};
}
