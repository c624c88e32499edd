import type { SeededRandom } from "./seeded-random";

/**
 * The alphabet apimachinery draws random name suffixes from: no vowels (no accidental words) and no
 * look-alikes such as 0/o, 1/l (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go).
 */
export const KUBE_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** generateName's suffix length (staging/src/k8s.io/apiserver/pkg/storage/names/generate.go: randomLength = 5). */
const RANDOM_LENGTH = 5;
/** Names are limited to 63 characters, so the prefix is cut to leave room for the suffix (generate.go maxGeneratedNameLength). */
const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;

/** `web-7d4b9c6f5-` → `web-7d4b9c6f5-x2k8q`, as the API server fills metadata.generateName. */
export function generateName(prefix: string, random: SeededRandom): string {
  const base = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
  return base + random.string(KUBE_NAME_ALPHABET, RANDOM_LENGTH);
}

/**
 * rand.SafeEncodeString: maps each character of a string onto the alphabet, which is how the
 * pod-template-hash label is derived from the template's FNV hash (apimachinery/pkg/util/rand/rand.go).
 */
export function safeEncodeString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += KUBE_NAME_ALPHABET[text.charCodeAt(i) % KUBE_NAME_ALPHABET.length];
  return out;
}

/** A random (version 4) UUID, as the API server assigns metadata.uid, drawn from the seeded stream. */
export function generateUid(random: SeededRandom): string {
  const word = () => (random.int(0x10000) * 0x10000 + random.int(0x10000)).toString(16).padStart(8, "0");
  const hex = word() + word() + word() + word();
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
