import { namespace, pod, type Case, type Manifest, type Query } from "./corpus-types";

const DOCS = "kubernetes/website content/en/docs/concepts/services-networking/network-policies.md";
const ARTICLE = "the course article (Network Policies — Cluster Firewall, networkpolicy.yaml)";

function netpol(name: string, ns: string, spec: Record<string, unknown>): Manifest {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec };
}

function connect(from: string, to: string, port: number, expect: "allow" | "deny", note?: string): Query {
  const peer = (ref: string) => (ref.includes("/") ? { pod: ref } : { ip: ref });
  return { type: "connect", from: peer(from), to: peer(to), port, protocol: "TCP", expect, ...(note ? { note } : {}) };
}

const web = (ns: string, name: string, labels: Record<string, string>, ip: string, port = 80) =>
  pod({ namespace: ns, name, labels, ip, ports: [{ containerPort: port, protocol: "TCP" }] });

/** The page's "test-network-policy" example: three kinds of ingress peers, one egress ipBlock. */
function exampleNetworkPolicy(): Case {
  return {
    id: "netpol-docs-test-network-policy",
    source: `${DOCS}#networkpolicy-resource — "allows connections to all pods in the default namespace with the label role=db on TCP port 6379 from: any pod in the default namespace with the label role=frontend; any pod in a namespace with the label project=myproject; IP addresses in the ranges 172.17.0.0–172.17.0.255 and 172.17.2.0–172.17.255.255 (ie, all of 172.17.0.0/16 except 172.17.1.0/24)" and "allows connections from any pod in the default namespace with the label role=db to CIDR 10.0.0.0/24 on TCP port 5978"`,
    description: "The NetworkPolicy page's example policy: podSelector, namespaceSelector and ipBlock-with-except peers ORed, and an egress ipBlock rule.",
    manifests: [

      namespace("myproject", { project: "myproject" }),
      namespace("other"),
      web("default", "db", { role: "db" }, "10.244.1.50", 6379),
      web("default", "frontend", { role: "frontend" }, "10.244.2.50"),
      web("default", "backend", { role: "backend" }, "10.244.1.51"),
      web("myproject", "client", { app: "client" }, "10.244.2.51"),
      web("other", "frontend", { role: "frontend" }, "10.244.1.52"),
      netpol("test-network-policy", "default", {
        podSelector: { matchLabels: { role: "db" } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [
          {
            from: [
              { ipBlock: { cidr: "172.17.0.0/16", except: ["172.17.1.0/24"] } },
              { namespaceSelector: { matchLabels: { project: "myproject" } } },
              { podSelector: { matchLabels: { role: "frontend" } } },
            ],
            ports: [{ protocol: "TCP", port: 6379 }],
          },
        ],
        egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/24" } }], ports: [{ protocol: "TCP", port: 5978 }] }],
      }),
    ],
    queries: [
      connect("default/frontend", "default/db", 6379, "allow", "role=frontend in the policy's namespace"),
      connect("default/frontend", "default/db", 6380, "deny", "only TCP 6379 is listed"),
      connect("default/backend", "default/db", 6379, "deny", "role=backend matches no peer"),
      connect("myproject/client", "default/db", 6379, "allow", "any pod in a namespace labelled project=myproject"),
      connect("other/frontend", "default/db", 6379, "deny", "a bare podSelector selects only the policy's own namespace"),
      connect("172.17.0.5", "default/db", 6379, "allow", "172.17.0.0–172.17.0.255"),
      connect("172.17.2.9", "default/db", 6379, "allow", "172.17.2.0–172.17.255.255"),
      connect("172.17.1.9", "default/db", 6379, "deny", "inside the except block 172.17.1.0/24"),
      connect("172.18.0.1", "default/db", 6379, "deny", "outside 172.17.0.0/16"),
      connect("default/db", "10.0.0.5", 5978, "allow", "egress to 10.0.0.0/24 on TCP 5978"),
      connect("default/db", "10.0.0.5", 5979, "deny", "egress allows only TCP 5978"),
      connect("default/db", "10.0.1.5", 5978, "deny", "outside 10.0.0.0/24"),
      connect("default/db", "default/frontend", 80, "deny", "db is isolated for egress; pod IPs are not in 10.0.0.0/24"),
      connect("default/frontend", "default/backend", 80, "allow", "role=backend is selected by no policy"),
    ],
  };
}

function defaultPolicy(id: string, anchor: string, quote: string, spec: Record<string, unknown>, queries: Query[]): Case {
  return {
    id: `netpol-docs-${id}`,
    source: `${DOCS}#${anchor} — "${quote}"`,
    description: `The page's ${id} policy in namespace default.`,
    manifests: [

      namespace("other"),
      web("default", "a", { app: "a" }, "10.244.1.60"),
      web("default", "b", { app: "b" }, "10.244.2.60"),
      web("other", "c", { app: "c" }, "10.244.1.61"),
      netpol(id, "default", spec),
    ],
    queries,
  };
}

function defaultPolicies(): Case[] {
  return [
    defaultPolicy(
      "default-deny-ingress",
      "default-deny-all-ingress-traffic",
      "This ensures that even pods that aren't selected by any other NetworkPolicy will still be isolated for ingress. This policy does not affect isolation for egress from any pod.",
      { podSelector: {}, policyTypes: ["Ingress"] },
      [
        connect("default/b", "default/a", 80, "deny"),
        connect("other/c", "default/a", 80, "deny"),
        connect("198.51.100.7", "default/b", 80, "deny", "clients outside the cluster are peers too"),
        connect("default/a", "other/c", 80, "allow", "egress is unaffected"),
        connect("default/a", "203.0.113.10", 443, "allow", "egress is unaffected"),
      ],
    ),
    defaultPolicy(
      "allow-all-ingress",
      "allow-all-ingress-traffic",
      "With this policy in place, no additional policy or policies can cause any incoming connection to those pods to be denied.",
      { podSelector: {}, ingress: [{}], policyTypes: ["Ingress"] },
      [connect("other/c", "default/a", 80, "allow"), connect("198.51.100.7", "default/a", 8080, "allow")],
    ),
    defaultPolicy(
      "default-deny-egress",
      "default-deny-all-egress-traffic",
      "This ensures that even pods that aren't selected by any other NetworkPolicy will not be allowed egress traffic. This policy does not change the ingress isolation behavior of any pod.",
      { podSelector: {}, policyTypes: ["Egress"] },
      [
        connect("default/a", "default/b", 80, "deny"),
        connect("default/a", "other/c", 80, "deny"),
        connect("default/a", "8.8.8.8", 53, "deny"),
        connect("other/c", "default/a", 80, "allow", "ingress isolation is unchanged"),
      ],
    ),
    defaultPolicy(
      "allow-all-egress",
      "allow-all-egress-traffic",
      "With this policy in place, no additional policy or policies can cause any outgoing connection from those pods to be denied.",
      { podSelector: {}, egress: [{}], policyTypes: ["Egress"] },
      [connect("default/a", "other/c", 80, "allow"), connect("default/a", "8.8.8.8", 53, "allow")],
    ),
    defaultPolicy(
      "default-deny-all",
      "default-deny-all-ingress-and-all-egress-traffic",
      "This ensures that even pods that aren't selected by any other NetworkPolicy will not be allowed ingress or egress traffic.",
      { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      [
        connect("default/a", "default/b", 80, "deny"),
        connect("other/c", "default/a", 80, "deny"),
        connect("default/a", "other/c", 80, "deny"),
        connect("other/c", "203.0.113.10", 443, "allow", "pods of a namespace without policies are not isolated"),
      ],
    ),
  ];
}

/** "Behavior of to and from selectors": one element with both selectors ANDs them; two elements OR. */
function andVersusOr(): Case[] {
  const manifests = (from: unknown[]) => [

    namespace("alice-ns", { user: "alice" }),
    namespace("bob-ns", { user: "bob" }),
    web("default", "server", { app: "server" }, "10.244.1.70"),
    web("default", "client", { role: "client" }, "10.244.2.70"),
    web("alice-ns", "client", { role: "client" }, "10.244.1.71"),
    web("alice-ns", "other", { role: "other" }, "10.244.2.71"),
    web("bob-ns", "client", { role: "client" }, "10.244.1.72"),
    netpol("server-policy", "default", { podSelector: { matchLabels: { app: "server" } }, ingress: [{ from }] }),
  ];
  const anchor = "behavior-of-to-and-from-selectors";
  return [
    {
      id: "netpol-docs-and-selectors",
      source: `${DOCS}#${anchor} — "contains a single from element allowing connections from Pods with the label role=client in namespaces with the label user=alice"`,
      description: "namespaceSelector and podSelector in one peer element: both must match.",
      manifests: manifests([{ namespaceSelector: { matchLabels: { user: "alice" } }, podSelector: { matchLabels: { role: "client" } } }]),
      queries: [
        connect("alice-ns/client", "default/server", 80, "allow"),
        connect("alice-ns/other", "default/server", 80, "deny"),
        connect("bob-ns/client", "default/server", 80, "deny"),
        connect("default/client", "default/server", 80, "deny"),
      ],
    },
    {
      id: "netpol-docs-or-selectors",
      source: `${DOCS}#${anchor} — "contains two elements in the from array, and allows connections from Pods in the local Namespace with the label role=client, or from any Pod in any namespace with the label user=alice"`,
      description: "namespaceSelector and podSelector as two peer elements: either may match.",
      manifests: manifests([{ namespaceSelector: { matchLabels: { user: "alice" } } }, { podSelector: { matchLabels: { role: "client" } } }]),
      queries: [
        connect("alice-ns/client", "default/server", 80, "allow"),
        connect("alice-ns/other", "default/server", 80, "allow"),
        connect("bob-ns/client", "default/server", 80, "deny"),
        connect("default/client", "default/server", 80, "allow"),
      ],
    },
  ];
}

function endPortRange(): Case {
  return {
    id: "netpol-docs-endport",
    source: `${DOCS}#targeting-a-range-of-ports — "allows any Pod with label role=db on the namespace default to communicate with any IP within the range 10.0.0.0/24 over TCP, provided that the target port is between the range 32000 and 32768"`,
    description: "An egress rule with port 32000 and endPort 32768 (inclusive range).",
    manifests: [

      web("default", "db", { role: "db" }, "10.244.1.80", 5432),
      netpol("multi-port-egress", "default", {
        podSelector: { matchLabels: { role: "db" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/24" } }], ports: [{ protocol: "TCP", port: 32000, endPort: 32768 }] }],
      }),
    ],
    queries: [
      connect("default/db", "10.0.0.10", 32000, "allow", "lower bound"),
      connect("default/db", "10.0.0.10", 32500, "allow"),
      connect("default/db", "10.0.0.10", 32768, "allow", "upper bound is inclusive"),
      connect("default/db", "10.0.0.10", 31999, "deny"),
      connect("default/db", "10.0.0.10", 32769, "deny"),
      connect("default/db", "10.0.1.10", 32000, "deny", "outside 10.0.0.0/24"),
    ],
  };
}

function namespaceByName(): Case {
  return {
    id: "netpol-docs-namespace-by-name",
    source: `${DOCS}#targeting-a-namespace-by-its-name — "The Kubernetes control plane sets an immutable label kubernetes.io/metadata.name on all namespaces, the value of the label is the namespace name."`,
    description: "A namespaceSelector on kubernetes.io/metadata.name works without anyone labelling the namespace.",
    manifests: [

      namespace("monitoring"),
      namespace("dev"),
      web("default", "api", { app: "api" }, "10.244.1.90", 8080),
      web("monitoring", "prometheus", { app: "prometheus" }, "10.244.2.90"),
      web("dev", "prometheus", { app: "prometheus" }, "10.244.1.91"),
      netpol("allow-monitoring", "default", {
        podSelector: { matchLabels: { app: "api" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }] }],
      }),
    ],
    queries: [connect("monitoring/prometheus", "default/api", 8080, "allow"), connect("dev/prometheus", "default/api", 8080, "deny")],
  };
}

function flannel(): Case {
  return {
    id: "netpol-docs-no-enforcement-flannel",
    source: `${DOCS}#prerequisites — "Creating a NetworkPolicy resource without a controller that implements it will have no effect."`,
    description: "The same default-deny policy on a cluster whose CNI (Flannel) implements no NetworkPolicy: nothing is blocked.",
    cluster: { cni: "flannel" },
    manifests: [

      web("default", "a", { app: "a" }, "10.244.1.95"),
      web("default", "b", { app: "b" }, "10.244.2.95"),
      netpol("default-deny-all", "default", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
    ],
    queries: [connect("default/b", "default/a", 80, "allow"), connect("default/a", "8.8.8.8", 53, "allow")],
  };
}

function articleDbAccessPolicy(): Case {
  return {
    id: "netpol-article-db-access-policy",
    source: `${ARTICLE}; semantics from ${DOCS}#the-networkpolicy-resource — "podSelector: Each NetworkPolicy includes a podSelector which selects the grouping of pods to which the policy applies" and "ports ... allows traffic on TCP port 5432"`,
    description: "The article's db-access-policy: only app=backend-api pods of the same namespace reach app=postgres-db on TCP 5432.",
    manifests: [

      namespace("staging"),
      pod({ namespace: "default", name: "postgres-db-0", labels: { app: "postgres-db" }, ip: "10.244.1.120", image: "postgres:16", ports: [{ containerPort: 5432, protocol: "TCP" }] }),
      web("default", "backend-api-1", { app: "backend-api" }, "10.244.2.120", 3000),
      web("default", "frontend-1", { app: "frontend" }, "10.244.1.121", 80),
      web("staging", "backend-api-1", { app: "backend-api" }, "10.244.2.121", 3000),
      netpol("db-access-policy", "default", {
        podSelector: { matchLabels: { app: "postgres-db" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "backend-api" } } }], ports: [{ protocol: "TCP", port: 5432 }] }],
      }),
    ],
    queries: [
      connect("default/backend-api-1", "default/postgres-db-0", 5432, "allow"),
      connect("default/frontend-1", "default/postgres-db-0", 5432, "deny"),
      connect("default/backend-api-1", "default/postgres-db-0", 5433, "deny"),
      connect("staging/backend-api-1", "default/postgres-db-0", 5432, "deny", "a bare podSelector matches only the policy's namespace"),
      connect("198.51.100.7", "default/postgres-db-0", 5432, "deny"),
      connect("default/postgres-db-0", "default/backend-api-1", 3000, "allow", "policyTypes is Ingress only: egress stays open"),
      connect("default/frontend-1", "default/backend-api-1", 3000, "allow", "backend-api is selected by no policy"),
    ],
  };
}

/**
 * The same policy over pods written without status, as a learner writes them: the format has the cluster
 * fill status as a healthy cluster would (Running, Ready, an IP from the pod CIDR), and the verdicts do not
 * depend on which IPs were chosen.
 */
function articleDbAccessPolicyWithoutStatus(): Case {
  const c = articleDbAccessPolicy();
  const stripStatus = (m: Manifest): Manifest => {
    if (m.kind !== "Pod") return m;
    const { status: _status, ...rest } = m;
    const spec = { ...(rest.spec as Record<string, unknown>) };
    delete spec.nodeName;
    return { ...rest, spec };
  };
  return {
    ...c,
    id: "netpol-article-db-access-policy-scheduled",
    description: "The article's db-access-policy over pods without status or node: the cluster schedules them and assigns their IPs.",
    manifests: c.manifests.map(stripStatus),
    queries: c.queries.filter((q) => !("ip" in (q.from as object)) && !("ip" in (q.to as object))),
  };
}

export function buildNetworkPolicyDocsCases(): Case[] {
  return [
    exampleNetworkPolicy(),
    ...defaultPolicies(),
    ...andVersusOr(),
    endPortRange(),
    namespaceByName(),
    flannel(),
    articleDbAccessPolicy(),
    articleDbAccessPolicyWithoutStatus(),
  ];
}
