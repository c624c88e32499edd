/**
 * Fixed-size sets of pod indexes packed 32 to a word, so the connectivity matrix combines whole policy rules
 * with a handful of word operations instead of testing pods one by one.
 */
export type Bitset = Uint32Array;

export function createBitset(size: number): Bitset {
  return new Uint32Array(Math.ceil(size / 32));
}

export function fullBitset(size: number): Bitset {
  const bits = createBitset(size);
  for (let i = 0; i < size; i++) setBit(bits, i);
  return bits;
}

export function setBit(bits: Bitset, index: number): void {
  bits[index >>> 5] |= 1 << (index & 31);
}

export function hasBit(bits: Bitset, index: number): boolean {
  return (bits[index >>> 5] & (1 << (index & 31))) !== 0;
}

/** target |= source, in place. */
export function orInto(target: Bitset, source: Bitset, targetOffset = 0): void {
  for (let w = 0; w < source.length; w++) target[targetOffset + w] |= source[w];
}

export function intersect(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w] & b[w];
  return out;
}

export function isEmptyBitset(bits: Bitset): boolean {
  return bits.every((w) => w === 0);
}

/** Indexes of the set bits, ascending. */
export function bitIndexes(bits: Bitset): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const low = word & -word;
      out.push(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}
