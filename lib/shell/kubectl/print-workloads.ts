import { formatLabelSelector } from "@/lib/sim/selectors/label-selector";
import { humanDuration, formatAge } from "../format/human-duration";
import type { Deployment, Pod, ReplicaSet } from "@/lib/sim/objects/kinds";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import { definePrinter, orNone, type PrintContext } from "./table-printer";

/**
 * STATUS as printPod computes it (pkg/printers/internalversion/printers.go printPod): the phase, replaced by
 * the pod's reason, by a waiting or terminated container's reason (ContainerCreating, CrashLoopBackOff,
 * Completed), and by `Terminating` once a deletionTimestamp is set.
 */
export function formatPodStatus(pod: Pod): string {
  let reason = pod.status?.reason ?? pod.status?.phase ?? "Pending";
  for (const status of pod.status?.containerStatuses ?? []) {
    if (status.state?.waiting?.reason) reason = status.state.waiting.reason;
    else if (status.state?.terminated?.reason) reason = status.state.terminated.reason;
  }
  if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

/** RESTARTS: the sum of restartCount, with `(5m ago)` after the last restart when one happened. */
function formatRestarts(pod: Pod, now: Date): string {
  let restarts = 0;
  let last: number | undefined;
  for (const status of pod.status?.containerStatuses ?? []) {
    restarts += status.restartCount ?? 0;
    const finished = status.lastState?.terminated?.finishedAt;
    if (finished) last = Math.max(last ?? 0, Date.parse(finished));
  }
  return last !== undefined && restarts > 0 ? `${restarts} (${humanDuration(now.getTime() - last)} ago)` : String(restarts);
}

function readyContainers(pod: Pod): string {
  const total = pod.spec?.containers?.length ?? 0;
  const ready = (pod.status?.containerStatuses ?? []).filter((s) => s.ready).length;
  return `${ready}/${total}`;
}

function containerNames(spec: IPodSpec | undefined): string {
  return (spec?.containers ?? []).map((c) => c.name).join(",");
}

function containerImages(spec: IPodSpec | undefined): string {
  return (spec?.containers ?? []).map((c) => c.image ?? "").join(",");
}

const age = (object: { metadata: { creationTimestamp: string } }, context: PrintContext) => formatAge(object.metadata.creationTimestamp, context.now);

export const POD_PRINTER = definePrinter<"Pod">({
  headers: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
  wideHeaders: ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
  row: (pod, context) => [pod.metadata.name, readyContainers(pod), formatPodStatus(pod), formatRestarts(pod, context.now), age(pod, context)],
  wide: (pod) => [
    orNone(pod.status?.podIP),
    orNone(pod.spec?.nodeName),
    orNone(pod.status?.nominatedNodeName),
    pod.spec?.readinessGates?.length ? `${pod.spec.readinessGates.length}/${pod.spec.readinessGates.length}` : "<none>",
  ],
});

export const DEPLOYMENT_PRINTER = definePrinter<"Deployment">({
  headers: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
  wideHeaders: ["CONTAINERS", "IMAGES", "SELECTOR"],
  row: (d: Deployment, context) => [
    d.metadata.name,
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    String(d.status?.updatedReplicas ?? 0),
    String(d.status?.availableReplicas ?? 0),
    age(d, context),
  ],
  wide: (d) => [containerNames(d.spec?.template?.spec), containerImages(d.spec?.template?.spec), orNone(d.spec?.selector ? formatLabelSelector(d.spec.selector) : undefined)],
});

export const REPLICA_SET_PRINTER = definePrinter<"ReplicaSet">({
  headers: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
  wideHeaders: ["CONTAINERS", "IMAGES", "SELECTOR"],
  row: (rs: ReplicaSet, context) => [rs.metadata.name, String(rs.spec?.replicas ?? 1), String(rs.status?.replicas ?? 0), String(rs.status?.readyReplicas ?? 0), age(rs, context)],
  wide: (rs) => [containerNames(rs.spec?.template?.spec), containerImages(rs.spec?.template?.spec), orNone(rs.spec?.selector ? formatLabelSelector(rs.spec.selector) : undefined)],
});

export const NAMESPACE_PRINTER = definePrinter<"Namespace">({
  headers: ["NAME", "STATUS", "AGE"],
  wideHeaders: [],
  row: (ns, context) => [ns.metadata.name, ns.metadata.deletionTimestamp ? "Terminating" : (ns.status?.phase ?? "Active"), age(ns, context)],
  wide: () => [],
});

/** ROLES from node-role.kubernetes.io/<role> labels (printers.go findNodeRoles). */
function nodeRoles(labels: Record<string, string> | undefined): string {
  const roles = Object.keys(labels ?? {})
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length))
    .filter((r) => r.length > 0)
    .sort();
  return roles.length > 0 ? roles.join(",") : "<none>";
}

export const NODE_PRINTER = definePrinter<"Node">({
  headers: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
  wideHeaders: ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
  row: (node, context) => {
    const ready = node.status?.conditions?.find((c) => c.type === "Ready");
    const status = ready?.status === "True" ? "Ready" : ready ? "NotReady" : "Unknown";
    return [node.metadata.name, node.spec?.unschedulable ? `${status},SchedulingDisabled` : status, nodeRoles(node.metadata.labels), age(node, context), node.status?.nodeInfo?.kubeletVersion ?? ""];
  },
  wide: (node) => [
    orNone(node.status?.addresses?.find((a) => a.type === "InternalIP")?.address),
    orNone(node.status?.addresses?.find((a) => a.type === "ExternalIP")?.address),
    node.status?.nodeInfo?.osImage ?? "<unknown>",
    node.status?.nodeInfo?.kernelVersion ?? "<unknown>",
    node.status?.nodeInfo?.containerRuntimeVersion ?? "<unknown>",
  ],
});

export const SECRET_PRINTER = definePrinter<"Secret">({
  headers: ["NAME", "TYPE", "DATA", "AGE"],
  wideHeaders: [],
  row: (s, context) => [s.metadata.name, s.type ?? "Opaque", String(Object.keys(s.data ?? {}).length + Object.keys(s.stringData ?? {}).length), age(s, context)],
  wide: () => [],
});

export const CONFIG_MAP_PRINTER = definePrinter<"ConfigMap">({
  headers: ["NAME", "DATA", "AGE"],
  wideHeaders: [],
  row: (cm, context) => [cm.metadata.name, String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(cm, context)],
  wide: () => [],
});
