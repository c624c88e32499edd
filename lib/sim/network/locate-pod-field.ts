import type { ClusterState } from "../cluster-state";
import { locateObjectField } from "../locate-object-field";
import type { AnyObject, Pod } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import type { SourcePosition } from "../source";

export interface LocatedField {
  object: ObjectRef;
  field: string;
  position?: SourcePosition;
}

/**
 * Where a learner wrote a pod field: in the Pod's own YAML, or — for a pod a Deployment made — in the
 * Deployment's pod template (`spec.template.<field>`), found through ownerReferences Pod → ReplicaSet →
 * Deployment (https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/).
 */
export function locatePodField(state: ClusterState, pod: Pod, podField: string): LocatedField {
  const namespace = pod.metadata.namespace ?? "default";
  const own = state.sourceOf(pod);
  const self: LocatedField = { object: { kind: "Pod", name: pod.metadata.name, namespace }, field: podField, position: locateObjectField(state, pod, podField) };
  if (own) return self;
  let current: AnyObject = pod;
  for (let depth = 0; depth < 2; depth++) {
    const owners: readonly { kind: string; name: string; controller?: boolean }[] = current.metadata.ownerReferences ?? [];
    const owner = owners.find((o) => o.controller === true) ?? owners[0];
    if (!owner || (owner.kind !== "ReplicaSet" && owner.kind !== "Deployment")) return self;
    const next: AnyObject | undefined = state.get(owner.kind, owner.name, namespace);
    if (!next) return self;
    if (state.sourceOf(next)) {
      const field = `spec.template.${podField}`;
      return { object: { kind: owner.kind, name: owner.name, namespace }, field, position: locateObjectField(state, next, field) };
    }
    current = next;
  }
  return self;
}
