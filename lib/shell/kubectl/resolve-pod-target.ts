import type { Pod } from "@/lib/sim/objects/kinds";
import { matchMapSelector } from "@/lib/sim/selectors/label-selector";
import { isPodReady } from "@/lib/sim/network/pod-network";
import { notFoundError } from "@/lib/sim/store/status-errors";
import type { ShellHost } from "../session/shell-host";
import { formatStatusError } from "./kubectl-verb";
import { resolveResourceType } from "./resource-types";

/**
 * The pod behind `NAME`, `pod/NAME`, `deployment/NAME` or `svc/NAME`, as kubectl's AttachablePodForObject picks
 * it for exec, logs and port-forward (k8s.io/kubectl pkg/polymorphichelpers/attachablepodforobject.go): a
 * workload or Service resolves to the first pod its selector matches, running pods first.
 */
export function resolvePodTarget(host: ShellHost, target: string, namespace: string): { pod: Pod } | { error: string } {
  const slash = target.indexOf("/");
  if (slash < 0) {
    const pod = host.cluster.get("Pod", target, namespace);
    return pod ? { pod } : { error: formatStatusError(notFoundError("Pod", target)) };
  }
  const kind = resolveResourceType(target.slice(0, slash));
  const name = target.slice(slash + 1);
  if (!kind) return { error: `error: the server doesn't have a resource type "${target.slice(0, slash)}"\n` };
  if (kind === "Pod") return resolvePodTarget(host, name, namespace);
  const owner = host.cluster.get(kind, name, namespace);
  if (!owner) return { error: formatStatusError(notFoundError(kind, name)) };
  let selector: Record<string, string> | undefined;
  if (owner.kind === "Service") selector = (owner as { spec?: { selector?: Record<string, string> } }).spec?.selector;
  else if (owner.kind === "Deployment" || owner.kind === "ReplicaSet") selector = (owner as { spec?: { selector?: { matchLabels?: Record<string, string> } } }).spec?.selector?.matchLabels;
  else return { error: `error: cannot attach to *v1.${kind}: selector for *v1.${kind} not implemented\n` };
  const pods = host.cluster.list("Pod", namespace).filter((p) => selector && Object.keys(selector).length > 0 && matchMapSelector(selector, p.metadata.labels ?? {}));
  const pod = [...pods].sort((a, b) => Number(isPodReady(b)) - Number(isPodReady(a)))[0];
  // GetFirstPod waits --pod-running-timeout (1m) for a matching pod, then gives up with wait's timeout error.
  if (!pod) return { error: "error: timed out waiting for the condition\n" };
  return { pod };
}
