import type { ClusterState } from "../cluster-state";
import { isTrafficAllowed } from "../netpol/is-traffic-allowed";
import type { NetworkPolicy, Pod } from "../objects/kinds";
import { matchServiceDestination } from "../proxy/match-service-destination";
import { findClusterNodeByIP } from "./cluster-nodes";
import { isIPv4InCIDR } from "./ipv4";
import { findPodByIP, formatPodName } from "./pod-network";
import { probeNameserver } from "./connect";
import { resolveConnectHost } from "./resolve-connect-host";
import type { DirectionVerdict, TraceHop, TrafficPeer } from "./trace";

export interface PingResult {
  outcome: "reply" | "no-reply" | "unknown-host";
  resolvedIP?: string;
  hops: TraceHop[];
}

/** Whether a rule the verdict cites has no `ports`: only such a rule admits protocols other than TCP/UDP/SCTP. */
function allowsAnyProtocol(state: ClusterState, verdict: DirectionVerdict): boolean {
  if (!verdict.isolated) return true;
  return verdict.allowedBy.some((ref) => {
    const policy: NetworkPolicy | undefined = state.get("NetworkPolicy", ref.policy.name, ref.policy.namespace);
    const rules = ref.direction === "ingress" ? policy?.spec?.ingress : policy?.spec?.egress;
    const ports = rules?.[ref.rule]?.ports;
    return ports === undefined || ports.length === 0;
  });
}

/**
 * `ping` (ICMP echo) from a pod, node or outside client.
 *
 * - A Service's ClusterIP does not answer: it is a virtual address that kube-proxy's iptables rules translate
 *   only for the Service's TCP/UDP/SCTP ports (https://kubernetes.io/docs/reference/networking/virtual-ips/;
 *   https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/). (kube-proxy's IPVS mode binds
 *   ClusterIPs to a dummy interface and does answer; the simulator models iptables mode.)
 * - Pods and nodes answer. NetworkPolicy controls traffic "at the IP address or port level (OSI layer 3 or 4)"
 *   for TCP, UDP and SCTP (https://kubernetes.io/docs/concepts/services-networking/network-policies/); how it
 *   treats other protocols is left to the plugin (kubernetes-sigs/network-policy-api issue 72).
 *   The simulator follows Calico and Cilium: an isolated pod takes ICMP only through a rule that lists no
 *   ports (such a rule admits every protocol); a rule with ports admits only its protocols. Where policy is
 *   not enforced (Flannel), every pod answers.
 */
export function pingHost(state: ClusterState, request: { from: TrafficPeer; host: string }): PingResult {
  const resolution = resolveConnectHost(state, request.from, request.host, (ns) => probeNameserver(state, request.from, ns));
  if (!resolution.ok) return { outcome: "unknown-host", hops: resolution.hops ?? [resolution.hop] };
  const ip = resolution.ip;
  const hops: TraceHop[] = resolution.hops ?? [];
  const noReply = (summary: string, kind: TraceHop["kind"] = "node"): PingResult => ({ outcome: "no-reply", resolvedIP: ip, hops: [...hops, { kind, outcome: "fail", summary }] });
  const service = matchServiceDestination(state, ip, 0);
  if (service && service.via !== "node-port") {
    const name = `${service.service.metadata.namespace}/${service.service.metadata.name}`;
    return noReply(`${ip} is Service ${name}'s virtual address: kube-proxy only translates its TCP/UDP/SCTP ports, nothing answers ICMP echo`, "service");
  }
  if (findClusterNodeByIP(state, ip)) {
    return { outcome: "reply", resolvedIP: ip, hops: [...hops, { kind: "node", outcome: "pass", summary: `node ${ip} answers ICMP echo` }] };
  }
  const pod: Pod | undefined = findPodByIP(state, ip);
  if (!pod) {
    if (isIPv4InCIDR(ip, state.config.serviceCIDR) || isIPv4InCIDR(ip, state.config.podCIDR)) return noReply(`nothing in the cluster has the address ${ip}`);
    return noReply(`${ip} is outside the cluster; the simulated network has no host there`);
  }
  if (request.from.kind === "external") return noReply(`${ip} is a pod address; the pod network is not routed from outside the cluster`);
  // TCP port 0 stands for "any port": the verdict then lists the rules that admit this peer at all.
  const verdict = isTrafficAllowed(state, { source: request.from, destination: { kind: "pod", pod }, port: 0, protocol: "TCP" });
  if (verdict.enforced && (!allowsAnyProtocol(state, verdict.egress) || !allowsAnyProtocol(state, verdict.ingress))) {
    return noReply(`NetworkPolicy isolates the flow and no rule without ports admits it; ICMP is dropped (${verdict.ingress.selectingPolicies.concat(verdict.egress.selectingPolicies).map((p) => `${p.namespace}/${p.name}`).join(", ")})`, "policy");
  }
  return { outcome: "reply", resolvedIP: ip, hops: [...hops, { kind: "container", outcome: "pass", summary: `pod ${formatPodName(pod)} answers ICMP echo` }] };
}
