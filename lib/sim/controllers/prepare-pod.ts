import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IToleration } from "kubernetes-models/v1/Toleration";

type PodLike = { spec?: IPodSpec; status?: Record<string, unknown> | object; [key: string]: unknown };

/**
 * The pod's QoS class (kubernetes/kubernetes pkg/apis/core/helper/qos/qos.go GetPodQOS): BestEffort when no
 * container asks for or limits cpu or memory, Guaranteed when every container's limits equal its requests
 * for both, Burstable otherwise.
 */
export function computeQOSClass(spec: IPodSpec | undefined): "BestEffort" | "Burstable" | "Guaranteed" {
  const containers: IContainer[] = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
    const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
    for (const resource of ["cpu", "memory"]) {
      if (requests[resource] !== undefined || limits[resource] !== undefined) any = true;
      const limit = limits[resource];
      const request = requests[resource] ?? limit;
      if (limit === undefined || String(limit) !== String(request)) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

/**
 * Tolerations the DefaultTolerationSeconds admission plugin adds to every pod: 300 s for not-ready and
 * unreachable nodes (plugin/pkg/admission/defaulttolerationseconds/admission.go).
 */
const DEFAULT_TOLERATIONS: IToleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];

/**
 * What the API server does to every new pod besides validation: the ServiceAccount admission plugin sets
 * serviceAccountName `default`; DefaultTolerationSeconds adds its tolerations unless the pod already
 * tolerates those taints; the pod strategy resets status to Pending with the QoS class
 * (pkg/registry/core/pod/strategy.go PrepareForCreate).
 */
export function preparePodForCreate<T extends PodLike>(pod: T): T {
  const spec: IPodSpec = { ...(pod.spec ?? { containers: [] }) };
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount ?? "default";
  if (!spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  const tolerations = [...(spec.tolerations ?? [])];
  for (const toleration of DEFAULT_TOLERATIONS) {
    const covered = tolerations.some((t) => (t.key === toleration.key || (t.key === undefined && t.operator === "Exists")) && (!t.effect || t.effect === "NoExecute"));
    if (!covered) tolerations.push(toleration);
  }
  spec.tolerations = tolerations;
  return { ...pod, spec, status: { phase: "Pending", qosClass: computeQOSClass(spec) } };
}
