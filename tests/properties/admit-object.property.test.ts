import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_CLUSTER_CONFIG } from "@/lib/sim/config";
import { KINDS, KIND_INFO, type Kind } from "@/lib/sim/objects/kinds";
import type { ManifestObject } from "@/lib/sim/objects/meta";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import { admitObject } from "@/lib/sim/validation/admit-object";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const labels = { app: "web" };
const template = { metadata: { labels }, spec: { containers: [{ name: "web", image: "nginx:1.27", ports: [{ name: "http", containerPort: 80 }] }] } };

/** One object of each kind the simulator serves, as a learner would write it, each admitted as it stands. */
const VALID: Record<Kind, Record<string, Json>> = {
  Namespace: { metadata: { name: "shop" } },
  Node: { metadata: { name: "worker-9", labels: { "kubernetes.io/hostname": "worker-9" } }, spec: { podCIDR: "10.244.9.0/24" } },
  Pod: { metadata: { name: "web", namespace: "default", labels }, spec: template.spec },
  Service: { metadata: { name: "web" }, spec: { type: "NodePort", selector: labels, ports: [{ name: "http", port: 80, targetPort: "http", nodePort: 30080, protocol: "TCP" }] } },
  Endpoints: { metadata: { name: "ext" }, subsets: [{ addresses: [{ ip: "192.0.2.10" }], ports: [{ port: 80 }] }] },
  EndpointSlice: { metadata: { name: "ext-1", labels: { "kubernetes.io/service-name": "ext" } }, addressType: "IPv4", endpoints: [{ addresses: ["192.0.2.10"], conditions: { ready: true } }], ports: [{ port: 80, protocol: "TCP" }] },
  Secret: { metadata: { name: "tls" }, type: "Opaque", data: { key: "dmFsdWU=" }, stringData: { other: "x" } },
  ConfigMap: { metadata: { name: "conf" }, data: { a: "b" } },
  Deployment: { metadata: { name: "web" }, spec: { replicas: 2, selector: { matchLabels: labels }, template } },
  ReplicaSet: { metadata: { name: "web-1" }, spec: { replicas: 1, selector: { matchLabels: labels }, template } },
  Ingress: {
    metadata: { name: "web", annotations: { "nginx.ingress.kubernetes.io/rewrite-target": "/" } },
    spec: { ingressClassName: "nginx", tls: [{ hosts: ["a.example.com"], secretName: "tls" }], rules: [{ host: "a.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }] },
  },
  IngressClass: { metadata: { name: "nginx" }, spec: { controller: "k8s.io/ingress-nginx" } },
  NetworkPolicy: {
    metadata: { name: "db" },
    spec: {
      podSelector: { matchLabels: { app: "db" } },
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: "team", operator: "In", values: ["a"] }] }, podSelector: { matchLabels: labels } }, { ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }], ports: [{ port: 5432, endPort: 5440, protocol: "TCP" }] }],
      egress: [{ to: [{ podSelector: {} }], ports: [{ port: "dns", protocol: "UDP" }] }],
    },
  },
  ClusterIssuer: { metadata: { name: "letsencrypt" }, spec: { acme: { server: "https://acme-v02.api.letsencrypt.org/directory", email: "a@example.com", privateKeySecretRef: { name: "acme" }, solvers: [{ http01: { ingress: { ingressClassName: "nginx" } } }] } } },
  Issuer: { metadata: { name: "self" }, spec: { selfSigned: {} } },
  Certificate: { metadata: { name: "web" }, spec: { secretName: "tls", dnsNames: ["a.example.com"], issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" } } },
};

const base = (kind: Kind): Record<string, Json> => ({ apiVersion: KIND_INFO[kind].apiVersion, kind, ...structuredClone(VALID[kind]) });

/** Every path of a value, objects and arrays alike, so a mutation can land anywhere in it. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : value !== null && typeof value === "object" ? Object.entries(value) : [];
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** Values YAML can produce, including the ones JSON cannot (`.inf`, `.nan`) and the ones prototypes care about. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 65536, 2 ** 53, Number.POSITIVE_INFINITY, Number.NaN, "", "web", "80", "http", "UDP", "__proto__", "10.96.0.10", "0.0.0.0/0", "a".repeat(300), [], {}, [null], { __proto__: null } as unknown as Json),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Mutation = { op: "set" | "delete" | "add"; at: number; key: string; value: Json };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation["op"]>("set", "delete", "add"),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom("name", "port", "ports", "selector", "spec", "metadata", "labels", "__proto__", "constructor", "hasOwnProperty", "0", "type", "items"), fc.string({ maxLength: 6 })),
  value: anyValue,
});

function mutate(object: Record<string, Json>, mutations: Mutation[]): Record<string, Json> {
  for (const mutation of mutations) {
    // Each mutation gets its own copy: a shared constant ([] or {}) grown by one run must not leak into the next.
    const m = { ...mutation, value: structuredClone(mutation.value) };
    const paths = pathsOf(object).filter((p) => p.length > 0 || m.op === "add");
    if (paths.length === 0) continue;
    const path = paths[m.at % paths.length];
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key as string], object) as Record<string, Json> | Json[];
    const last = path[path.length - 1];
    if (m.op === "add") {
      const target = path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string], object);
      if (target !== null && typeof target === "object") Object.defineProperty(target, Array.isArray(target) ? target.length : m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.op === "delete") {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
    } else if (Array.isArray(parent)) parent[last as number] = m.value;
    else Object.defineProperty(parent, last as string, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

function expectStatusValue(result: ReturnType<typeof admitObject>): void {
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) return;
  expect(result.error.reason, result.error.message).not.toBe("InternalError");
  expect(result.error.code).toBeGreaterThanOrEqual(400);
  expect(result.error.code).toBeLessThan(500);
  expect(result.error.message.length).toBeGreaterThan(0);
  for (const cause of result.error.causes ?? []) expect(typeof cause.field).toBe("string");
}

const admit = (object: unknown) => admitObject(object as ManifestObject, { operation: "create", config: DEFAULT_CLUSTER_CONFIG });

describe("admitObject answers every object with an admitted object or a 4xx StatusError", () => {
  test.each(KINDS.map((kind) => ({ kind })))("the $kind template is admitted as written", ({ kind }) => {
    const result = admit(base(kind));
    expect(result.ok ? "" : result.error.message).toBe("");
  });

  test.each(KINDS.map((kind) => ({ kind })))("$kind with random extra, missing and mistyped fields", ({ kind }) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const object = mutate(base(kind), mutations);
        const before = structuredClone(object);
        expectStatusValue(admit(object));
        expect(object, "admission must not modify the request object").toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  test("an update over an admitted object, with the same random mutations", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (kind, mutations) => {
        const created = admit(base(kind));
        if (!created.ok) return;
        const object = mutate(base(kind), mutations);
        const result = admitObject(object as ManifestObject, { operation: "update", old: created.value as never, config: DEFAULT_CLUSTER_CONFIG });
        expectStatusValue(result);
      }),
      { numRuns: 200 },
    );
  });

  test("arbitrary JSON values and objects that merely claim a kind", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ apiVersion: fc.constantFrom(...KINDS.map((k) => KIND_INFO[k].apiVersion), "v2", ""), kind: fc.constantFrom(...KINDS, "List", "", "pod"), metadata: fc.jsonValue({ maxDepth: 2 }), spec: fc.jsonValue({ maxDepth: 3 }) })), (value) => {
        expectStatusValue(admit(value));
      }),
      { numRuns: 300 },
    );
  });
});

describe("learner YAML that once ended in an InternalError answers with a 4xx", () => {
  // A null list item decodes to the item's zero value and fails validation by field, as on the API server; an
  // apiVersion or kind that is not a string is a decoding error. Each was once a TypeError inside the pure core.
  test.each([
    { label: "Service ports with an empty item", yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - \n" },
    { label: "Pod container ports with an empty item", yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - \n" },
    { label: "Deployment template container ports with an empty item", yaml: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports:\n        -\n" },
    { label: "Endpoints subset ports with an empty item", yaml: "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\nsubsets:\n- addresses:\n  - ip: 192.0.2.10\n  ports:\n  -\n" },
    { label: "EndpointSlice endpoints with an empty item", yaml: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ext-1\naddressType: IPv4\nendpoints:\n-\nports: []\n" },
    { label: "EndpointSlice ports with an empty item", yaml: "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ext-1\naddressType: IPv4\nendpoints: []\nports:\n-\n" },
    { label: "an apiVersion that is a mapping without toString", yaml: "apiVersion: {toString: false}\nkind: ConfigMap\nmetadata:\n  name: c\n" },
    { label: "a kind that is a mapping without toString", yaml: "apiVersion: v1\nkind: {valueOf: 1, toString: 2}\nmetadata:\n  name: c\n" },
  ])("$label", ({ yaml }) => {
    const [document] = parseManifests(yaml).documents;
    const result = admitObject(document.object, { operation: "create", source: document.source, config: DEFAULT_CLUSTER_CONFIG });
    expect(result.ok ? undefined : result.error.reason).not.toBe("InternalError");
  });
});
