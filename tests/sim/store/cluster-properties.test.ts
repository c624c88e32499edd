import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Cluster } from "@/lib/sim/store/cluster";
import { KINDS, type Kind } from "@/lib/sim/objects/kinds";
import type { ManifestObject } from "@/lib/sim/objects/meta";
import { isPodReady } from "@/lib/sim/controllers/pod-readiness";
import { hasManagedEndpoints } from "@/lib/sim/controllers/service-selection";
import { matchMapSelector } from "@/lib/sim/selectors/label-selector";

const names = fc.constantFrom("web", "api", "db");
const namespaces = fc.constantFrom("default", "shop");
const apps = fc.constantFrom("web", "api", "db");

const deploymentArb = fc.record({ name: names, ns: namespaces, replicas: fc.integer({ min: -1, max: 4 }), image: fc.constantFrom("nginx:1.26", "nginx:1.27", "busybox"), app: apps }).map(
  ({ name, ns, replicas, image, app }): ManifestObject => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: { replicas, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: "c", image, ports: [{ name: "http", containerPort: 80 }] }] } } },
  }),
);

const serviceArb = fc
  .record({
    name: names,
    ns: namespaces,
    app: fc.option(apps),
    type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Bogus"),
    targetPort: fc.constantFrom<number | string>(80, 8080, "http", "missing"),
    nodePort: fc.option(fc.constantFrom(30080, 30081, 29999)),
    clusterIP: fc.option(fc.constantFrom("10.96.0.50", "10.96.0.10", "None", "1.2.3.4")),
    publishNotReady: fc.boolean(),
  })
  .map(({ name, ns, app, type, targetPort, nodePort, clusterIP, publishNotReady }): ManifestObject => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns },
    spec: {
      type,
      ...(type === "ExternalName" ? { externalName: "example.com" } : {}),
      ...(app ? { selector: { app } } : {}),
      ...(clusterIP ? { clusterIP } : {}),
      ...(publishNotReady ? { publishNotReadyAddresses: true } : {}),
      ports: [{ port: 80, targetPort, ...(nodePort ? { nodePort } : {}) }],
    },
  }));

const podArb = fc.record({ name: names, ns: namespaces, app: apps, probe: fc.boolean(), hostNetwork: fc.boolean() }).map(
  ({ name, ns, app, probe, hostNetwork }): ManifestObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `pod-${name}`, namespace: ns, labels: { app } },
    spec: {
      hostNetwork,
      containers: [{ name: "c", image: "nginx:1.27", ports: [{ name: "http", containerPort: 80 }], ...(probe ? { readinessProbe: { tcpSocket: { port: 9999 } } } : {}) }],
    },
  }),
);

type Op =
  | { op: "apply" | "create" | "replace"; object: ManifestObject }
  | { op: "delete"; kind: Kind; name: string; ns: string }
  | { op: "label"; name: string; ns: string; app: string; overwrite: boolean }
  | { op: "scale"; name: string; ns: string; replicas: number }
  | { op: "text"; text: string }
  | { op: "expose"; name: string; ns: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom("apply" as const, "create" as const, "replace" as const), object: fc.oneof(deploymentArb, serviceArb, podArb, fc.constant<ManifestObject>({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } })) }),
  fc.record({ op: fc.constant("delete" as const), kind: fc.constantFrom<Kind>("Deployment", "Service", "Pod", "Namespace", "ReplicaSet", "Endpoints"), name: fc.oneof(names, names.map((n) => `pod-${n}`), fc.constant("shop")), ns: namespaces }),
  fc.record({ op: fc.constant("label" as const), name: names.map((n) => `pod-${n}`), ns: namespaces, app: apps, overwrite: fc.boolean() }),
  fc.record({ op: fc.constant("scale" as const), name: names, ns: namespaces, replicas: fc.integer({ min: -1, max: 5 }) }),
  fc.record({ op: fc.constant("text" as const), text: fc.oneof(fc.string(), fc.constant("kind: Service\napiVersion: v1\nmetadata: {name: x}\nspec: {ports: [{port: 99999}]}")) }),
  fc.record({ op: fc.constant("expose" as const), name: names, ns: namespaces }),
);

function run(cluster: Cluster, op: Op): boolean {
  switch (op.op) {
    case "apply":
      return cluster.apply(op.object).ok;
    case "create":
      return cluster.create(op.object).ok;
    case "replace":
      return cluster.replace(op.object).ok;
    case "delete":
      return cluster.delete(op.kind, op.name, op.ns).ok;
    case "label":
      return cluster.label("Pod", op.name, op.ns, { app: op.app }, { overwrite: op.overwrite }).ok;
    case "scale":
      return cluster.scale("Deployment", op.name, op.ns, op.replicas).ok;
    case "text":
      return cluster.applyText(op.text).documents.every((d) => d.result.ok);
    case "expose":
      return cluster.expose("Deployment", op.name, op.ns, { name: `${op.name}-exposed`, type: "NodePort" }).ok;
  }
}

function snapshot(cluster: Cluster): string {
  return JSON.stringify(KINDS.map((k) => cluster.list(k)));
}

/** The store's invariants: what a learner can rely on whatever they typed before. */
function checkConsistency(cluster: Cluster): void {
  const pods = cluster.list("Pod");
  const podIPs = pods.filter((p) => !p.spec?.hostNetwork && p.status?.podIP).map((p) => p.status!.podIP!);
  expect(new Set(podIPs).size).toBe(podIPs.length);
  const uids = KINDS.flatMap((k) => cluster.list(k).map((o) => o.metadata.uid));
  expect(new Set(uids).size).toBe(uids.length);
  const services = cluster.list("Service");
  const clusterIPs = services.map((s) => s.spec?.clusterIP).filter((ip) => ip && ip !== "None");
  expect(new Set(clusterIPs).size).toBe(clusterIPs.length);
  const nodePorts = services.flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort).filter(Boolean));
  expect(new Set(nodePorts).size).toBe(nodePorts.length);
  for (const service of services) {
    if (!hasManagedEndpoints(service)) continue;
    const endpoints = cluster.get("Endpoints", service.metadata.name, service.metadata.namespace)!;
    expect(endpoints).toBeDefined();
    for (const subset of endpoints.subsets ?? []) {
      for (const address of subset.addresses ?? []) {
        const pod = pods.find((p) => p.metadata.uid === address.targetRef?.uid)!;
        expect(pod).toBeDefined();
        expect(pod.metadata.namespace).toBe(service.metadata.namespace);
        expect(matchMapSelector(service.spec!.selector!, pod.metadata.labels)).toBe(true);
        expect(pod.status?.podIP).toBe(address.ip);
        if (!service.spec?.publishNotReadyAddresses) expect(isPodReady(pod)).toBe(true);
      }
    }
  }
  for (const kind of KINDS) {
    for (const object of cluster.list(kind)) {
      for (const ref of object.metadata.ownerReferences ?? []) expect(KINDS.some((k) => cluster.list(k).some((o) => o.metadata.uid === ref.uid))).toBe(true);
    }
  }
}

describe("Cluster properties (fast-check)", () => {
  test("arbitrary writes never throw, failed writes change nothing, and the store stays consistent", () => {
    const base = Cluster.create();
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 14 }), (ops) => {
        const cluster = base.clone();
        for (const op of ops) {
          const before = snapshot(cluster);
          const ok = run(cluster, op);
          if (!ok && op.op !== "text") expect(snapshot(cluster)).toBe(before);
          checkConsistency(cluster);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("determinism: the same writes give byte-identical objects and events", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 10 }), (ops) => {
        const a = Cluster.create();
        const b = Cluster.create();
        for (const op of ops) {
          run(a, op);
          run(b, op);
        }
        expect(snapshot(a)).toBe(snapshot(b));
        expect(JSON.stringify(a.events())).toBe(JSON.stringify(b.events()));
      }),
      { numRuns: 15 },
    );
  });

  test("clone: a copy evolves like a fresh cluster and never touches the original", () => {
    const original = Cluster.create();
    original.apply({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } } });
    const before = snapshot(original);
    const copy = original.clone();
    const twin = original.clone();
    copy.scale("Deployment", "web", "default", 5);
    twin.scale("Deployment", "web", "default", 5);
    expect(snapshot(original)).toBe(before);
    expect(snapshot(copy)).toBe(snapshot(twin));
    expect(copy.list("Pod", "default")).toHaveLength(5);
  });

  test("clone: writes and deletions on either side after a clone stay on that side", () => {
    const original = Cluster.create();
    original.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "shared" }, data: { v: "1" } });
    original.list("ConfigMap", "default");
    const copy = original.clone();
    const copyBefore = snapshot(copy);
    original.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "shared" }, data: { v: "2" } });
    original.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "only-original" } });
    expect(snapshot(copy)).toBe(copyBefore);
    expect(copy.get("ConfigMap", "shared", "default")?.data).toEqual({ v: "1" });
    expect(copy.get("ConfigMap", "only-original", "default")).toBeUndefined();
    const originalBefore = snapshot(original);
    expect(copy.delete("ConfigMap", "shared", "default").ok).toBe(true);
    expect(copy.list("ConfigMap", "default").map((c) => c.metadata.name)).not.toContain("shared");
    expect(snapshot(original)).toBe(originalBefore);
    expect(original.get("ConfigMap", "shared", "default")?.data).toEqual({ v: "2" });
  });

  test("the clock only moves when advanced", () => {
    const cluster = Cluster.create();
    expect(cluster.now().toISOString()).toBe("2025-05-01T09:00:00.000Z");
    cluster.advance(90_000);
    cluster.apply({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "late" } });
    expect(cluster.get("ConfigMap", "late", "default")?.metadata.creationTimestamp).toBe("2025-05-01T09:01:30Z");
  });
});
