import { describe, expect, test } from "vitest";
import { buildDesiredSlices, MAX_ENDPOINTS_PER_SLICE } from "@/lib/sim/controllers/endpoint-slice-controller";
import { makeNode, makePod, makeService } from "./objects";

describe("EndpointSlice controller (staging/src/k8s.io/endpointslice reconciler.go, utils.go podToEndpoint)", () => {
  test.each([
    { label: "ready pod", pod: { ready: true }, service: {}, conditions: { ready: true, serving: true, terminating: false } },
    { label: "not-ready pod", pod: { ready: false }, service: {}, conditions: { ready: false, serving: false, terminating: false } },
    { label: "terminating ready pod", pod: { ready: true, terminating: true }, service: {}, conditions: { ready: false, serving: true, terminating: true } },
    { label: "terminating not-ready pod", pod: { ready: false, terminating: true }, service: {}, conditions: { ready: false, serving: false, terminating: true } },
    { label: "not-ready pod with publishNotReadyAddresses", pod: { ready: false }, service: { publishNotReadyAddresses: true }, conditions: { ready: true, serving: true, terminating: false } },
  ])("$label → conditions", ({ pod, service, conditions }) => {
    const [slice] = buildDesiredSlices(makeService("web", service), [makePod("a", { ip: "10.244.1.2", ...pod })], [makeNode("worker-1", { "topology.kubernetes.io/zone": "zone-a" })]);
    expect(slice.endpoints).toEqual([
      { addresses: ["10.244.1.2"], conditions, targetRef: { kind: "Pod", namespace: "default", name: "a", uid: "uid-a" }, nodeName: "worker-1", zone: "zone-a" },
    ]);
    expect(slice.ports).toEqual([{ name: "", port: 8080, protocol: "TCP" }]);
  });

  test("a Service with no endpoints gets one placeholder slice without ports", () => {
    expect(buildDesiredSlices(makeService("web"), [], [])).toEqual([{ ports: [], endpoints: [] }]);
  });

  test("endpoints that resolve a named port differently go to different slices", () => {
    const service = makeService("web", { ports: [{ name: "http", port: 80, targetPort: "web" }] });
    const slices = buildDesiredSlices(service, [
      makePod("a", { ip: "10.244.1.2", ports: [{ name: "web", containerPort: 8080 }] }),
      makePod("b", { ip: "10.244.1.3", ports: [{ name: "web", containerPort: 9090 }] }),
    ], []);
    expect(slices.map((s) => [s.ports.map((p) => p.port), s.endpoints.map((e) => e.addresses[0])])).toEqual([
      [[8080], ["10.244.1.2"]],
      [[9090], ["10.244.1.3"]],
    ]);
  });

  test(`slices hold at most ${MAX_ENDPOINTS_PER_SLICE} endpoints`, () => {
    const pods = Array.from({ length: 250 }, (_, i) => makePod(`p${i}`, { ip: `10.244.${1 + Math.floor(i / 200)}.${(i % 200) + 2}` }));
    expect(buildDesiredSlices(makeService("web"), pods, []).map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });
});
