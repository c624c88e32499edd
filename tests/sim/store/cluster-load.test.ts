import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { pod, service } from "./yaml";

const ready = (status: "True" | "False") => ({ conditions: [{ type: "Ready", status }] });

describe("load: manifests as cluster state (conformance-format.md)", () => {
  test("pod status is honoured: IPs, Ready False, Pending, deletionTimestamp", () => {
    const cluster = Cluster.create();
    const results = cluster.load([
      service("web", { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }),
      pod("ready", { status: { phase: "Running", podIP: "10.244.1.5", ...ready("True") }, spec: { nodeName: "worker-1" } }),
      pod("unready", { status: { phase: "Running", podIP: "10.244.2.7", ...ready("False") }, spec: { nodeName: "worker-2" } }),
      pod("gone", { status: { phase: "Running", podIP: "10.244.1.9", ...ready("True") }, metadata: { deletionTimestamp: "2025-05-01T08:59:00Z" } }),
      pod("pending", { status: { phase: "Pending" } }),
      pod("plain"),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const subsets = cluster.get("Endpoints", "web", "default")!.subsets!;
    const ips = (which: "addresses" | "notReadyAddresses") => subsets.flatMap((s) => (s[which] ?? []).map((a) => a.ip)).sort();
    const plain = cluster.get("Pod", "plain", "default")!;
    expect(plain.status?.phase).toBe("Running");
    expect(ips("addresses")).toEqual(["10.244.1.5", plain.status!.podIP!].sort());
    expect(ips("notReadyAddresses")).toEqual(["10.244.2.7"]);
    expect(cluster.get("Pod", "pending", "default")?.status?.phase).toBe("Pending");
    expect(cluster.get("Pod", "pending", "default")?.status?.podIP).toBeUndefined();
    expect(cluster.get("Pod", "gone", "default")?.metadata.deletionTimestamp).toBe("2025-05-01T08:59:00Z");
    const slice = cluster.list("EndpointSlice", "default").find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web")!;
    expect(slice.endpoints.find((e) => e.addresses[0] === "10.244.1.9")?.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  test("a loaded pod with only some status keeps it and gets the rest (Ready False without a phase → Running, an IP)", () => {
    const cluster = Cluster.create();
    cluster.load([pod("half", { status: ready("False") })]);
    const half = cluster.get("Pod", "half", "default")!;
    expect(half.status?.phase).toBe("Running");
    expect(half.status?.podIP).toMatch(/^10\.244\./);
    expect(half.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("False");
  });

  test("loaded pod IPs are reserved: pods created later never reuse them", () => {
    const cluster = Cluster.create();
    cluster.load([pod("a", { status: { phase: "Running", podIP: "10.244.1.2", ...ready("True") }, spec: { nodeName: "worker-1" } })]);
    for (let i = 0; i < 4; i++) cluster.create(pod(`p${i}`, { spec: { nodeName: "worker-1" } }));
    const ips = cluster.list("Pod").map((p) => p.status?.podIP).filter(Boolean);
    expect(new Set(ips).size).toBe(ips.length);
  });

  test("namespaces the objects live in are created, with their name label", () => {
    const cluster = Cluster.create();
    cluster.load([{ ...pod("x"), metadata: { name: "x", namespace: "team-a", labels: { app: "x" } } }]);
    expect(cluster.get("Namespace", "team-a")?.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team-a" });
  });

  test("a Service without a selector keeps hand-made Endpoints, mirrored into a slice", () => {
    const cluster = Cluster.create();
    cluster.load([
      { apiVersion: "v1", kind: "Service", metadata: { name: "db" }, spec: { ports: [{ port: 5432 }] } },
      { apiVersion: "v1", kind: "Endpoints", metadata: { name: "db" }, subsets: [{ addresses: [{ ip: "192.0.2.10" }], ports: [{ port: 5432 }] }] },
    ]);
    expect(cluster.get("Endpoints", "db", "default")?.subsets?.[0].addresses?.[0].ip).toBe("192.0.2.10");
    const mirrored = cluster.list("EndpointSlice", "default").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "db");
    expect(mirrored.map((s) => [s.metadata.labels?.["endpointslice.kubernetes.io/managed-by"], s.endpoints.map((e) => e.addresses[0])])).toEqual([
      ["endpointslicemirroring-controller.k8s.io", ["192.0.2.10"]],
    ]);
  });

  test("ExternalName Services get no Endpoints", () => {
    const cluster = Cluster.create();
    cluster.load([{ apiVersion: "v1", kind: "Service", metadata: { name: "ext" }, spec: { type: "ExternalName", externalName: "db.example.com", selector: { app: "web" } } }, pod("web")]);
    expect(cluster.get("Endpoints", "ext", "default")).toBeUndefined();
  });

  test("invalid objects are reported per object and the rest still load", () => {
    const results = Cluster.create().load([service("ok"), { apiVersion: "v1", kind: "Service", metadata: { name: "bad" }, spec: { ports: [{ port: 80, protocol: "HTTP" }] } }]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });
});
