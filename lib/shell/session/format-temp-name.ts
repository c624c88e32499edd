/** The characters kubectl's randSeq draws from (k8s.io/kubectl pkg/cmd/util/editor/editor.go). */
const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * Five characters for the n-th temp file of a session, like LaunchTempFile's random suffix but seeded by n, so a
 * replayed session names its files exactly as the original did (mulberry32, a small well-mixed 32-bit generator).
 */
export function formatTempName(n: number): string {
  let seed = (n + 0x6d2b79f5) >>> 0;
  let name = "";
  for (let i = 0; i < 5; i++) {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    name += LETTERS[Math.floor(value * LETTERS.length)];
  }
  return name;
}
