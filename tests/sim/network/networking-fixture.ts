import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import type { ClusterConfig } from "@/lib/sim/config";

type Obj = { kind: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

export interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  ip?: string;
  node?: string;
  image?: string;
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  ready?: boolean;
  terminating?: boolean;
  hostname?: string;
  subdomain?: string;
  args?: string[];
  env?: { name: string; value: string }[];
  dnsPolicy?: string;
  dnsConfig?: Record<string, unknown>;
  hostNetwork?: boolean;
}

/** A running pod as the kubelet would report it. */
export function pod(name: string, o: PodOptions = {}): Obj {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      labels: o.labels ?? {},
      ...(o.terminating ? { deletionTimestamp: "2025-05-01T09:05:00Z" } : {}),
    },
    spec: {
      nodeName: o.node ?? "worker-1",
      containers: [{ name: "app", image: o.image ?? "nginx:1.27", ports: o.ports, args: o.args, env: o.env }],
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      ...(o.dnsPolicy ? { dnsPolicy: o.dnsPolicy } : {}),
      ...(o.dnsConfig ? { dnsConfig: o.dnsConfig } : {}),
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
    },
    status: {
      phase: "Running",
      podIP: o.ip,
      podIPs: o.ip ? [{ ip: o.ip }] : [],
      conditions: [{ type: "Ready", status: o.ready === false ? "False" : "True" }],
    },
  };
}

export function service(name: string, namespace: string, spec: Record<string, unknown>, status?: Record<string, unknown>): Obj {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec: { type: "ClusterIP", ...spec }, ...(status ? { status } : {}) };
}

export function namespace(name: string, labels: Record<string, string> = {}): Obj {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "kubernetes.io/metadata.name": name, ...labels } } };
}

/**
 * The article's production namespace: the my-backend-api Service (port 80 → targetPort 3000) in front of two
 * my-backend pods on different nodes, plus the system Services every cluster has and a netshoot debug pod.
 */
export function articleObjects(): Obj[] {
  return [
    namespace("default"),
    namespace("production"),
    namespace("kube-system"),
    service("kubernetes", "default", { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] }),
    service("kube-dns", "kube-system", {
      clusterIP: "10.96.0.10",
      selector: { "k8s-app": "kube-dns" },
      ports: [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
    }),
    pod("coredns-7db6d8ff4d-2xk9p", { namespace: "kube-system", labels: { "k8s-app": "kube-dns" }, ip: "10.244.0.3", node: "control-plane", image: "registry.k8s.io/coredns/coredns:v1.11.3" }),
    service("my-backend-api", "production", {
      clusterIP: "10.96.120.15",
      selector: { app: "my-backend" },
      ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }],
    }),
    pod("my-backend-7d9f8b6c5-k2x4p", { namespace: "production", labels: { app: "my-backend" }, ip: "10.244.1.5", node: "worker-1", image: "ghcr.io/k8s-netlab/backend-api:1.0", ports: [{ containerPort: 3000, name: "http" }] }),
    pod("my-backend-7d9f8b6c5-q8w2m", { namespace: "production", labels: { app: "my-backend" }, ip: "10.244.2.7", node: "worker-2", image: "ghcr.io/k8s-netlab/backend-api:1.0", ports: [{ containerPort: 3000, name: "http" }] }),
    pod("netshoot", { namespace: "default", labels: { run: "netshoot" }, ip: "10.244.1.9", node: "worker-1", image: "nicolaka/netshoot" }),
  ];
}

export function articleState(extra: Obj[] = [], config: Partial<ClusterConfig> = {}) {
  return staticClusterState([...articleObjects(), ...extra], config);
}
