import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { isIPv4InCIDR } from "@/lib/sim/network/ipv4";

describe("Cluster.create: what kubeadm init and the addons leave", () => {
  const cluster = Cluster.create();

  test("the four initial namespaces, each with its kubernetes.io/metadata.name label", () => {
    expect(cluster.list("Namespace").map((n) => [n.metadata.name, n.metadata.labels?.["kubernetes.io/metadata.name"], n.status?.phase])).toEqual([
      ["default", "default", "Active"],
      ["kube-node-lease", "kube-node-lease", "Active"],
      ["kube-public", "kube-public", "Active"],
      ["kube-system", "kube-system", "Active"],
    ]);
  });

  test.each([
    { node: "control-plane", ip: "172.18.0.2", cidr: "10.244.0.0/24", tainted: true },
    { node: "worker-1", ip: "172.18.0.3", cidr: "10.244.1.0/24", tainted: false },
    { node: "worker-2", ip: "172.18.0.4", cidr: "10.244.2.0/24", tainted: false },
  ])("node $node: address, podCIDR, Ready, taint", ({ node, ip, cidr, tainted }) => {
    const n = cluster.get("Node", node)!;
    expect(n.status?.addresses).toEqual([{ type: "InternalIP", address: ip }, { type: "Hostname", address: node }]);
    expect(n.spec?.podCIDR).toBe(cidr);
    expect(n.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("True");
    expect((n.spec?.taints ?? []).some((t) => t.key === "node-role.kubernetes.io/control-plane" && t.effect === "NoSchedule")).toBe(tainted);
    expect("node-role.kubernetes.io/control-plane" in (n.metadata.labels ?? {})).toBe(tainted);
  });

  test("Service default/kubernetes at 10.96.0.1:443 with Endpoints to the API server on 6443", () => {
    expect(cluster.get("Service", "kubernetes", "default")?.spec?.clusterIP).toBe("10.96.0.1");
    expect(cluster.get("Endpoints", "kubernetes", "default")?.subsets).toEqual([{ addresses: [{ ip: "172.18.0.2" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }]);
  });

  test("CoreDNS: 2 ready replicas behind kube-dns at 10.96.0.10 with dns, dns-tcp and metrics", () => {
    const svc = cluster.get("Service", "kube-dns", "kube-system")!;
    expect(svc.spec?.clusterIP).toBe("10.96.0.10");
    expect(svc.spec?.ports?.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(["dns 53/UDP", "dns-tcp 53/TCP", "metrics 9153/TCP"]);
    const pods = cluster.list("Pod", "kube-system").filter((p) => p.metadata.labels?.["k8s-app"] === "kube-dns");
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.status?.phase === "Running")).toBe(true);
    const subsets = cluster.get("Endpoints", "kube-dns", "kube-system")?.subsets ?? [];
    expect(subsets).toHaveLength(1);
    expect(subsets[0].addresses?.map((a) => a.ip).sort()).toEqual(pods.map((p) => p.status!.podIP!).sort());
    expect(cluster.get("Deployment", "coredns", "kube-system")?.status?.readyReplicas).toBe(2);
  });

  test("without the coredns addon there is no kube-dns", () => {
    expect(Cluster.create({ addons: [] }).get("Service", "kube-dns", "kube-system")).toBeUndefined();
  });

  test("ingress-nginx: the controller Service gets a load-balancer address and IngressClass nginx names the controller", () => {
    const c = Cluster.create({ addons: ["coredns", "ingress-nginx"] });
    const svc = c.get("Service", "ingress-nginx-controller", "ingress-nginx")!;
    expect(svc.spec?.type).toBe("LoadBalancer");
    expect(isIPv4InCIDR(svc.status?.loadBalancer?.ingress?.[0]?.ip ?? "", "203.0.113.0/24")).toBe(true);
    expect(c.get("IngressClass", "nginx")?.spec?.controller).toBe("k8s.io/ingress-nginx");
    const pods = c.list("Pod", "ingress-nginx");
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.labels).toMatchObject({ "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/component": "controller" });
    expect(c.get("Endpoints", "ingress-nginx-controller", "ingress-nginx")?.subsets?.[0].ports?.map((p) => p.port).sort()).toEqual([443, 80]);
  });

  test("cert-manager: its namespace and Deployment", () => {
    const c = Cluster.create({ addons: ["cert-manager"] });
    expect(c.get("Namespace", "cert-manager")).toBeDefined();
    expect(c.get("Deployment", "cert-manager", "cert-manager")?.status?.readyReplicas).toBe(1);
  });

  test("aws-vpc-cni: pod IPs come from the node's VPC subnet and look like node IPs", () => {
    const c = Cluster.create({ config: { cni: "aws-vpc-cni" } });
    for (const p of c.list("Pod", "kube-system")) {
      const node = c.config.nodes.find((n) => n.name === p.spec?.nodeName)!;
      expect(isIPv4InCIDR(p.status!.podIP!, node.podCIDR)).toBe(true);
      expect(p.status!.podIP!.startsWith("192.168.")).toBe(true);
    }
    expect(c.get("Node", "worker-1")?.spec?.podCIDR).toBeUndefined();
  });
});
