/**
 * A small seeded generator (mulberry32) for everything a real cluster would draw at random: uids, name
 * suffixes, dynamic ClusterIPs and NodePorts. Each allocator owns its own stream, so adding a Pod does not
 * shift the ClusterIP the next Service gets.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = (Number.isFinite(seed) ? Math.floor(seed) : 0) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** The generator's position, so a failed write can rewind what it drew. */
  save(): number {
    return this.state;
  }

  restore(state: number): void {
    this.state = state >>> 0;
  }

  clone(): SeededRandom {
    const copy = new SeededRandom(0);
    copy.state = this.state;
    return copy;
  }
}

/** Derives an independent stream per purpose from the cluster's one seed. */
export function deriveSeed(seed: number, purpose: string): number {
  let hash = 0x811c9dc5 ^ (Math.floor(seed) >>> 0);
  for (let i = 0; i < purpose.length; i++) {
    hash ^= purpose.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
