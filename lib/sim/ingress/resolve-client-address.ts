import type { ClusterState } from "../cluster-state";
import type { Pod, Service } from "../objects/kinds";
import type { TraceHop, TrafficPeer } from "../network/trace";
import { findClusterNode } from "../network/cluster-nodes";
import { podIP } from "../network/pod-network";
import type { IngressControllerRef } from "./ingress-controller";

/** How a request reached the controller pod. */
export interface IngressArrival {
  via: "load-balancer" | "node-port" | "cluster-ip" | "pod-ip";
  /** The Service it came through; defaults to the controller's --publish-service. */
  service?: Service;
  /** The node whose NodePort or load-balancer target took the packet first. */
  nodeName?: string;
}

function nodeIP(state: ClusterState, name: string | undefined): string | undefined {
  return findClusterNode(state, name)?.internalIP;
}

function peerIP(state: ClusterState, peer: TrafficPeer): string {
  if (peer.kind === "pod") return (peer.pod.spec?.hostNetwork ? nodeIP(state, peer.pod.spec?.nodeName) : podIP(peer.pod)) ?? "0.0.0.0";
  return peer.ip;
}

/**
 * $remote_addr as nginx in the controller pod sees it (https://kubernetes.io/docs/tutorials/services/source-ip/):
 * traffic to a ClusterIP or straight to the pod keeps its source; traffic through a NodePort or a load balancer
 * keeps the client's address only when the Service has `externalTrafficPolicy: Local`. With the default
 * `Cluster`, kube-proxy masquerades it to the address of the node it entered, which is what allow-lists then
 * see. (PROXY protocol and use-forwarded-headers are off in ingress-nginx by default.)
 */
export function resolveClientAddress(
  state: ClusterState,
  controllerPod: Pod,
  controller: IngressControllerRef | undefined,
  from: TrafficPeer,
  arrival: IngressArrival | undefined,
): { ip: string; hop: TraceHop } {
  const source = peerIP(state, from);
  const via = arrival?.via ?? (from.kind === "external" ? "load-balancer" : "cluster-ip");
  if (via === "cluster-ip" || via === "pod-ip") {
    return { ip: source, hop: { kind: "ingress", outcome: "info", summary: `The controller sees the client as ${source}: traffic to a ClusterIP or a pod IP keeps its source address.` } };
  }
  const publish = controller?.publishService;
  const service = arrival?.service ?? (publish ? state.get("Service", publish.name, publish.namespace) : undefined);
  const policy = service?.spec?.externalTrafficPolicy ?? "Cluster";
  const serviceName = service ? `Service ${service.metadata.namespace}/${service.metadata.name}` : "the controller's Service";
  if (policy === "Local") {
    return { ip: source, hop: { kind: "ingress", outcome: "info", summary: `${serviceName} has externalTrafficPolicy: Local, so the controller sees the real client address ${source}.` } };
  }
  const entryNode = arrival?.nodeName ?? controllerPod.spec?.nodeName;
  const masqueraded = nodeIP(state, entryNode) ?? source;
  return {
    ip: masqueraded,
    hop: {
      kind: "ingress",
      outcome: "info",
      summary: `${serviceName} has externalTrafficPolicy: Cluster, so kube-proxy masquerades the client ${source} to node ${entryNode ?? "?"}'s address ${masqueraded}; that is the address the controller sees and allow-lists test. Set externalTrafficPolicy: Local to keep the client address.`,
    },
  };
}
