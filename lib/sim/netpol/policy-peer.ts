import type { ClusterState } from "../cluster-state";
import type { Namespace, Pod } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import type { TrafficPeer } from "../network/trace";
import type { Labels } from "../selectors/label-selector";

/**
 * One end of a connection as a NetworkPolicy implementation sees it.
 *
 * - `pod`: a pod on the pod network; selectors and ipBlocks both apply to it.
 * - `host`: a node, or a hostNetwork pod. https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-and-hostnetwork-pods
 *   leaves hostNetwork pods implementation-defined between two behaviours and names the second the most common:
 *   the plugin cannot tell a hostNetwork pod's traffic from its node's, so it ignores hostNetwork pods when
 *   matching podSelector and namespaceSelector and treats their traffic as traffic to/from the node IP. The
 *   simulator models that one (Calico's and Flannel's behaviour): only ipBlock rules can match a host.
 * - `external`: an address outside the cluster; only ipBlock rules can match it.
 */
export type PolicyPeer =
  | { kind: "pod"; pod: Pod; ref: ObjectRef; namespace: string; labels: Labels; namespaceLabels: Labels; ips: string[]; nodeName?: string }
  | { kind: "host"; ips: string[]; nodeName?: string; pod?: Pod; ref?: ObjectRef }
  | { kind: "external"; ips: string[] };

/** The label the API server sets on every namespace since Kubernetes 1.21 (immutable): kubernetes.io/metadata.name=<name>
 * (https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name). The e2e netpol suite
 * selects namespaces with it, so the simulator adds it even when a stored Namespace lacks it. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

export function namespaceLabelsOf(namespace: string, object: Namespace | undefined): Labels {
  return { ...(object?.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
}

export function podIPsOf(pod: Pod): string[] {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip): ip is string => typeof ip === "string");
  const primary = pod.status?.podIP;
  if (primary && !ips.includes(primary)) ips.unshift(primary);
  return ips;
}

export function podRef(pod: Pod): ObjectRef {
  return { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace ?? "default" };
}

export function isHostNetworkPod(pod: Pod): boolean {
  return pod.spec?.hostNetwork === true;
}

export function buildPodPeer(pod: Pod, namespaceLabels: Labels): PolicyPeer {
  const ref = podRef(pod);
  const ips = podIPsOf(pod);
  if (isHostNetworkPod(pod)) return { kind: "host", ips: ips.length > 0 ? ips : hostIPsOf(pod), nodeName: pod.spec?.nodeName, pod, ref };
  return { kind: "pod", pod, ref, namespace: ref.namespace ?? "default", labels: pod.metadata.labels ?? {}, namespaceLabels, ips, nodeName: pod.spec?.nodeName };
}

function hostIPsOf(pod: Pod): string[] {
  return pod.status?.hostIP ? [pod.status.hostIP] : [];
}

export function resolvePolicyPeer(state: ClusterState, peer: TrafficPeer): PolicyPeer {
  switch (peer.kind) {
    case "pod": {
      const namespace = peer.pod.metadata.namespace ?? "default";
      return buildPodPeer(peer.pod, namespaceLabelsOf(namespace, state.get("Namespace", namespace)));
    }
    case "node":
      return { kind: "host", ips: [peer.ip], nodeName: peer.node.metadata.name };
    case "external":
      return { kind: "external", ips: [peer.ip] };
  }
}

/** How explanations name a peer: `production/web`, `node worker-1 (172.18.0.3)`, `203.0.113.9`. */
export function formatPolicyPeer(peer: PolicyPeer): string {
  if (peer.kind === "pod") return `${peer.namespace}/${peer.pod.metadata.name}`;
  if (peer.kind === "host" && peer.ref) return `hostNetwork pod ${peer.ref.namespace}/${peer.ref.name} (${peer.ips[0] ?? "no IP"})`;
  if (peer.kind === "host") return `node ${peer.nodeName ?? "?"} (${peer.ips[0] ?? "no IP"})`;
  return peer.ips[0] ?? "unknown address";
}
