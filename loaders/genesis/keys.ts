/**
 * Duplicate-key detection that stays small for files of millions of rows: instead of keeping every
 * key string, it keeps two independent 32-bit hashes per key (and the line of its first
 * occurrence) in an open-addressing table of typed arrays, ~12 bytes per slot. Two different keys
 * collide in both hashes with probability ~2^-64 per pair, ~1e-6 for a file of 5 million keys.
 */

/**
 * Hashes the parts of one key; call reset() before each key. h1 is FNV-1a, h2 a multiplicative
 * hash with another constant and seed: two cheap, independent 32-bit hashes.
 */
export class KeyHasher {
  h1 = 0;
  h2 = 0;

  reset(): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x9747b28c;
  }

  /** Continues from a state saved earlier (e.g. after a period that many rows share). */
  restore(h1: number, h2: number): void {
    this.h1 = h1;
    this.h2 = h2;
  }

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x9e3779b1);
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    this.h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    this.h2 = Math.imul(h2 + 0x1f, 0x9e3779b1);
  }
}

export class DuplicateKeys {
  /** Slots of three ints: h1, h2, line of first occurrence (0 = empty). Interleaved: one cache miss per probe. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    this.slots = new Int32Array(initialCapacity * 3);
    this.mask = initialCapacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Makes room for `keys` keys at once: growing step by step rehashes and briefly doubles memory. */
  reserve(keys: number): void {
    const capacity = 2 ** Math.ceil(Math.log2(keys / 0.7 + 1));
    if (capacity > this.mask + 1) this.grow(capacity);
  }

  /** Adds a key; returns 0 when it is new, else the line where it was first seen. */
  add(h1: number, h2: number, line: number): number {
    const slots = this.slots;
    let slot = mix(h1 ^ Math.imul(h2, 0x27d4eb2d)) & this.mask;
    for (;;) {
      const at = slot * 3;
      const seen = slots[at + 2]!;
      if (seen === 0) {
        slots[at] = h1;
        slots[at + 1] = h2;
        slots[at + 2] = line;
        break;
      }
      if (slots[at] === h1 && slots[at + 1] === h2) return seen;
      slot = (slot + 1) & this.mask;
    }
    if (++this.count > this.mask * 0.7) this.grow((this.mask + 1) * 2);
    return 0;
  }

  private grow(capacity: number): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(capacity * 3));
    this.mask = capacity - 1;
    for (let from = 0; from < old.length; from += 3) {
      if (old[from + 2] === 0) continue;
      let slot = mix(old[from]! ^ Math.imul(old[from + 1]!, 0x27d4eb2d)) & this.mask;
      while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & this.mask;
      slots.set(old.subarray(from, from + 3), slot * 3);
    }
  }
}

/** murmur3's finaliser: spreads the bits so that the low bits index well. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
