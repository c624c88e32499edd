import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { ClusterConfig } from "@/lib/sim/config";
import type { ClusterState } from "@/lib/sim/cluster-state";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import type { Protocol, TrafficPeer } from "@/lib/sim/network/trace";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";

/**
 * The project's NetworkPolicy conformance corpus (tests/conformance/network-policy.json, each case citing its
 * upstream source), answered directly by isTrafficAllowed over the case's manifests taken as cluster state.
 */
interface ConnectQuery {
  type: "connect";
  from: { pod?: string; ip?: string };
  to: { pod?: string; ip?: string };
  port: number;
  protocol?: Protocol;
  expect: "allow" | "deny";
  note?: string;
}
interface Case {
  id: string;
  source: string;
  cluster?: Partial<ClusterConfig>;
  manifests: Parameters<typeof staticClusterState>[0];
  queries: ConnectQuery[];
}

const corpus = JSON.parse(readFileSync(path.join(__dirname, "../../conformance/network-policy.json"), "utf8")) as Case[];

function peerOf(state: ClusterState, end: ConnectQuery["from"]): TrafficPeer {
  if (end.pod) {
    const [ns, name] = end.pod.split("/");
    const pod = state.get("Pod", name, ns);
    if (!pod) throw new Error(`no pod ${end.pod}`);
    return { kind: "pod", pod };
  }
  const node = state.config.nodes.find((n) => n.internalIP === end.ip);
  if (node) return { kind: "node", node: { kind: "Node", metadata: { name: node.name } } as never, ip: node.internalIP };
  return { kind: "external", ip: end.ip ?? "" };
}

describe("conformance corpus: network-policy.json", () => {
  test("has cases", () => {
    expect(corpus.length).toBeGreaterThan(40);
  });
  test.each(corpus.map((c) => ({ id: c.id, c })))("$id", ({ c }) => {
    const state = staticClusterState(c.manifests, c.cluster ?? {});
    const wrong = c.queries
      .filter((q) => q.type === "connect")
      .filter((q) => {
        const verdict = isTrafficAllowed(state, { source: peerOf(state, q.from), destination: peerOf(state, q.to), port: q.port, protocol: q.protocol ?? "TCP" });
        return (verdict.allowed ? "allow" : "deny") !== q.expect;
      })
      .map((q) => `${q.from.pod ?? q.from.ip} -> ${q.to.pod ?? q.to.ip} ${q.protocol ?? "TCP"}/${q.port}: expected ${q.expect}`);
    expect(wrong).toEqual([]);
  });
});
