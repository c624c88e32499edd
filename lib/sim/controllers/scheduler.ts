import type { INodeSelectorRequirement } from "kubernetes-models/v1/NodeSelectorRequirement";
import type { ITaint } from "kubernetes-models/v1/Taint";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { Node, Pod } from "../objects/kinds";
import type { ControllerContext } from "./controller-context";
import { isPodTerminal } from "./pod-readiness";

const SOURCE = "default-scheduler";

/** Whether a toleration matches a taint (staging/src/k8s.io/api/core/v1/toleration.go ToleratesTaint). */
export function toleratesTaint(toleration: IToleration, taint: ITaint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (toleration.operator === "Exists") return true;
  return (toleration.value ?? "") === (taint.value ?? "");
}

function matchNodeRequirement(req: INodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return has && values.includes(value);
    case "NotIn":
      return !has || !values.includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
      return has && Number(value) > Number(values[0]);
    case "Lt":
      return has && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/**
 * nodeSelector and required node affinity (pkg/scheduler/framework/plugins/nodeaffinity): every
 * nodeSelector label must match, and at least one nodeSelectorTerm must match all its expressions.
 */
function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some((term) => (term.matchExpressions ?? []).every((req) => matchNodeRequirement(req, labels)) && (term.matchFields ?? []).every((req) => matchNodeRequirement(req, { "metadata.name": node.metadata.name })));
}

/** The first reason a node cannot take the pod, worded as the scheduler's filter plugins report it. */
function rejectReason(pod: Pod, node: Node): string | undefined {
  if (node.spec?.unschedulable) return "node(s) were unschedulable";
  // A node whose kubelet does not report Ready carries the not-ready taint (pkg/controller/nodelifecycle).
  const ready = node.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
  const notReady = { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" as const };
  if (!ready && !(pod.spec?.tolerations ?? []).some((tol) => toleratesTaint(tol, notReady))) return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
  const taint = (node.spec?.taints ?? []).find(
    (t) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !(pod.spec?.tolerations ?? []).some((tol) => toleratesTaint(tol, t)),
  );
  // pkg/scheduler/framework/plugins/tainttoleration: "node(s) had untolerated taint {key: value}".
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
  if (!matchesNodeAffinity(pod, node)) return "node(s) didn't match Pod's node affinity/selector";
  return undefined;
}

/**
 * The node's pod capacity, status.allocatable.pods (the kubelet's --max-pods, 110 by default), as the
 * NodeResourcesFit plugin checks it (pkg/scheduler/framework/plugins/noderesources/fit.go: "Too many pods").
 */
function capacityReason(node: Node, podsOnNode: number): string | undefined {
  const allocatable = Number((node.status?.allocatable as Record<string, unknown> | undefined)?.pods);
  return Number.isFinite(allocatable) && podsOnNode >= allocatable ? "Too many pods" : undefined;
}

/**
 * The scheduling failure message (pkg/scheduler/framework/types.go FitError.Error): reasons counted and
 * sorted, then the preemption summary.
 */
export function formatFitError(total: number, reasons: Map<string, number>): string {
  const parts = [...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
  return `0/${total} nodes are available: ${parts.join(", ")}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

/**
 * The scheduler: binds every pod without spec.nodeName to a feasible node (taints tolerated, nodeSelector
 * and required affinity met, schedulable), spreading pods by choosing the feasible node with the fewest
 * pods (NodeResourcesBalancedAllocation/PodTopologySpread reduced to a count; ties go to the first node by
 * name, where the real scheduler picks at random). Unschedulable pods stay Pending with the PodScheduled
 * condition False and a FailedScheduling event.
 */
export function schedulePods(ctx: ControllerContext): void {
  const nodes = ctx.list("Node");
  // Every pending pod is retried on every run, whichever namespace changed: capacity freed anywhere may
  // make room for it (the scheduler's unschedulable queue is flushed on cluster events).
  const pending = ctx.list("Pod").filter((pod) => !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && !isPodTerminal(pod));
  if (pending.length === 0) return;
  const load = new Map<string, number>(nodes.map((n) => [n.metadata.name, 0]));
  for (const pod of ctx.list("Pod")) {
    const nodeName = pod.spec?.nodeName;
    if (nodeName && load.has(nodeName) && !isPodTerminal(pod)) load.set(nodeName, load.get(nodeName)! + 1);
  }
  for (const pod of pending) {
    const reasons = new Map<string, number>();
    let best: Node | undefined;
    for (const node of nodes) {
      const reason = rejectReason(pod, node) ?? capacityReason(node, load.get(node.metadata.name)!);
      if (reason) {
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        continue;
      }
      if (!best || load.get(node.metadata.name)! < load.get(best.metadata.name)!) best = node;
    }
    const now = ctx.timestamp();
    const others = (pod.status?.conditions ?? []).filter((c) => c.type !== "PodScheduled");
    if (!best) {
      const message = nodes.length === 0 ? "no nodes available to schedule pods" : formatFitError(nodes.length, reasons);
      const previous = pod.status?.conditions?.find((c) => c.type === "PodScheduled");
      if (previous?.message === message) continue;
      ctx.update<Pod>({
        ...pod,
        status: { ...pod.status, phase: "Pending", conditions: [...others, { type: "PodScheduled", status: "False", lastProbeTime: null as unknown as string, lastTransitionTime: now, reason: "Unschedulable", message }] },
      });
      ctx.record({ type: "Warning", reason: "FailedScheduling", message, object: pod, source: SOURCE });
      continue;
    }
    const nodeName = best.metadata.name;
    load.set(nodeName, load.get(nodeName)! + 1);
    const bound = ctx.update<Pod>({
      ...pod,
      spec: { ...pod.spec!, nodeName },
      status: { ...pod.status, conditions: [...others, { type: "PodScheduled", status: "True", lastProbeTime: null as unknown as string, lastTransitionTime: now }] },
    });
    ctx.record({ type: "Normal", reason: "Scheduled", message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, object: bound, source: SOURCE });
  }
}
