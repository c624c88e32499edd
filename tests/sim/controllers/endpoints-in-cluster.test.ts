import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import type { ManifestObject } from "@/lib/sim/objects/meta";

const pod = (name: string, labels: Record<string, string>): ManifestObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, labels },
  spec: { containers: [{ name: "c", image: "nginx", ports: [{ name: "http", containerPort: 80 }] }] },
});
const svc = (spec: Record<string, unknown>): ManifestObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80 }], ...spec } });
const slicesOf = (cluster: Cluster, name: string) => cluster.list("EndpointSlice", "default").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === name);

describe("Endpoints and EndpointSlices as the controllers keep them", () => {
  test.each([
    { label: "an empty selector", spec: { selector: {} } },
    { label: "no selector", spec: {} },
  ])("$label: no Endpoints and no controller slices, even with pods around", ({ spec }) => {
    const cluster = Cluster.create();
    cluster.apply(pod("a", { app: "web" }));
    cluster.apply(svc(spec));
    expect(cluster.get("Endpoints", "web", "default")).toBeUndefined();
    expect(slicesOf(cluster, "web")).toEqual([]);
  });

  test("a slice someone else manages is left alone next to the controller's", () => {
    const cluster = Cluster.create();
    cluster.apply({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-external", labels: { "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "staff.example.com" } },
      addressType: "IPv4",
      endpoints: [{ addresses: ["192.0.2.7"] }],
      ports: [{ port: 80 }],
    });
    cluster.apply(pod("a", { app: "web" }));
    cluster.apply(svc({ selector: { app: "web" } }));
    const slices = slicesOf(cluster, "web");
    expect(slices.map((s) => s.metadata.labels?.["endpointslice.kubernetes.io/managed-by"]).sort()).toEqual(["endpointslice-controller.k8s.io", "staff.example.com"]);
    const managed = slices.find((s) => s.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === "endpointslice-controller.k8s.io")!;
    expect(managed.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(managed.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Service", name: "web", controller: true });
  });

  test("turning a Service into ExternalName removes what the controllers made", () => {
    const cluster = Cluster.create();
    cluster.apply(pod("a", { app: "web" }));
    cluster.apply(svc({ selector: { app: "web" } }));
    expect(cluster.get("Endpoints", "web", "default")?.subsets).toHaveLength(1);
    const result = cluster.replace({ apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { type: "ExternalName", externalName: "db.example.com", selector: { app: "web" } } });
    expect(result.ok ? "ok" : result.error.message).toBe("ok");
    expect(cluster.get("Endpoints", "web", "default")).toBeUndefined();
    expect(slicesOf(cluster, "web")).toEqual([]);
  });

  test("hand-edited Endpoints of a selector Service are put back by the controller", () => {
    const cluster = Cluster.create();
    cluster.apply(pod("a", { app: "web" }));
    cluster.apply(svc({ selector: { app: "web" } }));
    const ip = cluster.get("Pod", "a", "default")!.status!.podIP!;
    cluster.replace({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web" }, subsets: [{ addresses: [{ ip: "192.0.2.99" }], ports: [{ port: 80 }] }] });
    expect(cluster.get("Endpoints", "web", "default")?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual([ip]);
  });
});
