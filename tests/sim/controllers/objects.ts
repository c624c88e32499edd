import type { Node, Pod, Service } from "@/lib/sim/objects/kinds";

interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  ip?: string;
  ready?: boolean;
  phase?: string;
  terminating?: boolean;
  nodeName?: string;
  ports?: { name?: string; containerPort: number; protocol?: "TCP" | "UDP" }[];
  hostname?: string;
  subdomain?: string;
}

/** A stored Pod as the kubelet would have reported it. */
export function makePod(name: string, o: PodOptions = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      uid: `uid-${name}`,
      resourceVersion: "1",
      creationTimestamp: "2025-05-01T09:00:00Z",
      labels: o.labels ?? { app: "web" },
      ...(o.terminating ? { deletionTimestamp: "2025-05-01T09:01:00Z" } : {}),
    },
    spec: {
      nodeName: o.nodeName ?? "worker-1",
      containers: [{ name: "app", image: "nginx", ports: o.ports ?? [] }],
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
    },
    status: {
      phase: o.phase ?? "Running",
      ...(o.ip === undefined ? {} : { podIP: o.ip, podIPs: [{ ip: o.ip }] }),
      conditions: [{ type: "Ready", status: o.ready === false ? "False" : "True" }],
    },
  } as Pod;
}

interface ServiceOptions {
  namespace?: string;
  selector?: Record<string, string> | null;
  ports?: { name?: string; port: number; targetPort?: number | string; protocol?: "TCP" | "UDP" }[];
  clusterIP?: string;
  type?: string;
  publishNotReadyAddresses?: boolean;
  labels?: Record<string, string>;
}

export function makeService(name: string, o: ServiceOptions = {}): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: o.namespace ?? "default", uid: `uid-svc-${name}`, resourceVersion: "1", creationTimestamp: "2025-05-01T09:00:00Z", ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      ...(o.selector === null ? {} : { selector: o.selector ?? { app: "web" } }),
      ports: (o.ports ?? [{ port: 80, targetPort: 8080 }]).map((p) => ({ protocol: "TCP", ...p })),
      clusterIP: o.clusterIP ?? "10.96.100.1",
      type: o.type ?? "ClusterIP",
      ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
    },
  } as Service;
}

export function makeNode(name: string, labels: Record<string, string> = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `uid-node-${name}`, resourceVersion: "1", creationTimestamp: "2025-05-01T09:00:00Z", labels: { "kubernetes.io/hostname": name, ...labels } },
    spec: {},
    status: { addresses: [{ type: "InternalIP", address: "172.18.0.3" }] },
  } as Node;
}
