/**
 * The worked example of /eigene-daten/, made from the snapshot's warehouse: Berlin's MSS 2021
 * per Planungsraum in the template's three files (data, metadata, areas), so a user sees what
 * a good delivery looks like and can load it like their own. Its kennzahl ids are registry ids,
 * so the page shows Berlin's (Kreis 11000) value beside it.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Feature, Geometry, MultiPolygon, Polygon, Position} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {germanCsv} from "../../src/shared/german-csv.ts";
import {DATA_COLUMNS, META_COLUMNS} from "../../src/shared/own-data/index.ts";
import {num, str} from "../exports/sql.ts";
import {queryRows} from "../warehouse/sql.ts";

const sql = (name: string) => readFileSync(join(import.meta.dirname, "sql", `${name}.sql`), "utf-8");

const POLARITY_WORDS: Record<string, string> = {higher_better: "hoch_gut", higher_worse: "hoch_schlecht", neutral: "neutral"};

export async function exampleDataCsv(connection: DuckDBConnection): Promise<string> {
  const rows = await queryRows(connection, sql("example-data"));
  // A special value goes into wert as written ("." or "-"), a number as a German number.
  return germanCsv(DATA_COLUMNS, rows.map((r) => [str(r.gebiet_id), str(r.gebiet_name), str(r.kennzahl), String(num(r.jahr)), r.flag !== null ? str(r.flag) : num(r.value)]));
}

export async function exampleMetaCsv(connection: DuckDBConnection): Promise<string> {
  const rows = await queryRows(connection, sql("example-indicators"));
  return germanCsv(
    META_COLUMNS,
    rows.map((r) => [str(r.id), str(r.name), str(r.unit), str(r.definition), str(r.attribution), "31.12.2020", POLARITY_WORDS[str(r.polarity) ?? ""] ?? "neutral"])
  );
}

/** The Planungsräume as a GeoJSON FeatureCollection in WGS84, rings by the right-hand rule (RFC 7946). */
export function exampleAreas(snapshotDir: string): string {
  const topology = JSON.parse(readFileSync(join(snapshotDir, "geo", "berlin-planungsraeume.topojson"), "utf-8")) as Topology;
  const collection = feature(topology, topology.objects.planungsraeume as GeometryCollection<{id: string; name: string}>);
  // The snapshot is wound for d3 (exterior clockwise); GeoJSON files are the other way round.
  const reverse = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  const rfc = (g: Geometry): Polygon | MultiPolygon =>
    g.type === "Polygon" ? {type: "Polygon", coordinates: reverse(g.coordinates)} : {type: "MultiPolygon", coordinates: (g as MultiPolygon).coordinates.map(reverse)};
  const features: Feature[] = collection.features.map((f) => ({type: "Feature", properties: {gebiet_id: f.properties.id, gebiet_name: f.properties.name}, geometry: rfc(f.geometry)}));
  return JSON.stringify({type: "FeatureCollection", name: "berlin_planungsraeume_lor_2021", features});
}
