import type { ClusterState } from "../cluster-state";
import { findListener } from "../images/find-listener";
import { isTrafficAllowed } from "../netpol/is-traffic-allowed";
import { findClusterNodeByIP } from "./cluster-nodes";
import { isIPv4InCIDR } from "./ipv4";
import { formatPodName } from "./pod-network";
import type { ConnectOutcome, Protocol, TraceHop, TrafficPeer } from "./trace";

const fail = (kind: TraceHop["kind"], summary: string): TraceHop => ({ kind, outcome: "fail", summary });

/** An address no pod owns: a node, an unallocated Service or pod address, or somewhere outside the cluster. */
export function connectToUnownedAddress(state: ClusterState, from: TrafficPeer, ip: string, port: number, protocol: Protocol, hops: TraceHop[]): { outcome: ConnectOutcome; hops: TraceHop[] } {
  const node = findClusterNodeByIP(state, ip);
  if (node) {
    const hostPod = state.list("Pod").find((p) => p.spec?.hostNetwork === true && p.spec.nodeName === node.name && findListener(p, port, protocol));
    if (hostPod) {
      hops.push({ kind: "container", outcome: "pass", summary: `hostNetwork pod ${formatPodName(hostPod)} listens on ${node.name}:${port}` });
      return { outcome: "connected", hops };
    }
    hops.push(fail("node", `node ${node.name} (${ip}) has nothing listening on ${port}/${protocol} and no Service uses it as a nodePort: the host answers with a reset`));
    return { outcome: "refused", hops };
  }
  if (isIPv4InCIDR(ip, state.config.serviceCIDR)) {
    hops.push(fail("service", `no Service has the ClusterIP ${ip}; nothing answers it`));
    return { outcome: "timeout", hops };
  }
  if (isIPv4InCIDR(ip, state.config.podCIDR)) {
    hops.push(fail("endpoint", `no running pod has the address ${ip}`));
    return { outcome: "timeout", hops };
  }
  if (from.kind === "pod") {
    const verdict = isTrafficAllowed(state, { source: from, destination: { kind: "external", ip }, port, protocol });
    hops.push(...verdict.hops);
    if (!verdict.allowed) return { outcome: "timeout", hops };
  }
  hops.push(fail("node", `${ip} is outside the cluster; the simulated network has no host there, so nothing answers`));
  return { outcome: "timeout", hops };
}
