import type { Pod, ReplicaSet } from "../objects/kinds";
import { matchLabelSelector } from "../selectors/label-selector";
import { compareText } from "../store/object-store";
import type { ControllerContext } from "./controller-context";
import { controllerOf, controllerRef, isControlledBy } from "./owner-references";
import { isPodReady, isPodTerminal, isPodTerminating } from "./pod-readiness";
import { preparePodForCreate } from "./prepare-pod";

const SOURCE = "replicaset-controller";

/** Pods that count toward replicas: not terminal and not being deleted (controller_utils.go FilterActivePods). */
function isActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !isPodTerminating(pod);
}

/**
 * Which pods go first when scaling down (pkg/controller/controller_utils.go ActivePods Less): unscheduled
 * before scheduled, Pending before Running, not ready before ready, then the most recently created.
 */
function compareForDeletion(a: Pod, b: Pod): number {
  const scheduled = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  const running = (p: Pod) => (p.status?.phase === "Running" ? 1 : 0);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  return (
    scheduled(a) - scheduled(b) ||
    running(a) - running(b) ||
    ready(a) - ready(b) ||
    compareText(b.metadata.creationTimestamp, a.metadata.creationTimestamp) ||
    Number(b.metadata.resourceVersion) - Number(a.metadata.resourceVersion)
  );
}

/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): adopts orphan pods its selector
 * matches, creates pods from the template (generateName `<rs>-`, so `<rs>-<5 chars>`) or deletes the
 * cheapest ones until the active count equals spec.replicas, and reports replicas, fullyLabeledReplicas,
 * readyReplicas and availableReplicas.
 */
export function reconcileReplicaSets(ctx: ControllerContext): void {
  for (const rs of ctx.list("ReplicaSet")) {
    if (!ctx.isDirty(rs.metadata.namespace)) continue;
    if (rs.metadata.deletionTimestamp || !rs.spec?.selector) continue;
    const namespace = rs.metadata.namespace!;
    const selector = rs.spec.selector;
    let owned: Pod[] = [];
    for (const pod of ctx.list("Pod", namespace)) {
      if (isControlledBy(pod, rs)) owned.push(pod);
      else if (!controllerOf(pod) && !isPodTerminating(pod) && matchLabelSelector(selector, pod.metadata.labels)) {
        // Adoption (controller_ref_manager.go ClaimPods): an orphan the selector matches becomes ours.
        owned.push(ctx.update<Pod>({ ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), controllerRef(rs)] } }));
      }
    }
    owned = owned.filter((pod) => matchLabelSelector(selector, pod.metadata.labels) || !releasePod(ctx, pod, rs));
    const active = owned.filter(isActive);
    const desired = rs.spec.replicas ?? 1;
    if (active.length < desired) {
      for (let i = active.length; i < desired; i++) {
        const pod = ctx.create<Pod>(
          preparePodForCreate({
            apiVersion: "v1",
            kind: "Pod",
            metadata: {
              generateName: `${rs.metadata.name}-`,
              namespace,
              labels: { ...(rs.spec.template?.metadata?.labels ?? {}) },
              ...(rs.spec.template?.metadata?.annotations ? { annotations: { ...rs.spec.template.metadata.annotations } } : {}),
              ownerReferences: [controllerRef(rs)],
            },
            spec: structuredSpec(rs),
          }),
        );
        ctx.record({ type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}`, object: rs, source: SOURCE });
      }
    } else if (active.length > desired) {
      for (const pod of [...active].sort(compareForDeletion).slice(0, active.length - desired)) {
        ctx.delete({ kind: "Pod", name: pod.metadata.name, namespace });
        ctx.record({ type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name}`, object: rs, source: SOURCE });
      }
    }
    writeReplicaSetStatus(ctx, rs);
  }
}

function structuredSpec(rs: ReplicaSet): Pod["spec"] {
  return JSON.parse(JSON.stringify(rs.spec?.template?.spec ?? { containers: [] }));
}

/** A pod whose labels no longer match is released: its controller reference is removed (ClaimPods release). */
function releasePod(ctx: ControllerContext, pod: Pod, rs: ReplicaSet): boolean {
  const ownerReferences = (pod.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== rs.metadata.uid);
  const metadata = { ...pod.metadata, ownerReferences };
  if (ownerReferences.length === 0) delete (metadata as { ownerReferences?: unknown }).ownerReferences;
  ctx.update<Pod>({ ...pod, metadata });
  return true;
}

function writeReplicaSetStatus(ctx: ControllerContext, rs: ReplicaSet): void {
  const latest = ctx.get("ReplicaSet", rs.metadata.name, rs.metadata.namespace) ?? rs;
  const pods = ctx.list("Pod", rs.metadata.namespace).filter((pod) => isControlledBy(pod, rs) && isActive(pod));
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const ready = pods.filter(isPodReady).length;
  const status: Record<string, number | undefined> = {
    replicas: pods.length,
    fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
    readyReplicas: ready,
    // minReadySeconds is measured against the simulated clock only when it is advanced; a ready pod counts as available.
    availableReplicas: ready,
    observedGeneration: latest.metadata.generation,
  };
  for (const key of Object.keys(status)) if (status[key] === 0 && key !== "replicas") delete status[key];
  ctx.update<ReplicaSet>({ ...latest, status: status as unknown as ReplicaSet["status"] });
}
