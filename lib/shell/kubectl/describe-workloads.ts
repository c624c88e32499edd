import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Deployment, Namespace, ReplicaSet } from "@/lib/sim/objects/kinds";
import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import { formatLabelSelector } from "@/lib/sim/selectors/label-selector";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import { DescribeWriter, formatRfc1123, writeAnnotations, writeEvents, writeLabels, writeMap } from "./describe-writer";
import { writeContainers, writeTolerations, writeVolumes } from "./describe-pod";

/** describe.go DescribePodTemplate. */
function writePodTemplate(w: DescribeWriter, template: IPodTemplateSpec | undefined): void {
  w.write(0, "Pod Template:\n");
  writeMap(w, "  Labels", template?.metadata?.labels);
  if (Object.keys(template?.metadata?.annotations ?? {}).length > 0) writeMap(w, "  Annotations", template?.metadata?.annotations);
  if (template?.spec?.serviceAccountName) w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  writeContainers(w, template?.spec?.containers ?? [], undefined, "  ");
  writeVolumes(w, template?.spec, "  ");
  writeMap(w, "  Node-Selectors", template?.spec?.nodeSelector);
  writeTolerations(w, "  Tolerations", template?.spec?.tolerations);
}

function formatReplicaSets(sets: readonly ReplicaSet[]): string {
  if (sets.length === 0) return "<none>";
  return sets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
}

/** describe.go DeploymentDescriber (v1.32). */
export function describeDeployment(state: ClusterState, d: Deployment, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  const spec = d.spec;
  const status = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${formatRfc1123(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, d.metadata.labels);
  writeAnnotations(w, d.metadata.annotations);
  w.write(0, `Selector:\t${spec?.selector ? formatLabelSelector(spec.selector) : ""}\n`);
  const unavailable = status.unavailableReplicas ?? Math.max(0, (spec?.replicas ?? 1) - (status.availableReplicas ?? 0));
  w.write(0, `Replicas:\t${spec?.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${unavailable} unavailable\n`);
  const strategy = spec?.strategy;
  w.write(0, `StrategyType:\t${strategy?.type ?? "RollingUpdate"}\n`);
  w.write(0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
  if ((strategy?.type ?? "RollingUpdate") === "RollingUpdate") {
    w.write(0, `RollingUpdateStrategy:\t${String(strategy?.rollingUpdate?.maxUnavailable ?? "25%")} max unavailable, ${String(strategy?.rollingUpdate?.maxSurge ?? "25%")} max surge\n`);
  }
  writePodTemplate(w, spec?.template);
  if (status.conditions?.length) {
    w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(1, "----\t------\t------\n");
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  const owned = state.list("ReplicaSet", d.metadata.namespace).filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
  const hash = (rs: ReplicaSet) => rs.metadata.labels?.["pod-template-hash"];
  const newest = owned.find((rs) => hash(rs) && JSON.stringify(rs.spec?.template?.spec) === JSON.stringify(spec?.template?.spec)) ?? owned[owned.length - 1];
  w.write(0, `OldReplicaSets:\t${formatReplicaSets(owned.filter((rs) => rs !== newest && (rs.spec?.replicas ?? 0) > 0))}\n`);
  w.write(0, `NewReplicaSet:\t${formatReplicaSets(newest ? [newest] : [])}\n`);
  writeEvents(w, events, state.now());
  return w.toString();
}

/** describe.go ReplicaSetDescriber. */
export function describeReplicaSet(state: ClusterState, rs: ReplicaSet, events: readonly ClusterEvent[]): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${rs.spec?.selector ? formatLabelSelector(rs.spec.selector) : ""}\n`);
  writeLabels(w, rs.metadata.labels);
  writeAnnotations(w, rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  const pods = state.list("Pod", rs.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === rs.metadata.uid));
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  w.write(0, `Pods Status:\t${count("Running")} Running / ${count("Pending")} Waiting / ${count("Succeeded")} Succeeded / ${count("Failed")} Failed\n`);
  writePodTemplate(w, rs.spec?.template);
  writeEvents(w, events, state.now());
  return w.toString();
}

/** describe.go describeNamespace: no ResourceQuota or LimitRange exists in the simulated cluster. */
export function describeNamespace(_state: ClusterState, ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, ns.metadata.labels);
  writeAnnotations(w, ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? "Active"}\n`);
  w.write(0, "\nNo resource quota.\n");
  w.write(0, "\nNo LimitRange resource.\n");
  return w.toString();
}
