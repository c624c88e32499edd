import type { ClusterConfig, NodeConfig } from "../config";
import { CNI_PROFILES } from "../cni/cni-profile";
import type { ManifestObject } from "../objects/meta";
import { addressAt, parseIPv4Range } from "../alloc/ipv4-range";

/** The Kubernetes version the simulated control plane reports (kubectl here is a v1.32 client). */
export const KUBERNETES_VERSION = "v1.32.2";

/** The namespaces every cluster starts with (https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces). */
export const INITIAL_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;

export function buildNamespace(name: string, labels: Record<string, string> = {}): ManifestObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { ...labels, "kubernetes.io/metadata.name": name } } };
}

/**
 * A Node as kubeadm and the kubelet register it: the well-known labels, the control-plane role label and
 * NoSchedule taint (https://kubernetes.io/docs/reference/labels-annotations-taints/#node-role-kubernetes-io-control-plane-taint),
 * spec.podCIDR where the node IPAM allocates per-node ranges, InternalIP and Hostname addresses and a Ready
 * condition.
 */
export function buildNode(node: NodeConfig, config: ClusterConfig, startTime: string): ManifestObject {
  const perNodeCIDR = (CNI_PROFILES[config.cni] ?? CNI_PROFILES.calico).podAddressing === "node-pod-cidr";
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: startTime,
    lastTransitionTime: startTime,
    reason,
    message,
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: node.name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": node.name,
        "kubernetes.io/os": "linux",
        ...(node.controlPlane ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
        ...(node.labels ?? {}),
      },
    },
    spec: {
      ...(perNodeCIDR ? { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR] } : {}),
      ...(node.controlPlane ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}),
    },
    status: {
      addresses: [
        { type: "InternalIP", address: node.internalIP },
        { type: "Hostname", address: node.name },
      ],
      allocatable: { cpu: "4", "ephemeral-storage": "100Gi", memory: "8Gi", pods: "110" },
      capacity: { cpu: "4", "ephemeral-storage": "100Gi", memory: "8Gi", pods: "110" },
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "6.8.0-generic",
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: "",
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        systemUUID: "",
      },
    },
  };
}

/** The API server's address: the control-plane node's IP, else the first node's. */
export function apiServerAddress(config: ClusterConfig): string {
  return (config.nodes.find((n) => n.controlPlane) ?? config.nodes[0])?.internalIP ?? "127.0.0.1";
}

/** The first address of the service CIDR, which the API server reserves for `kubernetes` (pkg/controlplane/services.go). */
export function kubernetesServiceIP(config: ClusterConfig): string {
  const range = parseIPv4Range(config.serviceCIDR);
  return range ? addressAt(range, 1) : "10.96.0.1";
}

/**
 * The `kubernetes` Service in default and its endpoints, which the API server maintains itself
 * (pkg/controlplane/reconcilers): no selector, port https 443 → 6443 on the API server; the Endpoints carry
 * the skip-mirror label because the API server writes the EndpointSlice too.
 */
export function buildKubernetesService(config: ClusterConfig): ManifestObject[] {
  const ip = apiServerAddress(config);
  return [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
      spec: { clusterIP: kubernetesServiceIP(config), ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }], sessionAffinity: "None", type: "ClusterIP" },
    },
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
    },
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    },
  ];
}

/** What `kubeadm init` leaves before any addon: the initial namespaces, the nodes and the `kubernetes` Service. */
export function buildControlPlaneObjects(config: ClusterConfig): ManifestObject[] {
  return [
    ...INITIAL_NAMESPACES.map((name) => buildNamespace(name)),
    ...config.nodes.map((node) => buildNode(node, config, config.startTime)),
    ...buildKubernetesService(config),
  ];
}
