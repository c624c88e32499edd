/**
 * What a CNI plugin decides that the Kubernetes API leaves open. The networking model itself (unique pod IPs,
 * pod-to-pod across nodes without NAT) holds for every profile
 * (https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model); what differs is
 * where pod IPs come from and whether NetworkPolicy is enforced at all
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites: "Creating a
 * NetworkPolicy resource without a controller that implements it will have no effect").
 */
export type CniName = "calico" | "cilium" | "flannel" | "aws-vpc-cni";

export interface CniProfile {
  name: CniName;
  displayName: string;
  /** Whether NetworkPolicy objects change what traffic flows. */
  enforcesNetworkPolicy: boolean;
  /** Whether `endPort` port ranges are honoured (stable since Kubernetes 1.25 for plugins that support it). */
  supportsEndPort: boolean;
  /** Pod IPs from a per-node slice of the pod CIDR, or from the node's VPC subnet (secondary ENI addresses). */
  podAddressing: "node-pod-cidr" | "vpc-subnet";
  /** How packets cross nodes, for traces and lessons. */
  dataplane: string;
}

export const CNI_PROFILES: Readonly<Record<CniName, CniProfile>> = {
  calico: {
    name: "calico",
    displayName: "Calico",
    enforcesNetworkPolicy: true,
    supportsEndPort: true,
    podAddressing: "node-pod-cidr",
    dataplane: "BGP-routed, no encapsulation",
  },
  cilium: {
    name: "cilium",
    displayName: "Cilium",
    enforcesNetworkPolicy: true,
    supportsEndPort: true,
    podAddressing: "node-pod-cidr",
    dataplane: "eBPF, VXLAN tunnel",
  },
  flannel: {
    name: "flannel",
    displayName: "Flannel",
    enforcesNetworkPolicy: false,
    supportsEndPort: false,
    podAddressing: "node-pod-cidr",
    dataplane: "VXLAN overlay",
  },
  "aws-vpc-cni": {
    name: "aws-vpc-cni",
    displayName: "Amazon VPC CNI",
    // Enforcement is opt-in (ENABLE_NETWORK_POLICY on the aws-node DaemonSet); ClusterConfig can switch it on.
    enforcesNetworkPolicy: false,
    supportsEndPort: true,
    podAddressing: "vpc-subnet",
    dataplane: "native VPC routing (pod IPs are VPC addresses)",
  },
};
