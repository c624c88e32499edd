import { describe, expect, test } from "vitest";
import { buildServiceEndpoints, type ProxyEndpoint } from "@/lib/sim/proxy/build-service-endpoints";
import { categorizeEndpoints } from "@/lib/sim/proxy/categorize-endpoints";
import { selectEndpoint } from "@/lib/sim/proxy/select-endpoint";
import { matchServiceDestination } from "@/lib/sim/proxy/match-service-destination";
import { buildServicePortName, formatServicePortName } from "@/lib/sim/proxy/service-port-name";
import type { Service } from "@/lib/sim/objects/kinds";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { articleState, pod, service } from "@/tests/sim/network/networking-fixture";

const ep = (ip: string, o: Partial<ProxyEndpoint> = {}): ProxyEndpoint => ({ ip, port: 80, ready: true, serving: true, terminating: false, source: "EndpointSlice", ...o });

describe("ServicePortName (pkg/proxy/types.go)", () => {
  test.each([
    { port: { name: "http", port: 80 }, want: "production/my-backend-api:http" },
    { port: { port: 80 }, want: "production/my-backend-api" },
  ])("$want", ({ port, want }) => {
    const svc = { metadata: { name: "my-backend-api", namespace: "production" } } as Service;
    expect(formatServicePortName(buildServicePortName(svc, port))).toBe(want);
  });
});

describe("categorizeEndpoints (pkg/proxy/topology.go CategorizeEndpoints)", () => {
  test.each([
    { label: "ready endpoints win", eps: [ep("a"), ep("b", { ready: false, serving: true, terminating: true })], node: "n1", cluster: ["a"], any: true },
    { label: "no ready: serving-terminating fallback", eps: [ep("a", { ready: false, serving: true, terminating: true }), ep("b", { ready: false, serving: false })], node: "n1", cluster: ["a"], any: true },
    { label: "terminating but not serving is never used", eps: [ep("a", { ready: false, serving: false, terminating: true })], node: "n1", cluster: [], any: false },
    { label: "nothing", eps: [], node: "n1", cluster: [], any: false },
  ])("$label", ({ eps, node, cluster, any }) => {
    const result = categorizeEndpoints(eps, node);
    expect(result.clusterEndpoints.map((e) => e.ip)).toEqual(cluster);
    expect(result.hasAnyEndpoints).toBe(any);
  });

  test("local endpoints apply the same fallback on the node alone", () => {
    const eps = [ep("remote", { nodeName: "n2" }), ep("local-term", { nodeName: "n1", ready: false, serving: true, terminating: true })];
    const result = categorizeEndpoints(eps, "n1");
    expect(result.clusterEndpoints.map((e) => e.ip)).toEqual(["remote"]);
    expect(result.localEndpoints.map((e) => e.ip)).toEqual(["local-term"]);
  });
});

describe("selectEndpoint", () => {
  const eps = [ep("10.0.0.3"), ep("10.0.0.1"), ep("10.0.0.2")];
  const base = { seed: 1, servicePortName: "ns/s:http", clientIP: "10.244.1.9", sessionAffinity: "None" as const };
  test("deterministic and order-independent", () => {
    expect(selectEndpoint(eps, base)).toEqual(selectEndpoint([...eps].reverse(), base));
  });
  test("attempts cover every endpoint", () => {
    const chosen = new Set(Array.from({ length: 30 }, (_, attempt) => selectEndpoint(eps, { ...base, attempt })?.ip));
    expect(chosen.size).toBe(3);
  });
  test("ClientIP affinity ignores the attempt", () => {
    const chosen = new Set(Array.from({ length: 30 }, (_, attempt) => selectEndpoint(eps, { ...base, sessionAffinity: "ClientIP", attempt })?.ip));
    expect(chosen.size).toBe(1);
  });
  test("no endpoints → undefined", () => {
    expect(selectEndpoint([], base)).toBeUndefined();
  });
});

describe("buildServiceEndpoints", () => {
  const svc = service("web", "shop", { clusterIP: "10.96.1.1", selector: { app: "web" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "web" }] });
  const pods = [
    pod("web-1", { namespace: "shop", labels: { app: "web" }, ip: "10.244.1.10", ports: [{ containerPort: 8080, name: "web" }] }),
    pod("web-2", { namespace: "shop", labels: { app: "web" }, ip: "10.244.2.10", node: "worker-2", ready: false, ports: [{ containerPort: 8080, name: "web" }] }),
    pod("web-3", { namespace: "shop", labels: { app: "web" }, ip: "10.244.2.11", node: "worker-2", ports: [{ containerPort: 9090, name: "other" }] }),
  ];

  test("from the selector, as the EndpointSlice controller would: named targetPort per pod, readiness", () => {
    const state = staticClusterState([svc, ...pods]);
    const service_ = state.get("Service", "web", "shop")!;
    const eps = buildServiceEndpoints(state, service_, service_.spec!.ports![0]);
    expect(eps.map((e) => [e.ip, e.port, e.ready])).toEqual([
      ["10.244.1.10", 8080, true],
      ["10.244.2.10", 8080, false],
    ]);
  });

  test("EndpointSlices win when present; nil conditions read as ready (discovery/v1)", () => {
    const slice = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-abc", namespace: "shop", labels: { "kubernetes.io/service-name": "web" } },
      addressType: "IPv4",
      ports: [{ name: "http", port: 8080, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.244.9.9"], nodeName: "worker-1" }, { addresses: ["10.244.9.8"], conditions: { ready: false, serving: true, terminating: true } }],
    };
    const state = staticClusterState([svc, ...pods, slice]);
    const service_ = state.get("Service", "web", "shop")!;
    const eps = buildServiceEndpoints(state, service_, service_.spec!.ports![0]);
    expect(eps.map((e) => [e.ip, e.ready, e.serving, e.terminating, e.source])).toEqual([
      ["10.244.9.9", true, true, false, "EndpointSlice"],
      ["10.244.9.8", false, true, true, "EndpointSlice"],
    ]);
  });

  test("selector-less Service reads its hand-written Endpoints", () => {
    const manual = service("ext-db", "shop", { clusterIP: "10.96.1.2", ports: [{ port: 5432, protocol: "TCP" }] });
    const endpoints = { apiVersion: "v1", kind: "Endpoints", metadata: { name: "ext-db", namespace: "shop" }, subsets: [{ addresses: [{ ip: "192.0.2.10" }], ports: [{ port: 5432, protocol: "TCP" }] }] };
    const state = staticClusterState([manual, endpoints]);
    const service_ = state.get("Service", "ext-db", "shop")!;
    expect(buildServiceEndpoints(state, service_, service_.spec!.ports![0]).map((e) => `${e.ip}:${e.port}`)).toEqual(["192.0.2.10:5432"]);
  });

  test("publishNotReadyAddresses makes every endpoint ready", () => {
    const state = staticClusterState([{ ...svc, spec: { ...(svc.spec as object), publishNotReadyAddresses: true } }, ...pods]);
    const service_ = state.get("Service", "web", "shop")!;
    expect(buildServiceEndpoints(state, service_, service_.spec!.ports![0]).every((e) => e.ready)).toBe(true);
  });
});

describe("matchServiceDestination (kube-proxy capture rules)", () => {
  const state = articleState([
    service("np", "production", { type: "NodePort", clusterIP: "10.96.5.5", externalIPs: ["192.0.2.77"], selector: { app: "my-backend" }, ports: [{ port: 80, protocol: "TCP", targetPort: 3000, nodePort: 30080 }] }),
    service("lb", "production", { type: "LoadBalancer", clusterIP: "10.96.5.6", selector: { app: "my-backend" }, ports: [{ port: 443, protocol: "TCP", targetPort: 3000, nodePort: 30443 }] }, { loadBalancer: { ingress: [{ ip: "203.0.113.5" }] } }),
    service("headless", "production", { clusterIP: "None", selector: { app: "my-backend" }, ports: [{ port: 80, protocol: "TCP" }] }),
  ]);
  test.each([
    { label: "ClusterIP and port", ip: "10.96.5.5", port: 80, want: "np cluster-ip 80" },
    { label: "ClusterIP, port not exposed", ip: "10.96.5.5", port: 81, want: "np cluster-ip -" },
    { label: "externalIPs", ip: "192.0.2.77", port: 80, want: "np external-ip 80" },
    { label: "any node's IP with the nodePort", ip: "172.18.0.2", port: 30080, want: "np node-port 80" },
    { label: "LoadBalancer ingress IP", ip: "203.0.113.5", port: 443, want: "lb load-balancer 443" },
    { label: "LoadBalancer Services also get nodePorts", ip: "172.18.0.3", port: 30443, want: "lb node-port 443" },
    { label: "a node's IP on another port is not a Service", ip: "172.18.0.3", port: 30081, want: "none" },
    { label: "UDP does not match a TCP port", ip: "10.96.5.5", port: 80, protocol: "UDP", want: "np cluster-ip -" },
  ])("$label", ({ ip, port, protocol, want }) => {
    const match = matchServiceDestination(state, ip, port, (protocol ?? "TCP") as "TCP");
    expect(match ? `${match.service.metadata.name} ${match.via} ${match.servicePort?.port ?? "-"}` : "none").toBe(want);
  });
});
