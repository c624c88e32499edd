import { describe, expect, test } from "vitest";
import { allocateServiceAddresses, patchAllocatedValues, releaseServiceAddresses, type ServiceAllocators } from "@/lib/sim/alloc/allocate-service-addresses";
import { ClusterIPAllocator } from "@/lib/sim/alloc/cluster-ip-allocator";
import { NodePortAllocator } from "@/lib/sim/alloc/node-port-allocator";
import { SeededRandom } from "@/lib/sim/alloc/seeded-random";
import { invalidStatusError } from "@/lib/sim/validation/format-field-error";
import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";

const allocators = (): ServiceAllocators => ({
  clusterIPs: new ClusterIPAllocator("10.96.0.0/12", new SeededRandom(1)),
  nodePorts: new NodePortAllocator([30000, 32767], new SeededRandom(2)),
});

const svc = (spec: IServiceSpec) => ({ spec: { ports: [{ port: 80, protocol: "TCP" as const }], ...spec } });

function message(result: ReturnType<typeof allocateServiceAddresses>): string {
  return result.ok ? "ok" : invalidStatusError("Service", "web", result.error).message;
}

describe("allocateServiceAddresses (pkg/registry/core/service/storage/alloc.go)", () => {
  test("a requested ClusterIP that is taken fails with the API server's message", () => {
    const a = allocators();
    expect(allocateServiceAddresses(svc({ clusterIP: "10.96.0.5" }), undefined, a).ok).toBe(true);
    expect(message(allocateServiceAddresses(svc({ clusterIP: "10.96.0.5" }), undefined, a))).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.5"}: failed to allocate IP 10.96.0.5: provided IP is already allocated',
    );
  });

  test("a requested ClusterIP outside the service CIDR", () => {
    expect(message(allocateServiceAddresses(svc({ clusterIP: "10.0.0.5" }), undefined, allocators()))).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  test.each([
    { label: "ClusterIP gets an address and family fields", spec: {}, check: (s: IServiceSpec) => s.clusterIP !== undefined && s.clusterIPs?.[0] === s.clusterIP && s.ipFamilies?.[0] === "IPv4" && s.ipFamilyPolicy === "SingleStack" },
    { label: "headless keeps None", spec: { clusterIP: "None" }, check: (s: IServiceSpec) => s.clusterIP === "None" && s.clusterIPs?.[0] === "None" },
    { label: "ExternalName gets no address", spec: { type: "ExternalName", externalName: "db.example.com" }, check: (s: IServiceSpec) => s.clusterIP === undefined && s.ipFamilies === undefined },
    { label: "NodePort gets a node port in range", spec: { type: "NodePort" }, check: (s: IServiceSpec) => (s.ports?.[0].nodePort ?? 0) >= 30000 && (s.ports?.[0].nodePort ?? 0) <= 32767 },
    { label: "LoadBalancer gets a node port", spec: { type: "LoadBalancer" }, check: (s: IServiceSpec) => (s.ports?.[0].nodePort ?? 0) >= 30000 },
    { label: "LoadBalancer without node ports", spec: { type: "LoadBalancer", allocateLoadBalancerNodePorts: false }, check: (s: IServiceSpec) => s.ports?.[0].nodePort === undefined },
    { label: "Local traffic policy gets a health-check node port", spec: { type: "LoadBalancer", externalTrafficPolicy: "Local" }, check: (s: IServiceSpec) => (s.healthCheckNodePort ?? 0) >= 30000 },
  ])("$label", ({ spec, check }) => {
    const result = allocateServiceAddresses(svc(spec as IServiceSpec), undefined, allocators());
    expect(result.ok).toBe(true);
    if (result.ok) expect(check(result.value.spec)).toBe(true);
  });

  test("a requested NodePort that is taken fails on its field, and nothing stays allocated", () => {
    const a = allocators();
    expect(allocateServiceAddresses(svc({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }), undefined, a).ok).toBe(true);
    const before = a.clusterIPs.allocateNext();
    a.clusterIPs.release((before as { value: string }).value);
    const failed = allocateServiceAddresses(svc({ type: "NodePort", ports: [{ port: 80, nodePort: 30081 }, { port: 81, nodePort: 30080 }] }), undefined, a);
    expect(message(failed)).toBe('The Service "web" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated');
    expect(a.nodePorts.has(30081)).toBe(false);
  });

  test("changing type from NodePort to ClusterIP frees the node port; deletion frees the ClusterIP", () => {
    const a = allocators();
    const first = allocateServiceAddresses(svc({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }), undefined, a);
    if (!first.ok) throw new Error("allocation failed");
    const next = allocateServiceAddresses({ spec: { ...first.value.spec, type: "ClusterIP", ports: [{ port: 80 }] } }, first.value, a);
    expect(next.ok).toBe(true);
    expect(a.nodePorts.has(30080)).toBe(false);
    expect(a.clusterIPs.has(first.value.spec.clusterIP!)).toBe(true);
    if (next.ok) releaseServiceAddresses(next.value, a);
    expect(a.clusterIPs.has(first.value.spec.clusterIP!)).toBe(false);
  });

  test("an update without clusterIP or nodePort keeps the allocated ones (patchAllocatedValues)", () => {
    const old = { spec: { type: "NodePort" as const, clusterIP: "10.96.5.5", clusterIPs: ["10.96.5.5"], ports: [{ port: 80, protocol: "TCP" as const, nodePort: 30080 }] } };
    const patched = patchAllocatedValues<{ spec?: IServiceSpec }>({ spec: { type: "NodePort" as const, ports: [{ port: 80, protocol: "TCP" as const }] } }, old);
    expect(patched.spec?.clusterIP).toBe("10.96.5.5");
    expect(patched.spec?.ports?.[0].nodePort).toBe(30080);
  });
});
