import { namespace, pod, type Case, type Manifest, type Query } from "./corpus-types";

/**
 * The pod model of the kubernetes/kubernetes e2e NetworkPolicy suite (test/e2e/network/netpol/model.go):
 * namespaces x, y, z; pods named a, b, c labelled `pod=<name>`, serving ports 80 and 81 from containers whose
 * ports are named `serve-<port>-<proto>`. A test starts from "everything allowed" (NewReachability(..., true))
 * and applies its Expect* calls in order; loopback pairs are ignored there (ignoreLoopback) and left out here.
 */
export const E2E = "kubernetes/kubernetes test/e2e/network/netpol/network_policy.go";
export const PROTOCOLS = ["TCP", "UDP", "SCTP"] as const;
export const NAMESPACES = ["x", "y", "z"] as const;

export function podIP(ref: string): string {
  const [ns, name] = ref.split("/");
  const n = NAMESPACES.indexOf(ns as (typeof NAMESPACES)[number]);
  const p = name.charCodeAt(0) - "a".charCodeAt(0);
  // Alternate nodes so same-namespace pairs also cross nodes; hosts .100+ stay clear of dynamic allocations.
  const node = ((n * 3 + p) % 2) + 1;
  return `10.244.${node}.${100 + n * 10 + p}`;
}

/** Like initializeResources, a container port per probed protocol for ports 80 and 81. */
function modelPod(ref: string, protocols: readonly string[]): Manifest {
  const [ns, name] = ref.split("/");
  const ports = [80, 81].flatMap((port) =>
    protocols.map((protocol) => ({ name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol })),
  );
  return pod({ namespace: ns, name, labels: { pod: name }, ip: podIP(ref), ports });
}

type Selector = Record<string, unknown>;
type Rule = Record<string, unknown>;

export function policy(name: string, ns: string, podSelector: Selector, spec: { ingress?: Rule[]; egress?: Rule[] }): Manifest {
  // SetSpecIngressRules / SetSpecEgressRules (policies.go) add the policy type explicitly.
  const policyTypes = [...(spec.ingress ? ["Ingress"] : []), ...(spec.egress ? ["Egress"] : [])];
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace: ns },
    spec: { podSelector, policyTypes, ...spec },
  };
}

/** `*` is every pod, `x` every pod of namespace x, `x/a` one pod: Peer{}, Peer{Namespace}, Peer{Namespace, Pod}. */
export type Peer = string;
export type Expectation = [from: Peer, to: Peer, allowed: boolean];

function matches(peer: Peer, ref: string): boolean {
  if (peer === "*") return true;
  return peer.includes("/") ? peer === ref : ref.startsWith(`${peer}/`);
}

function truthTable(pods: string[], expectations: Expectation[]): Map<string, boolean> {
  const table = new Map<string, boolean>();
  for (const from of pods) for (const to of pods) if (from !== to) table.set(`${from}>${to}`, true);
  for (const [fromPeer, toPeer, allowed] of expectations) {
    for (const key of table.keys()) {
      const [from, to] = key.split(">");
      if (matches(fromPeer, from) && matches(toPeer, to)) table.set(key, allowed);
    }
  }
  return table;
}

export interface Probe {
  port: number;
  protocol: (typeof PROTOCOLS)[number];
  expectations: Expectation[];
}

export interface E2ECase {
  id: string;
  /** The Context when it is not "NetworkPolicy between server and client" (the UDP and SCTP suites). */
  context?: string;
  it: string;
  /** For tables from elsewhere than the e2e suite: the full citation. */
  source?: string;
  pods: string[];
  policies: Manifest[];
  probes: Probe[];
}

export function buildCase(c: E2ECase): Case {
  const protocols = PROTOCOLS.filter((p) => c.probes.some((probe) => probe.protocol === p));
  const queries: Query[] = c.probes.flatMap((probe) =>
    [...truthTable(c.pods, probe.expectations)].map(([key, allowed]) => {
      const [from, to] = key.split(">");
      return { type: "connect", from: { pod: from }, to: { pod: to }, port: probe.port, protocol: probe.protocol, expect: allowed ? "allow" : "deny" };
    }),
  );
  return {
    id: c.source ? `netpol-${c.id}` : `netpol-e2e-${c.id}`,
    source: c.source ?? `${E2E}#${c.it.replace(/[^A-Za-z0-9]+/g, "-")} — ${c.context ? `Context("${c.context}") ` : ""}It("${c.it}")`,
    description: `The truth table of "${c.it}" over ${c.pods.join(", ")}.`,
    manifests: [...NAMESPACES.map((ns) => namespace(ns)), ...c.pods.map((ref) => modelPod(ref, protocols)), ...c.policies],
    queries,
  };
}

