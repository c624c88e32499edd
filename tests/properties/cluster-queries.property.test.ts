import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, test } from "vitest";
import type { CniName } from "@/lib/sim/cni/cni-profile";
import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { routeIngress } from "@/lib/sim/ingress/route-ingress";
import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import { connect } from "@/lib/sim/network/connect";
import { connectivityMatrix } from "@/lib/sim/network/connectivity-matrix";
import { httpRequest } from "@/lib/sim/network/http-request";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import { Cluster } from "@/lib/sim/store/cluster";

const ns = fc.constantFrom("default", "shop", "kube-system", "missing");
const app = fc.constantFrom("web", "api", "db");
const port = fc.oneof(fc.constantFrom<number | string>(80, 443, 5432, 8080, 53, "http", "dns"), fc.integer({ min: -5, max: 70000 }));
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const selector = fc.oneof(
  fc.constant({}),
  app.map((a) => ({ matchLabels: { app: a } })),
  fc.record({ matchExpressions: fc.array(fc.record({ key: fc.constantFrom("app", "team"), operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist", "Bogus"), values: maybe(fc.array(app, { maxLength: 2 })) }), { maxLength: 2 }) }),
);

/** Objects shaped like what learners write, with the fields that steer networking drawn at random, some wrong. */
const pod = fc.record({ name: app, ns, app, port: fc.constantFrom(80, 5432, 8080), image: fc.constantFrom("nginx:1.27", "postgres:16", "busybox", "hashicorp/http-echo", "registry.k8s.io/echoserver:1.10", "unknown/image"), hostNetwork: fc.boolean(), ready: fc.boolean() }).map((p) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `${p.name}-pod`, namespace: p.ns, labels: { app: p.app, team: "a" } },
  spec: { hostNetwork: p.hostNetwork, containers: [{ name: "c", image: p.image, ports: [{ name: "http", containerPort: p.port }], ...(p.ready ? {} : { readinessProbe: { tcpSocket: { port: 9 } } }) }] },
}));

const service = fc.record({ name: app, ns, app: maybe(app), type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Headless"), port, targetPort: port, protocol: fc.constantFrom("TCP", "UDP", "SCTP") }).map((s) => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: s.name, namespace: s.ns },
  spec: {
    ...(s.type === "Headless" ? { clusterIP: "None" } : { type: s.type }),
    ...(s.type === "ExternalName" ? { externalName: "example.com" } : {}),
    ...(s.app ? { selector: { app: s.app } } : {}),
    ports: [{ name: "http", port: s.port, targetPort: s.targetPort, protocol: s.protocol }],
  },
}));

const deployment = fc.record({ name: app, ns, replicas: fc.integer({ min: 0, max: 3 }) }).map((d) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: d.name, namespace: d.ns },
  spec: { replicas: d.replicas, selector: { matchLabels: { app: d.name } }, template: { metadata: { labels: { app: d.name } }, spec: { containers: [{ name: "c", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } } },
}));

const peer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ podSelector: selector, namespaceSelector: selector }),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom("10.244.0.0/16", "0.0.0.0/0", "10.96.0.10/32", "300.1.1.1/8", "10.244.1.0/24"), except: maybe(fc.array(fc.constantFrom("10.244.1.0/24", "10.244.0.0/16"), { maxLength: 2 })) }) }),
);
const rule = fc.record({ peers: maybe(fc.array(peer, { maxLength: 3 })), ports: maybe(fc.array(fc.record({ port: maybe(port), endPort: maybe(fc.integer({ min: 0, max: 70000 })), protocol: maybe(fc.constantFrom("TCP", "UDP", "SCTP")) }), { maxLength: 2 })) });
const networkPolicy = fc.record({ name: app, ns, podSelector: selector, types: maybe(fc.subarray(["Ingress", "Egress"])), ingress: maybe(fc.array(rule, { maxLength: 2 })), egress: maybe(fc.array(rule, { maxLength: 2 })) }).map((p) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: `${p.name}-policy`, namespace: p.ns },
  spec: {
    podSelector: p.podSelector,
    ...(p.types ? { policyTypes: p.types } : {}),
    ...(p.ingress ? { ingress: p.ingress.map((r) => ({ ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
    ...(p.egress ? { egress: p.egress.map((r) => ({ ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
  },
}));

const ingressPath = fc.record({ path: fc.constantFrom("/", "/api", "/api/", "/users(/|$)(.*)", "/.well-known/acme-challenge", "", "//", "/a/b/../c"), pathType: fc.constantFrom("Prefix", "Exact", "ImplementationSpecific", "Bogus"), service: app, port });
const ingress = fc.record({ name: app, ns, host: maybe(fc.constantFrom("a.example.com", "*.example.com", "b.example.com", "A.EXAMPLE.COM")), className: maybe(fc.constantFrom("nginx", "other")), regex: fc.boolean(), paths: fc.array(ingressPath, { minLength: 1, maxLength: 3 }), tls: fc.boolean() }).map((i) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name: i.name, namespace: i.ns, annotations: i.regex ? { "nginx.ingress.kubernetes.io/use-regex": "true", "nginx.ingress.kubernetes.io/rewrite-target": "/$2" } : {} },
  spec: {
    ...(i.className ? { ingressClassName: i.className } : {}),
    ...(i.tls && i.host ? { tls: [{ hosts: [i.host], secretName: "tls" }] } : {}),
    rules: [{ ...(i.host ? { host: i.host } : {}), http: { paths: i.paths.map((p) => ({ path: p.path, pathType: p.pathType, backend: { service: { name: p.service, port: typeof p.port === "number" ? { number: p.port } : { name: p.port } } } })) } }],
  },
}));

const namespaceObject = ns.map((name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { team: "a" } } }));

/** A manifest text as a learner pastes it: YAML documents, now and then one that is broken. */
const manifestText = fc
  .array(fc.oneof({ weight: 2, arbitrary: pod }, { weight: 2, arbitrary: service }, { weight: 1, arbitrary: deployment }, { weight: 2, arbitrary: networkPolicy }, { weight: 2, arbitrary: ingress }, { weight: 1, arbitrary: namespaceObject }), { maxLength: 10 })
  .chain((objects) =>
    fc.constantFrom("", "---\nkind: [\n", "---\nnot: a: mapping\n", "---\napiVersion: v1\nkind: Service\nmetadata: {name: broken}\nspec: {ports: [{port: 0}]}\n").map((junk) => objects.map((o) => stringify(o)).join("---\n") + junk),
  );

const host = fc.oneof(
  fc.constantFrom("web", "api.shop", "db.default.svc.cluster.local", "db.default.svc.cluster.local.", "kubernetes.default", "kube-dns.kube-system", "10.96.0.10", "10.96.0.1", "127.0.0.1", "example.com", "a.example.com", "", ".", "..", "__proto__", "web-pod.default.pod.cluster.local", "10-244-1-5.default.pod.cluster.local", "_http._tcp.web.default.svc.cluster.local", "1.1.96.10.in-addr.arpa"),
  fc.string({ maxLength: 20 }),
  fc.ipV4(),
);

/** Fresh clusters are clones of one bootstrapped cluster per CNI: bootstrapping is the costly part. */
const bootstrapped = new Map<CniName, Cluster>();
function freshCluster(cni: CniName = "calico"): Cluster {
  let cluster = bootstrapped.get(cni);
  if (!cluster) {
    cluster = Cluster.create({ config: { cni }, addons: ["coredns", "ingress-nginx"] });
    bootstrapped.set(cni, cluster);
  }
  return cluster.clone();
}

function peersOf(cluster: Cluster): TrafficPeer[] {
  const pods = cluster.list("Pod").map((p): TrafficPeer => ({ kind: "pod", pod: p }));
  const nodes = cluster.list("Node").slice(0, 1).map((n): TrafficPeer => ({ kind: "node", node: n, ip: n.status?.addresses?.[0]?.address ?? "192.168.0.10" }));
  return [...pods.slice(0, 8), ...nodes, { kind: "external", ip: "198.51.100.7" }];
}

describe("a cluster built from any learner text answers every query without throwing", () => {
  test("applyText, then resolveDns, connect, httpRequest, routeIngress, connectivityMatrix and isTrafficAllowed", () => {
    fc.assert(
      fc.property(
        manifestText,
        fc.constantFrom<CniName>("calico", "cilium", "flannel", "aws-vpc-cni"),
        fc.array(fc.record({ host, port: fc.integer({ min: -1, max: 70000 }), protocol: fc.constantFrom("TCP" as const, "UDP" as const, "SCTP" as const), path: fc.constantFrom("/", "/api/x", "/users/1", "/.well-known/acme-challenge/t", "%zz", "/a?b=c", "//x", ""), scheme: fc.constantFrom("http" as const, "https" as const) }), { minLength: 1, maxLength: 4 }),
        (text, cni, queries) => {
          const cluster = freshCluster(cni);
          const applied = cluster.applyText(text);
          for (const doc of applied.documents) if (!doc.result.ok) expect(doc.result.error.reason, doc.result.error.message).not.toBe("InternalError");
          const peers = peersOf(cluster);
          const namespaces = [...new Set(cluster.list("Pod").map((p) => p.metadata.namespace ?? "default"))];
          for (const q of queries) {
            const dns = resolveDns(cluster, { name: q.host, fromNamespace: namespaces[0] ?? "default" });
            expect(["NOERROR", "NXDOMAIN"]).toContain(dns.rcode);
            for (const from of peers.slice(0, 3)) {
              const connected = connect(cluster, { from, host: q.host, port: q.port, protocol: q.protocol });
              expect(["connected", "refused", "timeout", "dns-failure"]).toContain(connected.outcome);
              expect(Array.isArray(connected.hops)).toBe(true);
              const http = httpRequest(cluster, { from, url: `${q.scheme}://${q.host}${q.port > 0 && q.port < 65536 ? `:${q.port}` : ""}${q.path}` });
              expect(typeof http.body).toBe("string");
              if (http.status === undefined) expect(http.error?.message ?? http.outcome).toEqual(expect.any(String));
            }
            const route = routeIngress(cluster, { host: q.host || null, path: q.path, scheme: q.scheme });
            if (route) expect(route.ingress.name).toEqual(expect.any(String));
            const matrix = connectivityMatrix(cluster, { port: q.port, protocol: q.protocol });
            expect(matrix.cells.length).toBe(matrix.pods.length ** 2);
            for (const source of peers.slice(0, 3)) {
              for (const destination of peers.slice(0, 3)) {
                const verdict = isTrafficAllowed(cluster, { source, destination, port: q.port, protocol: q.protocol });
                expect(typeof verdict.allowed).toBe("boolean");
              }
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  test("answers are deterministic: the same text and query give the same answers in two fresh clusters", () => {
    fc.assert(
      fc.property(manifestText, host, (text, name) => {
        const answer = () => {
          const cluster = freshCluster();
          cluster.applyText(text);
          const from = peersOf(cluster)[0];
          return { dns: resolveDns(cluster, { name, fromNamespace: "default" }).rcode, connect: connect(cluster, { from, host: name, port: 80 }).outcome, pods: cluster.list("Pod").map((p) => p.status?.podIP) };
        };
        expect(answer()).toEqual(answer());
      }),
      { numRuns: 12 },
    );
  });
});
