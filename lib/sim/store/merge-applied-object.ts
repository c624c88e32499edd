import { qualifiedResource, type Kind } from "../objects/kinds";
import { isJsonObject, stringifySorted, type JsonObject } from "./object-json";

/** Where kubectl keeps what was last applied (k8s.io/api core/v1 annotation_key_constants.go LastAppliedConfigAnnotation). */
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

/** The annotation value kubectl writes: the applied object as compact JSON with sorted keys and a newline. */
export function formatLastApplied(applied: JsonObject): string {
  return `${stringifySorted(applied)}\n`;
}

export function parseLastApplied(live: JsonObject): JsonObject | undefined {
  const metadata = isJsonObject(live.metadata) ? live.metadata : undefined;
  const annotations = metadata && isJsonObject(metadata.annotations) ? metadata.annotations : undefined;
  const text = annotations?.[LAST_APPLIED_ANNOTATION];
  if (typeof text !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * kubectl apply's three-way merge (https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/#merge-patch-calculation):
 * fields in the new configuration replace the live ones; fields that were in the last-applied configuration
 * but are gone from the new one are deleted; fields nobody applied (set by controllers, `kubectl scale`,
 * or defaulted by the API server) are kept. Maps merge key by key; lists are replaced whole, which is what
 * the strategic merge yields for lists the configuration fully owns (server-allocated values inside them,
 * such as nodePorts, are carried over by the Service update rules afterwards).
 */
export function mergeAppliedObject(live: JsonObject, applied: JsonObject, lastApplied: JsonObject | undefined): JsonObject {
  const result: JsonObject = { ...live };
  if (lastApplied) {
    for (const key of Object.keys(lastApplied)) if (!(key in applied)) delete result[key];
  }
  for (const [key, value] of Object.entries(applied)) {
    if (value === null) {
      delete result[key];
      continue;
    }
    const liveValue = live[key];
    if (isJsonObject(value) && isJsonObject(liveValue)) {
      const lastValue = lastApplied && isJsonObject(lastApplied[key]) ? (lastApplied[key] as JsonObject) : undefined;
      result[key] = mergeAppliedObject(liveValue, value, lastValue);
    } else {
      result[key] = value;
    }
  }
  return result;
}

/**
 * The object kubectl apply sends: the configuration with the last-applied annotation, which records the
 * configuration itself with its namespace and its annotations minus that one
 * (k8s.io/kubectl pkg/util/apply.go GetModifiedConfiguration).
 */
export function buildAppliedObject(input: JsonObject, namespace: string | undefined): JsonObject {
  const meta = isJsonObject(input.metadata) ? input.metadata : {};
  const annotations = { ...(isJsonObject(meta.annotations) ? meta.annotations : {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const recorded = { ...input, metadata: { ...meta, annotations, ...(namespace ? { namespace } : {}) } };
  return { ...input, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: formatLastApplied(recorded) } } };
}

/** kubectl's warning for applying over an object nobody applied (k8s.io/kubectl pkg/cmd/apply/patcher.go). */
export function formatMissingLastAppliedWarning(kind: Kind, name: string): string {
  return `resource ${qualifiedResource(kind)}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
}
