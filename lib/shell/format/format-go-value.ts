/**
 * A decoded JSON value as Go's fmt prints it with %v (fmt.Sprint): strings raw, maps as `map[k:v]` with keys
 * sorted (fmt sorts map keys since Go 1.12), slices as `[a b]`, nil as `<nil>`. kubectl's go-template and
 * custom-columns printers print the unstructured object's values this way.
 */
export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(" ")}]`;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `map[${Object.keys(record)
      .sort()
      .map((k) => `${k}:${formatGoValue(record[k])}`)
      .join(" ")}]`;
  }
  return String(value);
}
