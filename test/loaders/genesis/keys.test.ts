import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {DuplicateKeys, KeyHasher} from "../../../loaders/genesis/keys.ts";

function hash(parts: string[]): [number, number] {
  const hasher = new KeyHasher();
  hasher.reset();
  for (const part of parts) hasher.add(part);
  return [hasher.h1, hasher.h2];
}

describe("duplicate keys", () => {
  it("finds exactly the repeated keys and the line of their first occurrence, through growth (seeded)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({maxLength: 6}), fc.string({maxLength: 6})), {maxLength: 3000}), (keys) => {
        const table = new DuplicateKeys(4);
        const first = new Map<string, number>();
        keys.forEach((parts, i) => {
          const line = i + 2;
          const id = JSON.stringify(parts);
          const [h1, h2] = hash(parts);
          expect(table.add(h1, h2, line)).toBe(first.get(id) ?? 0);
          if (!first.has(id)) first.set(id, line);
        });
        expect(table.size).toBe(first.size);
      }),
      {seed: 1234, numRuns: 40}
    );
  });

  it("separates the parts of a key", () => {
    expect(hash(["ab", "c"])).not.toEqual(hash(["a", "bc"]));
    expect(hash(["", "x"])).not.toEqual(hash(["x", ""]));
  });

  it("keeps its entries when reserving room", () => {
    const table = new DuplicateKeys();
    const [h1, h2] = hash(["2015", "05315"]);
    table.add(h1, h2, 7);
    table.reserve(100_000);
    expect(table.add(h1, h2, 9)).toBe(7);
    expect(table.size).toBe(1);
  });

  it("has no false duplicates among a million distinct region-period keys", () => {
    const table = new DuplicateKeys();
    table.reserve(1_000_000);
    let duplicates = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const [h1, h2] = hash([String(1990 + (i % 35)), String(10000000 + Math.floor(i / 35)), "BEVSTD"]);
      if (table.add(h1, h2, i + 2) !== 0) duplicates++;
    }
    expect(duplicates).toBe(0);
  });
});
