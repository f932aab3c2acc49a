import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Polygon} from "geojson";
import {describe, expect, it} from "vitest";
import {readFeatures, toTopology} from "../../../pipelines/snapshot/geo.ts";

// A small square near Berlin, counter-clockwise (GeoJSON right-hand rule).
const ccw: Polygon = {type: "Polygon", coordinates: [[[13.3, 52.5], [13.4, 52.5], [13.4, 52.6], [13.3, 52.6], [13.3, 52.5]]]};

describe("TopoJSON for the snapshot", () => {
  it("keeps only id and name and writes features sorted by id", () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-geo-"));
    const path = join(dir, "g.geojson");
    const feature = (id: string) => ({type: "Feature", properties: {PLR_ID: id, PLR_NAME: `n${id}`, GROESSE_M2: 1}, geometry: ccw});
    writeFileSync(path, JSON.stringify({type: "FeatureCollection", features: [feature("02"), feature("01")]}));
    const features = readFeatures({path, label: "g.geojson"}, (p) => ({id: String(p.PLR_ID), name: String(p.PLR_NAME)}));
    const topology = toTopology({planungsraeume: features}) as {objects: {planungsraeume: {geometries: {id: string; properties: object}[]}}};
    expect(topology.objects.planungsraeume.geometries.map((g) => [g.id, g.properties])).toEqual([
      ["01", {id: "01", name: "n01"}],
      ["02", {id: "02", name: "n02"}]
    ]);
    expect(JSON.stringify(toTopology({planungsraeume: features}))).toBe(JSON.stringify(topology));
  });

  it("names a file that is not a FeatureCollection", () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-geo-"));
    writeFileSync(join(dir, "x.geojson"), JSON.stringify({type: "Feature"}));
    expect(() => readFeatures({path: join(dir, "x.geojson"), label: "x.geojson"}, () => ({id: "", name: ""}))).toThrow('x.geojson, Feld "type": erwartet: eine GeoJSON FeatureCollection, gefunden: "Feature"');
  });
});
