import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Protocol } from "@/lib/sim/network/trace";
import { allowed, cluster, namespace, pod } from "./netpol-fixtures";

type Obj = Parameters<typeof cluster>[0][number];

/**
 * The e2e NetworkPolicy suite's truth tables (kubernetes/kubernetes test/e2e/network/netpol/reachability.go,
 * model.go): pods named by `ns/pod` carry the label pod=<name>, every pod serves ports 80 and 81 over TCP, UDP
 * and SCTP on container ports named serve-<port>-<protocol>, and namespaces x, y and z carry ns=<name> (plus the
 * automatic kubernetes.io/metadata.name label).
 */
export function e2eCluster(pods: readonly string[], policies: readonly Obj[]): ClusterState {
  const namespaces = ["x", "y", "z"].map((n) => namespace(n, { ns: n }));
  const ports = [80, 81].flatMap((port) =>
    (["TCP", "UDP", "SCTP"] as const).map((protocol) => ({ name: `serve-${port}-${protocol.toLowerCase()}`, containerPort: port, protocol })),
  );
  const objects = pods.map((ref, i) => pod(ref, { pod: ref.split("/")[1] }, { ports, node: i % 2 === 0 ? "worker-1" : "worker-2", ip: `10.244.${1 + (i % 2)}.${20 + i}` }));
  return cluster([...namespaces, ...objects, ...policies]);
}

interface PeerFilter {
  namespace?: string;
  pod?: string;
}

/** reachability.go's Reachability: every pair starts at a default, then expectations overwrite it. */
export class Reachability {
  readonly expected = new Map<string, boolean>();

  constructor(readonly pods: readonly string[], initial: boolean) {
    for (const from of pods) for (const to of pods) this.expected.set(`${from} -> ${to}`, initial);
  }

  expect(from: string, to: string, value: boolean): void {
    this.expected.set(`${from} -> ${to}`, value);
  }

  expectPeer(from: PeerFilter, to: PeerFilter, value: boolean): void {
    for (const a of this.pods.filter((p) => matches(from, p))) for (const b of this.pods.filter((p) => matches(to, p))) this.expect(a, b, value);
  }

  expectAllIngress(to: string, value: boolean): void {
    for (const from of this.pods) this.expect(from, to, value);
  }

  expectAllEgress(from: string, value: boolean): void {
    for (const to of this.pods) this.expect(from, to, value);
  }

  /** Observed pairs that differ, loopback left out as the e2e suite does (ignoreLoopback, kubernetes#95879). */
  mismatches(state: ClusterState, port: number, protocol: Protocol): string[] {
    const wrong: string[] = [];
    for (const [pair, want] of this.expected) {
      const [from, to] = pair.split(" -> ");
      if (from === to) continue;
      const got = allowed(state, from, to, port, protocol);
      if (got !== want) wrong.push(`${pair}: expected ${want ? "allowed" : "denied"}, got ${got ? "allowed" : "denied"}`);
    }
    return wrong;
  }
}

function matches(filter: PeerFilter, ref: string): boolean {
  const [ns, name] = ref.split("/");
  return (filter.namespace === undefined || filter.namespace === ns) && (filter.pod === undefined || filter.pod === name);
}
