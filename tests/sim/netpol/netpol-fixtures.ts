import { parse } from "yaml";
import type { ClusterConfig } from "@/lib/sim/config";
import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { Protocol, Traffic, TrafficPeer } from "@/lib/sim/network/trace";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";

type Obj = Parameters<typeof staticClusterState>[0][number];

export interface PodOptions {
  ip?: string;
  node?: string;
  hostNetwork?: boolean;
  ports?: { name?: string; containerPort: number; protocol?: Protocol }[];
}

export function namespace(name: string, labels: Record<string, string> = {}): Obj {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

let nextIP = 10;

/** `pod("production/web", { app: "web" })`: a Running pod with an IP on worker-1 unless told otherwise. */
export function pod(ref: string, labels: Record<string, string> = {}, options: PodOptions = {}): Obj {
  const [ns, name] = ref.split("/");
  const node = options.node ?? "worker-1";
  const ip = options.ip ?? (options.hostNetwork ? "172.18.0.3" : `10.244.1.${nextIP++}`);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns, labels },
    spec: {
      nodeName: node,
      hostNetwork: options.hostNetwork,
      containers: [{ name: "main", image: "registry.k8s.io/e2e-test-images/agnhost:2.53", ports: options.ports ?? [] }],
    },
    status: { phase: "Running", podIP: ip, podIPs: [{ ip }], hostIP: "172.18.0.3" },
  };
}

/** A NetworkPolicy from YAML, as the docs and the article write them. */
export function policy(yaml: string, ns?: string): Obj {
  const object = parse(yaml) as Obj;
  if (ns !== undefined) object.metadata.namespace = ns;
  return object;
}

export function cluster(objects: readonly Obj[], config: Partial<ClusterConfig> = {}): ClusterState {
  return staticClusterState(objects, config);
}

export function podOf(state: ClusterState, ref: string): Pod {
  const [ns, name] = ref.split("/");
  const found = state.get("Pod", name, ns);
  if (!found) throw new Error(`fixture has no pod ${ref}`);
  return found;
}

/** `ns/name` for a pod, `node:worker-1` for a node, anything else is an external IP. */
export function peer(state: ClusterState, text: string): TrafficPeer {
  if (text.startsWith("node:")) {
    const name = text.slice(5);
    const config = state.config.nodes.find((n) => n.name === name);
    if (!config) throw new Error(`fixture has no node ${name}`);
    const node = { apiVersion: "v1", kind: "Node", metadata: { name, uid: name, resourceVersion: "1", creationTimestamp: state.config.startTime } };
    return { kind: "node", node: node as never, ip: config.internalIP };
  }
  if (text.includes("/")) return { kind: "pod", pod: podOf(state, text) };
  return { kind: "external", ip: text };
}

export function traffic(state: ClusterState, from: string, to: string, port: number, protocol: Protocol = "TCP"): Traffic {
  return { source: peer(state, from), destination: peer(state, to), port, protocol };
}

export function allowed(state: ClusterState, from: string, to: string, port: number, protocol: Protocol = "TCP"): boolean {
  return isTrafficAllowed(state, traffic(state, from, to, port, protocol)).allowed;
}
