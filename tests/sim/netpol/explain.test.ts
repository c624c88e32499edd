import { describe, expect, test } from "vitest";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import type { ClusterConfig } from "@/lib/sim/config";
import { cluster, namespace, pod, policy, traffic } from "./netpol-fixtures";
import { withYamlSources } from "./yaml-source";

/** The article's policy (reference/kubernetes-networking-article.txt, "4. Network Policies — Cluster Firewall"). */
const DB_ACCESS_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-access-policy
  namespace: production
spec:
  podSelector:
    matchLabels:
      app: postgres-db
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: backend-api
      ports:
        - protocol: TCP
          port: 5432
`;

const production = (extra: string[] = [], config: Partial<ClusterConfig> = {}) =>
  withYamlSources(
    cluster(
      [
        namespace("production"),
        namespace("kube-system"),
        pod("production/postgres-db-0", { app: "postgres-db" }, { ports: [{ name: "postgres", containerPort: 5432 }] }),
        pod("production/web", { app: "frontend" }),
        pod("production/backend-api-1", { app: "backend-api" }),
        pod("kube-system/coredns-1", { "k8s-app": "kube-dns" }, { ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }] }),
        policy(DB_ACCESS_POLICY),
        ...extra.map((p) => policy(p)),
      ],
      config,
    ),
    { "db-access-policy": DB_ACCESS_POLICY },
  );

const summaries = (state: ReturnType<typeof production>, from: string, to: string, port: number, protocol: "TCP" | "UDP" = "TCP") =>
  isTrafficAllowed(state, traffic(state, from, to, port, protocol)).hops.map((h) => h.summary);

describe("the article's db-access-policy", () => {
  test("a frontend pod is denied, and the hop names the policy, the rule, the labels and the YAML line", () => {
    const state = production();
    const verdict = isTrafficAllowed(state, traffic(state, "production/web", "production/postgres-db-0", 5432));
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingress).toMatchObject({ isolated: true, allowed: false, allowedBy: [], selectingPolicies: [{ kind: "NetworkPolicy", name: "db-access-policy", namespace: "production" }] });
    expect(verdict.egress).toMatchObject({ isolated: false, allowed: true });
    const denial = verdict.hops.find((h) => h.outcome === "fail");
    expect(denial).toMatchObject({
      kind: "policy",
      summary:
        "NetworkPolicy production/db-access-policy selects production/postgres-db-0 for ingress; ingress rule 0 admits only pods with app=backend-api in namespace production; the source production/web has app=frontend",
      object: { kind: "NetworkPolicy", name: "db-access-policy", namespace: "production" },
      rule: "ingress rule 0",
      field: "spec.ingress[0].from",
      position: { line: 14, column: 9 },
    });
    expect(verdict.hops[0].summary).toBe("no NetworkPolicy selects production/web for egress, so all egress is allowed");
  });

  test("backend-api is allowed on 5432, by ingress rule 0", () => {
    const state = production();
    const verdict = isTrafficAllowed(state, traffic(state, "production/backend-api-1", "production/postgres-db-0", 5432));
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.allowedBy).toEqual([{ policy: { kind: "NetworkPolicy", name: "db-access-policy", namespace: "production" }, direction: "ingress", rule: 0 }]);
    expect(verdict.hops[1].summary).toBe(
      "NetworkPolicy production/db-access-policy selects production/postgres-db-0 for ingress; ingress rule 0 admits production/backend-api-1 (pods with app=backend-api in namespace production) on TCP 5432",
    );
  });

  test("backend-api on another port is denied by the ports list", () => {
    expect(summaries(production(), "production/backend-api-1", "production/postgres-db-0", 80)).toContain(
      "NetworkPolicy production/db-access-policy selects production/postgres-db-0 for ingress; ingress rule 0 admits production/backend-api-1 but only on TCP 5432, not TCP 80",
    );
  });

  test("the policy isolates ingress only: postgres can still open connections, and the hop says why", () => {
    expect(summaries(production(), "production/postgres-db-0", "production/web", 80)[0]).toBe(
      "no NetworkPolicy selects production/postgres-db-0 for egress, so all egress is allowed (NetworkPolicy production/db-access-policy selects it, but its policyTypes is [Ingress])",
    );
  });
});

describe("CNI enforcement: Flannel versus Calico (reference article §1; network-policies/#prerequisites)", () => {
  test.each([
    { label: "Calico enforces", config: {}, allowed: false, enforced: true },
    { label: "Cilium enforces", config: { cni: "cilium" }, allowed: false, enforced: true },
    { label: "Flannel does not enforce", config: { cni: "flannel" }, allowed: true, enforced: false },
    { label: "Amazon VPC CNI does not enforce by default", config: { cni: "aws-vpc-cni" }, allowed: true, enforced: false },
    { label: "Amazon VPC CNI with ENABLE_NETWORK_POLICY enforces", config: { cni: "aws-vpc-cni", networkPolicyEnforcement: true }, allowed: false, enforced: true },
  ] as { label: string; config: Partial<ClusterConfig>; allowed: boolean; enforced: boolean }[])("$label", ({ config, allowed, enforced }) => {
    const state = production([], config);
    const verdict = isTrafficAllowed(state, traffic(state, "production/web", "production/postgres-db-0", 5432));
    expect({ allowed: verdict.allowed, enforced: verdict.enforced, policySays: verdict.ingress.allowed }).toEqual({ allowed, enforced, policySays: false });
  });

  test("Flannel's verdict says what the policy would have done, and no hop claims to have stopped the traffic", () => {
    const state = production([], { cni: "flannel" });
    const verdict = isTrafficAllowed(state, traffic(state, "production/web", "production/postgres-db-0", 5432));
    expect(verdict.hops.at(-1)).toMatchObject({ kind: "cni", outcome: "info", summary: "Flannel does not enforce NetworkPolicy: policy production/db-access-policy would have denied this" });
    expect(verdict.hops.filter((h) => h.outcome === "fail")).toEqual([]);
  });

  test("Amazon VPC CNI names its switch", () => {
    expect(summaries(production([], { cni: "aws-vpc-cni" }), "production/web", "production/postgres-db-0", 5432).at(-1)).toBe(
      "Amazon VPC CNI does not enforce NetworkPolicy unless its network policy agent is enabled (ENABLE_NETWORK_POLICY): policy production/db-access-policy would have denied this",
    );
  });
});

const DEFAULT_DENY_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: production
spec:
  podSelector: {}
  policyTypes: [Egress]
`;
const ALLOW_DNS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: production
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
`;

describe("the classic traps, explained by the verdict", () => {
  test("default-deny egress without a DNS rule: lookups to kube-dns on 53/UDP are denied, with a hint", () => {
    const state = production([DEFAULT_DENY_EGRESS]);
    const verdict = isTrafficAllowed(state, traffic(state, "production/web", "kube-system/coredns-1", 53, "UDP"));
    expect(verdict.allowed).toBe(false);
    expect(verdict.hops.map((h) => h.summary)).toEqual([
      "NetworkPolicy production/default-deny-egress selects production/web for egress and has no egress rules, so it admits no egress traffic",
      "no NetworkPolicy selects kube-system/coredns-1 for ingress, so all ingress is allowed",
      "egress to DNS (UDP 53) is denied: once a policy isolates a pod for egress, it also needs an egress rule to kube-dns (pods with k8s-app=kube-dns in namespace kube-system) on UDP and TCP port 53, or every name lookup fails",
    ]);
  });

  test("adding the DNS egress rule fixes lookups but nothing else", () => {
    const state = production([DEFAULT_DENY_EGRESS, ALLOW_DNS]);
    expect(isTrafficAllowed(state, traffic(state, "production/web", "kube-system/coredns-1", 53, "UDP")).allowed).toBe(true);
    expect(isTrafficAllowed(state, traffic(state, "production/web", "kube-system/coredns-1", 53, "TCP")).allowed).toBe(true);
    expect(isTrafficAllowed(state, traffic(state, "production/web", "production/backend-api-1", 8080)).allowed).toBe(false);
  });

  test("AND versus OR: two list items are ORed, and the denial says so", () => {
    const orPolicy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-or, namespace: production}
spec:
  podSelector: {matchLabels: {app: backend-api}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: payments}}
    - podSelector: {matchLabels: {app: checkout}}
`;
    const text = summaries(production([orPolicy]), "production/web", "production/backend-api-1", 8080).join("\n");
    expect(text).toContain(
      "ingress rule 0 admits only any pod in namespaces with team=payments, or pods with app=checkout in namespace production; the source production/web has app=frontend and its namespace production has kubernetes.io/metadata.name=production (these are separate `from`/`to` items, so either one is enough (OR); put namespaceSelector and podSelector in one item to require both (AND))",
    );
  });

  test("AND: one item holding both selectors must match both, and the denial says so", () => {
    const andPolicy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-and, namespace: production}
spec:
  podSelector: {matchLabels: {app: backend-api}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: production}}
      podSelector: {matchLabels: {app: checkout}}
`;
    expect(summaries(production([andPolicy]), "production/web", "production/backend-api-1", 8080)).toContain(
      "NetworkPolicy production/api-and selects production/backend-api-1 for ingress; ingress rule 0 admits only pods with app=checkout in namespace production; the source production/web has app=frontend and its namespace production has kubernetes.io/metadata.name=production (namespaceSelector and podSelector sit in one item, so the peer must match both (AND))",
    );
  });

  test("ipBlock except: the denial names the except range that removed the address", () => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: office-only, namespace: production}
spec:
  podSelector: {matchLabels: {app: frontend}}
  ingress:
  - from:
    - ipBlock: {cidr: 172.17.0.0/16, except: [172.17.1.0/24]}
`;
    expect(summaries(production([p]), "172.17.1.5", "production/web", 80)).toContain(
      "NetworkPolicy production/office-only selects production/web for ingress; ingress rule 0 admits only addresses in 172.17.0.0/16 except 172.17.1.0/24; the source is 172.17.1.5, outside the cluster, which only an ipBlock can match (172.17.1.5 is inside 172.17.0.0/16 but excluded by except 172.17.1.0/24)",
    );
  });

  test.each([
    { label: "`podSelector: {}` as a peer: any pod in the policy's namespace", peer: "podSelector: {}", from: "production/web", want: true, text: "any pod in namespace production" },
    { label: "`podSelector: {}` as a peer does not reach other namespaces", peer: "podSelector: {}", from: "kube-system/coredns-1", want: false, text: "any pod in namespace production" },
    { label: "`namespaceSelector: {}` as a peer: any pod in any namespace", peer: "namespaceSelector: {}", from: "kube-system/coredns-1", want: true, text: "any pod in any namespace" },
  ])("{} versus absent selectors — $label", ({ peer, from, want, text }) => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open-api, namespace: production}
spec:
  podSelector: {matchLabels: {app: backend-api}}
  ingress:
  - from:
    - ${peer}
`;
    const state = production([p]);
    const verdict = isTrafficAllowed(state, traffic(state, from, "production/backend-api-1", 8080));
    expect(verdict.allowed).toBe(want);
    expect(verdict.hops.map((h) => h.summary).join("\n")).toContain(text);
  });

  test.each([
    { label: "`ingress: []` is no rule at all: everything denied", ingress: "ingress: []", want: false },
    { label: "`ingress: [{}]` is one rule matching everything: everything allowed", ingress: "ingress: [{}]", want: true },
    { label: "`from: []` is the same as no `from`: every source", ingress: "ingress: [{from: []}]", want: true },
    { label: "`ports: []` is the same as no `ports`: every port", ingress: "ingress: [{ports: []}]", want: true },
  ])("$label", ({ ingress, want }) => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: rules, namespace: production}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ${ingress}
`;
    const state = production([p]);
    expect(isTrafficAllowed(state, traffic(state, "production/web", "production/backend-api-1", 8080)).allowed).toBe(want);
  });

  test("omitted policyTypes with no egress section: a would-be egress deny isolates ingress instead", () => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress-typo, namespace: production}
spec:
  podSelector: {matchLabels: {app: frontend}}
`;
    const state = production([p]);
    const out = isTrafficAllowed(state, traffic(state, "production/web", "production/backend-api-1", 8080));
    expect(out.allowed).toBe(true);
    expect(out.hops[0].summary).toBe(
      "no NetworkPolicy selects production/web for egress, so all egress is allowed (NetworkPolicy production/deny-egress-typo selects it, but policyTypes was omitted, so it defaulted to Ingress only (Egress is added only when spec.egress has rules))",
    );
    const back = isTrafficAllowed(state, traffic(state, "production/backend-api-1", "production/web", 80));
    expect(back.allowed).toBe(false);
    expect(back.hops[1].summary).toContain("has no ingress rules, so it admits no ingress traffic (policyTypes was omitted, and the default always includes Ingress)");
  });

  test("omitted policyTypes with egress rules: Egress is added and Ingress is still there", () => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: egress-only-intended, namespace: production}
spec:
  podSelector: {matchLabels: {app: backend-api}}
  egress:
  - to: [{podSelector: {matchLabels: {app: postgres-db}}}]
`;
    const state = production([p]);
    const verdict = isTrafficAllowed(state, traffic(state, "production/web", "production/backend-api-1", 8080));
    expect(verdict.ingress).toMatchObject({ isolated: true, allowed: false });
    expect(isTrafficAllowed(state, traffic(state, "production/backend-api-1", "production/postgres-db-0", 5432)).allowed).toBe(true);
    expect(isTrafficAllowed(state, traffic(state, "production/backend-api-1", "production/web", 80)).egress.allowed).toBe(false);
  });

  test("a podSelector that matches no pods isolates nothing, and the hop points it out", () => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: typo, namespace: production}
spec:
  podSelector: {matchLabels: {app: fronted}}
  policyTypes: [Ingress]
`;
    const out = summaries(production([p]), "production/backend-api-1", "production/web", 80);
    expect(out[1]).toBe(
      "no NetworkPolicy selects production/web for ingress, so all ingress is allowed (NetworkPolicy production/typo has podSelector app=fronted, which matches no pods in production)",
    );
  });

  test.each([
    { label: "resolves on the destination pod", port: "postgres", from: "production/backend-api-1", traffic: 5433, text: 'only on TCP port named "postgres", not TCP 5433 ("postgres" is port 5432 on production/postgres-db-0)' },
    { label: "is missing on the destination pod", port: "pg", from: "production/web", traffic: 5432, text: 'only on TCP port named "pg", not TCP 5432 (production/postgres-db-0 has no TCP containerPort named "pg")' },
  ])("a named port that $label is explained", ({ port, from, traffic: number, text }) => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: named, namespace: production}
spec:
  podSelector: {matchLabels: {app: postgres-db}}
  ingress:
  - ports: [{port: ${port}}]
`;
    expect(summaries(production([p]), from, "production/postgres-db-0", number).join("\n")).toContain(text);
  });

  test("port versus targetPort: a rule written with the Service port does not match the pod's port", () => {
    const p = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-on-80, namespace: production}
spec:
  podSelector: {matchLabels: {app: backend-api}}
  ingress:
  - ports: [{port: 80}]
`;
    const service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "my-backend-api", namespace: "production" },
      spec: { selector: { app: "backend-api" }, ports: [{ port: 80, targetPort: 8080 }] },
    };
    const state = withYamlSources(
      cluster([namespace("production"), pod("production/web", { app: "frontend" }), pod("production/backend-api-1", { app: "backend-api" }), service, policy(p)]),
      {},
    );
    const verdict = isTrafficAllowed(state, traffic(state, "production/web", "production/backend-api-1", 8080));
    expect(verdict.allowed).toBe(false);
    expect(verdict.hops[1].summary).toBe(
      "NetworkPolicy production/api-on-80 selects production/backend-api-1 for ingress; ingress rule 0 admits production/web but only on TCP 80, not TCP 8080 (80 is the port of Service my-backend-api; NetworkPolicy sees the pod's port 8080, the Service's targetPort)",
    );
  });
});
