/**
 * JSON helpers for stored objects. Objects are plain JSON data (what a manifest decodes to), so a JSON
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
  return stringifySorted(withoutResourceVersion(a)) === stringifySorted(withoutResourceVersion(b));
}

function withoutResourceVersion(value: unknown): unknown {
  if (!isJsonObject(value) || !isJsonObject(value.metadata)) return value;
  const { resourceVersion: _rv, ...metadata } = value.metadata;
  return { ...value, metadata };
}
