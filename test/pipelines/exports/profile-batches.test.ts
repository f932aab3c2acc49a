import {describe, expect, it} from "vitest";
import {partBatches} from "../../../pipelines/exports/profile.ts";

describe("partBatches", () => {
  it("packs Länder in key order up to the limit and never splits one", () => {
    const perPart = new Map([["09", 96], ["01", 15], ["05", 53], ["03", 45], ["11", 13], ["02", 1]]);
    expect(partBatches(perPart, 120)).toEqual([["01", "02", "03", "05"], ["09", "11"]]);
    expect(partBatches(perPart, 100)).toEqual([["01", "02", "03"], ["05"], ["09"], ["11"]]);
  });

  it("gives a Land larger than the limit a batch of its own", () => {
    expect(partBatches(new Map([["01", 10], ["09", 500], ["10", 6]]), 120)).toEqual([["01"], ["09"], ["10"]]);
  });

  it("covers every part exactly once", () => {
    const perPart = new Map(Array.from({length: 16}, (_, i) => [String(i + 1).padStart(2, "0"), 1 + ((i * 37) % 90)] as const));
    const batches = partBatches(perPart, 100);
    expect(batches.flat()).toEqual([...perPart.keys()].sort());
    for (const batch of batches) if (batch.length > 1) expect(batch.reduce((n, p) => n + perPart.get(p)!, 0)).toBeLessThanOrEqual(100);
  });

  it("has no batch for no regions", () => {
    expect(partBatches(new Map())).toEqual([]);
  });
});
