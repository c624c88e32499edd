import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { KINDS } from "@/lib/sim/objects/kinds";
import { deployment, namespace, pod, service } from "./yaml";

/** Every stored object, for "nothing changed" assertions. */
function snapshot(cluster: Cluster): string {
  return JSON.stringify(KINDS.map((k) => cluster.list(k)));
}

function message(result: { ok: boolean; error?: { message: string } }): string {
  return result.ok ? "ok" : result.error!.message;
}

describe("create", () => {
  test.each([
    { label: "an existing object", setup: [service("web")], object: service("web"), expected: 'services "web" already exists' },
    { label: "a grouped kind", setup: [deployment("web")], object: deployment("web"), expected: 'deployments.apps "web" already exists' },
    { label: "a missing namespace", setup: [], object: service("web", {}, "shop"), expected: 'namespaces "shop" not found' },
    {
      label: "an invalid object",
      setup: [],
      object: service("web", { ports: [{ port: 80, protocol: "HTTP" }] }),
      expected: 'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    },
    {
      label: "a taken NodePort",
      setup: [service("a", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] })],
      object: service("b", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }),
      expected: 'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    },
    {
      label: "a taken ClusterIP",
      setup: [service("a", { clusterIP: "10.96.0.50" })],
      object: service("b", { clusterIP: "10.96.0.50" }),
      expected: 'The Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated',
    },
    { label: "kube-dns's address", setup: [], object: service("b", { clusterIP: "10.96.0.10" }), expected: 'The Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated' },
  ])("rejects $label and changes nothing", ({ setup, object, expected }) => {
    const cluster = Cluster.create();
    for (const o of setup) expect(message(cluster.create(o))).toBe("ok");
    const before = snapshot(cluster);
    const events = cluster.events().length;
    expect(message(cluster.create(object))).toBe(expected);
    expect(snapshot(cluster)).toBe(before);
    expect(cluster.events().length).toBe(events);
  });

  test("generateName gets a five-character suffix from the kube alphabet", () => {
    const cluster = Cluster.create();
    const result = cluster.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "cfg-" }, data: {} });
    expect(result.ok && result.value.object.metadata.name).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  test("a created Pod is scheduled off the control plane, started, and gets an IP from its node's podCIDR", () => {
    const cluster = Cluster.create();
    const result = cluster.create(pod("web", { status: { phase: "Failed" } }));
    expect(result.ok).toBe(true);
    const stored = cluster.get("Pod", "web", "default")!;
    expect(stored.spec?.nodeName).toMatch(/^worker-/);
    expect(stored.status?.phase).toBe("Running");
    const node = cluster.get("Node", stored.spec!.nodeName!)!;
    expect(stored.status?.podIP?.startsWith(node.spec!.podCIDR!.replace(/0\/24$/, ""))).toBe(true);
    expect(cluster.events().filter((e) => e.involvedObject.name === "web").map((e) => e.reason)).toEqual(["Scheduled", "Pulled", "Created", "Started"]);
  });

  test("a hostNetwork pod takes its node's IP", () => {
    const cluster = Cluster.create();
    cluster.create(pod("agent", { spec: { hostNetwork: true } }));
    const stored = cluster.get("Pod", "agent", "default")!;
    expect(stored.status?.podIP).toBe(cluster.get("Node", stored.spec!.nodeName!)!.status!.addresses![0].address);
  });

  test("a pod that cannot be scheduled stays Pending with the scheduler's message", () => {
    const cluster = Cluster.create();
    cluster.create(pod("gpu", { spec: { nodeSelector: { gpu: "true" } } }));
    const stored = cluster.get("Pod", "gpu", "default")!;
    expect(stored.status?.phase).toBe("Pending");
    expect(stored.status?.conditions?.[0]).toMatchObject({
      type: "PodScheduled",
      status: "False",
      reason: "Unschedulable",
      message:
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
  });
});

describe("apply", () => {
  test("created, then unchanged, then configured, like kubectl apply", () => {
    const cluster = Cluster.create();
    expect(cluster.apply(deployment("web")).ok && "created").toBe("created");
    const again = cluster.apply(deployment("web"));
    expect(again.ok && again.value.action).toBe("unchanged");
    const changed = cluster.apply(deployment("web", 3));
    expect(changed.ok && changed.value.action).toBe("configured");
    expect(cluster.get("Deployment", "web", "default")?.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toMatch(
      /^\{"apiVersion":"apps\/v1","kind":"Deployment","metadata":\{"annotations":\{\},"labels":\{"app":"web"\},"name":"web","namespace":"default"\},"spec":.*\}\n$/,
    );
  });

  test("applying over an object made by create warns about the missing annotation, once", () => {
    const cluster = Cluster.create();
    cluster.create(service("web"));
    const first = cluster.apply(service("web"));
    expect(first.ok && first.value.warnings).toEqual([
      "resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.",
    ]);
    expect(first.ok && first.value.action).toBe("configured");
    const second = cluster.apply(service("web"));
    expect(second.ok && second.value.warnings).toBeUndefined();
  });

  test("fields nobody applied survive (kubectl scale), fields removed from the configuration are dropped", () => {
    const cluster = Cluster.create();
    const noReplicas = deployment("web");
    delete (noReplicas.spec as { replicas?: number }).replicas;
    cluster.apply(noReplicas);
    cluster.scale("Deployment", "web", "default", 4);
    expect(cluster.apply(noReplicas).ok).toBe(true);
    expect(cluster.get("Deployment", "web", "default")?.spec?.replicas).toBe(4);
    cluster.apply({ ...noReplicas, metadata: { name: "web", labels: { app: "web", tier: "front" } } });
    cluster.apply(noReplicas);
    expect(cluster.get("Deployment", "web", "default")?.metadata.labels).toEqual({ app: "web" });
  });

  test("a pod's image changed in place restarts the container with the new image", () => {
    const cluster = Cluster.create();
    cluster.apply(pod("web"));
    const result = cluster.apply({ ...pod("web"), spec: { containers: [{ name: "app", image: "nginx:1.28", ports: [{ name: "http", containerPort: 80 }] }] } });
    expect(result.ok && result.value.action).toBe("configured");
    const status = cluster.get("Pod", "web", "default")?.status?.containerStatuses?.[0];
    expect(status).toMatchObject({ image: "docker.io/library/nginx:1.28", restartCount: 1, ready: true });
    expect(cluster.events().some((e) => e.reason === "Killing" && e.message === "Container app definition changed, will be restarted")).toBe(true);
  });

  test("re-applying a Service keeps its ClusterIP and NodePort", () => {
    const cluster = Cluster.create();
    cluster.apply(service("web", { type: "NodePort" }));
    const first = cluster.get("Service", "web", "default")!;
    const again = cluster.apply(service("web", { type: "NodePort" }));
    expect(again.ok && again.value.action).toBe("unchanged");
    expect(cluster.get("Service", "web", "default")?.spec?.clusterIP).toBe(first.spec?.clusterIP);
    expect(cluster.get("Service", "web", "default")?.spec?.ports?.[0].nodePort).toBe(first.spec?.ports?.[0].nodePort);
  });

  test("changing a Service's clusterIP is refused: the field is immutable", () => {
    const cluster = Cluster.create();
    cluster.apply(service("web", { clusterIP: "10.96.0.20" }));
    const before = snapshot(cluster);
    const result = cluster.apply(service("web", { clusterIP: "10.96.0.21" }));
    expect(result.ok).toBe(false);
    // strategy.go normalizeClusterIPs rewrites clusterIPs from the changed clusterIP; validation then refuses it.
    expect(message(result)).toBe('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.21"}: may not change once set');
    expect(snapshot(cluster)).toBe(before);
  });

  test("NodePort → ClusterIP frees the node port for another Service", () => {
    const cluster = Cluster.create();
    cluster.apply(service("a", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }));
    expect(cluster.apply(service("a", { type: "ClusterIP", ports: [{ port: 80 }] })).ok).toBe(true);
    expect(cluster.apply(service("b", { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] })).ok).toBe(true);
  });
});

describe("replace and delete", () => {
  test("replace needs the object to exist", () => {
    expect(message(Cluster.create().replace(service("web")))).toBe('services "web" not found');
  });

  test("replace with a stale resourceVersion is a Conflict", () => {
    const cluster = Cluster.create();
    cluster.create(service("web"));
    const stale = { ...service("web"), metadata: { name: "web", resourceVersion: "1" } };
    expect(message(cluster.replace(stale))).toBe('Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  test("delete: NotFound, then cascading through ownerReferences", () => {
    const cluster = Cluster.create();
    expect(message(cluster.delete("Deployment", "web", "default"))).toBe('deployments.apps "web" not found');
    cluster.create(deployment("web", 3));
    expect(cluster.list("Pod", "default")).toHaveLength(3);
    expect(cluster.delete("Deployment", "web", "default").ok).toBe(true);
    expect(cluster.list("ReplicaSet", "default")).toHaveLength(0);
    expect(cluster.list("Pod", "default")).toHaveLength(0);
    expect(cluster.events().filter((e) => e.reason === "Killing").map((e) => e.message)).toEqual(["Stopping container app", "Stopping container app", "Stopping container app"]);
  });

  test("deleting a Service removes its Endpoints and EndpointSlices and frees its ClusterIP", () => {
    const cluster = Cluster.create();
    cluster.create(service("web", { clusterIP: "10.96.0.30" }));
    expect(cluster.list("EndpointSlice", "default").some((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web")).toBe(true);
    cluster.delete("Service", "web", "default");
    expect(cluster.get("Endpoints", "web", "default")).toBeUndefined();
    expect(cluster.list("EndpointSlice", "default").some((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web")).toBe(false);
    expect(cluster.create(service("other", { clusterIP: "10.96.0.30" })).ok).toBe(true);
  });

  test.each(["default", "kube-system", "kube-public"])("the %s namespace may not be deleted", (name) => {
    expect(message(Cluster.create().delete("Namespace", name))).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
  });

  test("deleting a Node deletes its pods; their ReplicaSet replaces them on the remaining nodes", () => {
    const cluster = Cluster.create();
    cluster.create(deployment("web", 4));
    expect(cluster.delete("Node", "worker-1").ok).toBe(true);
    const pods = cluster.list("Pod", "default");
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => p.spec?.nodeName === "worker-2")).toBe(true);
  });

  test("deleting a Namespace deletes everything in it", () => {
    const cluster = Cluster.create();
    cluster.create(namespace("shop"));
    cluster.create(deployment("web", 2, "nginx", "shop"));
    cluster.create(service("web", {}, "shop"));
    expect(cluster.delete("Namespace", "shop").ok).toBe(true);
    for (const kind of ["Pod", "Service", "Endpoints", "EndpointSlice", "Deployment", "ReplicaSet"] as const) expect(cluster.list(kind, "shop")).toEqual([]);
    expect(message(cluster.create(service("web", {}, "shop")))).toBe('namespaces "shop" not found');
  });
});

describe("label, annotate, scale, expose", () => {
  test.each<{ label: string; changes: Record<string, string | null>; overwrite: boolean; expected: string; labels: Record<string, string> | undefined }>([
    { label: "new key", changes: { tier: "front" }, overwrite: false, expected: "labeled", labels: { app: "web", tier: "front" } },
    { label: "same value", changes: { app: "web" }, overwrite: false, expected: "not labeled", labels: { app: "web" } },
    { label: "different value without --overwrite", changes: { app: "api" }, overwrite: false, expected: "'app' already has a value (web), and --overwrite is false", labels: { app: "web" } },
    { label: "different value with --overwrite", changes: { app: "api" }, overwrite: true, expected: "labeled", labels: { app: "api" } },
    { label: "removal", changes: { app: null }, overwrite: false, expected: "labeled", labels: undefined },
  ])("label: $label", ({ changes, overwrite, expected, labels }) => {
    const cluster = Cluster.create();
    cluster.create(pod("web"));
    const result = cluster.label("Pod", "web", "default", changes, { overwrite });
    expect(result.ok ? result.value.action : result.error.message).toBe(expected);
    expect(cluster.get("Pod", "web", "default")?.metadata.labels).toEqual(labels);
  });

  test("relabelling a pod out of a Service's selector removes it from the Endpoints", () => {
    const cluster = Cluster.create();
    cluster.create(pod("web"));
    cluster.create(service("web", { selector: { app: "web" } }));
    expect(cluster.get("Endpoints", "web", "default")?.subsets?.[0].addresses).toHaveLength(1);
    cluster.label("Pod", "web", "default", { app: "debug" }, { overwrite: true });
    expect(cluster.get("Endpoints", "web", "default")?.subsets).toBeUndefined();
  });

  test("annotate follows the same overwrite rule", () => {
    const cluster = Cluster.create();
    cluster.create(pod("web", { metadata: { annotations: { owner: "team-a" } } }));
    expect(message(cluster.annotate("Pod", "web", "default", { owner: "team-b" }))).toBe("'owner' already has a value (team-a), and --overwrite is false");
    const result = cluster.annotate("Pod", "web", "default", { owner: "team-b" }, { overwrite: true });
    expect(result.ok && result.value.action).toBe("annotated");
  });

  test("scale up and down; negative counts are refused", () => {
    const cluster = Cluster.create();
    cluster.create(deployment("web", 2));
    cluster.scale("Deployment", "web", "default", 5);
    expect(cluster.list("Pod", "default")).toHaveLength(5);
    cluster.scale("Deployment", "web", "default", 1);
    expect(cluster.list("Pod", "default")).toHaveLength(1);
    expect(cluster.get("Deployment", "web", "default")?.status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1 });
    expect(message(cluster.scale("Deployment", "web", "default", -1))).toBe("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    expect(cluster.events().filter((e) => e.reason === "ScalingReplicaSet" && e.involvedObject.name === "web").map((e) => e.message.replace(/web-\w+/, "web-HASH"))).toEqual([
      "Scaled up replica set web-HASH to 2 from 0",
      "Scaled up replica set web-HASH to 5 from 2",
      "Scaled down replica set web-HASH to 1 from 5",
    ]);
  });

  test("expose a Deployment: selector from matchLabels, port from the container, targetPort = port", () => {
    const cluster = Cluster.create();
    cluster.create(deployment("web", 2));
    const result = cluster.expose("Deployment", "web", "default", { port: 8080, targetPort: 80, type: "NodePort" });
    expect(result.ok && result.value.action).toBe("exposed");
    const svc = cluster.get("Service", "web", "default")!;
    expect(svc.spec?.selector).toEqual({ app: "web" });
    expect(svc.spec?.ports?.[0]).toMatchObject({ port: 8080, targetPort: 80, protocol: "TCP" });
    expect(cluster.get("Endpoints", "web", "default")?.subsets?.[0].addresses).toHaveLength(2);
    const introspected = cluster.expose("Deployment", "web", "default", { name: "web2" });
    expect(introspected.ok).toBe(true);
    expect(cluster.get("Service", "web2", "default")?.spec?.ports?.[0]).toMatchObject({ port: 80, targetPort: 80 });
  });

  test("expose a Pod without labels fails as kubectl does", () => {
    const cluster = Cluster.create();
    cluster.create(pod("bare", { labels: {} }));
    expect(message(cluster.expose("Pod", "bare", "default", { port: 80 }))).toBe("couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed");
  });
});

describe("Deployment rollout", () => {
  test("a changed template makes a new ReplicaSet and scales the old one to 0", () => {
    const cluster = Cluster.create();
    cluster.apply(deployment("web", 2, "nginx:1.26"));
    const [oldRs] = cluster.list("ReplicaSet", "default");
    expect(oldRs.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(oldRs.metadata.labels?.["pod-template-hash"]).toBe(oldRs.metadata.name.slice(4));
    cluster.apply(deployment("web", 2, "nginx:1.27"));
    const sets = cluster.list("ReplicaSet", "default");
    expect(sets).toHaveLength(2);
    const current = sets.find((rs) => rs.metadata.uid !== oldRs.metadata.uid)!;
    expect(cluster.get("ReplicaSet", oldRs.metadata.name, "default")?.spec?.replicas).toBe(0);
    expect(current.spec?.replicas).toBe(2);
    expect(current.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    const pods = cluster.list("Pod", "default");
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^${current.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });

  test("a bare pod the selector matches is adopted, so the Deployment keeps its replica count", () => {
    const cluster = Cluster.create();
    cluster.create(deployment("web", 2));
    const rs = cluster.list("ReplicaSet", "default")[0];
    cluster.create(pod("stray", { labels: { ...rs.spec!.selector.matchLabels! } }));
    expect(cluster.list("Pod", "default")).toHaveLength(2);
  });
});

describe("applyText", () => {
  test("each document gets its own result; a bad one does not stop the others", () => {
    const cluster = Cluster.create();
    const text = [
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  ports:\n  - port: 80\n    protocol: HTTP",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c",
    ].join("\n---\n");
    const result = cluster.applyText(text, { file: "app.yaml" });
    expect(result.documents.map((d) => (d.result.ok ? d.result.value.action : d.result.error.message))).toEqual([
      "created",
      'The Service "b" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      "created",
    ]);
    const b = result.documents[1].result;
    expect(!b.ok && b.error.causes?.[0].position).toEqual({ line: 16, column: 15 });
    expect(cluster.sourceOf(cluster.get("Service", "a", "default")!)?.file).toBe("app.yaml");
  });

  test("a namespace in the text that differs from -n is refused, as kubectl does", () => {
    const result = Cluster.create().applyText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: prod\n", { namespace: "dev" });
    const [doc] = result.documents;
    expect(doc.result.ok ? "" : doc.result.error.message).toBe(
      `the namespace from the provided object "prod" does not match the namespace "dev". You must pass '--namespace=prod' to perform this operation.`,
    );
  });

  test("an empty text reports no objects", () => {
    expect(Cluster.create().applyText("# nothing\n").errors.map((e) => e.message)).toEqual(["no objects passed to apply"]);
  });
});
