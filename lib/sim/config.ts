import type { CniName } from "./cni/cni-profile";

export interface NodeConfig {
  name: string;
  /** The node's InternalIP. */
  internalIP: string;
  /** For node-pod-cidr profiles: the node's spec.podCIDR. For vpc-subnet: the subnet its pods draw from. */
  podCIDR: string;
  labels?: Record<string, string>;
  /** Control-plane nodes carry the NoSchedule taint and get no workload pods. */
  controlPlane?: boolean;
}

/**
 * Settings a real cluster fixes at install time. Defaults follow kubeadm: service CIDR 10.96.0.0/12 with
 * kube-dns at 10.96.0.10, cluster domain cluster.local, NodePort range 30000-32767
 * (kubernetes/kubernetes cmd/kubeadm/app/apis/kubeadm/v1beta4 defaults; kube-apiserver --service-node-port-range).
 */
export interface ClusterConfig {
  cni: CniName;
  /** Overrides the profile's enforcement (aws-vpc-cni's ENABLE_NETWORK_POLICY). */
  networkPolicyEnforcement?: boolean;
  clusterDomain: string;
  serviceCIDR: string;
  dnsServiceIP: string;
  podCIDR: string;
  nodePortRange: readonly [number, number];
  /** The simulated cloud's pool for LoadBalancer Services' status.loadBalancer.ingress. */
  loadBalancerPool: string;
  nodes: readonly NodeConfig[];
  /** Seeds every allocator that would otherwise be random (uids, generated name suffixes, endpoint choice). */
  seed: number;
  /** The fixed instant the simulated clock starts from (RFC 3339). */
  startTime: string;
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  cni: "calico",
  clusterDomain: "cluster.local",
  serviceCIDR: "10.96.0.0/12",
  dnsServiceIP: "10.96.0.10",
  podCIDR: "10.244.0.0/16",
  nodePortRange: [30000, 32767],
  loadBalancerPool: "203.0.113.0/24",
  nodes: [
    { name: "control-plane", internalIP: "172.18.0.2", podCIDR: "10.244.0.0/24", controlPlane: true },
    { name: "worker-1", internalIP: "172.18.0.3", podCIDR: "10.244.1.0/24" },
    { name: "worker-2", internalIP: "172.18.0.4", podCIDR: "10.244.2.0/24" },
  ],
  seed: 1,
  startTime: "2025-05-01T09:00:00Z",
};
