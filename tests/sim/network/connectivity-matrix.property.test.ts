import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { CniName } from "@/lib/sim/cni/cni-profile";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { MATRIX_ALLOWED, MATRIX_EGRESS_ALLOWED, MATRIX_INGRESS_ALLOWED, connectivityMatrix } from "@/lib/sim/network/connectivity-matrix";
import type { Protocol } from "@/lib/sim/network/trace";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { buildSyntheticCluster } from "@/bench/netpol-matrix";

/**
 * The matrix must be isTrafficAllowed, pair by pair, on any cluster: random namespaces, labels, hostNetwork pods,
 * named ports, and policies mixing every selector form, ipBlocks with except, port ranges and protocols.
 */
const NAMESPACES = ["x", "y", "z"];
const NODES = [
  { name: "worker-1", ip: "172.18.0.3", subnet: 1 },
  { name: "worker-2", ip: "172.18.0.4", subnet: 2 },
];

const labelValue = fc.constantFrom("a", "b", "c");
const labels = fc.record({ app: labelValue, tier: fc.constantFrom("web", "db") }, { requiredKeys: [] });
const selector = fc.oneof(
  fc.constant({}),
  labels.map((matchLabels) => ({ matchLabels })),
  fc.record({
    matchExpressions: fc.array(
      fc.record({ key: fc.constantFrom("app", "tier", "team"), operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist"), values: fc.array(labelValue, { minLength: 1, maxLength: 2 }) }),
      { minLength: 1, maxLength: 2 },
    ),
  }).map((s) => ({ matchExpressions: s.matchExpressions.map((e) => (e.operator === "Exists" || e.operator === "DoesNotExist" ? { key: e.key, operator: e.operator } : e)) })),
);
const nsSelector = fc.oneof(
  fc.constant({}),
  fc.constantFrom("x", "y", "z").map((n) => ({ matchLabels: { "kubernetes.io/metadata.name": n } })),
  fc.record({ matchLabels: fc.record({ team: labelValue }) }),
);
const cidr = fc.constantFrom("10.244.0.0/16", "10.244.1.0/24", "10.244.2.0/25", "172.18.0.0/24", "0.0.0.0/0", "172.18.0.3/32");
const peerArb = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: nsSelector }),
  fc.record({ podSelector: selector, namespaceSelector: nsSelector }),
  fc.record({ ipBlock: fc.record({ cidr, except: fc.constantFrom(["10.244.1.0/28"], ["172.18.0.4/32"], []) }, { requiredKeys: ["cidr"] }) }),
);
const portArb = fc.record(
  { protocol: fc.constantFrom("TCP", "UDP", "SCTP"), port: fc.constantFrom(80, 81, 53, "http", "dns"), endPort: fc.constant(90) },
  { requiredKeys: [] },
);
const ruleArb = (peerField: "from" | "to") =>
  fc.record({ [peerField]: fc.array(peerArb, { maxLength: 3 }), ports: fc.array(portArb, { maxLength: 3 }) }, { requiredKeys: [] });
const policyArb = fc.record(
  {
    namespace: fc.constantFrom(...NAMESPACES),
    podSelector: selector,
    policyTypes: fc.constantFrom(["Ingress"], ["Egress"], ["Ingress", "Egress"]),
    ingress: fc.array(ruleArb("from"), { maxLength: 3 }),
    egress: fc.array(ruleArb("to"), { maxLength: 3 }),
  },
  { requiredKeys: ["namespace", "podSelector"] },
);
const podArb = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  labels,
  node: fc.constantFrom(0, 1),
  hostNetwork: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  ports: fc.subarray([
    { name: "http", containerPort: 80, protocol: "TCP" },
    { name: "http", containerPort: 81, protocol: "UDP" },
    { name: "dns", containerPort: 53, protocol: "UDP" },
  ]),
});
const clusterArb = fc.record({
  pods: fc.array(podArb, { maxLength: 9 }),
  policies: fc.array(policyArb, { maxLength: 6 }),
  namespaceTeams: fc.array(labelValue, { minLength: 3, maxLength: 3 }),
  cni: fc.constantFrom<CniName>("calico", "cilium", "flannel", "aws-vpc-cni"),
  enforcement: fc.constantFrom(undefined, true, false),
  port: fc.constantFrom(80, 81, 53, 85),
  protocol: fc.constantFrom<Protocol>("TCP", "UDP", "SCTP"),
  only: fc.constantFrom(undefined, ["x"], ["x", "z"]),
});

type ClusterInput = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

function buildState(input: ClusterInput) {
  const objects = [
    ...NAMESPACES.map((name, i) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { team: input.namespaceTeams[i] } } })),
    ...input.pods.map((p, i) => {
      const node = NODES[p.node];
      const ip = p.hostNetwork ? node.ip : `10.244.${node.subnet}.${10 + i}`;
      return {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `p${i}`, namespace: p.namespace, labels: p.labels },
        spec: { nodeName: node.name, hostNetwork: p.hostNetwork || undefined, containers: [{ name: "c", image: "agnhost", ports: p.ports }] },
        status: { phase: "Running", podIP: ip, podIPs: [{ ip }], hostIP: node.ip },
      };
    }),
    ...input.policies.map((p, i) => {
      const { namespace, ...spec } = p;
      return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: `np${i}`, namespace }, spec };
    }),
  ];
  return staticClusterState(objects as never, { cni: input.cni, networkPolicyEnforcement: input.enforcement });
}

describe("connectivityMatrix equals isTrafficAllowed pairwise", () => {
  test("on random clusters", () => {
    const seen = { allowed: 0, denied: 0 };
    fc.assert(
      fc.property(clusterArb, (input) => {
        const state = buildState(input);
        const matrix = connectivityMatrix(state, { namespaces: input.only, port: input.port, protocol: input.protocol });
        const pods = input.only ? input.only.flatMap((ns) => state.list("Pod", ns)) : state.list("Pod");
        expect(matrix.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
        pods.forEach((source, s) =>
          pods.forEach((destination, d) => {
            const verdict = isTrafficAllowed(state, { source: { kind: "pod", pod: source }, destination: { kind: "pod", pod: destination }, port: input.port, protocol: input.protocol });
            const cell = matrix.cells[s * pods.length + d];
            seen[verdict.allowed ? "allowed" : "denied"]++;
            const label = `${source.metadata.namespace}/${source.metadata.name} -> ${destination.metadata.namespace}/${destination.metadata.name}`;
            expect({ label, allowed: (cell & MATRIX_ALLOWED) !== 0, egress: (cell & MATRIX_EGRESS_ALLOWED) !== 0, ingress: (cell & MATRIX_INGRESS_ALLOWED) !== 0 }).toEqual({
              label,
              allowed: verdict.allowed,
              egress: verdict.egress.allowed,
              ingress: verdict.ingress.allowed,
            });
          }),
        );
      }),
      { numRuns: 300, seed: 20260501 },
    );
    // The generator must produce both outcomes, or the equality above proves nothing.
    expect(seen.allowed).toBeGreaterThan(100);
    expect(seen.denied).toBeGreaterThan(100);
  });

  test("on the benchmark's synthetic cluster (200 pods, 50 namespaces, 200 policies, named ports, ranges, ipBlock except)", () => {
    const state = buildSyntheticCluster(200);
    for (const [port, protocol] of [[8080, "TCP"], [8050, "TCP"]] as const) {
      const matrix = connectivityMatrix(state, { port, protocol });
      const pods = state.list("Pod");
      const wrong: string[] = [];
      let allowedCount = 0;
      pods.forEach((source, s) =>
        pods.forEach((destination, d) => {
          const verdict = isTrafficAllowed(state, { source: { kind: "pod", pod: source }, destination: { kind: "pod", pod: destination }, port, protocol });
          if (verdict.allowed) allowedCount++;
          if (verdict.allowed !== ((matrix.cells[s * pods.length + d] & MATRIX_ALLOWED) !== 0)) wrong.push(`${source.metadata.namespace}/${source.metadata.name} -> ${destination.metadata.namespace}/${destination.metadata.name}`);
        }),
      );
      expect(wrong).toEqual([]);
      expect(allowedCount).toBeGreaterThan(pods.length);
    }
  });
});
