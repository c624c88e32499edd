import type { Case } from "./corpus-types";
import { NAMESPACES, buildCase, podIP, policy, type E2ECase, type Expectation, type Probe } from "./network-policy-model";

/**
 * The truth tables of kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, one case per It (and
 * per step where a test changes its policies), plus cyclonus' worked example.
 */
const nsLabel = (ns: string) => ({ matchLabels: { "kubernetes.io/metadata.name": ns } });
const podLabel = (name: string) => ({ matchLabels: { pod: name } });
const notInX = { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["x"] }] };
const tcp = (port: number, expectations: Expectation[]): Probe => ({ port, protocol: "TCP", expectations });

const cases: E2ECase[] = [
  {
    id: "default-deny-ingress",
    it: "should support a 'default-deny-ingress' policy",
    pods: ["x/a", "x/b", "y/a", "y/b"],
    policies: [policy("deny-ingress", "x", {}, { ingress: [] })],
    probes: [tcp(80, [["*", "x", false]])],
  },
  {
    id: "default-deny-all",
    it: "should support a 'default-deny-all' policy",
    pods: ["x/a", "x/b", "y/a"],
    policies: [policy("deny-all", "x", {}, { ingress: [], egress: [] })],
    probes: [tcp(80, [["*", "x", false], ["x", "*", false]])],
  },
  {
    id: "allow-from-podselector",
    it: "should enforce policy to allow traffic from pods within server namespace based on PodSelector",
    pods: ["x/a", "x/b", "x/c", "y/a"],
    policies: [policy("x-a-allows-x-b", "x", podLabel("a"), { ingress: [{ from: [{ podSelector: podLabel("b") }] }] })],
    probes: [tcp(80, [["*", "x/a", false], ["x/b", "x/a", true]])],
  },
  {
    id: "allow-ingress-for-target",
    it: "should enforce policy to allow ingress traffic for a target",
    pods: ["x/a", "x/b", "y/a"],
    policies: [
      policy("deny-all", "x", {}, { ingress: [] }),
      policy("allow-all-to-a", "x", podLabel("a"), { ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] }),
    ],
    probes: [tcp(80, [["*", "x/a", true], ["*", "x/b", false]])],
  },
  {
    id: "allow-from-all-namespaces",
    it: "should enforce policy to allow ingress traffic from pods in all namespaces",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [policy("allow-from-another-ns", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: { matchLabels: {} } }] }] })],
    probes: [tcp(80, [])],
  },
  {
    id: "allow-from-namespace-selector",
    it: "should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [policy("allow-client-a-via-ns-selector", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y") }] }] })],
    probes: [tcp(80, [["x", "x/a", false], ["z", "x/a", false]])],
  },
  {
    id: "podselector-match-expressions",
    it: "should enforce policy based on PodSelector with MatchExpressions",
    pods: ["x/a", "x/b", "y/a"],
    policies: [
      policy("x-a-allows-x-b", "x", podLabel("a"), {
        ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: "pod", operator: "In", values: ["b"] }] } }] }],
      }),
    ],
    probes: [tcp(80, [["*", "x/a", false], ["x/b", "x/a", true]])],
  },
  {
    id: "namespaceselector-match-expressions",
    it: "should enforce policy based on NamespaceSelector with MatchExpressions",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [
      policy("allow-ns-y-match-selector", "x", podLabel("a"), {
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["y"] }] } }] }],
      }),
    ],
    probes: [tcp(80, [["x", "x/a", false], ["z", "x/a", false]])],
  },
  {
    id: "podselector-or-namespaceselector",
    it: "should enforce policy based on PodSelector or NamespaceSelector",
    pods: ["x/a", "x/b", "x/c", "y/a"],
    policies: [
      policy("allow-ns-y-match-selector", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: notInX }, { podSelector: podLabel("b") }] }] }),
    ],
    probes: [tcp(80, [["x/a", "x/a", false], ["x/c", "x/a", false]])],
  },
  {
    id: "podselector-and-namespaceselector",
    it: "should enforce policy based on PodSelector and NamespaceSelector",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/b"],
    policies: [
      policy("allow-ns-y-podselector-and-nsselector", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: notInX, podSelector: podLabel("b") }] }] }),
    ],
    probes: [tcp(80, [["*", "x/a", false], ["y/b", "x/a", true], ["z/b", "x/a", true]])],
  },
  {
    id: "multiple-podselectors-and-namespaceselectors",
    it: "should enforce policy based on Multiple PodSelectors and NamespaceSelectors",
    pods: ["x/a", "x/b", "y/a", "y/b", "y/c"],
    policies: [
      policy("allow-ns-y-z-pod-b-c", "x", podLabel("a"), {
        ingress: [{ from: [{ namespaceSelector: notInX, podSelector: { matchExpressions: [{ key: "pod", operator: "In", values: ["b", "c"] }] } }] }],
      }),
    ],
    probes: [tcp(80, [["x", "x/a", false], ["y/a", "x/a", false]])],
  },
  {
    id: "any-podselectors",
    it: "should enforce policy based on any PodSelectors",
    pods: ["x/a", "x/b", "x/c"],
    policies: [policy("allow-ns-x-pod-b-c", "x", podLabel("a"), { ingress: [{ from: [{ podSelector: podLabel("b") }, { podSelector: podLabel("c") }] }] })],
    probes: [tcp(80, [["*", "x/a", false], ["x/b", "x/a", true], ["x/c", "x/a", true]])],
  },
  {
    id: "pod-in-other-namespace",
    it: "should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/a"],
    policies: [
      policy("allow-ns-y-pod-a-via-namespace-pod-selector", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y"), podSelector: podLabel("a") }] }] }),
    ],
    probes: [tcp(80, [["*", "x/a", false], ["y/a", "x/a", true]])],
  },
  {
    id: "ports",
    it: "should enforce policy based on Ports",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/a"],
    policies: [
      policy("allow-client-a-via-ns-selector", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y") }], ports: [{ port: 81, protocol: "TCP" }] }] }),
    ],
    probes: [tcp(81, [["x", "x/a", false], ["y", "x/a", true], ["z", "x/a", false]])],
  },
  {
    id: "stacked-policies",
    it: "should enforce multiple, stacked policies with overlapping podSelectors",
    pods: ["x/a", "x/b", "y/a", "y/b", "z/a"],
    policies: [
      policy("allow-client-a-via-ns-selector", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y") }], ports: [{ port: 81, protocol: "TCP" }] }] }),
      policy("allow-client-a-via-ns-selector-80", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y") }], ports: [{ port: 80, protocol: "TCP" }] }] }),
    ],
    probes: [
      tcp(80, [["x", "x/a", false], ["y", "x/a", true], ["z", "x/a", false]]),
      tcp(81, [["x", "x/a", false], ["y", "x/a", true], ["z", "x/a", false]]),
    ],
  },
  {
    id: "allow-all",
    it: "should support allow-all policy",
    pods: ["x/a", "x/b", "y/a"],
    policies: [policy("allow-all", "x", {}, { ingress: [{}] })],
    probes: [tcp(80, []), tcp(81, [])],
  },
  {
    id: "named-port-ingress",
    it: "should allow ingress access on one named port",
    pods: ["x/a", "x/b", "y/a"],
    policies: [policy("allow-all", "x", {}, { ingress: [{ ports: [{ port: "serve-81-tcp" }] }] })],
    probes: [tcp(81, []), tcp(80, [["*", "x", false]])],
  },
  {
    id: "named-port-from-namespace",
    it: "should allow ingress access from namespace on one named port",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [
      policy("allow-client-a-via-ns-selector-80", "x", podLabel("a"), {
        ingress: [{ from: [{ namespaceSelector: nsLabel("y") }], ports: [{ port: "serve-80-tcp", protocol: "TCP" }] }],
      }),
    ],
    probes: [tcp(80, [["x", "x/a", false], ["z", "x/a", false]]), tcp(81, [["*", "x/a", false]])],
  },
  {
    id: "named-port-egress",
    it: "should allow egress access on one named port",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-egress", "x", {}, { egress: [{ ports: [{ port: "serve-80-tcp" }] }] })],
    probes: [tcp(80, []), tcp(81, [["x", "*", false]])],
  },
  {
    id: "deny-ingress-from-other-namespaces",
    it: "should deny ingress from pods on other namespaces",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [policy("deny-empty-policy", "x", {}, { ingress: [{ from: [{ podSelector: { matchLabels: {} } }] }] })],
    probes: [tcp(80, [["y", "x", false], ["z", "x", false]])],
  },
  {
    id: "deny-egress-podselector",
    it: "should deny egress from pods based on PodSelector",
    pods: ["x/a", "x/b", "y/a"],
    policies: [policy("deny-egress-pod-a", "x", podLabel("a"), { egress: [] })],
    probes: [tcp(80, [["x/a", "*", false]])],
  },
  {
    id: "deny-egress-namespace",
    it: "should deny egress from all pods in a namespace",
    pods: ["x/a", "x/b", "y/a"],
    policies: [policy("deny-egress-ns-x", "x", {}, { egress: [] })],
    probes: [tcp(80, [["x", "*", false]])],
  },
  {
    id: "ingress-and-egress-together",
    it: "should work with Ingress, Egress specified together",
    pods: ["x/a", "x/b", "x/c", "y/a"],
    policies: [policy("allow-client-a-via-pod-selector", "x", podLabel("a"), { ingress: [{ from: [{ podSelector: podLabel("b") }] }], egress: [{ ports: [{ port: 80 }] }] })],
    probes: [
      tcp(80, [["*", "x/a", false], ["x/b", "x/a", true]]),
      tcp(81, [["*", "x/a", false], ["x/a", "*", false], ["x/b", "x/a", true]]),
    ],
  },
  {
    id: "egress-denies-despite-server-ingress",
    it: "should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)",
    pods: ["x/a", "y/a", "y/b"],
    policies: [
      policy("allow-to-ns-y-pod-a", "x", podLabel("a"), { egress: [{ to: [{ namespaceSelector: nsLabel("y"), podSelector: podLabel("a") }] }] }),
      policy("allow-from-xa-on-ya-match-selector", "y", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("x"), podSelector: podLabel("a") }] }] }),
      policy("allow-from-xa-on-yb-match-selector", "y", podLabel("b"), { ingress: [{ from: [{ namespaceSelector: nsLabel("x"), podSelector: podLabel("a") }] }] }),
    ],
    probes: [tcp(80, [["x/a", "*", false], ["*", "y/a", false], ["x/a", "y/a", true], ["*", "y/b", false]])],
  },
  {
    id: "egress-to-other-namespace-pod",
    it: "should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector",
    pods: ["x/a", "y/a", "y/b"],
    policies: [policy("allow-to-ns-y-pod-a", "x", podLabel("a"), { egress: [{ to: [{ namespaceSelector: nsLabel("y"), podSelector: podLabel("a") }] }] })],
    probes: [tcp(80, [["x/a", "*", false], ["x/a", "y/a", true]])],
  },
  {
    id: "protocol-only-port",
    it: "should enforce ingress policy allowing any port traffic to a server on a specific protocol",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-ingress-by-proto", "x", podLabel("a"), { ingress: [{ ports: [{ protocol: "TCP" }] }] })],
    probes: [tcp(80, []), { port: 80, protocol: "UDP", expectations: [["*", "x/a", false]] }],
  },
  {
    id: "ingress-port-80-only",
    it: "should enforce multiple ingress policies with ingress allow-all policy taking precedence",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-ingress-port-80", "x", {}, { ingress: [{ ports: [{ port: 80 }] }] })],
    probes: [tcp(81, [["*", "x", false]])],
  },
  {
    id: "ingress-allow-all-precedence",
    it: "should enforce multiple ingress policies with ingress allow-all policy taking precedence",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-ingress-port-80", "x", {}, { ingress: [{ ports: [{ port: 80 }] }] }), policy("allow-ingress", "x", {}, { ingress: [{}] })],
    probes: [tcp(81, [])],
  },
  {
    id: "egress-allow-all-precedence",
    it: "should enforce multiple egress policies with egress allow-all policy taking precedence",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-egress-port-80", "x", {}, { egress: [{ ports: [{ port: 80 }] }] }), policy("allow-egress", "x", {}, { egress: [{}] })],
    probes: [tcp(81, [])],
  },
  {
    id: "egress-port-80-only",
    it: "should enforce multiple egress policies with egress allow-all policy taking precedence",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-egress-port-80", "x", {}, { egress: [{ ports: [{ port: 80 }] }] })],
    probes: [tcp(81, [["x", "*", false]])],
  },
  {
    id: "egress-ipblock-cidr",
    it: "should allow egress access to server in CIDR block",
    pods: ["x/a", "y/a", "y/b"],
    policies: [policy("allow-client-a-via-cidr-egress-rule", "x", podLabel("a"), { egress: [{ to: [{ ipBlock: { cidr: `${podIP("y/b")}/32` } }] }] })],
    probes: [tcp(80, [["x/a", "*", false], ["x/a", "y/b", true]])],
  },
  {
    id: "egress-ipblock-except",
    it: "should enforce except clause while egress access to server in CIDR block",
    pods: ["x/a", "x/b", "x/c"],
    // makeLargeCIDRForIP (test_helper.go) widens the pod's IP to a /4 for IPv4.
    policies: [
      policy("allow-client-a-via-cidr-egress-rule", "x", podLabel("a"), { egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/4", except: [`${podIP("x/b")}/32`] } }] }] }),
    ],
    probes: [tcp(80, [["x/a", "x/b", false]])],
  },
  {
    id: "egress-ipblock-cidr-and-except-overlap",
    it: "should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed",
    pods: ["x/a", "x/b", "x/c"],
    policies: [
      policy("allow-client-a-via-cidr-egress-rule", "x", podLabel("a"), { egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/4", except: [`${podIP("x/b")}/32`] } }] }] }),
      policy("allow-client-a-to-b-via-cidr-egress-rule", "x", podLabel("a"), { egress: [{ to: [{ ipBlock: { cidr: `${podIP("x/b")}/32` } }] }] }),
    ],
    probes: [tcp(80, [])],
  },
  {
    id: "ingress-and-egress-independent",
    it: "should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector",
    pods: ["x/a", "x/b", "y/a"],
    policies: [
      policy("allow-egress-for-target", "x", podLabel("a"), { egress: [{}] }),
      policy("deny-ingress-via-label-selector", "x", podLabel("a"), { ingress: [] }),
    ],
    probes: [tcp(80, [["*", "x/a", false]])],
  },
  {
    id: "sctp-not-tcp",
    it: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    pods: ["x/a", "y/a"],
    policies: [
      policy("deny-ingress", "x", {}, { ingress: [] }),
      policy("allow-only-sctp-ingress-on-port-81", "x", podLabel("a"), { ingress: [{ ports: [{ port: 81, protocol: "SCTP" }] }] }),
    ],
    probes: [tcp(81, [["*", "x", false]])],
  },
  {
    id: "sctp-isolates",
    it: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-only-sctp-ingress-on-port-80", "x", podLabel("a"), { ingress: [{ ports: [{ port: 80, protocol: "SCTP" }] }] })],
    probes: [tcp(81, [["*", "x/a", false]])],
  },
  {
    id: "udp-policy-blocks-tcp",
    it: "should not allow access by TCP when a policy specifies only UDP",
    pods: ["x/a", "y/a"],
    policies: [policy("allow-only-udp-ingress-on-port-81", "x", podLabel("a"), { ingress: [{ ports: [{ port: 81, protocol: "UDP" }] }] })],
    probes: [tcp(81, [["*", "x/a", false]])],
  },
  {
    id: "egress-namespace-notin-default-label",
    it: "should enforce policy based on NamespaceSelector with MatchExpressions using default ns label",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [
      policy("allow-ns-y-match-selector-for-immutable-ns-label", "x", podLabel("a"), {
        egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["y"] }] } }] }],
      }),
    ],
    probes: [tcp(80, [["x/a", "y", false]])],
  },
  {
    id: "udp-default-deny-ingress",
    context: "NetworkPolicy between server and client using UDP",
    it: "should support a 'default-deny-ingress' policy",
    pods: ["x/a", "x/b", "y/a", "y/b"],
    policies: [policy("deny-all", "x", {}, { ingress: [] })],
    probes: [{ port: 80, protocol: "UDP", expectations: [["*", "x", false]] }],
  },
  {
    id: "udp-ports",
    context: "NetworkPolicy between server and client using UDP",
    it: "should enforce policy based on Ports",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [
      policy("allow-ingress-on-port-81-ns-x", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y") }], ports: [{ port: 81, protocol: "UDP" }] }] }),
    ],
    probes: [{ port: 81, protocol: "UDP", expectations: [["x", "x/a", false], ["z", "x/a", false]] }],
  },
  {
    id: "sctp-ports",
    context: "NetworkPolicy between server and client using SCTP",
    it: "should enforce policy based on Ports",
    pods: ["x/a", "x/b", "y/a", "z/a"],
    policies: [
      policy("allow-ingress-on-port-81-ns-x", "x", podLabel("a"), { ingress: [{ from: [{ namespaceSelector: nsLabel("y") }], ports: [{ port: 81, protocol: "SCTP" }] }] }),
    ],
    probes: [{ port: 81, protocol: "SCTP", expectations: [["x", "x/a", false], ["z", "x/a", false]] }],
  },
];

/**
 * cyclonus' worked example: the seven policies of networkpolicies/simple-example, all in namespace y, and the
 * "Combined" probe table its analyzer prints for them (examples/cyclonus-output/analyze-probe.txt, from
 * examples/run.sh). Loopback cells are left out as in the e2e suite.
 */
const CYCLONUS = "mattfenwick/cyclonus examples/cyclonus-output/analyze-probe.txt";
const allNine = NAMESPACES.flatMap((ns) => ["a", "b", "c"].map((p) => `${ns}/${p}`));
const cyclonusCase: E2ECase = {
  id: "cyclonus-simple-example",
  it: "analyze --mode probe --policy-path ../networkpolicies/simple-example/",
  source: `${CYCLONUS}#Combined — rows y/c "X X X X X X X X X" (deny-all-egress; allow-all-egress-by-label covers pods a and b only), columns Y/A "X" except from y/c (deny-all-for-label, allow-label-to-label from pod c), Y/C "X" (deny-all; allow-by-ip 0.0.0.0/24 matches no pod), Y/B "." (allow-all-for-label)`,
  pods: allNine,
  policies: [
    policy("allow-all-egress-by-label", "y", { matchExpressions: [{ key: "pod", operator: "In", values: ["a", "b"] }] }, { egress: [{}] }),
    policy("allow-all-for-label", "y", podLabel("b"), { ingress: [{}] }),
    policy("allow-by-ip", "y", podLabel("c"), { ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/24" } }] }] }),
    policy("allow-label-to-label", "y", podLabel("a"), { ingress: [{ from: [{ podSelector: podLabel("c") }] }] }),
    policy("deny-all-egress", "y", {}, { egress: [] }),
    policy("deny-all-for-label", "y", podLabel("a"), { ingress: [] }),
    policy("deny-all", "y", {}, { ingress: [] }),
  ],
  probes: [tcp(80, [["*", "y/a", false], ["y/c", "y/a", true], ["*", "y/c", false], ["y/c", "*", false]])],
};

export function buildNetworkPolicyE2ECases(): Case[] {
  return [...cases, cyclonusCase].map(buildCase);
}
