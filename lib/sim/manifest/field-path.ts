/**
 * Field paths in the API server's notation (apimachinery field.Path.String():
 * kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go):
 * `.child`, `[0]` for list indices and `[key]` for map keys, e.g. `spec.ports[0].port` or
 * `metadata.labels[app.kubernetes.io/name]`.
 */
export type FieldPathSegment = string | number;

/** `spec.ports[0].port` → ["spec", "ports", 0, "port"]. Map keys inside brackets may contain dots. */
export function parseFieldPath(path: string): FieldPathSegment[] {
  const segments: FieldPathSegment[] = [];
  let current = "";
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === ".") {
      if (current !== "") segments.push(current);
      current = "";
      i++;
    } else if (ch === "[") {
      if (current !== "") segments.push(current);
      current = "";
      const end = path.indexOf("]", i + 1);
      const inner = end === -1 ? path.slice(i + 1) : path.slice(i + 1, end);
      segments.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end === -1 ? path.length : end + 1;
    } else {
      current += ch;
      i++;
    }
  }
  if (current !== "") segments.push(current);
  return segments;
}

/** The inverse of parseFieldPath, for building paths while walking an object. */
export function formatFieldPath(segments: readonly FieldPathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** `spec.ports[0]` + `port` → `spec.ports[0].port`; child("", "spec") → `spec`. */
export function childPath(parent: string, name: string): string {
  return parent === "" ? name : `${parent}.${name}`;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

export function keyPath(parent: string, key: string): string {
  return `${parent}[${key}]`;
}
