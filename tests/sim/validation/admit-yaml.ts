import { expect } from "vitest";
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from "@/lib/sim/config";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import type { AnyObject } from "@/lib/sim/objects/kinds";
import { admitObject } from "@/lib/sim/validation/admit-object";
import { formatFieldError } from "@/lib/sim/validation/format-field-error";

/** Parses one YAML document and admits it, as `kubectl apply -f` of that text would. */
export function admitYaml(text: string, options: { operation?: "create" | "update"; old?: unknown; config?: Partial<ClusterConfig> } = {}) {
  const parsed = parseManifests(text);
  if (parsed.errors.length > 0 || parsed.documents.length !== 1) {
    throw new Error(`test manifest does not parse: ${JSON.stringify(parsed.errors)}`);
  }
  const [doc] = parsed.documents;
  return admitObject(doc.object, {
    operation: options.operation ?? "create",
    old: options.old as AnyObject | undefined,
    source: doc.source,
    config: { ...DEFAULT_CLUSTER_CONFIG, ...options.config },
  });
}

/** Admits the text and returns the defaulted object, failing the test if it was rejected. */
export function admitted(text: string, options: Parameters<typeof admitYaml>[1] = {}): Record<string, unknown> {
  const result = admitYaml(text, options);
  if (!result.ok) throw new Error(`expected the object to be admitted, got: ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

/**
 * Asserts a rejection with exactly these causes, each as `[type, "field: body"]` — the field path, the
 * error type and apimachinery's message all at once.
 */
export function expectCauses(result: ReturnType<typeof admitYaml>, causes: readonly (readonly [string, string])[]): void {
  expect(result.ok, result.ok ? "expected a rejection" : "").toBe(false);
  if (result.ok) return;
  expect(result.error.reason).toBe("Invalid");
  expect((result.error.causes ?? []).map((c) => [c.type, formatFieldError(c)])).toEqual(causes);
}
