/**
 * The neighbour computation on small inline fixtures whose neighbours are known by hand
 * (src/shared/similarity.ts; the real-data checks are in test/pipelines/warehouse/similar-peers.test.ts).
 */
import {describe, expect, it} from "vitest";
import {distance, effectiveWeights, nearest, similarityProfile, similaritySentence, standardise, zScores, type ContextIndicator, type ContextRow} from "../../src/shared/similarity.ts";

const A: ContextIndicator = {id: "a", name: "Merkmal A", kind: "numeric", weight: 1};
const B: ContextIndicator = {id: "b", name: "Merkmal B", kind: "numeric", weight: 1};
const OST: ContextIndicator = {id: "ost", name: "Ost/West", kind: "categorical", weight: 1};

// a: 0…4 (mean 2, population sd √2); b: constant except r5.
const rows: ContextRow[] = [
  {id: "r1", values: {a: 0, b: 10, ost: "west"}},
  {id: "r2", values: {a: 1, b: 10, ost: "west"}},
  {id: "r3", values: {a: 2, b: 10, ost: "west"}},
  {id: "r4", values: {a: 3, b: 10, ost: "ost"}},
  {id: "r5", values: {a: 4, b: 20, ost: "ost"}}
];

describe("zScores", () => {
  it("uses the mean and the population standard deviation of the values present", () => {
    const s = zScores([0, 1, null, 2, 3, 4]);
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.z[0]).toBeCloseTo(-Math.SQRT2, 12);
    expect(s.z[2]).toBeNull();
    expect(s.z[3]).toBe(0);
    expect(s.z[5]).toBeCloseTo(Math.SQRT2, 12);
  });
  it("gives 0, not NaN, when every value is the same", () => {
    expect(zScores([5, 5, 5]).z).toEqual([0, 0, 0]);
  });
});

describe("distance", () => {
  const data = standardise([A], rows);
  const z = (id: string) => data.rows.find((r) => r.id === id)!.z;

  it("is the weighted Euclidean distance of the z-scores", () => {
    // z(r1) − z(r3) = −√2 → d = √2; with weight 4, d = 2·√2.
    expect(distance([A], z("r1"), z("r3"), {a: 1})!.distance).toBeCloseTo(Math.SQRT2, 12);
    expect(distance([A], z("r1"), z("r3"), {a: 4})!.distance).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it("is symmetric, exactly, for every pair", () => {
    const all = standardise([A, B, OST], rows);
    const w = effectiveWeights(all.indicators);
    for (const x of all.rows) for (const y of all.rows) expect(distance(all.indicators, x.z, y.z, w)).toEqual(distance(all.indicators, y.z, x.z, w));
  });

  it("counts a different category like the mean squared difference of one indicator (2·w)", () => {
    const all = standardise([A, OST], rows);
    const w = effectiveWeights(all.indicators);
    const zz = (id: string) => all.rows.find((r) => r.id === id)!.z;
    // r3 → r4: a differs by 1/√2 in z (0.5 squared), category differs (2): d² = 2.5.
    const d = distance(all.indicators, zz("r3"), zz("r4"), w)!;
    expect(d.distance ** 2).toBeCloseTo(2.5, 12);
    expect(d.contributions).toEqual({a: expect.closeTo(0.2, 12), ost: expect.closeTo(0.8, 12)});
  });

  it("has contributions that add up to 1", () => {
    const all = standardise([A, B, OST], rows);
    const w = effectiveWeights(all.indicators);
    for (const x of all.rows)
      for (const y of all.rows) {
        if (x.id === y.id) continue;
        const c = distance(all.indicators, x.z, y.z, w)!.contributions;
        expect(Object.values(c).reduce((s: number, v) => s + (v ?? 0), 0)).toBeCloseTo(1, 12);
      }
  });
});

describe("nearest", () => {
  it("finds the known neighbours, nearest first", () => {
    const data = standardise([A], rows);
    expect(nearest(data, "r1", 4).map((n) => n.id)).toEqual(["r2", "r3", "r4", "r5"]);
    expect(nearest(data, "r5", 2).map((n) => n.id)).toEqual(["r4", "r3"]);
  });

  it("breaks ties by key", () => {
    // r3 is exactly as far from r2 as from r4 (and from r1 as from r5).
    const data = standardise([A], rows);
    const n = nearest(data, "r3", 4);
    expect(n.map((x) => x.id)).toEqual(["r2", "r4", "r1", "r5"]);
    expect(n[0]!.distance).toBe(n[1]!.distance);
  });

  it("does not depend on the order of the input rows", () => {
    const reversed = [...rows].reverse();
    const rotated = [...rows.slice(2), ...rows.slice(0, 2)];
    const expected = nearest(standardise([A, B, OST], rows), "r3", 4);
    expect(nearest(standardise([A, B, OST], reversed), "r3", 4)).toEqual(expected);
    expect(nearest(standardise([A, B, OST], rotated), "r3", 4)).toEqual(expected);
  });

  it("leaves a missing indicator out of the pair and scales the rest up to the full weight", () => {
    const withGap: ContextRow[] = [...rows, {id: "r6", values: {a: null, b: 10, ost: "west"}}];
    const data = standardise([A, B], withGap);
    // z-scores are over the regions that have a value: a's mean stays 2 without r6.
    expect(data.mean.a).toBe(2);
    const r6 = nearest(data, "r6", 5);
    // r6 shares only b (half the weight); b is equal for r1…r4, so their distance is 0 and
    // the tie goes by key; r5 differs in b.
    expect(r6.map((n) => n.id)).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    const zb = (id: string) => data.rows.find((r) => r.id === id)!.z.b as number;
    expect(r6[4]!.distance).toBeCloseTo(Math.sqrt(2 * (zb("r6") - zb("r5")) ** 2), 12);
    expect(r6[4]!.contributions).toEqual({a: null, b: 1});
  });

  it("never pairs regions that share less than half of the weight", () => {
    const sparse: ContextRow[] = [...rows, {id: "r7", values: {a: null, b: null, ost: "west"}}];
    const data = standardise([A, B, OST], sparse);
    expect(nearest(data, "r7", 3)).toEqual([]);
    expect(nearest(data, "r1", 10).map((n) => n.id)).not.toContain("r7");
  });

  it("drops an indicator with weight 0 and follows changed weights", () => {
    const data = standardise([A, B, OST], rows);
    // With only the category, r4's nearest is r5 (same category, distance 0).
    expect(nearest(data, "r4", 1, {a: 0, b: 0})[0]).toMatchObject({id: "r5", distance: 0});
    // With only a, r4's nearest are r3 and r5 at equal distance: r3 first by key.
    expect(nearest(data, "r4", 1, {b: 0, ost: 0})[0]!.id).toBe("r3");
  });

  it("rejects duplicate regions and negative weights", () => {
    expect(() => standardise([A], [...rows, rows[0]!])).toThrow(/r1 kommt doppelt/);
    expect(() => nearest(standardise([A], rows), "r1", 2, {a: -1})).toThrow(/Gewicht von a/);
  });
});

describe("similarity sentence", () => {
  it("names the contexts that make the group alike and the one that sets it apart", () => {
    const data = standardise([A, B, OST], rows);
    const neighbours = nearest(data, "r1", 2);
    const profile = similarityProfile(data.indicators, neighbours);
    expect(profile.map((p) => p.id)[0]).toBe("b");
    expect(similaritySentence("R1", profile)).toMatch(/^Diese Regionen ähneln R1 vor allem bei Merkmal B/);
  });
});

describe("similarity sentence with categories", () => {
  it("names categories every neighbour shares apart from the numeric contexts", () => {
    const data = standardise([A, B, OST], rows);
    // r1's two nearest (r2, r3) are in the west like r1: the category adds nothing.
    const profile = similarityProfile(data.indicators, nearest(data, "r1", 2));
    expect(similaritySentence("R1", profile, ["ost"])).toBe("Diese Regionen ähneln R1 vor allem bei Merkmal B. Bei Ost/West gleichen sie R1 alle. Die größten Unterschiede bestehen bei Merkmal A.");
  });
});
