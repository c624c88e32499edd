import type { ClusterState } from "../cluster-state";
import { CNI_PROFILES } from "../cni/cni-profile";
import type { TraceHop } from "./trace";

/**
 * How a packet crosses from the client's node to the destination pod's node. The networking model fixes that
 * pod-to-pod traffic is not NATed, same node or not
 * (https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model); the CNI profile says
 * how it travels (overlay, routed, VPC).
 */
export function buildNodeHop(state: ClusterState, fromNode: string | undefined, toNode: string | undefined, options: { external?: boolean; sourceIP: string; destinationIP: string }): TraceHop {
  const profile = CNI_PROFILES[state.config.cni] ?? CNI_PROFILES.calico;
  const object = toNode ? { kind: "Node", name: toNode } : undefined;
  if (options.external || fromNode === undefined) {
    return {
      kind: "node",
      outcome: "pass",
      object,
      summary: `from outside the cluster to node ${toNode ?? "?"}, then to ${options.destinationIP} over ${profile.displayName} (${profile.dataplane})`,
    };
  }
  if (fromNode === toNode) {
    return {
      kind: "node",
      outcome: "pass",
      object,
      summary: `same node ${fromNode}: ${options.sourceIP} → ${options.destinationIP} stays on the node (${profile.displayName}), no NAT between pods`,
    };
  }
  return {
    kind: "cni",
    outcome: "pass",
    object,
    summary: `cross-node ${fromNode} → ${toNode ?? "?"} via ${profile.displayName} (${profile.dataplane}): ${options.sourceIP} → ${options.destinationIP}, addresses unchanged (no NAT between pods)`,
  };
}
