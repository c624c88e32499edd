import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from "@/lib/sim/config";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import type { AnyObject } from "@/lib/sim/objects/kinds";
import { admitObject } from "@/lib/sim/validation/admit-object";

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

/** The causes of a rejected admission as `field | type | message` rows, for table assertions. */
export function causesOf(result: ReturnType<typeof admitYaml>): string[] {
  if (result.ok) return [];
  return (result.error.causes ?? []).map((c) => `${c.field} | ${c.type}`);
}
