import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import type { ManifestObject } from "@/lib/sim/objects/meta";

const ingress = (annotations: Record<string, string>, extra: Record<string, unknown> = {}): ManifestObject => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: "web", annotations },
  spec: {
    ingressClassName: "nginx",
    tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
    rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
    ...extra,
  },
});

const clusterIssuer: ManifestObject = {
  apiVersion: "cert-manager.io/v1",
  kind: "ClusterIssuer",
  metadata: { name: "letsencrypt" },
  spec: { acme: { server: "https://acme-v02.api.letsencrypt.org/directory", email: "ops@example.com", privateKeySecretRef: { name: "letsencrypt-account" }, solvers: [{ http01: { ingress: { ingressClassName: "nginx" } } }] } },
};

describe("LoadBalancer status (cloud service controller)", () => {
  test("a LoadBalancer Service gets the next pool address; switching to ClusterIP releases it", () => {
    const cluster = Cluster.create();
    const svc = (type: string): ManifestObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "lb" }, spec: { type, selector: { app: "x" }, ports: [{ port: 80 }] } });
    cluster.apply(svc("LoadBalancer"));
    expect(cluster.get("Service", "lb", "default")?.status?.loadBalancer?.ingress).toEqual([{ ip: "203.0.113.1", ipMode: "VIP" }]);
    cluster.apply(svc("ClusterIP"));
    expect(cluster.get("Service", "lb", "default")?.status?.loadBalancer).toEqual({});
    cluster.apply({ ...svc("LoadBalancer"), metadata: { name: "other" } });
    expect(cluster.get("Service", "other", "default")?.status?.loadBalancer?.ingress?.[0].ip).toBe("203.0.113.1");
  });
});

describe("Ingress status (ingress-nginx --publish-service)", () => {
  test.each<{ label: string; addons: readonly "ingress-nginx"[]; spec: Record<string, unknown>; annotations: Record<string, string>; published: boolean }>([
    { label: "class nginx", addons: ["ingress-nginx"] as const, spec: {}, annotations: {}, published: true },
    { label: "legacy class annotation", addons: ["ingress-nginx"] as const, spec: { ingressClassName: undefined }, annotations: { "kubernetes.io/ingress.class": "nginx" }, published: true },
    { label: "another class", addons: ["ingress-nginx"] as const, spec: { ingressClassName: "traefik" }, annotations: {}, published: false },
    { label: "no controller installed", addons: [] as const, spec: {}, annotations: {}, published: false },
  ])("$label → address published: $published", ({ addons, spec, annotations, published }) => {
    const cluster = Cluster.create({ addons: ["coredns", ...addons] });
    expect(cluster.apply(ingress(annotations, spec)).ok).toBe(true);
    const lb = cluster.get("Service", "ingress-nginx-controller", "ingress-nginx")?.status?.loadBalancer?.ingress?.[0]?.ip;
    const status = cluster.get("Ingress", "web", "default")?.status?.loadBalancer?.ingress ?? [];
    expect(status).toEqual(published ? [{ ip: lb }] : []);
  });

  test("the DefaultIngressClass admission fills ingressClassName from the default class", () => {
    const cluster = Cluster.create({ addons: ["coredns", "ingress-nginx"] });
    cluster.annotate("IngressClass", "nginx", undefined, { "ingressclass.kubernetes.io/is-default-class": "true" });
    cluster.apply(ingress({}, { ingressClassName: undefined }));
    expect(cluster.get("Ingress", "web", "default")?.spec?.ingressClassName).toBe("nginx");
  });
});

describe("cert-manager ingress-shim", () => {
  test("cert-manager.io kinds need cert-manager installed", () => {
    const result = Cluster.create().apply(clusterIssuer);
    expect(result.ok ? "" : result.error.message).toMatch(/no matches for kind "ClusterIssuer" in version "cert-manager.io\/v1"/);
  });

  test("with the issuer: a Certificate per secretName, Ready, and a kubernetes.io/tls Secret with simulated PEM", () => {
    const cluster = Cluster.create({ addons: ["coredns", "ingress-nginx", "cert-manager"] });
    cluster.apply(clusterIssuer);
    cluster.apply(ingress({ "cert-manager.io/cluster-issuer": "letsencrypt" }));
    const cert = cluster.get("Certificate", "shop-tls", "default")!;
    expect(cert.spec).toMatchObject({ secretName: "shop-tls", dnsNames: ["shop.example.com"], issuerRef: { kind: "ClusterIssuer", name: "letsencrypt", group: "cert-manager.io" } });
    expect(cert.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Ingress", name: "web", controller: true });
    expect(cert.status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "True", reason: "Ready", message: "Certificate is up to date and has not expired" });
    const secret = cluster.get("Secret", "shop-tls", "default")!;
    expect(secret.type).toBe("kubernetes.io/tls");
    const pem = atob(secret.data!["tls.crt"]);
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(atob(pem.split("\n")[1] + pem.split("\n")[2])).toContain("SIMULATED CERTIFICATE for shop.example.com");
  });

  test("without the issuer: the Certificate stays not Ready and the reason is reported", () => {
    const cluster = Cluster.create({ addons: ["coredns", "ingress-nginx", "cert-manager"] });
    cluster.apply(ingress({ "cert-manager.io/cluster-issuer": "letsencrypt-prod" }));
    const cert = cluster.get("Certificate", "shop-tls", "default")!;
    expect(cert.status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "DoesNotExist", message: "Issuing certificate as Secret does not exist" });
    expect(cluster.get("Secret", "shop-tls", "default")).toBeUndefined();
    expect(cluster.events().find((e) => e.involvedObject.kind === "Certificate")?.message).toBe('Referenced "ClusterIssuer" not found: clusterissuer.cert-manager.io "letsencrypt-prod" not found');
    cluster.apply({ ...clusterIssuer, metadata: { name: "letsencrypt-prod" } });
    expect(cluster.get("Secret", "shop-tls", "default")?.type).toBe("kubernetes.io/tls");
  });

  test("deleting the Ingress collects its Certificate but keeps the Secret, as cert-manager does by default", () => {
    const cluster = Cluster.create({ addons: ["coredns", "ingress-nginx", "cert-manager"] });
    cluster.apply(clusterIssuer);
    cluster.apply(ingress({ "cert-manager.io/cluster-issuer": "letsencrypt" }));
    cluster.delete("Ingress", "web", "default");
    expect(cluster.get("Certificate", "shop-tls", "default")).toBeUndefined();
    expect(cluster.get("Secret", "shop-tls", "default")).toBeDefined();
  });
});

describe("scheduler", () => {
  test("pods spread over the workers, never onto the tainted control plane", () => {
    const cluster = Cluster.create();
    cluster.apply({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
    });
    const nodes = cluster.list("Pod", "default").map((p) => p.spec?.nodeName).sort();
    expect(nodes).toEqual(["worker-1", "worker-1", "worker-2", "worker-2"]);
  });

  test.each([
    { label: "a node that never reported Ready", node: { apiVersion: "v1", kind: "Node", metadata: { name: "worker-3" } } },
    { label: "a cordoned node", node: { apiVersion: "v1", kind: "Node", metadata: { name: "worker-3" }, spec: { unschedulable: true }, status: { conditions: [{ type: "Ready", status: "True" }] } } },
  ])("$label gets no new pods", ({ node }) => {
    const cluster = Cluster.create();
    expect(cluster.load([node]).every((r) => r.ok)).toBe(true);
    for (let i = 0; i < 4; i++) cluster.apply({ apiVersion: "v1", kind: "Pod", metadata: { name: `p${i}` }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    expect(cluster.list("Pod", "default").map((p) => p.spec?.nodeName)).not.toContain("worker-3");
  });

  test("a node takes at most its allocatable pods (110): the rest stay Pending with Too many pods", () => {
    const cluster = Cluster.create();
    cluster.apply({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "big" },
      spec: { replicas: 221, selector: { matchLabels: { app: "big" } }, template: { metadata: { labels: { app: "big" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
    });
    const pods = cluster.list("Pod", "default");
    expect(pods.filter((p) => p.status?.phase === "Running")).toHaveLength(220);
    const pending = pods.find((p) => p.status?.phase === "Pending")!;
    expect(pending.status?.conditions?.[0].message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // Room freed in one namespace lets a pod pending in another one in.
    cluster.scale("Deployment", "big", "default", 220);
    cluster.apply({ apiVersion: "v1", kind: "Namespace", metadata: { name: "other" } });
    cluster.apply({ apiVersion: "v1", kind: "Pod", metadata: { name: "late", namespace: "other" }, spec: { containers: [{ name: "c", image: "nginx" }] } });
    expect(cluster.get("Pod", "late", "other")?.status?.phase).toBe("Pending");
    cluster.scale("Deployment", "big", "default", 219);
    expect(cluster.get("Pod", "late", "other")?.status?.phase).toBe("Running");
  });

  test("nodeName is honoured as given", () => {
    const cluster = Cluster.create();
    cluster.apply({ apiVersion: "v1", kind: "Pod", metadata: { name: "pinned" }, spec: { nodeName: "control-plane", containers: [{ name: "c", image: "nginx" }] } });
    expect(cluster.get("Pod", "pinned", "default")?.status?.podIP).toMatch(/^10\.244\.0\./);
  });

  test("a readiness probe on a port the image does not listen on keeps the pod not ready", () => {
    const cluster = Cluster.create();
    cluster.apply({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "probe", labels: { app: "probe" } },
      spec: { containers: [{ name: "c", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 8080 } } }] },
    });
    const p = cluster.get("Pod", "probe", "default")!;
    expect(p.status?.phase).toBe("Running");
    expect(p.status?.conditions?.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady" });
  });
});
