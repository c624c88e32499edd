/**
 * JSON operations on stored objects. Objects are plain JSON data (what a manifest decodes to), so a JSON
 * round trip is a faithful deep copy and serialisation is a faithful comparison.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A deep copy that drops undefined members, as encoding to JSON and back does. */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * JSON with object keys sorted, as Go's encoding/json writes maps: kubectl stores the
 * last-applied-configuration annotation this way (k8s.io/kubectl pkg/util/apply.go).
 */
export function stringifySorted(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = sortKeys(value[key]);
  return out;
}

/** Equal as stored data, ignoring the bookkeeping a write itself changes (resourceVersion). */
export function isSameObject(a: unknown, b: unknown): boolean {
  if (!isJsonObject(a) || !isJsonObject(b)) return isSameJson(a, b);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === "metadata" && isJsonObject(a.metadata) && isJsonObject(b.metadata)) {
      const metaKeys = new Set([...Object.keys(a.metadata), ...Object.keys(b.metadata)]);
      for (const metaKey of metaKeys) {
        if (metaKey !== "resourceVersion" && !isSameJson(a.metadata[metaKey], b.metadata[metaKey])) return false;
      }
    } else if (!isSameJson(a[key], b[key])) {
      return false;
    }
  }
  return true;
}

/** Deep equality of JSON data, where an undefined member equals an absent one (as after encoding). */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  let countA = 0;
  for (const key in a) {
    if (a[key] === undefined) continue;
    countA++;
    if (!isSameJson(a[key], b[key])) return false;
  }
  let countB = 0;
  for (const key in b) if (b[key] !== undefined) countB++;
  return countA === countB;
}
