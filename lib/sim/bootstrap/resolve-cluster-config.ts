import { CNI_PROFILES } from "../cni/cni-profile";
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig, type NodeConfig } from "../config";

/**
 * Nodes of a cluster on the Amazon VPC CNI: each node sits in its own VPC subnet and its pods draw
 * secondary addresses from that subnet, so pod IPs look like node IPs
 * (https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html).
 */
export const VPC_CNI_NODES: readonly NodeConfig[] = [
  { name: "control-plane", internalIP: "192.168.0.10", podCIDR: "192.168.0.0/19", controlPlane: true },
  { name: "worker-1", internalIP: "192.168.32.10", podCIDR: "192.168.32.0/19" },
  { name: "worker-2", internalIP: "192.168.64.10", podCIDR: "192.168.64.0/19" },
];

/**
 * The full configuration for a partial one: defaults fill what is missing, and a vpc-subnet CNI without its
 * own node list gets VPC-style nodes (the default node list describes a pod CIDR split into /24s, which is
 * not how that CNI addresses pods).
 */
export function resolveClusterConfig(partial: Partial<ClusterConfig> = {}): ClusterConfig {
  const merged: ClusterConfig = { ...DEFAULT_CLUSTER_CONFIG, ...stripUndefined(partial) };
  const profile = CNI_PROFILES[merged.cni] ?? CNI_PROFILES.calico;
  if (profile.podAddressing === "vpc-subnet" && partial.nodes === undefined) {
    return { ...merged, nodes: VPC_CNI_NODES, podCIDR: partial.podCIDR ?? "192.168.0.0/16" };
  }
  return merged;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
