import { describe, expect, test } from "vitest";
import type { Protocol } from "@/lib/sim/network/trace";
import { Reachability, e2eCluster } from "./e2e-reachability";

/**
 * The truth tables of kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, one row per `f.It`,
 * named exactly as upstream. Policies are the ones the Go test builds, written as YAML.
 */
type Spec = Record<string, unknown>;

function np(ns: string, name: string, spec: Spec) {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec };
}

const podA = { matchLabels: { pod: "a" } };
const nsName = (n: string) => ({ matchLabels: { "kubernetes.io/metadata.name": n } });

interface Row {
  name: string;
  pods: string[];
  policies: ReturnType<typeof np>[];
  port: number;
  protocol?: Protocol;
  expect: (r: Reachability) => void;
}

const rows: Row[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    pods: ["x/a", "x/b", "y/a", "y/b"],
    policies: [np("x", "deny-ingress", { podSelector: {}, policyTypes: ["Ingress"] })],
    port: 80,
    expect: (r) => r.expectPeer({}, { namespace: "x" }, false),
  },
  {
    name: "should support a 'default-deny-all' policy",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "deny-all", { podSelector: {}, policyTypes: ["Ingress", "Egress"] })],
    port: 80,
    expect: (r) => {
      r.expectPeer({}, { namespace: "x" }, false);
      r.expectPeer({ namespace: "x" }, {}, false);
    },
  },
  {
    name: "should enforce policy to allow traffic from pods within server namespace based on PodSelector",
    pods: ["x/a", "x/b", "x/c", "y/a"],
    policies: [np("x", "x-a-allows-x-b", { podSelector: podA, ingress: [{ from: [{ podSelector: { matchLabels: { pod: "b" } } }] }] })],
    port: 80,
    expect: (r) => {
      r.expectAllIngress("x/a", false);
      r.expect("x/b", "x/a", true);
    },
  },
  {
    name: "should enforce policy to allow ingress traffic for a target",
    pods: ["x/a", "x/b", "y/a"],
    policies: [
      np("x", "deny-all", { podSelector: {}, policyTypes: ["Ingress"] }),
      np("x", "allow-all-to-a", { podSelector: podA, ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] }),
    ],
    port: 80,
    expect: (r) => {
      r.expectAllIngress("x/a", true);
      r.expectAllIngress("x/b", false);
    },
  },
  {
    name: "should enforce policy to allow ingress traffic from pods in all namespaces",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [np("x", "allow-from-another-ns", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: { matchLabels: {} } }] }] })],
    port: 80,
    expect: () => undefined,
  },
  {
    name: "should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [np("x", "allow-client-a-via-ns-selector", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }] }] })],
    port: 80,
    expect: (r) => {
      r.expectPeer({ namespace: "x" }, { namespace: "x", pod: "a" }, false);
      r.expectPeer({ namespace: "z" }, { namespace: "x", pod: "a" }, false);
    },
  },
  {
    name: "should enforce policy based on PodSelector with MatchExpressions",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "x-a-allows-x-b", { podSelector: podA, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: "pod", operator: "In", values: ["b"] }] } }] }] })],
    port: 80,
    expect: (r) => {
      r.expectAllIngress("x/a", false);
      r.expect("x/b", "x/a", true);
    },
  },
  {
    name: "should enforce policy based on PodSelector or NamespaceSelector",
    pods: ["x/a", "x/b", "x/c", "y/a"],
    policies: [
      np("x", "allow-ns-y-match-selector", {
        podSelector: podA,
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["x"] }] } }, { podSelector: { matchLabels: { pod: "b" } } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expect("x/c", "x/a", false),
  },
  {
    name: "should enforce policy based on PodSelector and NamespaceSelector",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/b"],
    policies: [
      np("x", "allow-ns-y-podselector-and-nsselector", {
        podSelector: podA,
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["x"] }] }, podSelector: { matchLabels: { pod: "b" } } }] }],
      }),
    ],
    port: 80,
    expect: (r) => {
      r.expectAllIngress("x/a", false);
      r.expect("y/b", "x/a", true);
      r.expect("z/b", "x/a", true);
    },
  },
  {
    name: "should enforce policy based on any PodSelectors",
    pods: ["x/a", "x/b", "x/c"],
    policies: [np("x", "allow-ns-x-pod-b-c", { podSelector: podA, ingress: [{ from: [{ podSelector: { matchLabels: { pod: "b" } } }, { podSelector: { matchLabels: { pod: "c" } } }] }] })],
    port: 80,
    expect: (r) => {
      r.expectAllIngress("x/a", false);
      r.expect("x/b", "x/a", true);
      r.expect("x/c", "x/a", true);
    },
  },
  {
    name: "should enforce policy based on Ports",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/a"],
    policies: [np("x", "allow-client-a-via-ns-selector", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }], ports: [{ port: 81, protocol: "TCP" }] }] })],
    port: 81,
    expect: (r) => {
      r.expectPeer({ namespace: "x" }, { namespace: "x", pod: "a" }, false);
      r.expectPeer({ namespace: "z" }, { namespace: "x", pod: "a" }, false);
    },
  },
  {
    name: "should enforce multiple, stacked policies with overlapping podSelectors (port 80 before the second policy)",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/a"],
    policies: [np("x", "allow-client-a-via-ns-selector", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }], ports: [{ port: 81, protocol: "TCP" }] }] })],
    port: 80,
    expect: (r) => r.expectAllIngress("x/a", false),
  },
  {
    name: "should enforce multiple, stacked policies with overlapping podSelectors (port 80 after the second policy)",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/a"],
    policies: [
      np("x", "allow-client-a-via-ns-selector", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }], ports: [{ port: 81, protocol: "TCP" }] }] }),
      np("x", "allow-client-a-via-ns-selector-80", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }], ports: [{ port: 80, protocol: "TCP" }] }] }),
    ],
    port: 80,
    expect: (r) => {
      r.expectPeer({ namespace: "x" }, { namespace: "x", pod: "a" }, false);
      r.expectPeer({ namespace: "z" }, { namespace: "x", pod: "a" }, false);
    },
  },
  {
    name: "should support allow-all policy",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "allow-all", { podSelector: {}, ingress: [{}] })],
    port: 81,
    expect: () => undefined,
  },
  {
    name: "should allow ingress access on one named port (port 81)",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "allow-all", { podSelector: {}, ingress: [{ ports: [{ port: "serve-81-tcp" }] }] })],
    port: 81,
    expect: () => undefined,
  },
  {
    name: "should allow ingress access on one named port (port 80)",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "allow-all", { podSelector: {}, ingress: [{ ports: [{ port: "serve-81-tcp" }] }] })],
    port: 80,
    expect: (r) => r.expectPeer({}, { namespace: "x" }, false),
  },
  {
    name: "should allow ingress access from namespace on one named port (port 81 blocked)",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [np("x", "allow-client-a-via-ns-selector-80", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }], ports: [{ port: "serve-80-tcp", protocol: "TCP" }] }] })],
    port: 81,
    expect: (r) => r.expectAllIngress("x/a", false),
  },
  {
    name: "should allow egress access on one named port (port 81 blocked)",
    pods: ["x/a", "y/a"],
    policies: [np("x", "allow-egress", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: "serve-80-tcp" }] }] })],
    port: 81,
    expect: (r) => r.expectPeer({ namespace: "x" }, {}, false),
  },
  {
    name: "should allow egress access on one named port (port 80 allowed)",
    pods: ["x/a", "y/a"],
    policies: [np("x", "allow-egress", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ port: "serve-80-tcp" }] }] })],
    port: 80,
    expect: () => undefined,
  },
  {
    name: "should deny ingress from pods on other namespaces",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [np("x", "deny-empty-policy", { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: {} } }] }] })],
    port: 80,
    expect: (r) => {
      r.expectPeer({ namespace: "y" }, { namespace: "x" }, false);
      r.expectPeer({ namespace: "z" }, { namespace: "x" }, false);
    },
  },
  {
    name: "should deny egress from pods based on PodSelector",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "deny-egress-pod-a", { podSelector: podA, policyTypes: ["Egress"] })],
    port: 80,
    expect: (r) => r.expectAllEgress("x/a", false),
  },
  {
    name: "should deny egress from all pods in a namespace",
    pods: ["x/a", "x/b", "y/a"],
    policies: [np("x", "deny-egress-ns-x", { podSelector: {}, policyTypes: ["Egress"] })],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: "x" }, {}, false),
  },
  {
    name: "should work with Ingress, Egress specified together (port 81)",
    pods: ["x/a", "x/b", "x/c", "y/a"],
    policies: [
      np("x", "allow-client-a-via-pod-selector", {
        podSelector: podA,
        policyTypes: ["Egress", "Ingress"],
        ingress: [{ from: [{ podSelector: { matchLabels: { pod: "b" } } }] }],
        egress: [{ ports: [{ port: 80 }] }],
      }),
    ],
    port: 81,
    expect: (r) => {
      r.expectAllIngress("x/a", false);
      r.expectAllEgress("x/a", false);
      r.expect("x/b", "x/a", true);
    },
  },
  {
    name: "should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)",
    pods: ["x/a", "y/a", "y/b"],
    policies: [
      np("x", "allow-to-ns-y-pod-a", { podSelector: podA, policyTypes: ["Egress"], egress: [{ to: [{ namespaceSelector: nsName("y"), podSelector: podA }] }] }),
      np("y", "allow-from-xa-on-ya-match-selector", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("x"), podSelector: podA }] }] }),
      np("y", "allow-from-xa-on-yb-match-selector", { podSelector: { matchLabels: { pod: "b" } }, ingress: [{ from: [{ namespaceSelector: nsName("x"), podSelector: podA }] }] }),
    ],
    port: 80,
    expect: (r) => {
      r.expectPeer({ namespace: "x", pod: "a" }, {}, false);
      r.expectPeer({}, { namespace: "y", pod: "a" }, false);
      r.expectPeer({ namespace: "x", pod: "a" }, { namespace: "y", pod: "a" }, true);
      r.expectPeer({}, { namespace: "y", pod: "b" }, false);
    },
  },
  {
    name: "should enforce ingress policy allowing any port traffic to a server on a specific protocol (UDP)",
    pods: ["x/a", "y/a"],
    policies: [np("x", "allow-ingress-by-proto", { podSelector: podA, ingress: [{ ports: [{ protocol: "TCP" }] }] })],
    port: 80,
    protocol: "UDP",
    expect: (r) => r.expectPeer({}, { namespace: "x", pod: "a" }, false),
  },
  {
    name: "should enforce multiple ingress policies with ingress allow-all policy taking precedence",
    pods: ["x/a", "y/a"],
    policies: [np("x", "allow-ingress-port-80", { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] }), np("x", "allow-ingress", { podSelector: {}, ingress: [{}] })],
    port: 81,
    expect: () => undefined,
  },
  {
    name: "should allow egress access to server in CIDR block",
    pods: ["x/a", "y/a", "y/b"],
    // y/b is the third pod, so e2eCluster gives it 10.244.1.22; the Go test builds the /32 from its pod IP.
    policies: [np("x", "allow-client-a-via-cidr-egress-rule", { podSelector: podA, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "10.244.1.22/32" } }] }] })],
    port: 80,
    expect: (r) => {
      r.expectAllEgress("x/a", false);
      r.expect("x/a", "y/b", true);
    },
  },
  {
    name: "should enforce except clause while egress access to server in CIDR block",
    pods: ["x/a", "x/b", "x/c"],
    // x/b is 10.244.2.21; makeLargeCIDRForIP gives the /4 around it.
    policies: [np("x", "allow-client-a-via-cidr-egress-rule", { podSelector: podA, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/4", except: ["10.244.2.21/32"] } }] }] })],
    port: 80,
    expect: (r) => r.expect("x/a", "x/b", false),
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    pods: ["x/a", "y/a"],
    policies: [
      np("x", "deny-ingress", { podSelector: {}, policyTypes: ["Ingress"] }),
      np("x", "allow-only-sctp-ingress-on-port-81", { podSelector: podA, ingress: [{ ports: [{ port: 81, protocol: "SCTP" }] }] }),
    ],
    port: 81,
    expect: (r) => r.expectPeer({}, { namespace: "x" }, false),
  },
  {
    name: "should not allow access by TCP when a policy specifies only UDP",
    pods: ["x/a", "y/a"],
    policies: [np("x", "allow-only-udp-ingress-on-port-81", { podSelector: podA, ingress: [{ ports: [{ port: 81, protocol: "UDP" }] }] })],
    port: 81,
    expect: (r) => r.expectAllIngress("x/a", false),
  },
  {
    name: "should enforce policy based on NamespaceSelector with MatchExpressions using default ns label",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [
      np("x", "allow-ns-y-match-selector-for-immutable-ns-label", {
        podSelector: podA,
        policyTypes: ["Egress"],
        egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["y"] }] } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: "x", pod: "a" }, { namespace: "y" }, false),
  },
  {
    name: "NetworkPolicy between server and client using UDP should enforce policy based on Ports",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [np("x", "allow-ingress-on-port-81-ns-x", { podSelector: podA, ingress: [{ from: [{ namespaceSelector: nsName("y") }], ports: [{ port: 81, protocol: "UDP" }] }] })],
    port: 81,
    protocol: "UDP",
    expect: (r) => {
      r.expectPeer({ namespace: "x" }, { namespace: "x", pod: "a" }, false);
      r.expectPeer({ namespace: "z" }, { namespace: "x", pod: "a" }, false);
    },
  },
  {
    name: "NetworkPolicy between server and client using SCTP should support a 'default-deny-ingress' policy",
    pods: ["x/a", "x/b", "y/a", "y/b"],
    policies: [np("x", "deny-all", { podSelector: {}, policyTypes: ["Ingress"] })],
    port: 80,
    protocol: "SCTP",
    expect: (r) => r.expectPeer({}, { namespace: "x" }, false),
  },
];

describe("e2e netpol truth tables (test/e2e/network/netpol/network_policy.go)", () => {
  test.each(rows)("$name", (row) => {
    const state = e2eCluster(row.pods, row.policies);
    const reachability = new Reachability(row.pods, true);
    row.expect(reachability);
    expect(reachability.mismatches(state, row.port, row.protocol ?? "TCP")).toEqual([]);
  });

  test("the truth tables can fail: without its policy, 'default-deny-ingress' expectations are violated", () => {
    const state = e2eCluster(["x/a", "y/a"], []);
    const reachability = new Reachability(["x/a", "y/a"], true);
    reachability.expectPeer({}, { namespace: "x" }, false);
    expect(reachability.mismatches(state, 80, "TCP")).toEqual(["y/a -> x/a: expected denied, got allowed"]);
  });
});
