import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import { safeEncodeString } from "../alloc/generate-name";
import { isSameJson, stringifySorted } from "../store/object-json";

export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";

/**
 * The pod-template-hash label value (kubernetes/kubernetes pkg/controller/controller_utils.go ComputeHash):
 * a 32-bit FNV-1a hash of the template (and the collision count), printed in decimal and mapped onto the
 * name alphabet by rand.SafeEncodeString, so ReplicaSets are named like `web-7d4b9c6f5`. Upstream hashes the
 * Go struct dump; this hashes the template's sorted JSON, so values differ from a real cluster's but keep
 * the same shape and the same property: equal templates, equal hash.
 */
export function computePodTemplateHash(template: IPodTemplateSpec | undefined, collisionCount = 0): string {
  let hash = 0x811c9dc5;
  const text = stringifySorted(withoutHashLabel(template)) + (collisionCount > 0 ? String(collisionCount) : "");
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return safeEncodeString(String(hash >>> 0));
}

/** The template without the hash label, for comparing a ReplicaSet's template with its Deployment's (EqualIgnoreHash). */
export function withoutHashLabel(template: IPodTemplateSpec | undefined): IPodTemplateSpec {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...(template ?? {}), metadata: { ...(template?.metadata ?? {}), labels } };
}

export function isSameTemplate(a: IPodTemplateSpec | undefined, b: IPodTemplateSpec | undefined): boolean {
  return isSameJson(withoutHashLabel(a), withoutHashLabel(b));
}
