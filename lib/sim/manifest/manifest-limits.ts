/**
 * Limits that keep hostile or accidental input (a huge paste, a YAML alias bomb, ten thousand nested
 * brackets) from costing the page or the server more than a few milliseconds. kubectl itself has no such
 * limits, but the API server caps request bodies at 3 MiB and rejects objects nested deeper than it can
 * decode; a lesson's manifests are a few kilobytes.
 */
export interface ManifestLimits {
  /** UTF-8 bytes of the whole text. */
  maxBytes: number;
  /** Non-empty documents, counting the items of a `kind: List` once each. */
  maxDocuments: number;
  /** Passed to yaml's toJS: how many times aliases may be dereferenced. */
  maxAliasCount: number;
  /** Nodes a document may expand to once every alias is replaced by what it refers to. */
  maxExpandedNodes: number;
  /** Mappings and sequences nested inside each other. */
  maxDepth: number;
}

export const DEFAULT_MANIFEST_LIMITS: ManifestLimits = {
  maxBytes: 256 * 1024,
  maxDocuments: 100,
  maxAliasCount: 100,
  maxExpandedNodes: 50_000,
  maxDepth: 64,
};

/** Callers may tighten a limit, never loosen it: the defaults are also the ceilings. */
export function resolveManifestLimits(limits: Partial<ManifestLimits> | undefined): ManifestLimits {
  const resolved = { ...DEFAULT_MANIFEST_LIMITS };
  for (const key of Object.keys(DEFAULT_MANIFEST_LIMITS) as (keyof ManifestLimits)[]) {
    const value = limits?.[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) resolved[key] = Math.min(Math.floor(value), DEFAULT_MANIFEST_LIMITS[key]);
  }
  return resolved;
}
