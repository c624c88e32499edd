import { describe, expect, test } from "vitest";
import { connectivityMatrix, isMatrixAllowed } from "@/lib/sim/network/connectivity-matrix";
import { formatConnectivityMatrix } from "@/lib/sim/network/format-connectivity-matrix";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { Reachability, e2eCluster } from "@/tests/sim/netpol/e2e-reachability";

const PODS = ["x/a", "x/b", "y/a", "y/b"];
const denyIngressX = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny-ingress", namespace: "x" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } };
const allowFromYToXa = {
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "allow-y-to-a", namespace: "x" },
  spec: { podSelector: { matchLabels: { pod: "a" } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: "y" } } }], ports: [{ port: "serve-80-tcp" }] }] },
};

describe("connectivityMatrix", () => {
  test("the e2e 'default-deny-ingress' truth table, as a matrix", () => {
    const state = e2eCluster(PODS, [denyIngressX]);
    const matrix = connectivityMatrix(state, { port: 80 });
    const expected = new Reachability(PODS, true);
    expected.expectPeer({}, { namespace: "x" }, false);
    const names = matrix.pods.map((p) => `${p.namespace}/${p.name}`);
    expect(names).toEqual(PODS);
    for (const [s, from] of names.entries()) {
      for (const [d, to] of names.entries()) {
        if (s !== d) expect([from, to, isMatrixAllowed(matrix, s, d)]).toEqual([from, to, expected.expected.get(`${from} -> ${to}`)]);
      }
    }
  });

  test("namespaces narrows the pods; ports and named ports are per query", () => {
    const state = e2eCluster(PODS, [denyIngressX, allowFromYToXa]);
    const onPort80 = connectivityMatrix(state, { namespaces: ["y", "x"], port: 80 });
    expect(onPort80.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(["y/a", "y/b", "x/a", "x/b"]);
    expect(isMatrixAllowed(onPort80, 0, 2)).toBe(true);
    expect(isMatrixAllowed(onPort80, 0, 3)).toBe(false);
    const onPort81 = connectivityMatrix(state, { namespaces: ["y", "x"], port: 81 });
    expect(isMatrixAllowed(onPort81, 0, 2)).toBe(false);
  });

  test("an empty selection is an empty matrix", () => {
    const matrix = connectivityMatrix(staticClusterState([]), { port: 80 });
    expect(matrix.pods).toEqual([]);
    expect(matrix.cells.length).toBe(0);
  });

  test("the cyclonus-style table (golden)", () => {
    const state = e2eCluster(PODS, [denyIngressX, allowFromYToXa]);
    expect(formatConnectivityMatrix(connectivityMatrix(state, { port: 80 }))).toBe(
      [
        "+--------+-----+-----+-----+-----+",
        "| TCP/80 | x/a | x/b | y/a | y/b |",
        "+--------+-----+-----+-----+-----+",
        "| x/a    | .   | X   | .   | .   |",
        "| x/b    | X   | .   | .   | .   |",
        "| y/a    | .   | X   | .   | .   |",
        "| y/b    | .   | X   | .   | .   |",
        "+--------+-----+-----+-----+-----+",
        "12 of 16 connections allowed",
      ].join("\n"),
    );
  });

  test("on Flannel every pair connects and `!` marks what an enforcing CNI would block", () => {
    const objects = [...["x", "y"].map((n) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: n, labels: { ns: n } } }))];
    const state = e2eCluster(PODS, [denyIngressX]);
    const flannel = staticClusterState([...objects, ...state.list("Pod"), denyIngressX] as never, { cni: "flannel" });
    const text = formatConnectivityMatrix(connectivityMatrix(flannel, { port: 80 }));
    expect(text).toContain("| y/a    | !   | !   | .   | .   |");
    expect(text).toContain("16 of 16 connections allowed");
    expect(text).toContain("NetworkPolicy is not enforced by Flannel: ! marks pairs an enforcing CNI would block");
  });
});
