import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { articleState, pod, service } from "@/tests/sim/network/networking-fixture";

const headless = [
  // https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-hostname-and-subdomain-field
  service("db", "production", { clusterIP: "None", selector: { app: "postgres" }, ports: [{ name: "postgres", port: 5432, protocol: "TCP" }] }),
  pod("postgres-0", { namespace: "production", labels: { app: "postgres" }, ip: "10.244.2.20", node: "worker-2", image: "postgres:16", hostname: "postgres-0", subdomain: "db" }),
  pod("postgres-1", { namespace: "production", labels: { app: "postgres" }, ip: "10.244.1.21", node: "worker-1", image: "postgres:16" }),
  pod("postgres-2", { namespace: "production", labels: { app: "postgres" }, ip: "10.244.1.22", node: "worker-1", image: "postgres:16", ready: false }),
  service("empty-headless", "production", { clusterIP: "None", selector: { app: "nothing" } }),
  // kubernetes/dns docs/specification.md 2.5: foo.default.svc.cluster.local CNAME www.example.com.
  service("foo", "default", { type: "ExternalName", externalName: "www.example.com" }),
  service("legacy-db", "production", { type: "ExternalName", externalName: "db.corp.invalid." }),
  service("backend", "default", { type: "ExternalName", externalName: "my-backend-api.production.svc.cluster.local" }),
];
const state = articleState(headless);

const data = (r: ReturnType<typeof resolveDns>) => r.answers.map((a) => `${a.type} ${a.data}`);

describe("resolveDns: records of the kubernetes/dns specification", () => {
  test.each([
    { label: "2.3.1 ClusterIP A (article: my-backend-api.production.svc.cluster.local)", name: "my-backend-api.production.svc.cluster.local", type: "A", from: "default", want: ["A 10.96.120.15"] },
    { label: "2.3.1 spec example kubernetes.default", name: "kubernetes.default.svc.cluster.local.", type: "A", from: "production", want: ["A 10.96.0.1"] },
    { label: "2.3.2 SRV for a named port of a ClusterIP Service", name: "_https._tcp.kubernetes.default.svc.cluster.local", type: "SRV", from: "default", want: ["SRV 0 100 443 kubernetes.default.svc.cluster.local."] },
    { label: "2.3.2 SRV with protocol udp", name: "_dns._udp.kube-dns.kube-system.svc.cluster.local", type: "SRV", from: "default", want: ["SRV 0 100 53 kube-dns.kube-system.svc.cluster.local."] },
    { label: "SRV for the bare Service name: every port (CoreDNS wildcards)", name: "kube-dns.kube-system.svc.cluster.local", type: "SRV", from: "default", want: ["SRV 0 33 53 kube-dns.kube-system.svc.cluster.local.", "SRV 0 33 53 kube-dns.kube-system.svc.cluster.local.", "SRV 0 33 9153 kube-dns.kube-system.svc.cluster.local."] },
    { label: "2.3.3 PTR for a ClusterIP (spec example form)", name: "1.0.96.10.in-addr.arpa", type: "PTR", from: "default", want: ["PTR kubernetes.default.svc.cluster.local"] },
    { label: "2.4.1 headless: one A per ready endpoint, not-ready left out", name: "db.production.svc.cluster.local", type: "A", from: "default", want: ["A 10.244.1.21", "A 10.244.2.20"] },
    { label: "2.4.1 headless hostname record", name: "postgres-0.db.production.svc.cluster.local", type: "A", from: "default", want: ["A 10.244.2.20"] },
    { label: "2.4.2 headless SRV: one per ready endpoint, hostname or dashed IP", name: "_postgres._tcp.db.production.svc.cluster.local", type: "SRV", from: "default", want: ["SRV 0 50 5432 10-244-1-21.db.production.svc.cluster.local.", "SRV 0 50 5432 postgres-0.db.production.svc.cluster.local."] },
    { label: "2.4.3 PTR for a headless endpoint with hostname", name: "20.2.244.10.in-addr.arpa", type: "PTR", from: "default", want: ["PTR postgres-0.db.production.svc.cluster.local"] },
    { label: "PTR for a pod IP backing a ClusterIP Service (CoreDNS reverse.go)", name: "10.244.1.5", type: "PTR", from: "default", want: ["PTR 10-244-1-5.my-backend-api.production.svc.cluster.local"] },
    { label: "2.5 ExternalName: CNAME, then the target's A (spec example)", name: "foo.default.svc.cluster.local", type: "A", from: "production", want: ["CNAME www.example.com", "A 192.0.2.53"] },
    { label: "2.5 ExternalName CNAME question", name: "foo.default.svc.cluster.local", type: "CNAME", from: "default", want: ["CNAME www.example.com"] },
    { label: "ExternalName aliasing a Service in another namespace: CNAME, then its ClusterIP", name: "backend.default.svc.cluster.local", type: "A", from: "default", want: ["CNAME my-backend-api.production.svc.cluster.local", "A 10.96.120.15"] },
    { label: "ExternalName with an unresolvable target still returns the CNAME", name: "legacy-db.production.svc.cluster.local", type: "A", from: "production", want: ["CNAME db.corp.invalid"] },
    { label: "2.6 pod A record a-b-c-d.ns.pod.zone", name: "10-244-1-5.production.pod.cluster.local", type: "A", from: "default", want: ["A 10.244.1.5"] },
    { label: "2.1 comparisons are case-insensitive", name: "My-Backend-API.Production.SVC.cluster.LOCAL", type: "A", from: "default", want: ["A 10.96.120.15"] },
  ])("$label", ({ name, type, from, want }) => {
    const result = resolveDns(state, { name, type: type as "A", fromNamespace: from });
    expect(result.rcode).toBe("NOERROR");
    expect(data(result)).toEqual(want);
  });

  test.each([
    { label: "unknown Service", name: "nope.production.svc.cluster.local." },
    { label: "2.4.1 headless Service with no ready endpoints", name: "empty-headless.production.svc.cluster.local." },
    { label: "unknown namespace", name: "my-backend-api.staging.svc.cluster.local." },
    { label: "malformed pod name", name: "10-244-1.production.pod.cluster.local." },
    { label: "PTR of an address nothing owns", name: "9.9.9.10.in-addr.arpa." },
  ])("NXDOMAIN: $label", ({ name }) => {
    const result = resolveDns(state, { name, type: name.endsWith("arpa.") ? "PTR" : "A", fromNamespace: "default" });
    expect(result.rcode).toBe("NXDOMAIN");
    expect(result.answers).toEqual([]);
  });

  test("AAAA for an IPv4-only Service is NODATA, not NXDOMAIN", () => {
    const result = resolveDns(state, { name: "my-backend-api.production.svc.cluster.local.", type: "AAAA", fromNamespace: "default" });
    expect(result).toMatchObject({ rcode: "NOERROR", answers: [], fqdn: "my-backend-api.production.svc.cluster.local" });
  });

  test("records carry kubeadm's CoreDNS ttl 30", () => {
    expect(resolveDns(state, { name: "kubernetes.default.svc.cluster.local.", fromNamespace: "default" }).answers[0].ttl).toBe(30);
  });
});

describe("resolveDns: search list and ndots (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services)", () => {
  test.each([
    {
      label: "short name from the Service's own namespace: first search domain answers",
      name: "my-backend-api", from: "production", resolver: "glibc",
      tried: ["my-backend-api.production.svc.cluster.local"], want: "A 10.96.120.15",
    },
    {
      label: "short name from another namespace: all search domains, then as-is, all NXDOMAIN",
      name: "my-backend-api", from: "default", resolver: "glibc",
      tried: ["my-backend-api.default.svc.cluster.local", "my-backend-api.svc.cluster.local", "my-backend-api.cluster.local", "my-backend-api"], want: undefined,
    },
    {
      label: "name.namespace: second search domain (svc.cluster.local) answers",
      name: "my-backend-api.production", from: "default", resolver: "glibc",
      tried: ["my-backend-api.production.default.svc.cluster.local", "my-backend-api.production.svc.cluster.local"], want: "A 10.96.120.15",
    },
    {
      label: "4 dots < ndots 5: the full name is still tried after the search list",
      name: "my-backend-api.production.svc.cluster.local", from: "default", resolver: "glibc",
      tried: [
        "my-backend-api.production.svc.cluster.local.default.svc.cluster.local",
        "my-backend-api.production.svc.cluster.local.svc.cluster.local",
        "my-backend-api.production.svc.cluster.local.cluster.local",
        "my-backend-api.production.svc.cluster.local",
      ],
      want: "A 10.96.120.15",
    },
    {
      label: "trailing dot: absolute, no search",
      name: "my-backend-api.production.svc.cluster.local.", from: "default", resolver: "glibc",
      tried: ["my-backend-api.production.svc.cluster.local"], want: "A 10.96.120.15",
    },
    {
      label: "external name through the search list (article: the ndots:5 cost)",
      name: "www.example.com", from: "default", resolver: "glibc",
      tried: ["www.example.com.default.svc.cluster.local", "www.example.com.svc.cluster.local", "www.example.com.cluster.local", "www.example.com"], want: "A 192.0.2.53",
    },
  ])("$label", ({ name, from, resolver, tried, want }) => {
    const result = resolveDns(state, { name, fromNamespace: from, resolver: resolver as "glibc" });
    expect(result.tried).toEqual(tried);
    expect(result.answers.map((a) => `${a.type} ${a.data}`).pop()).toBe(want);
  });

  const sixDots = { nameservers: ["10.96.0.10"], searches: ["production.svc.cluster.local"], options: { ndots: "2" }, ndots: 2 };
  test.each([
    { label: "glibc: at least ndots dots → as-is first, then the search list", resolver: "glibc", tried: ["a.b.c", "a.b.c.production.svc.cluster.local"] },
    { label: "musl: at least ndots dots → as-is only", resolver: "musl", tried: ["a.b.c"] },
  ])("$label", ({ resolver, tried }) => {
    expect(resolveDns(state, { name: "a.b.c", fromNamespace: "production", resolvConf: sixDots, resolver: resolver as "musl" }).tried).toEqual(tried);
  });

  test("musl stops at NODATA; glibc moves on", () => {
    const conf = { nameservers: ["10.96.0.10"], searches: ["svc.cluster.local", "cluster.local"], options: {}, ndots: 5 };
    // `production.svc.cluster.local` exists (NODATA) for the first candidate.
    expect(resolveDns(state, { name: "production", fromNamespace: "x", resolvConf: conf, resolver: "musl" }).tried).toEqual(["production.svc.cluster.local"]);
    expect(resolveDns(state, { name: "production", fromNamespace: "x", resolvConf: conf, resolver: "glibc" }).tried).toHaveLength(3);
  });

  test("dnsPolicy Default: the node's upstream resolver knows no cluster names", () => {
    const conf = { nameservers: ["172.18.0.1"], searches: [], options: {}, ndots: 1 };
    expect(resolveDns(state, { name: "kubernetes.default.svc.cluster.local", fromNamespace: "default", resolvConf: conf }).rcode).toBe("NXDOMAIN");
  });

  test("an address literal resolves to itself without a query", () => {
    expect(resolveDns(state, { name: "10.96.120.15", fromNamespace: "default" })).toMatchObject({ rcode: "NOERROR", tried: [], answers: [{ data: "10.96.120.15" }] });
  });
});

describe("resolveDns never throws", () => {
  test("on arbitrary names, types and namespaces", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom("A", "AAAA", "SRV", "CNAME", "PTR"), fc.string({ maxLength: 70 }), (name, type, ns) => {
        const result = resolveDns(state, { name, type: type as "A", fromNamespace: ns });
        expect(["NOERROR", "NXDOMAIN"]).toContain(result.rcode);
      }),
      { numRuns: 500 },
    );
  });
  test("on names built from cluster labels", () => {
    const label = fc.constantFrom("my-backend-api", "production", "svc", "cluster", "local", "db", "_http", "_tcp", "pod", "10-244-1-5", "in-addr", "arpa", "");
    fc.assert(
      fc.property(fc.array(label, { maxLength: 8 }), fc.boolean(), (labels, dot) => {
        resolveDns(state, { name: labels.join(".") + (dot ? "." : ""), type: "A", fromNamespace: "production" });
      }),
    );
  });
});
