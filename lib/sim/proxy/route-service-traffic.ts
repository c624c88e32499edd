import type { ClusterState } from "../cluster-state";
import { locateObjectField } from "../locate-object-field";
import type { TraceHop, TrafficPeer } from "../network/trace";
import { findClusterNode, listClusterNodes, type ClusterNode } from "../network/cluster-nodes";
import { isIPv4InCIDR } from "../network/ipv4";
import { buildServiceEndpoints, type ProxyEndpoint } from "./build-service-endpoints";
import { categorizeEndpoints, isExternalPolicyLocal, isInternalPolicyLocal } from "./categorize-endpoints";
import { explainServiceEndpoints } from "./explain-service-endpoints";
import type { ServiceDestination } from "./match-service-destination";
import { selectEndpoint, hashString } from "./select-endpoint";
import { buildServicePortName, formatServicePortName } from "./service-port-name";

export interface ServiceClient {
  peer: TrafficPeer;
  ip: string;
  /** The node the client runs on (pods and nodes); undefined for clients outside the cluster. */
  nodeName?: string;
}

export type RouteDecision =
  | {
      action: "forward";
      endpoint: ProxyEndpoint;
      /** The node whose kube-proxy rules translated the packet. */
      receivingNode?: string;
      /** The source address the endpoint sees: the client's, or the node's after masquerade. */
      sourceIP: string;
      masqueradedBy?: ClusterNode;
      hops: TraceHop[];
    }
  | { action: "reject" | "drop"; receivingNode?: string; hops: TraceHop[] };

/**
 * Nodes a cloud load balancer sends to. Nodes labelled node.kubernetes.io/exclude-from-external-load-balancers
 * (kubeadm labels control-plane nodes so) are left out (k8s.io/cloud-provider controllers/service); with
 * externalTrafficPolicy Local the health check on healthCheckNodePort leaves only nodes with a local endpoint
 * (https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip).
 */
function chooseLoadBalancerNode(state: ClusterState, endpoints: readonly ProxyEndpoint[], local: boolean, key: string): ClusterNode | undefined {
  let nodes: readonly ClusterNode[] = listClusterNodes(state).filter((n) => !n.controlPlane);
  if (local) {
    const healthy = nodes.filter((n) => categorizeEndpoints(endpoints, n.name).localEndpoints.length > 0);
    if (healthy.length > 0) nodes = healthy;
  }
  if (nodes.length === 0) nodes = listClusterNodes(state);
  return nodes[hashString(key, state.config.seed) % Math.max(nodes.length, 1)];
}

/**
 * What kube-proxy (iptables mode) does with a packet its capture rules matched
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier.go syncProxyRules, and
 * https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies):
 * - no usable endpoint at all: a filter-table REJECT ("has no endpoints"), the client sees connection refused;
 * - internalTrafficPolicy Local with no endpoint on the client's node: DROP, the client times out;
 * - external destinations (NodePort, LoadBalancer IP, externalIPs) with externalTrafficPolicy Cluster are
 *   masqueraded to the receiving node's address; with Local only that node's endpoints are used, the client
 *   address is kept, and no local endpoint means DROP. Pod and host traffic to external destinations is
 *   short-circuited to the Cluster endpoints, as if it had gone out to the load balancer and back;
 * - a pod reaching itself through its Service (hairpin) is masqueraded so the reply returns through the node.
 */
export function routeServiceTraffic(
  state: ClusterState,
  destination: ServiceDestination & { servicePort: NonNullable<ServiceDestination["servicePort"]> },
  client: ServiceClient,
  options: { attempt?: number } = {},
): RouteDecision {
  const { service, servicePort, via } = destination;
  const spn = formatServicePortName(buildServicePortName(service, servicePort));
  const endpoints = buildServiceEndpoints(state, service, servicePort);
  const external = via !== "cluster-ip";
  const externalLocal = external && isExternalPolicyLocal(service);
  let receiving: ClusterNode | undefined;
  if (via === "node-port") receiving = findClusterNode(state, destination.nodeName);
  else if (client.nodeName !== undefined) receiving = findClusterNode(state, client.nodeName);
  else receiving = chooseLoadBalancerNode(state, endpoints, externalLocal, `${spn}|${client.ip}`);
  const receivingNode = receiving?.name;
  const hops: TraceHop[] = [explainServiceEndpoints(state, service, endpoints, servicePort)];
  const ref = { kind: "Service", name: service.metadata.name, namespace: service.metadata.namespace };
  const policyHop = (summary: string, field: string): TraceHop => ({
    kind: "service", outcome: "fail", summary, object: ref, field, position: locateObjectField(state, service, field),
  });
  const { clusterEndpoints, localEndpoints, hasAnyEndpoints } = categorizeEndpoints(endpoints, receivingNode);
  if (!hasAnyEndpoints) {
    hops[0] = { ...hops[0], outcome: "fail" };
    hops.push(policyHop(`kube-proxy rejects ${spn}: "${spn} has no endpoints" (REJECT, connection refused)`, "spec.selector"));
    return { action: "reject", receivingNode, hops };
  }
  // loadBalancerSourceRanges: the KUBE-FW chain accepts only listed sources to the load-balancer IP and
  // drops the rest (proxier.go "traffic not accepted by KUBE-FW"); it does not guard the nodePort.
  const sourceRanges = service.spec?.loadBalancerSourceRanges ?? [];
  if (via === "load-balancer" && sourceRanges.length > 0 && !sourceRanges.some((cidr) => isIPv4InCIDR(client.ip, cidr.trim()))) {
    hops.push(policyHop(`loadBalancerSourceRanges (${sourceRanges.join(", ")}) does not include ${client.ip}: the load-balancer IP drops it (timeout)`, "spec.loadBalancerSourceRanges"));
    return { action: "drop", receivingNode, hops };
  }
  const clientOnReceivingNode = client.nodeName !== undefined && client.nodeName === receivingNode;
  const shortCircuit = external && (client.peer.kind === "pod" || (client.peer.kind === "node" && clientOnReceivingNode));
  let pool = clusterEndpoints;
  let masquerade = false;
  if (!external) {
    if (isInternalPolicyLocal(service)) {
      pool = localEndpoints;
      if (pool.length === 0) {
        hops.push(policyHop(`internalTrafficPolicy Local: ${spn} has no endpoint on node ${receivingNode ?? "?"} (DROP, the connection times out)`, "spec.internalTrafficPolicy"));
        return { action: "drop", receivingNode, hops };
      }
    }
  } else if (externalLocal && !shortCircuit) {
    pool = localEndpoints;
    if (pool.length === 0) {
      hops.push(policyHop(`externalTrafficPolicy Local: "${spn} has no local endpoints" on node ${receivingNode ?? "?"} (DROP, the connection times out)`, "spec.externalTrafficPolicy"));
      return { action: "drop", receivingNode, hops };
    }
  } else {
    masquerade = !externalLocal || client.peer.kind === "node";
  }
  const endpoint = selectEndpoint(pool, {
    seed: state.config.seed,
    servicePortName: spn,
    clientIP: client.ip,
    sessionAffinity: service.spec?.sessionAffinity === "ClientIP" ? "ClientIP" : "None",
    attempt: options.attempt,
  });
  if (!endpoint) return { action: "reject", receivingNode, hops };
  if (endpoint.ip === client.ip) masquerade = true;
  const masqueradedBy = masquerade ? receiving : undefined;
  const index = destination.servicePortIndex ?? 0;
  const target = endpoint.pod ? `${endpoint.pod.metadata.namespace}/${endpoint.pod.metadata.name}` : endpoint.ip;
  const entry = via === "node-port" ? `nodePort ${servicePort.nodePort}` : `port ${servicePort.port}`;
  const policyNote = external
    ? externalLocal && !shortCircuit
      ? "; externalTrafficPolicy Local keeps the client address"
      : masqueradedBy
        ? `; source masqueraded to node ${masqueradedBy.name} (${masqueradedBy.internalIP})`
        : ""
    : masqueradedBy
      ? `; hairpin: source masqueraded to node ${masqueradedBy.name}`
      : "";
  const affinity = service.spec?.sessionAffinity === "ClientIP" ? "; sessionAffinity ClientIP pins this client to it" : "";
  hops.push({
    kind: "endpoint",
    outcome: "pass",
    summary: `${entry} → targetPort ${endpoint.port} on ${target} (${endpoint.ip}), one of ${pool.length}${policyNote}${affinity}`,
    object: ref,
    field: `spec.ports[${index}].targetPort`,
    position: locateObjectField(state, service, `spec.ports[${index}].targetPort`) ?? locateObjectField(state, service, `spec.ports[${index}]`),
  });
  return { action: "forward", endpoint, receivingNode, sourceIP: masqueradedBy?.internalIP ?? client.ip, masqueradedBy, hops };
}
