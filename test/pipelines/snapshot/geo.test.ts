import {describe, expect, it} from "vitest";
import {geoArea} from "d3";
import type {Polygon} from "geojson";
import {rewindForD3} from "../../../pipelines/snapshot/geo.ts";

// A 1°×1° square near Köln, exterior counter-clockwise as RFC 7946 writes it, with a hole.
const rfc7946: Polygon = {
  type: "Polygon",
  coordinates: [
    [[6.5, 50.5], [7.5, 50.5], [7.5, 51.5], [6.5, 51.5], [6.5, 50.5]],
    [[6.9, 50.9], [6.9, 51.1], [7.1, 51.1], [7.1, 50.9], [6.9, 50.9]]
  ]
};

describe("rewindForD3", () => {
  it("turns a right-hand-rule polygon into one d3 reads as the small area", () => {
    expect(geoArea(rfc7946)).toBeGreaterThan(2 * Math.PI);
    const rewound = rewindForD3(rfc7946) as Polygon;
    const area = geoArea(rewound);
    expect(area).toBeGreaterThan(0);
    expect(area).toBeLessThan(1e-3);
    // The hole stays a hole: the area is the square minus the hole, not plus it.
    const withoutHole = geoArea({type: "Polygon", coordinates: [rewound.coordinates[0]!]});
    expect(area).toBeLessThan(withoutHole);
  });

  it("leaves a polygon alone that is already wound for d3", () => {
    const once = rewindForD3(rfc7946);
    expect(rewindForD3(once)).toEqual(once);
  });

  it("rewinds each part of a MultiPolygon on its own", () => {
    const rewound = rewindForD3({type: "MultiPolygon", coordinates: [rfc7946.coordinates, (rewindForD3(rfc7946) as Polygon).coordinates]});
    expect(geoArea(rewound)).toBeLessThan(1e-3);
  });
});
