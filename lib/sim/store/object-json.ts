/**
 * JSON operations on stored objects. Objects are plain JSON data (what a manifest decodes to), so a JSON
 * round trip is a faithful deep copy and serialisation is a faithful comparison.
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A deep copy that drops undefined members, as encoding to JSON and back does. Plain objects, arrays, strings,
 * finite numbers, booleans and null (all a manifest decodes to) are copied directly, giving exactly what the
 * round trip gives without writing and re-reading the text; anything else in the tree (a Date, NaN, a typed
 * array, a BigInt) sends the whole value through JSON so every such case keeps JSON's own answer.
 */
export function copyJson<T>(value: T): T {
  if (value === undefined) return value;
  const copied = copyPlain(value);
  return (copied === NOT_PLAIN ? JSON.parse(JSON.stringify(value)) : copied) as T;
}

const NOT_PLAIN = Symbol("not plain JSON data");

/** Deeper than any manifest may nest; past it (or in a cycle) JSON decides, and throws as it always did. */
const MAX_COPY_DEPTH = 1000;

function copyPlain(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON writes -0 as 0; NaN and the infinities are JSON's null, left to the round trip.
      return Number.isFinite(value) ? value + 0 : NOT_PLAIN;
    case "object":
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth > MAX_COPY_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      // An undefined (or absent) element becomes null in JSON.
      const item = value[i] === undefined ? null : copyPlain(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return NOT_PLAIN;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const member = (value as JsonObject)[key];
    if (member === undefined) continue;
    const item = copyPlain(member, depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    // JSON.parse makes `__proto__` an own member; plain assignment would set the prototype instead.
    if (key === "__proto__") Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
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
