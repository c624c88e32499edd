import { describe, expect, test } from "vitest";
import type { ClusterConfig } from "@/lib/sim/config";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { allowed, cluster, namespace, pod, policy, traffic } from "./netpol-fixtures";

/**
 * The examples of https://kubernetes.io/docs/concepts/services-networking/network-policies/, each policy as the
 * page (and its service/networking/*.yaml files in kubernetes/website content/en/examples) writes it.
 */
const TEST_NETWORK_POLICY = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: test-network-policy
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - ipBlock:
        cidr: 172.17.0.0/16
        except:
        - 172.17.1.0/24
    - namespaceSelector:
        matchLabels:
          project: myproject
    - podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 6379
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/24
    ports:
    - protocol: TCP
      port: 5978
`;

const docsCluster = (policies: string[], config: Partial<ClusterConfig> = {}) =>
  cluster(
    [
      namespace("default"),
      namespace("myproject", { project: "myproject" }),
      namespace("other"),
      pod("default/db", { role: "db" }),
      pod("default/frontend", { role: "frontend" }),
      pod("default/other", { role: "other" }),
      pod("myproject/anything", { app: "x" }),
      pod("other/frontend", { role: "frontend" }),
      ...policies.map((p) => policy(p)),
    ],
    config,
  );

describe("the page's test-network-policy example", () => {
  const state = docsCluster([TEST_NETWORK_POLICY]);
  test.each([
    { label: "role=frontend in default → db:6379", from: "default/frontend", to: "default/db", port: 6379, want: true },
    { label: "any pod of a project=myproject namespace → db:6379", from: "myproject/anything", to: "default/db", port: 6379, want: true },
    { label: "172.17.0.5 (inside the ipBlock) → db:6379", from: "172.17.0.5", to: "default/db", port: 6379, want: true },
    { label: "172.17.2.9 (the range after the except) → db:6379", from: "172.17.2.9", to: "default/db", port: 6379, want: true },
    { label: "172.17.1.5 (in except 172.17.1.0/24) → db:6379", from: "172.17.1.5", to: "default/db", port: 6379, want: false },
    { label: "role=frontend in another namespace → db (podSelector alone means the policy's namespace)", from: "other/frontend", to: "default/db", port: 6379, want: false },
    { label: "role=frontend → db on 80 (only 6379 is listed)", from: "default/frontend", to: "default/db", port: 80, want: false },
    { label: "role=other → db:6379", from: "default/other", to: "default/db", port: 6379, want: false },
    { label: "db → 10.0.0.7:5978 (egress rule)", from: "default/db", to: "10.0.0.7", port: 5978, want: true },
    { label: "db → 10.0.1.7:5978 (outside 10.0.0.0/24)", from: "default/db", to: "10.0.1.7", port: 5978, want: false },
    { label: "db → default/frontend:80 (db is isolated for egress)", from: "default/db", to: "default/frontend", port: 80, want: false },
    { label: "frontend → other (not selected, not isolated)", from: "default/frontend", to: "default/other", port: 80, want: true },
  ])("$label", ({ from, to, port, want }) => {
    expect(allowed(state, from, to, port)).toBe(want);
  });
});

const DEFAULT_DENY_INGRESS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`;
const ALLOW_ALL_INGRESS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-all-ingress
spec:
  podSelector: {}
  ingress:
  - {}
  policyTypes:
  - Ingress
`;
const DEFAULT_DENY_EGRESS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
spec:
  podSelector: {}
  policyTypes:
  - Egress
`;
const ALLOW_ALL_EGRESS = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-all-egress
spec:
  podSelector: {}
  egress:
  - {}
  policyTypes:
  - Egress
`;
const DEFAULT_DENY_ALL = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
`;

describe("default policies (#default-policies)", () => {
  test.each([
    { label: "default deny ingress: in-namespace ingress denied", policies: [DEFAULT_DENY_INGRESS], from: "default/frontend", to: "default/db", want: false },
    { label: "default deny ingress: ingress from another namespace denied", policies: [DEFAULT_DENY_INGRESS], from: "other/frontend", to: "default/db", want: false },
    { label: "default deny ingress: egress unchanged", policies: [DEFAULT_DENY_INGRESS], from: "default/db", to: "other/frontend", want: true },
    { label: "allow all ingress beside default deny ingress", policies: [DEFAULT_DENY_INGRESS, ALLOW_ALL_INGRESS], from: "other/frontend", to: "default/db", want: true },
    { label: "default deny egress: egress denied", policies: [DEFAULT_DENY_EGRESS], from: "default/db", to: "other/frontend", want: false },
    { label: "default deny egress: ingress unchanged", policies: [DEFAULT_DENY_EGRESS], from: "other/frontend", to: "default/db", want: true },
    { label: "allow all egress beside default deny egress", policies: [DEFAULT_DENY_EGRESS, ALLOW_ALL_EGRESS], from: "default/db", to: "203.0.113.50", want: true },
    { label: "default deny all: ingress denied", policies: [DEFAULT_DENY_ALL], from: "other/frontend", to: "default/db", want: false },
    { label: "default deny all: egress denied", policies: [DEFAULT_DENY_ALL], from: "default/db", to: "other/frontend", want: false },
    { label: "default deny all: other namespaces untouched", policies: [DEFAULT_DENY_ALL], from: "other/frontend", to: "myproject/anything", want: true },
  ])("$label", ({ policies, from, to, want }) => {
    expect(allowed(docsCluster(policies.map((p) => p.replace("metadata:\n", "metadata:\n  namespace: default\n"))), from, to, 80)).toBe(want);
  });
});

const aliceCluster = (from: string) =>
  cluster([
    namespace("default"),
    namespace("alice-ns", { user: "alice" }),
    namespace("bob-ns", { user: "bob" }),
    pod("default/db", { role: "db" }),
    pod("default/client", { role: "client" }),
    pod("alice-ns/client", { role: "client" }),
    pod("alice-ns/web", { role: "web" }),
    pod("bob-ns/client", { role: "client" }),
    policy(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: alice
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  ingress:
  - from:
${from}
`),
  ]);

const AND_PEER = `    - namespaceSelector:
        matchLabels:
          user: alice
      podSelector:
        matchLabels:
          role: client`;
const OR_PEERS = `    - namespaceSelector:
        matchLabels:
          user: alice
    - podSelector:
        matchLabels:
          role: client`;

describe("namespaceSelector and podSelector: one peer (AND) versus two peers (OR) (#behavior-of-to-and-from-selectors)", () => {
  test.each([
    { label: "AND: role=client in a user=alice namespace", from: AND_PEER, source: "alice-ns/client", want: true },
    { label: "AND: role=web in a user=alice namespace", from: AND_PEER, source: "alice-ns/web", want: false },
    { label: "AND: role=client in the local namespace", from: AND_PEER, source: "default/client", want: false },
    { label: "AND: role=client in a user=bob namespace", from: AND_PEER, source: "bob-ns/client", want: false },
    { label: "OR: role=client in a user=alice namespace", from: OR_PEERS, source: "alice-ns/client", want: true },
    { label: "OR: any pod in a user=alice namespace", from: OR_PEERS, source: "alice-ns/web", want: true },
    { label: "OR: role=client in the local namespace", from: OR_PEERS, source: "default/client", want: true },
    { label: "OR: role=client in a user=bob namespace", from: OR_PEERS, source: "bob-ns/client", want: false },
  ])("$label", ({ from, source, want }) => {
    expect(allowed(aliceCluster(from), source, "default/db", 80)).toBe(want);
  });
});

const END_PORT = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: multi-port-egress
  namespace: default
spec:
  podSelector:
    matchLabels:
      role: db
  policyTypes:
    - Egress
  egress:
    - to:
        - ipBlock:
            cidr: 10.0.0.0/24
      ports:
        - protocol: TCP
          port: 32000
          endPort: 32768
`;

describe("targeting a range of ports (#targeting-a-range-of-ports)", () => {
  test.each([
    { label: "Calico: 32000 (the start)", config: {}, port: 32000, want: true },
    { label: "Calico: 32500 (inside the range)", config: {}, port: 32500, want: true },
    { label: "Calico: 32768 (endPort is inclusive)", config: {}, port: 32768, want: true },
    { label: "Calico: 32769 (past the range)", config: {}, port: 32769, want: false },
    { label: "Calico: 31999 (before the range)", config: {}, port: 31999, want: false },
    { label: "a plugin without endPort support: 32000 still matches", config: { cni: "flannel", networkPolicyEnforcement: true }, port: 32000, want: true },
    { label: "a plugin without endPort support: 32500 is outside the single port", config: { cni: "flannel", networkPolicyEnforcement: true }, port: 32500, want: false },
  ] as { label: string; config: Partial<ClusterConfig>; port: number; want: boolean }[])("$label", ({ config, port, want }) => {
    expect(allowed(docsCluster([END_PORT], config), "default/db", "10.0.0.9", port)).toBe(want);
  });

  test("the range-ignored verdict says why", () => {
    const state = docsCluster([END_PORT], { cni: "flannel", networkPolicyEnforcement: true });
    const verdict = isTrafficAllowed(state, traffic(state, "default/db", "10.0.0.9", 32500));
    expect(verdict.hops.map((h) => h.summary).join("\n")).toContain("does not support endPort, so it applies the rule to the single port only");
  });
});
