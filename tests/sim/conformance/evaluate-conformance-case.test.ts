import { describe, expect, test } from "vitest";
import { evaluateConformanceCase, evaluateConformanceFile } from "@/lib/sim/conformance/evaluate-conformance-case";
import { formatQueryFailure } from "@/lib/sim/conformance/query-result";
import { buildFakeSimulator } from "./fake-conformance-simulator";

const sim = buildFakeSimulator();

const pod = (namespace: string, name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace } });
const service = (namespace: string, name: string) => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec: { ports: [{ port: 80 }] } });
const endpointsObject = {
  apiVersion: "v1",
  kind: "Endpoints",
  metadata: { name: "web", namespace: "shop" },
  subsets: [
    { addresses: [{ ip: "10.244.1.5" }], notReadyAddresses: [{ ip: "10.244.2.9" }], ports: [{ name: "http", port: 8080 }, { name: "metrics", port: 9090 }] },
    { addresses: [{ ip: "10.244.2.6" }], ports: [{ name: "http", port: 8081 }] },
  ],
};
const ingressObject = {
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "site", namespace: "shop" },
  spec: { defaultBackend: { service: { name: "web", port: { name: "http" } } } },
};

function runOne(manifests: unknown[], query: unknown, extra: Record<string, unknown> = {}) {
  const results = evaluateConformanceCase(sim, { id: "case-1", source: "test", manifests, queries: [query], ...extra });
  expect(results).toHaveLength(1);
  return results[0];
}

describe("evaluateConformanceCase answers each query type", () => {
  const manifests = [pod("x", "a"), pod("x", "b"), service("shop", "web"), endpointsObject, ingressObject];
  test.each([
    ["connect allowed, pods by ns/name", { type: "connect", from: { pod: "x/b" }, to: { pod: "x/a" }, port: 80, expect: "allow" }, true, "allow"],
    ["connect denied, expectation wrong", { type: "connect", from: { pod: "x/b" }, to: { pod: "x/a" }, port: 81, expect: "allow" }, false, "deny"],
    ["connect from an external IP", { type: "connect", from: { ip: "198.51.100.7" }, to: { pod: "x/a" }, port: 81, protocol: "UDP", expect: "deny" }, true, "deny"],
    ["connect to a missing pod", { type: "connect", from: { pod: "x/b" }, to: { pod: "x/zz" }, port: 80, expect: "allow" }, false, "pod x/zz not found"],
    ["ingress backend by port name", { type: "ingress", host: "shop.example.com", path: "/", expect: { service: "shop/web", port: "http" } }, true, "shop/web:http"],
    ["ingress port number is not the name", { type: "ingress", host: null, path: "/", expect: { service: "shop/web", port: 80 } }, false, "shop/web:http"],
    ["endpoints, all ports, order-insensitive", { type: "endpoints", service: "shop/web", expect: [{ ip: "10.244.2.6", port: 8081 }, { ip: "10.244.1.5", port: 9090 }, { ip: "10.244.1.5", port: 8080 }] }, true, "[10.244.1.5:8080, 10.244.1.5:9090, 10.244.2.6:8081]"],
    ["endpoints, one named port per subset", { type: "endpoints", service: "shop/web", servicePort: "http", expect: [{ ip: "10.244.1.5", port: 8080 }, { ip: "10.244.2.6", port: 8081 }] }, true, "[10.244.1.5:8080, 10.244.2.6:8081]"],
    ["endpoints, not-ready checked when given", { type: "endpoints", service: "shop/web", servicePort: "metrics", expect: [{ ip: "10.244.1.5", port: 9090 }], expectNotReady: [] }, false, "not ready [10.244.2.9:9090]"],
    ["endpoints of a missing Service", { type: "endpoints", service: "shop/nope", expect: [] }, false, "service shop/nope not found"],
    ["dns IP list, order-insensitive", { type: "dns", fromNamespace: "shop", name: "web", expect: ["10.96.0.20", "10.96.0.21"] }, true, "[10.96.0.20, 10.96.0.21]"],
    ["dns NXDOMAIN", { type: "dns", fromNamespace: "shop", name: "nope", expect: "NXDOMAIN" }, true, "NXDOMAIN"],
    ["dns CNAME, case and root dot ignored", { type: "dns", fromNamespace: "shop", name: "ext", expect: { cname: "example.com" } }, true, "CNAME example.com"],
    ["dns expected an IP, got NXDOMAIN", { type: "dns", fromNamespace: "shop", name: "nope", expect: ["10.96.0.20"] }, false, "NXDOMAIN"],
    ["validate valid", { type: "validate", object: { kind: "Service", metadata: { name: "good" } }, expect: "valid" }, true, "valid"],
    ["validate invalid at the named field", { type: "validate", object: { kind: "Service", metadata: { name: "bad" } }, expect: "invalid", field: "metadata.name" }, true, "invalid at metadata.name"],
    ["validate invalid at another field", { type: "validate", object: { kind: "Service", metadata: { name: "bad" } }, expect: "invalid", field: "spec.ports[0].port" }, false, 'invalid at [metadata.name]: The Service "bad" is invalid'],
    ["validate expected invalid, accepted", { type: "validate", object: { kind: "Service", metadata: { name: "good" } }, expect: "invalid" }, false, "valid"],
  ])("%s", (_label, query, passed, got) => {
    const result = runOne(manifests, query);
    expect(result.passed).toBe(passed);
    expect(result.got).toBe(got);
  });

  test("the case's cluster field reaches the simulator (flannel enforces nothing)", () => {
    const query = { type: "connect", from: { pod: "x/b" }, to: { pod: "x/a" }, port: 81, expect: "allow" };
    expect(runOne(manifests, query, { cluster: { cni: "flannel" } }).passed).toBe(true);
    expect(runOne(manifests, query).passed).toBe(false);
  });
});

test("the case's addons are installed once each, on top of what every case gets", () => {
  const calls: unknown[][] = [];
  const spy = { ...sim, createCluster: (config: object, addons: readonly string[]) => (calls.push([config, addons]), sim.createCluster(config, [])) };
  evaluateConformanceCase(spy, {
    id: "addons",
    cluster: { cni: "cilium", addons: ["ingress-nginx", "ingress-nginx"] },
    manifests: [],
    queries: [{ type: "dns", fromNamespace: "x", name: "web", expect: "NXDOMAIN" }],
  });
  expect(calls).toEqual([[{ cni: "cilium" }, ["ingress-nginx"]]]);
});

describe("evaluateConformanceCase reports bad input as failures", () => {
  test.each([
    ["unknown query type", { type: "http", url: "/" }, 'unknown query type "http"'],
    ["missing type", { expect: "allow" }, "unknown query type null"],
    ["misspelled field", { type: "dns", fromNamespace: "x", name: "web", expcet: "NXDOMAIN" }, "invalid dns query"],
    ["pod reference without namespace", { type: "connect", from: { pod: "a" }, to: { pod: "x/a" }, port: 80, expect: "allow" }, "invalid connect query"],
    ["port out of range", { type: "connect", from: { pod: "x/a" }, to: { pod: "x/b" }, port: 70000, expect: "allow" }, "invalid connect query"],
  ])("%s", (_label, query, problem) => {
    const result = runOne([pod("x", "a"), pod("x", "b")], query);
    expect(result.passed).toBe(false);
    expect(result.caseId).toBe("case-1");
    expect(result.index).toBe(0);
    expect(result.got).toContain(problem);
  });

  test("a malformed query fails alone; the others still run", () => {
    const results = evaluateConformanceCase(sim, {
      id: "mixed",
      manifests: [],
      queries: [{ type: "nope" }, { type: "dns", fromNamespace: "x", name: "web", expect: ["10.96.0.20", "10.96.0.21"] }],
    });
    expect(results.map((r) => r.passed)).toEqual([false, true]);
  });

  test("a rejected manifest fails every query with the rejection message", () => {
    const results = evaluateConformanceCase(sim, {
      id: "rejected",
      manifests: [{ apiVersion: "v1", kind: "Rejected", metadata: { name: "r" } }],
      queries: [
        { type: "dns", fromNamespace: "x", name: "web", expect: ["10.96.0.20", "10.96.0.21"] },
        { type: "validate", object: { kind: "Service", metadata: { name: "good" } }, expect: "valid" },
      ],
    });
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r.passed).toBe(false);
      expect(r.got).toBe('manifest rejected: no matches for kind "Rejected"');
    }
  });

  test.each([
    ["not an object", 42, "case[3]"],
    ["no queries", { id: "empty", manifests: [], queries: [] }, "empty"],
    ["manifests not a list", { id: "m", manifests: {}, queries: [{ type: "dns" }] }, "m"],
    ["unknown cni", { id: "c", cluster: { cni: "weave" }, manifests: [], queries: [{ type: "dns" }] }, "c"],
  ])("a malformed case (%s) is one failure naming the case", (_label, raw, caseId) => {
    const results = evaluateConformanceCase(sim, raw, 3);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ caseId, index: -1, passed: false, expected: "a valid case" });
  });

  test("a simulator that throws is a failure, not a crash", () => {
    const throwing = { ...sim, resolveDns: () => { throw new Error("boom"); } };
    const [result] = evaluateConformanceCase(throwing, { id: "t", manifests: [], queries: [{ type: "dns", fromNamespace: "x", name: "web", expect: "NXDOMAIN" }] });
    expect(result).toMatchObject({ passed: false, got: "simulator error: Error: boom" });
  });

  test("a file that is not an array is one failure naming the file", () => {
    const results = evaluateConformanceFile(sim, { id: "x" }, "cases.json");
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ caseId: "cases.json", passed: false });
  });
});

describe("formatQueryFailure", () => {
  test("prints the runner's FAIL line", () => {
    const [result] = evaluateConformanceCase(sim, {
      id: "deny-case",
      manifests: [pod("x", "a"), pod("x", "b")],
      queries: [{ type: "connect", from: { pod: "x/b" }, to: { pod: "x/a" }, port: 81, expect: "allow" }],
    });
    expect(formatQueryFailure(result)).toBe("FAIL deny-case #0 connect x/b -> x/a TCP/81: expected allow, got deny");
  });
});
