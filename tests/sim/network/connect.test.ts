import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { connect, type ConnectRequest } from "@/lib/sim/network/connect";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { ClusterState } from "@/lib/sim/cluster-state";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import { listClusterNodes } from "@/lib/sim/network/cluster-nodes";
import { articleObjects, articleState, pod, service } from "@/tests/sim/network/networking-fixture";
import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import { Cluster } from "@/lib/sim/store/cluster";

const fromPod = (state: ClusterState, name: string, namespace = "default"): TrafficPeer => ({ kind: "pod", pod: state.get("Pod", name, namespace) as Pod });
const external: TrafficPeer = { kind: "external", ip: "198.51.100.7" };
const summaries = (hops: { summary: string }[]) => hops.map((h) => h.summary).join("\n");

function withService(spec: Record<string, unknown>, extra: object[] = [], status?: Record<string, unknown>) {
  const objects = articleObjects().filter((o) => o.metadata.name !== "my-backend-api");
  return staticClusterState([...objects, service("my-backend-api", "production", spec, status), ...(extra as never[])]);
}

const denyAll = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "default-deny", namespace: "production" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } };

describe("connect: the article's my-backend-api Service", () => {
  const state = articleState();

  test("my-backend-api.production.svc.cluster.local:80 reaches a my-backend pod on 3000", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api.production.svc.cluster.local", port: 80 });
    expect(result.outcome).toBe("connected");
    expect(result.resolvedIP).toBe("10.96.120.15");
    expect(result.service).toMatchObject({ name: "my-backend-api", namespace: "production", port: 80, via: "cluster-ip" });
    expect(result.endpoint?.port).toBe(3000);
    expect(result.endpoint?.pod?.metadata.labels?.app).toBe("my-backend");
    expect(result.sourceIP).toBe("10.244.1.9");
    expect(summaries(result.hops)).toContain("Service production/my-backend-api selects app=my-backend: 2 ready endpoints");
    expect(summaries(result.hops)).toMatch(/port 80 → targetPort 3000 on production\/my-backend-7d9f8b6c5-/);
    expect(result.hops.map((h) => h.kind)).toEqual(expect.arrayContaining(["dns", "service", "endpoint", "container"]));
  });

  test("the short name from another namespace does not resolve (search list starts with default.svc)", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api", port: 80 });
    expect(result.outcome).toBe("dns-failure");
    expect(result.dns?.tried[0]).toBe("my-backend-api.default.svc.cluster.local");
  });

  test("name.namespace resolves through the second search domain", () => {
    expect(connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api.production", port: 80 }).outcome).toBe("connected");
  });

  test("a port the Service does not expose is never answered (iptables mode)", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 8080 });
    expect(result.outcome).toBe("timeout");
    expect(summaries(result.hops)).toContain("does not expose 8080/TCP (ports: 80/TCP)");
  });

  test("from outside the cluster a ClusterIP is unreachable", () => {
    expect(connect(state, { from: external, host: "10.96.120.15", port: 80 }).outcome).toBe("timeout");
  });

  test("direct pod-to-pod across nodes keeps both addresses (no NAT)", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.244.2.7", port: 3000 });
    expect(result.outcome).toBe("connected");
    expect(result.service).toBeUndefined();
    expect(summaries(result.hops)).toContain("cross-node worker-1 → worker-2 via Calico");
    expect(summaries(result.hops)).toContain("no NAT between pods");
  });

  test("direct to a pod on a port nothing binds is refused", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.244.2.7", port: 8080 });
    expect(result.outcome).toBe("refused");
    expect(summaries(result.hops)).toContain("nothing listens on 8080 in pod production/my-backend-7d9f8b6c5-q8w2m (listening: 3000; containerPorts: 3000)");
  });

  test.each([
    { label: "localhost inside a backend pod reaches its own container", from: "my-backend-7d9f8b6c5-k2x4p", ns: "production", host: "localhost", port: 3000, outcome: "connected" },
    { label: "127.0.0.1 on a port nothing in the pod binds", from: "my-backend-7d9f8b6c5-k2x4p", ns: "production", host: "127.0.0.1", port: 80, outcome: "refused" },
    { label: "localhost in netshoot: nothing listens", from: "netshoot", ns: "default", host: "localhost", port: 80, outcome: "refused" },
    { label: "the pod's own hostname from /etc/hosts", from: "my-backend-7d9f8b6c5-k2x4p", ns: "production", host: "my-backend-7d9f8b6c5-k2x4p", port: 3000, outcome: "connected" },
  ])("$label", ({ from, ns, host, port, outcome }) => {
    const result = connect(state, { from: fromPod(state, from, ns), host, port });
    expect(result.outcome).toBe(outcome);
    expect(result.dns).toBeUndefined();
  });

  test("UDP 53 to the kube-dns Service reaches a CoreDNS pod", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "kube-dns.kube-system.svc.cluster.local", port: 53, protocol: "UDP" });
    expect(result).toMatchObject({ outcome: "connected", service: { name: "kube-dns", port: 53 }, endpoint: { ip: "10.244.0.3", port: 53 } });
  });

  test("UDP to a pod port only bound for TCP is refused (ICMP port unreachable)", () => {
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.244.2.7", port: 3000, protocol: "UDP" });
    expect(result.outcome).toBe("refused");
    expect(summaries(result.hops)).toContain("nothing listens on 3000/UDP");
  });

  test.each([
    { label: "unused pod address", host: "10.244.2.99", outcome: "timeout" },
    { label: "unused Service address", host: "10.96.9.9", outcome: "timeout" },
    { label: "a node with nothing on the port", host: "172.18.0.3", outcome: "refused" },
    { label: "an address outside the cluster", host: "192.0.2.53", outcome: "timeout" },
  ])("$label → $outcome", ({ host, outcome }) => {
    expect(connect(state, { from: fromPod(state, "netshoot"), host, port: 80 }).outcome).toBe(outcome);
  });
});

describe("connect: Service misconfigurations a learner makes", () => {
  test("selector typo: no endpoints → REJECT → connection refused, explained", () => {
    const state = withService({ clusterIP: "10.96.120.15", selector: { app: "backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] });
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api.production.svc.cluster.local", port: 80 });
    expect(result.outcome).toBe("refused");
    expect(summaries(result.hops)).toContain("no endpoints: selector app=backend matches no pods in production (pods there have app=my-backend)");
    expect(summaries(result.hops)).toContain('"production/my-backend-api:http has no endpoints"');
  });

  test("wrong targetPort: the pod is reached but nothing listens", () => {
    const state = withService({ clusterIP: "10.96.120.15", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }] });
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 });
    expect(result.outcome).toBe("refused");
    expect(summaries(result.hops)).toMatch(/nothing listens on 8080 in pod production\/my-backend-.* \(listening: 3000; containerPorts: 3000\)/);
  });

  test("a named targetPort no container declares: no endpoints, pointing at targetPort", () => {
    const state = withService({ clusterIP: "10.96.120.15", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "web" }] });
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 });
    expect(result.outcome).toBe("refused");
    const hop = result.hops.find((h) => h.kind === "service" && h.outcome === "fail");
    expect(hop?.summary).toBe('no endpoints: targetPort "web" names no containerPort of the 2 pods selector app=my-backend matches (their port names: http)');
    expect(hop?.field).toBe("spec.ports[0].targetPort");
  });

  test("named targetPort resolves through the pod's containerPort name", () => {
    const state = withService({ clusterIP: "10.96.120.15", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }] });
    expect(connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 }).endpoint?.port).toBe(3000);
  });

  test("headless Service: the name resolves to pod IPs and there is no translation", () => {
    const state = withService({ clusterIP: "None", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] });
    const toPort80 = connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api.production", port: 80 });
    expect(toPort80.service).toBeUndefined();
    expect(toPort80.outcome).toBe("refused");
    expect(connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api.production", port: 3000 }).outcome).toBe("connected");
  });

  test("only not-ready pods: no endpoints", () => {
    const objects = articleObjects().map((o) => (o.kind === "Pod" && o.metadata.namespace === "production" ? { ...o, status: { ...(o.status as object), conditions: [{ type: "Ready", status: "False" }] } } : o));
    const state = staticClusterState(objects);
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 });
    expect(result.outcome).toBe("refused");
    expect(summaries(result.hops)).toContain("none Ready");
  });

  test("serving-terminating endpoints are used when no endpoint is ready (pkg/proxy/topology.go)", () => {
    const state = withService(
      { clusterIP: "10.96.120.15", selector: { app: "solo" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] },
      [pod("solo-1", { namespace: "production", labels: { app: "solo" }, ip: "10.244.2.30", node: "worker-2", image: "ghcr.io/k8s-netlab/backend-api", terminating: true })],
    );
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 });
    expect(result.outcome).toBe("connected");
    expect(result.endpoint?.ip).toBe("10.244.2.30");
  });
});

describe("connect: external traffic and traffic policies (https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies)", () => {
  const nodePort = (policy: "Cluster" | "Local", extra: object[] = []) =>
    withService({ type: "NodePort", clusterIP: "10.96.120.15", externalTrafficPolicy: policy, selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000, nodePort: 30080 }] }, extra);

  test.each([
    { label: "Cluster via worker-1: masqueraded to worker-1", policy: "Cluster", node: "172.18.0.3", outcome: "connected", source: "172.18.0.3" },
    { label: "Cluster via control-plane (no local endpoint): still forwarded, masqueraded", policy: "Cluster", node: "172.18.0.2", outcome: "connected", source: "172.18.0.2" },
    { label: "Local via worker-2 (has an endpoint): client address kept", policy: "Local", node: "172.18.0.4", outcome: "connected", source: "198.51.100.7" },
    { label: "Local via control-plane (no local endpoint): dropped", policy: "Local", node: "172.18.0.2", outcome: "timeout", source: undefined },
  ])("$label", ({ policy, node, outcome, source }) => {
    const state = nodePort(policy as "Cluster");
    const result = connect(state, { from: external, host: node, port: 30080 });
    expect(result.outcome).toBe(outcome);
    expect(result.sourceIP).toBe(source);
    if (policy === "Local" && outcome === "connected") expect(result.endpoint?.nodeName).toBe("worker-2");
  });

  test("ipBlock for the client network: works with Local, fails with Cluster (source is the node)", () => {
    const allowClients = {
      apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "from-clients", namespace: "production" },
      spec: { podSelector: { matchLabels: { app: "my-backend" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ ipBlock: { cidr: "198.51.100.0/24" } }] }] },
    };
    const cluster = connect(nodePort("Cluster", [allowClients]), { from: external, host: "172.18.0.4", port: 30080 });
    const local = connect(nodePort("Local", [allowClients]), { from: external, host: "172.18.0.4", port: 30080 });
    expect(cluster.outcome).toBe("timeout");
    expect(cluster.policy?.allowed).toBe(false);
    expect(local.outcome).toBe("connected");
  });

  test("LoadBalancer ingress IP from outside", () => {
    const state = withService(
      { type: "LoadBalancer", clusterIP: "10.96.120.15", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000, nodePort: 31000 }] },
      [],
      { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
    );
    const result = connect(state, { from: external, host: "203.0.113.10", port: 80 });
    expect(result).toMatchObject({ outcome: "connected", service: { via: "load-balancer" } });
    expect(connect(state, { from: external, host: "203.0.113.10", port: 443 }).outcome).toBe("timeout");
  });

  test.each([
    { label: "a client inside loadBalancerSourceRanges", client: "198.51.100.7", outcome: "connected" },
    { label: "a client outside loadBalancerSourceRanges is dropped", client: "192.0.2.200", outcome: "timeout" },
  ])("$label", ({ client, outcome }) => {
    const state = withService(
      { type: "LoadBalancer", clusterIP: "10.96.120.15", loadBalancerSourceRanges: ["198.51.100.0/24"], selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000, nodePort: 31000 }] },
      [],
      { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
    );
    expect(connect(state, { from: { kind: "external", ip: client }, host: "203.0.113.10", port: 80 }).outcome).toBe(outcome);
  });

  test("internalTrafficPolicy Local with no endpoint on the client's node drops", () => {
    const state = withService({ clusterIP: "10.96.120.15", internalTrafficPolicy: "Local", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] });
    const onControlPlane = fromPod(state, "coredns-7db6d8ff4d-2xk9p", "kube-system");
    expect(connect(state, { from: onControlPlane, host: "10.96.120.15", port: 80 }).outcome).toBe("timeout");
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 });
    expect(result.outcome).toBe("connected");
    expect(result.endpoint?.nodeName).toBe("worker-1");
  });

  test("hairpin: a pod reaching itself through its Service is masqueraded to its node", () => {
    const state = articleState();
    const self = fromPod(state, "my-backend-7d9f8b6c5-k2x4p", "production");
    const results = Array.from({ length: 20 }, (_, attempt) => connect(state, { from: self, host: "10.96.120.15", port: 80, attempt }));
    const own = results.filter((r) => r.endpoint?.ip === "10.244.1.5");
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(results.length);
    for (const r of own) expect(r.sourceIP).toBe("172.18.0.3");
    for (const r of results.filter((r) => r.endpoint?.ip !== "10.244.1.5")) expect(r.sourceIP).toBe("10.244.1.5");
  });

  test("a pod dialling a LoadBalancer IP with externalTrafficPolicy Local is short-circuited to any endpoint, unmasqueraded", () => {
    const state = withService(
      { type: "LoadBalancer", clusterIP: "10.96.120.15", externalTrafficPolicy: "Local", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000, nodePort: 31000 }] },
      [],
      { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
    );
    const ips = new Set(Array.from({ length: 20 }, (_, attempt) => connect(state, { from: fromPod(state, "netshoot"), host: "203.0.113.10", port: 80, attempt })).map((r) => `${r.endpoint?.ip} ${r.sourceIP}`));
    expect(ips).toEqual(new Set(["10.244.1.5 10.244.1.9", "10.244.2.7 10.244.1.9"]));
  });

  test("a hostPort on the pod's node is DNATed to the container port, from outside too", () => {
    const state = articleState([pod("hp", { namespace: "default", ip: "10.244.2.80", node: "worker-2", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 } as never] })]);
    const result = connect(state, { from: external, host: "172.18.0.4", port: 8080 });
    expect(result).toMatchObject({ outcome: "connected", endpoint: { ip: "10.244.2.80", port: 80 }, sourceIP: "198.51.100.7" });
    expect(connect(state, { from: external, host: "172.18.0.3", port: 8080 }).outcome).toBe("refused");
  });

  test("a node reaches a NodePort on 127.0.0.1 (localhost NodePorts)", () => {
    const state = nodePort("Cluster");
    const node = listClusterNodes(state)[1];
    expect(connect(state, { from: { kind: "node", node: node.node, ip: node.internalIP }, host: "127.0.0.1", port: 30080 }).outcome).toBe("connected");
  });

  test("a node reaches a ClusterIP through its own kube-proxy", () => {
    const state = articleState();
    const node = listClusterNodes(state)[1];
    expect(connect(state, { from: { kind: "node", node: node.node, ip: node.internalIP }, host: "10.96.120.15", port: 80 }).outcome).toBe("connected");
  });
});

describe("connect: NetworkPolicy on the translated addresses", () => {
  test.each([
    { label: "Calico enforces a default-deny: dropped (timeout)", cni: "calico", outcome: "timeout", enforced: true },
    { label: "Flannel enforces nothing: connected", cni: "flannel", outcome: "connected", enforced: false },
  ])("$label", ({ cni, outcome, enforced }) => {
    const state = articleState([denyAll], { cni: cni as "calico" });
    const result = connect(state, { from: fromPod(state, "netshoot"), host: "my-backend-api.production.svc.cluster.local", port: 80 });
    expect(result.outcome).toBe(outcome);
    expect(result.policy?.enforced).toBe(enforced);
    expect(result.policy?.allowed).toBe(!enforced);
  });
});

describe("connect: egress policy sees the address each node translated", () => {
  const egressToBackend = {
    apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "only-backend", namespace: "default" },
    spec: {
      podSelector: { matchLabels: { run: "netshoot" } }, policyTypes: ["Egress"],
      egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: "my-backend" } } }], ports: [{ protocol: "TCP", port: 3000 }] }],
    },
  };
  const state = withService(
    { type: "NodePort", clusterIP: "10.96.120.15", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000, nodePort: 30080 }] },
    [egressToBackend],
  );
  test.each([
    { label: "ClusterIP: DNAT on the client's node, egress sees the backend pod on 3000", host: "10.96.120.15", port: 80, outcome: "connected" },
    { label: "own node's NodePort: also translated locally", host: "172.18.0.3", port: 30080, outcome: "connected" },
    { label: "another node's NodePort: egress sees that node on 30080 and denies", host: "172.18.0.4", port: 30080, outcome: "timeout" },
  ])("$label", ({ host, port, outcome }) => {
    expect(connect(state, { from: fromPod(state, "netshoot"), host, port }).outcome).toBe(outcome);
  });
});

describe("connect: the DNS query is a flow too (egress default-deny blocks name resolution)", () => {
  const egressDeny = { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny-egress", namespace: "default" }, spec: { podSelector: {}, policyTypes: ["Egress"] } };
  const allowDns = {
    apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "allow-dns", namespace: "default" },
    spec: {
      podSelector: {}, policyTypes: ["Egress"],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }], ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }] }],
    },
  };
  test.each([
    { label: "egress deny: the name never resolves", policies: [egressDeny], host: "my-backend-api.production", outcome: "dns-failure" },
    { label: "egress deny: an address literal needs no DNS, but is dropped", policies: [egressDeny], host: "10.96.120.15", outcome: "timeout" },
    { label: "DNS allowed, the backend not: resolves, then dropped", policies: [egressDeny, allowDns], host: "my-backend-api.production", outcome: "timeout" },
  ])("$label", ({ policies, host, outcome }) => {
    const state = articleState(policies);
    const result = connect(state, { from: fromPod(state, "netshoot"), host, port: 80 });
    expect(result.outcome).toBe(outcome);
    if (outcome === "dns-failure") expect(summaries(result.hops)).toContain("DNS query to 10.96.0.10:53/UDP");
  });
});

describe("connect: deterministic endpoint choice", () => {
  const state = articleState();
  const request: ConnectRequest = { from: fromPod(state, "netshoot"), host: "10.96.120.15", port: 80 };

  test("the same request takes the same endpoint", () => {
    expect(connect(state, request).endpoint?.ip).toBe(connect(state, request).endpoint?.ip);
  });

  test("repeated attempts spread over both endpoints", () => {
    const ips = new Set(Array.from({ length: 20 }, (_, attempt) => connect(state, { ...request, attempt }).endpoint?.ip));
    expect(ips).toEqual(new Set(["10.244.1.5", "10.244.2.7"]));
  });

  test("sessionAffinity ClientIP pins every attempt to one endpoint", () => {
    const sticky = withService({ clusterIP: "10.96.120.15", sessionAffinity: "ClientIP", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 3000 }] });
    const from = fromPod(sticky, "netshoot");
    const ips = new Set(Array.from({ length: 20 }, (_, attempt) => connect(sticky, { from, host: "10.96.120.15", port: 80, attempt }).endpoint?.ip));
    expect(ips.size).toBe(1);
  });
});

describe("connect never throws", () => {
  const state = articleState([denyAll]);
  test("on arbitrary hosts, ports and sources", () => {
    const sources: TrafficPeer[] = [fromPod(state, "netshoot"), external, fromPod(state, "my-backend-7d9f8b6c5-k2x4p", "production")];
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.ipV4(), fc.constantFrom("my-backend-api.production", "kubernetes.default", "172.18.0.3", "10.96.120.15")),
        fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constantFrom(80, 3000, 30080)),
        fc.constantFrom("TCP", "UDP", "SCTP"),
        fc.integer({ min: 0, max: 2 }),
        (host, port, protocol, source) => {
          const result = connect(state, { from: sources[source], host, port, protocol: protocol as "TCP" });
          expect(["connected", "refused", "timeout", "dns-failure"]).toContain(result.outcome);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("connect: answers follow the cluster as it changes", () => {
  test("a nameserver probe is asked again after a write: egress deny, then its removal", () => {
    const cluster = Cluster.create({ addons: ["coredns"] });
    const applied = cluster.applyText(
      [
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: web\n    image: nginx",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n  - name: c\n    image: nicolaka/netshoot",
      ].join("\n---\n"),
    );
    expect(applied.errors).toEqual([]);
    expect(applied.documents.every((d) => d.result.ok)).toBe(true);
    const request = () => ({ from: fromPod(cluster, "client"), host: "web", port: 80 });
    expect(connect(cluster, request()).outcome).toBe("connected");
    cluster.applyText("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-egress\nspec:\n  podSelector: {}\n  policyTypes: [Egress]");
    const denied = connect(cluster, request());
    expect(denied.outcome).toBe("dns-failure");
    expect(summaries(denied.hops)).toContain("DNS query to 10.96.0.10:53/UDP");
    expect(cluster.delete("NetworkPolicy", "deny-egress", "default").ok).toBe(true);
    expect(connect(cluster, request()).outcome).toBe("connected");
  });
});
