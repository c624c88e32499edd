import type { ClusterState } from "../cluster-state";
import type { DnsResult } from "../dns/dns-record";
import { locateObjectField } from "../locate-object-field";
import { describeListeners, findListener } from "../images/find-listener";
import { isTrafficAllowed } from "../netpol/is-traffic-allowed";
import type { Pod } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import { memoOf, memoSlot } from "../state-memo";
import { matchServiceDestination, type ServiceAddressKind } from "../proxy/match-service-destination";
import { routeServiceTraffic, type ServiceClient } from "../proxy/route-service-traffic";
import { buildNodeHop } from "./build-node-hop";
import { findClusterNode, findClusterNodeByIP } from "./cluster-nodes";
import { isIPv4InCIDR } from "./ipv4";
import { locatePodField } from "./locate-pod-field";
import { findHostPortPod } from "./find-host-port-pod";
import { connectToUnownedAddress } from "./connect-to-unowned-address";
import { findPodByIP, formatPodName, podIP } from "./pod-network";
import { resolveConnectHost } from "./resolve-connect-host";
import type { ConnectOutcome, PolicyVerdict, Protocol, TraceHop, TrafficPeer } from "./trace";

export interface ConnectRequest {
  from: TrafficPeer;
  host: string;
  port: number;
  protocol?: Protocol;
  /** Which new connection this is, for spreading repeated attempts over endpoints deterministically. */
  attempt?: number;
}

export interface ConnectResult {
  outcome: ConnectOutcome;
  hops: TraceHop[];
  /** The address the host resolved to, before any Service translation. */
  resolvedIP?: string;
  dns?: DnsResult;
  service?: ObjectRef & { port: number; via: ServiceAddressKind };
  endpoint?: { pod?: Pod; ip: string; port: number; nodeName?: string };
  /** The source address the destination saw (the node's after masquerade). */
  sourceIP?: string;
  /** The node whose kube-proxy translated a Service address (the dialled node for a NodePort). */
  receivingNode?: string;
  policy?: PolicyVerdict;
  /** The container that accepted the connection. */
  container?: string;
}

interface Client extends ServiceClient {
  external: boolean;
}

function buildClient(state: ClusterState, from: TrafficPeer): Client | undefined {
  if (from.kind === "pod") {
    const node = from.pod.spec?.nodeName;
    const ip = from.pod.spec?.hostNetwork ? (findClusterNode(state, node)?.internalIP ?? from.pod.status?.hostIP) : podIP(from.pod);
    return ip ? { peer: from, ip, nodeName: node, external: false } : undefined;
  }
  if (from.kind === "node") return { peer: from, ip: from.ip, nodeName: from.node.metadata.name, external: false };
  return { peer: from, ip: from.ip, external: true };
}

const fail = (kind: TraceHop["kind"], summary: string): TraceHop => ({ kind, outcome: "fail", summary });

/**
 * Opens one simulated connection, the way `curl`, `nc` or an application would from `from`: resolve the host,
 * let kube-proxy translate a Service address, check NetworkPolicy on the real addresses after translation
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/: policies act on pod IPs, and
 * Service traffic is seen after DNAT), and find a process listening on the target port. Every step is a hop.
 * Outcomes follow what the client would see: REJECT and a closed port are "refused", a drop is "timeout".
 */
export function connect(state: ClusterState, request: ConnectRequest): ConnectResult {
  const protocol = request.protocol ?? "TCP";
  const hops: TraceHop[] = [];
  if (!Number.isInteger(request.port) || request.port < 1 || request.port > 65535) {
    return { outcome: "refused", hops: [fail("endpoint", `port ${request.port} is not a valid port (1-65535)`)] };
  }
  const client = buildClient(state, request.from);
  if (!client) {
    return { outcome: "timeout", hops: [fail("node", "the source pod has no IP address: it is not running")] };
  }
  const resolution = resolveConnectHost(state, request.from, request.host, (nameserver) => probeNameserver(state, request.from, nameserver));
  if (!resolution.ok) return { outcome: "dns-failure", hops: resolution.hops ?? [resolution.hop], dns: resolution.dns };
  hops.push(...(resolution.hops ?? []));
  // On a node, loopback is the host itself: its hostNetwork listeners, and NodePorts, which kube-proxy also
  // accepts on 127.0.0.1 (kube-proxy --iptables-localhost-nodeports, default true).
  const resolvedIP = isIPv4InCIDR(resolution.ip, "127.0.0.0/8") && request.from.kind === "node" ? request.from.ip : resolution.ip;
  // Every return completes `base` in place (Object.assign) instead of copying it into `{ ...base, … }`: on
  // V8 a spread copy that then gains keys outlives young-generation GCs (docs/performance.md, "Garbage that
  // outlives scavenges"), and a connection's result is garbage as soon as its caller has read it.
  const base: Pick<ConnectResult, "resolvedIP" | "dns" | "receivingNode"> = { resolvedIP: resolution.ip, dns: resolution.dns };

  if (isIPv4InCIDR(resolution.ip, "127.0.0.0/8") && request.from.kind === "pod") return Object.assign(base, connectLoopback(request.from.pod, request.port, protocol, hops));
  let destinationPod: Pod | undefined;
  let destinationPort = request.port;
  let sourceIP = client.ip;
  let service: ConnectResult["service"];
  let receivingNode: string | undefined = client.nodeName;
  let masqueradeNode: ReturnType<typeof findClusterNode>;

  const match = matchServiceDestination(state, resolvedIP, request.port, protocol);
  if (match) {
    const ref = { kind: "Service", name: match.service.metadata.name, namespace: match.service.metadata.namespace };
    const name = `Service ${ref.namespace}/${ref.name}`;
    if (client.external && match.via === "cluster-ip") {
      hops.push({ kind: "service", outcome: "fail", object: ref, summary: `${resolvedIP} is ${name}'s ClusterIP, reachable only from inside the cluster (https://kubernetes.io/docs/concepts/services-networking/service/#type-clusterip)` });
      return Object.assign(base, { outcome: "timeout" as const, hops });
    }
    if (!match.servicePort) {
      // No capture rule matches this port: iptables mode sends the packet on towards an address nobody owns
      // (the nftables mode rejects it instead: kubernetes/enhancements keps/sig-network/3866-nftables-proxy).
      const ports = (match.service.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(", ");
      hops.push({ kind: "service", outcome: "fail", object: ref, field: "spec.ports", position: locateObjectField(state, match.service, "spec.ports"), summary: `${name} does not expose ${request.port}/${protocol} (ports: ${ports || "none"}); kube-proxy has no rule for it, so the packet is never answered` });
      return Object.assign(base, { outcome: "timeout" as const, hops });
    }
    service = { kind: ref.kind, name: ref.name, namespace: ref.namespace, port: match.servicePort.port, via: match.via };
    const decision = routeServiceTraffic(state, { ...match, servicePort: match.servicePort }, client, { attempt: request.attempt });
    hops.push(...decision.hops);
    if (decision.action !== "forward") return Object.assign(base, { service, outcome: decision.action === "reject" ? ("refused" as const) : ("timeout" as const), hops });
    receivingNode = decision.receivingNode;
    base.receivingNode = receivingNode;
    sourceIP = decision.sourceIP;
    masqueradeNode = decision.masqueradedBy;
    destinationPort = decision.endpoint.port;
    destinationPod = decision.endpoint.pod ?? findPodByIP(state, decision.endpoint.ip);
    if (!destinationPod) {
      hops.push(fail("endpoint", `endpoint ${decision.endpoint.ip}:${decision.endpoint.port} is not a pod of this cluster; nothing answers there in the simulated network`));
      return Object.assign(base, { service, endpoint: { ip: decision.endpoint.ip, port: decision.endpoint.port }, outcome: "timeout" as const, hops });
    }
  } else {
    const hostPort = findHostPortPod(state, resolvedIP, request.port, protocol);
    if (hostPort) {
      destinationPod = hostPort.pod;
      destinationPort = hostPort.containerPort;
      receivingNode = hostPort.nodeName;
      hops.push({ kind: "node", outcome: "pass", ...locatePodField(state, hostPort.pod, `spec.containers[${hostPort.containerIndex}].ports[${hostPort.portIndex}].hostPort`), summary: `node ${hostPort.nodeName} hostPort ${request.port} → ${formatPodName(hostPort.pod)}:${hostPort.containerPort} (the CNI portmap plugin DNATs it; the source is kept)` });
    } else {
      destinationPod = findPodByIP(state, resolvedIP);
    }
    if (!destinationPod) return Object.assign(base, connectToUnownedAddress(state, client.peer, resolvedIP, request.port, protocol, hops));
    if (client.external && !hostPort) {
      hops.push(fail("node", `${resolvedIP} is a pod address; the pod network is not routed from outside the cluster — use a NodePort, LoadBalancer or Ingress`));
      return Object.assign(base, { outcome: "timeout" as const, hops });
    }
  }

  const endpointIP = podIP(destinationPod) ?? resolvedIP;
  const endpointNode = destinationPod.spec?.nodeName;
  const endpoint = { pod: destinationPod, ip: endpointIP, port: destinationPort, nodeName: endpointNode };
  hops.push(buildNodeHop(state, client.external ? undefined : (receivingNode ?? client.nodeName), endpointNode, { external: client.external, sourceIP, destinationIP: endpointIP }));

  const policy = evaluatePolicy(state, client, masqueradeNode, { ip: resolvedIP, port: request.port, via: service?.via }, destinationPod, destinationPort, protocol);
  hops.push(...policy.hops);
  if (!policy.allowed) return Object.assign(base, { service, endpoint, sourceIP, policy, outcome: "timeout" as const, hops });

  const listener = findListener(destinationPod, destinationPort, protocol);
  if (!listener) {
    const containerIndex = Math.max(0, (destinationPod.spec?.containers ?? []).findIndex((c) => (c.ports ?? []).length > 0));
    hops.push({ kind: "container", outcome: "fail", ...locatePodField(state, destinationPod, `spec.containers[${containerIndex}]`), summary: `nothing listens on ${destinationPort}${protocol === "TCP" ? "" : `/${protocol}`} in pod ${formatPodName(destinationPod)} (${describeListeners(destinationPod)})` });
    return Object.assign(base, { service, endpoint, sourceIP, policy, outcome: "refused" as const, hops });
  }
  hops.push({
    kind: "container",
    outcome: "pass",
    object: { kind: "Pod", name: destinationPod.metadata.name, namespace: destinationPod.metadata.namespace },
    summary: `container ${listener.container.name} (${listener.container.image ?? "?"}) accepts on ${destinationPort}/${protocol}${listener.source === "containerPort" ? " (its declared containerPort)" : ""}`,
  });
  return Object.assign(base, { service, endpoint, sourceIP, policy, container: listener.container.name, outcome: "connected" as const, hops });
}

/**
 * Loopback inside a pod: its containers share one network namespace, so localhost reaches whatever any of
 * them listens on (https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking); no Service, node or
 * NetworkPolicy is involved.
 */
function connectLoopback(pod: Pod, port: number, protocol: Protocol, hops: TraceHop[]): Pick<ConnectResult, "outcome" | "hops" | "endpoint" | "container" | "sourceIP"> {
  const listener = findListener(pod, port, protocol);
  const endpoint = { pod, ip: "127.0.0.1", port, nodeName: pod.spec?.nodeName };
  if (!listener) {
    return { outcome: "refused", endpoint, hops: [...hops, fail("container", `nothing listens on ${port} in pod ${formatPodName(pod)} (${describeListeners(pod)}); localhost is the pod's own network namespace`)] };
  }
  return {
    outcome: "connected",
    endpoint,
    sourceIP: "127.0.0.1",
    container: listener.container.name,
    hops: [...hops, { kind: "container", outcome: "pass", summary: `localhost: container ${listener.container.name} of pod ${formatPodName(pod)} accepts on ${port}/${protocol} (containers of a pod share its network namespace)` }],
  };
}

/**
 * Can the client's DNS query reach `nameserver` (UDP 53)? The cluster DNS Service is a Service like any other,
 * so the query goes through kube-proxy and NetworkPolicy (connect, recursively, with an address literal so no
 * further resolution happens). A state that holds no Service at the DNS address does not model the DNS add-on,
 * and an upstream outside the cluster (dnsPolicy Default) is only subject to the pod's egress policy.
 */
export function probeNameserver(state: ClusterState, from: TrafficPeer, nameserver: string): NameserverReachability {
  if (from.kind !== "pod" || state.changeSequence === undefined) return probeUncached(state, from, nameserver);
  const time = state.now().getTime();
  const probes = memoOf(state, PROBES);
  if (probes.sequence !== state.changeSequence || probes.time !== time) {
    probes.sequence = state.changeSequence;
    probes.time = time;
    probes.byPod.clear();
  }
  let byNameserver = probes.byPod.get(from.pod);
  if (!byNameserver) {
    byNameserver = new Map();
    probes.byPod.set(from.pod, byNameserver);
  }
  let probe = byNameserver.get(nameserver);
  if (!probe) {
    probe = probeUncached(state, from, nameserver);
    byNameserver.set(nameserver, probe);
  }
  return { reachable: probe.reachable, hops: [...probe.hops] };
}

type NameserverReachability = { reachable: boolean; hops: TraceHop[] };

/**
 * Probe answers while the state holds the same objects at the same time: every name a pod looks up probes
 * its nameserver, and a grade or a shell asks from the same few pods again and again. Kept by the state
 * (state-memo.ts); a change of objects or time empties it.
 */
const PROBES = memoSlot(() => ({ sequence: -1, time: Number.NaN, byPod: new Map<Pod, Map<string, NameserverReachability>>() }));

function probeUncached(state: ClusterState, from: TrafficPeer, nameserver: string): NameserverReachability {
  const service = matchServiceDestination(state, nameserver, 53, "UDP");
  if (service) {
    const result = connect(state, { from, host: nameserver, port: 53, protocol: "UDP" });
    if (result.outcome === "connected") return { reachable: true, hops: [] };
    const why = result.hops.filter((h) => h.outcome === "fail");
    return { reachable: false, hops: why.map((h) => ({ ...h, summary: `DNS query to ${nameserver}:53/UDP: ${h.summary}` })) };
  }
  if (nameserver === state.config.dnsServiceIP || from.kind !== "pod") return { reachable: true, hops: [] };
  const verdict = isTrafficAllowed(state, { source: from, destination: { kind: "external", ip: nameserver }, port: 53, protocol: "UDP" });
  return { reachable: verdict.allowed, hops: verdict.allowed ? [] : verdict.hops.filter((h) => h.outcome === "fail") };
}

/**
 * NetworkPolicy on the flow as the enforcing plugin sees it, on each side after the translation that side
 * has seen. kube-proxy DNATs on the client's node when it captures the address there (a ClusterIP, a
 * load-balancer IP, externalIPs, the client's own node address); a NodePort on another node is translated
 * only there, so the client's egress sees that node's address and port. The endpoint's ingress sees the
 * client, or the node that masqueraded it (NodePort or LoadBalancer with externalTrafficPolicy Cluster) —
 * why ipBlock rules cannot match the client there
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors:
 * "cluster ingress and egress mechanisms often require rewriting the packet source or destination IP").
 */
function evaluatePolicy(
  state: ClusterState,
  client: Client,
  masqueradeNode: ReturnType<typeof findClusterNode>,
  dialled: { ip: string; port: number; via?: ServiceAddressKind },
  pod: Pod,
  port: number,
  protocol: Protocol,
): PolicyVerdict {
  const destination: TrafficPeer = { kind: "pod", pod };
  const ingressSource: TrafficPeer = masqueradeNode ? { kind: "node", node: masqueradeNode.node, ip: masqueradeNode.internalIP } : client.peer;
  const dialledNode = dialled.via === "node-port" ? findClusterNodeByIP(state, dialled.ip) : undefined;
  const translatedRemotely = dialledNode !== undefined && dialledNode.name !== client.nodeName;
  if (!masqueradeNode && !translatedRemotely) return isTrafficAllowed(state, { source: client.peer, destination, port, protocol });
  const ingress = isTrafficAllowed(state, { source: ingressSource, destination, port, protocol });
  if (client.peer.kind !== "pod") return ingress;
  const egress = translatedRemotely
    ? isTrafficAllowed(state, { source: client.peer, destination: { kind: "node", node: dialledNode.node, ip: dialled.ip }, port: dialled.port, protocol })
    : isTrafficAllowed(state, { source: client.peer, destination, port, protocol });
  return {
    allowed: egress.allowed && ingress.allowed,
    enforced: ingress.enforced,
    egress: egress.egress,
    ingress: ingress.ingress,
    hops: [...egress.hops.filter((h) => h.kind !== "policy" || !/ingress/i.test(h.summary)), ...ingress.hops.filter((h) => h.kind !== "policy" || !/egress/i.test(h.summary))],
  };
}
