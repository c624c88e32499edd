import { describe, expect, test } from "vitest";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { allowed, cluster, namespace, pod, policy, traffic } from "./netpol-fixtures";

/**
 * Peers that are not plain pod-network pods, and the exceptions the docs list
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/): "a pod cannot block access to
 * itself"; "traffic to and from the node where a Pod is running is always allowed"; hostNetwork pods are treated
 * as their node (#networkpolicy-and-hostnetwork-pods, the most common implementation); ipBlock matches pod IPs
 * too (Calico, and the e2e "should allow egress access to server in CIDR block").
 */
const DENY_ALL = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
const FROM_NODES_AND_LB = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-nodes, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - ipBlock: {cidr: 172.18.0.0/24, except: [172.18.0.2/32]}
    - ipBlock: {cidr: 203.0.113.0/24}
    - podSelector: {matchLabels: {app: agent}}
`;
const TO_POD_CIDR = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-pod-cidr, namespace: shop}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: {cidr: 10.244.2.0/24}
`;

const shop = (policies: string[]) =>
  cluster([
    namespace("shop"),
    pod("shop/web", { app: "web" }, { node: "worker-1", ip: "10.244.1.5" }),
    pod("shop/client", { app: "client" }, { node: "worker-2", ip: "10.244.2.7" }),
    pod("shop/db", { app: "db" }, { node: "worker-2", ip: "10.244.2.8" }),
    pod("shop/agent", { app: "agent" }, { node: "worker-2", hostNetwork: true, ip: "172.18.0.4" }),
    pod("shop/local-agent", { app: "agent" }, { node: "worker-1", hostNetwork: true, ip: "172.18.0.3" }),
    ...policies.map((p) => policy(p)),
  ]);

describe("exceptions and non-pod peers", () => {
  test.each([
    { label: "a pod reaching itself under deny-all", policies: [DENY_ALL], from: "shop/web", to: "shop/web", want: true },
    { label: "its own node (kubelet probe) under deny-all", policies: [DENY_ALL], from: "node:worker-1", to: "shop/web", want: true },
    { label: "another node under deny-all", policies: [DENY_ALL], from: "node:worker-2", to: "shop/web", want: false },
    { label: "a hostNetwork pod on the same node counts as the node", policies: [DENY_ALL], from: "shop/local-agent", to: "shop/web", want: true },
    { label: "the pod egressing to its own node under deny-all", policies: [DENY_ALL], from: "shop/web", to: "node:worker-1", want: true },
    { label: "deny-all does not select hostNetwork pods: their ingress stays open", policies: [DENY_ALL], from: "203.0.113.9", to: "shop/agent", want: true },
    { label: "deny-all blocks a cluster-external client", policies: [DENY_ALL], from: "203.0.113.9", to: "shop/web", want: false },
    { label: "ipBlock admits another node's IP", policies: [FROM_NODES_AND_LB], from: "node:worker-2", to: "shop/web", want: true },
    { label: "ipBlock except removes the control-plane node", policies: [FROM_NODES_AND_LB], from: "node:control-plane", to: "shop/web", want: false },
    { label: "ipBlock admits an external client", policies: [FROM_NODES_AND_LB], from: "203.0.113.9", to: "shop/web", want: true },
    { label: "a podSelector never matches a hostNetwork pod; its node IP does, via the ipBlock", policies: [FROM_NODES_AND_LB], from: "shop/agent", to: "shop/web", want: true },
    { label: "pod-network pods outside every peer are denied", policies: [FROM_NODES_AND_LB], from: "shop/client", to: "shop/web", want: false },
    { label: "ipBlock matches pod IPs (Calico): egress to a pod in 10.244.2.0/24", policies: [TO_POD_CIDR], from: "shop/client", to: "shop/db", want: true },
    { label: "ipBlock matches pod IPs (Calico): a pod outside it is denied", policies: [TO_POD_CIDR], from: "shop/client", to: "shop/web", want: false },
    { label: "egress to an external address outside the block", policies: [TO_POD_CIDR], from: "shop/client", to: "8.8.8.8", want: false },
  ])("$label", ({ policies, from, to, want }) => {
    expect(allowed(shop(policies), from, to, 80)).toBe(want);
  });

  test("replies are not evaluated: web→db allowed while db→web is denied (stateful, e2e 'controlled independently')", () => {
    const onlyToDb = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-isolated, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]
`;
    const state = shop([onlyToDb]);
    expect(allowed(state, "shop/web", "shop/db", 5432)).toBe(true);
    expect(allowed(state, "shop/db", "shop/web", 5432)).toBe(false);
  });

  test.each([
    { label: "self", from: "shop/web", to: "shop/web", text: "shop/web is talking to itself; a pod cannot block traffic to itself, so NetworkPolicy does not apply" },
    { label: "own node", from: "node:worker-1", to: "shop/web", text: "node worker-1 (172.18.0.3) is the node shop/web runs on; traffic between a pod and its own node is always allowed, whatever the policies say (kubelet probes depend on it)" },
    { label: "node source", from: "node:worker-1", to: "shop/web", text: "the source node worker-1 (172.18.0.3) is not a pod, so no NetworkPolicy egress rules apply to it" },
    { label: "hostNetwork destination", from: "shop/web", to: "shop/agent", text: "the destination hostNetwork pod shop/agent (172.18.0.4) uses the node's network; NetworkPolicy cannot select hostNetwork pods, so no ingress policy applies to it" },
  ])("explains the $label case", ({ from, to, text }) => {
    const state = shop([DENY_ALL]);
    expect(isTrafficAllowed(state, traffic(state, from, to, 80)).hops.map((h) => h.summary)).toContain(text);
  });
});
