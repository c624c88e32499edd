import type { ClusterState } from "../cluster-state";
import { locateObjectField } from "../locate-object-field";
import type { AnyObject, Ingress } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import type { HopKind, TraceHop } from "../network/trace";

export function ingressRef(ingress: Ingress): ObjectRef {
  return { kind: "Ingress", name: ingress.metadata.name, namespace: ingress.metadata.namespace ?? "default" };
}

export function objectRef(object: AnyObject): ObjectRef {
  return { kind: object.kind ?? "Unknown", name: object.metadata.name, namespace: object.metadata.namespace };
}

/**
 * A trace step decided by one field of an object, pointing at the learner's YAML line when the object came
 * from text they wrote (ClusterState.sourceOf).
 */
export function objectHop(state: ClusterState, object: AnyObject, field: string, outcome: TraceHop["outcome"], summary: string, kind: HopKind = "ingress"): TraceHop {
  const position = locateObjectField(state, object, field);
  const rule = /^spec\.rules\[\d+\](\.http\.paths\[\d+\])?/.exec(field)?.[0];
  return { kind, outcome, summary, object: objectRef(object), field, ...(rule ? { rule } : {}), ...(position ? { position } : {}) };
}

export function ingressHop(state: ClusterState, ingress: Ingress, field: string, outcome: TraceHop["outcome"], summary: string): TraceHop {
  return objectHop(state, ingress, field, outcome, summary, "ingress");
}
