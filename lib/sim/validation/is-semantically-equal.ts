/**
 * apiequality.Semantic.DeepEqual for decoded JSON values (k8s.io/apimachinery/pkg/api/equality): equal
 * structure and values, whatever the order of map keys. Update rules compare with it, so a manifest that
 * lists the same labels in another order is not a change.
 */
export function isSemanticallyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isSemanticallyEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(right, k) && isSemanticallyEqual(left[k], right[k]));
}
