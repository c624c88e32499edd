import { describe, expect, test } from "vitest";
import { buildEndpointSubsets } from "@/lib/sim/controllers/endpoints-controller";
import { hasManagedEndpoints } from "@/lib/sim/controllers/service-selection";
import { makePod, makeService } from "./objects";

type Flat = { ip: string; port: number | null; ready: boolean };

/** Flattens subsets to (address, port, ready) triples, order-insensitive, for table assertions. */
function flatten(subsets: ReturnType<typeof buildEndpointSubsets>): string[] {
  const out: Flat[] = [];
  for (const s of subsets) {
    const ports = s.ports && s.ports.length > 0 ? s.ports.map((p) => p.port) : [null];
    for (const a of s.addresses ?? []) for (const port of ports) out.push({ ip: a.ip, port, ready: true });
    for (const a of s.notReadyAddresses ?? []) for (const port of ports) out.push({ ip: a.ip, port, ready: false });
  }
  return out.map((f) => `${f.ready ? "ready" : "notReady"} ${f.ip}:${f.port}`).sort();
}

const webPort = [{ name: "web", containerPort: 8080 }];

describe("Endpoints controller (pkg/controller/endpoint/endpoints_controller.go)", () => {
  test.each([
    {
      label: "ready pods become addresses",
      service: makeService("web"),
      pods: [makePod("a", { ip: "10.244.1.2" }), makePod("b", { ip: "10.244.2.2" })],
      expected: ["ready 10.244.1.2:8080", "ready 10.244.2.2:8080"],
    },
    {
      label: "not-ready pods become notReadyAddresses",
      service: makeService("web"),
      pods: [makePod("a", { ip: "10.244.1.2" }), makePod("b", { ip: "10.244.2.2", ready: false })],
      expected: ["notReady 10.244.2.2:8080", "ready 10.244.1.2:8080"],
    },
    {
      label: "terminating pods are left out",
      service: makeService("web"),
      pods: [makePod("a", { ip: "10.244.1.2" }), makePod("b", { ip: "10.244.2.2", terminating: true })],
      expected: ["ready 10.244.1.2:8080"],
    },
    {
      label: "publishNotReadyAddresses lists not-ready and terminating pods as ready",
      service: makeService("web", { publishNotReadyAddresses: true }),
      pods: [makePod("a", { ip: "10.244.1.2", ready: false }), makePod("b", { ip: "10.244.2.2", terminating: true })],
      expected: ["ready 10.244.1.2:8080", "ready 10.244.2.2:8080"],
    },
    {
      label: "pods without an IP, and finished pods, are left out",
      service: makeService("web"),
      pods: [makePod("a"), makePod("b", { ip: "10.244.2.2", phase: "Succeeded" }), makePod("c", { ip: "10.244.2.3", phase: "Failed" })],
      expected: [],
    },
    {
      label: "pods in another namespace are not selected",
      service: makeService("web"),
      pods: [makePod("a", { ip: "10.244.1.2", namespace: "other" })],
      expected: [],
    },
    {
      label: "labels that do not match are not selected",
      service: makeService("web"),
      pods: [makePod("a", { ip: "10.244.1.2", labels: { app: "api" } })],
      expected: [],
    },
    {
      label: "a named targetPort resolves per pod",
      service: makeService("web", { ports: [{ port: 80, targetPort: "web" }] }),
      pods: [makePod("a", { ip: "10.244.1.2", ports: webPort }), makePod("b", { ip: "10.244.2.2", ports: [{ name: "web", containerPort: 9090 }] })],
      expected: ["ready 10.244.1.2:8080", "ready 10.244.2.2:9090"],
    },
    {
      label: "a pod lacking the named port is left out for that port",
      service: makeService("web", { ports: [{ port: 80, targetPort: "web" }] }),
      pods: [makePod("a", { ip: "10.244.1.2", ports: webPort }), makePod("b", { ip: "10.244.2.2", ports: [{ name: "http", containerPort: 80 }] })],
      expected: ["ready 10.244.1.2:8080"],
    },
    {
      label: "a named port must match the protocol too",
      service: makeService("dns", { selector: { app: "web" }, ports: [{ port: 53, targetPort: "dns", protocol: "UDP" }] }),
      pods: [makePod("a", { ip: "10.244.1.2", ports: [{ name: "dns", containerPort: 53, protocol: "TCP" }] })],
      expected: [],
    },
    {
      label: "a quoted number is a port name, as intstr decodes it",
      service: makeService("web", { ports: [{ port: 80, targetPort: "8080" }] }),
      pods: [makePod("a", { ip: "10.244.1.2", ports: webPort })],
      expected: [],
    },
    {
      label: "a headless Service without ports still lists its pods",
      service: makeService("db", { clusterIP: "None", ports: [] }),
      pods: [makePod("a", { ip: "10.244.1.2" })],
      expected: ["ready 10.244.1.2:null"],
    },
  ])("$label", ({ service, pods, expected }) => {
    expect(flatten(buildEndpointSubsets(service, pods))).toEqual(expected);
  });

  test("addresses offering the same ports share one subset; different resolved ports split subsets (RepackSubsets)", () => {
    const service = makeService("web", { ports: [{ name: "http", port: 80, targetPort: "web" }, { name: "metrics", port: 9100, targetPort: 9100 }] });
    const subsets = buildEndpointSubsets(service, [
      makePod("a", { ip: "10.244.1.2", ports: webPort }),
      makePod("b", { ip: "10.244.1.3", ports: webPort }),
      makePod("c", { ip: "10.244.2.2", ports: [{ name: "web", containerPort: 9090 }] }),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [
          { ip: "10.244.1.2", nodeName: "worker-1", targetRef: { kind: "Pod", namespace: "default", name: "a", uid: "uid-a" } },
          { ip: "10.244.1.3", nodeName: "worker-1", targetRef: { kind: "Pod", namespace: "default", name: "b", uid: "uid-b" } },
        ],
        ports: [{ name: "http", port: 8080, protocol: "TCP" }],
      },
      {
        addresses: [
          { ip: "10.244.1.2", nodeName: "worker-1", targetRef: { kind: "Pod", namespace: "default", name: "a", uid: "uid-a" } },
          { ip: "10.244.1.3", nodeName: "worker-1", targetRef: { kind: "Pod", namespace: "default", name: "b", uid: "uid-b" } },
          { ip: "10.244.2.2", nodeName: "worker-1", targetRef: { kind: "Pod", namespace: "default", name: "c", uid: "uid-c" } },
        ],
        ports: [{ name: "metrics", port: 9100, protocol: "TCP" }],
      },
      {
        addresses: [{ ip: "10.244.2.2", nodeName: "worker-1", targetRef: { kind: "Pod", namespace: "default", name: "c", uid: "uid-c" } }],
        ports: [{ name: "http", port: 9090, protocol: "TCP" }],
      },
    ]);
  });

  test("a pod whose hostname and subdomain name the Service carries its hostname", () => {
    const [subset] = buildEndpointSubsets(makeService("db", { clusterIP: "None" }), [makePod("a", { ip: "10.244.1.2", hostname: "db-0", subdomain: "db" })]);
    expect(subset.addresses?.[0].hostname).toBe("db-0");
  });

  test.each([
    { label: "with a selector", service: makeService("web"), managed: true },
    { label: "without a selector", service: makeService("web", { selector: null }), managed: false },
    { label: "with an empty selector", service: makeService("web", { selector: {} }), managed: false },
    { label: "ExternalName", service: makeService("web", { type: "ExternalName" }), managed: false },
  ])("Service $label: endpoints managed by the controller = $managed", ({ service, managed }) => {
    expect(hasManagedEndpoints(service)).toBe(managed);
  });
});
