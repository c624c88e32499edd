import { err, ok, type Result } from "../result";

/** A kubectl label/annotate request: `key=value` sets, `key-` (null here) removes. */
export type MapChanges = Readonly<Record<string, string | null>>;

/**
 * Applies label or annotation changes as kubectl label / annotate do (k8s.io/kubectl pkg/cmd/label/label.go
 * validateNoOverwrites, pkg/cmd/annotate/annotate.go): without --overwrite, changing a key that already has
 * a different value fails with `'app' already has a value (web), and --overwrite is false` (several such
 * errors aggregate as `[e1, e2]`); removing an absent key is not an error.
 */
export function applyMapChanges(current: Readonly<Record<string, string>> | undefined, changes: MapChanges, overwrite: boolean): Result<Record<string, string>, string> {
  const next: Record<string, string> = { ...(current ?? {}) };
  if (!overwrite) {
    const conflicts = Object.entries(changes)
      .filter(([key, value]) => value !== null && current?.[key] !== undefined && current[key] !== value)
      .map(([key]) => `'${key}' already has a value (${current![key]}), and --overwrite is false`);
    if (conflicts.length === 1) return err(conflicts[0]);
    if (conflicts.length > 1) return err(`[${conflicts.join(", ")}]`);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return ok(next);
}
