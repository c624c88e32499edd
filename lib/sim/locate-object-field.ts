import type { ClusterState } from "./cluster-state";
import type { AnyObject } from "./objects/kinds";
import type { ObjectSource, SourcePosition } from "./source";
import { memoOf, memoSlot } from "./state-memo";

/**
 * Where a field of a stored object was written, when the object came from YAML (ClusterState.sourceOf).
 * Answers are kept per source and field for the life of the state (state-memo.ts): a trace names the same
 * policy rule or Service port for every connection it explains, and each lookup walks the YAML document. A
 * source never changes, so a kept answer is the one locate would give again; the position objects are shared
 * by the hops that carry them and are never changed.
 */
export function locateObjectField(state: ClusterState, object: AnyObject, field: string): SourcePosition | undefined {
  const source = state.sourceOf(object);
  if (!source) return undefined;
  const cache = memoOf(state, POSITIONS);
  let byField = cache.get(source);
  if (!byField) {
    byField = new Map();
    cache.set(source, byField);
  }
  if (byField.has(field)) return byField.get(field);
  const position = source.locate(field);
  byField.set(field, position);
  return position;
}

const POSITIONS = memoSlot(() => new WeakMap<ObjectSource, Map<string, SourcePosition | undefined>>());
